// Chart data, derived once from the monthly figures: the staff trend page and the quarterly report draw these with
// F2 (@antv/f2, in the mini-program and H5), and the downloadable report draws the same specs as SVG. A chart is data
// (`ChartSpec`), never a picture: what it shows is tested here, how it is drawn is each renderer's business.
import { categoryLabel } from '../vocabulary/categories'
import {
  byCategory,
  byCounty,
  FIGURE_MEASURES,
  onTimeRate,
  satisfactionRate,
  totalsOf,
  type FigureMeasure,
  type MonthlyFigureRow,
  type MonthlyFigures,
} from './figures'
import { monthLabel } from '../months'

interface ChartDatum {
  /** The category axis: a month (`2026-11`), a county or a pollution category, as labelled. */
  x: string
  /** The series (legend) this value belongs to. */
  series: string
  y: number
}

export interface ChartSpec {
  key: string
  title: string
  kind: 'bar' | 'grouped-bar' | 'line'
  /** What `y` counts. */
  unit: '件' | '%'
  data: ChartDatum[]
}

/** Reports received per pollution category. */
export function categoryChart(rows: readonly MonthlyFigureRow[], title = '各类别收到反映'): ChartSpec {
  return {
    key: 'by-category',
    title,
    kind: 'bar',
    unit: '件',
    data: byCategory(rows).map((c) => ({
      x: categoryLabel(c.category),
      series: FIGURE_MEASURES.received,
      y: c.received,
    })),
  }
}

/** Received and closed per county (outside every county: 辖区外). */
export function countyChart(
  rows: readonly MonthlyFigureRow[],
  countyName: (code: string | null) => string,
  title = '各县（市、区）收到与办结',
): ChartSpec {
  const measures: FigureMeasure[] = ['received', 'closed']
  return {
    key: 'by-county',
    title,
    kind: 'grouped-bar',
    unit: '件',
    data: byCounty(rows).flatMap((c) =>
      measures.map((m) => ({ x: countyName(c.regionCode), series: FIGURE_MEASURES[m], y: c[m] })),
    ),
  }
}

/** Month by month: received, closed and closed on time (months in order; a missing month is left out). */
export function trendChart(months: readonly MonthlyFigures[], title = '逐月收到与办结'): ChartSpec {
  const measures: FigureMeasure[] = ['received', 'closed', 'closedOnTime']
  return {
    key: 'trend',
    title,
    kind: 'line',
    unit: '件',
    data: sortedMonths(months).flatMap((m) => {
      const totals = totalsOf(m.rows)
      return measures.map((measure) => ({
        x: monthLabel(m.month),
        series: FIGURE_MEASURES[measure],
        y: totals[measure],
      }))
    }),
  }
}

/** Month by month: 按期办结率 and 满意率 (a month with nothing closed or rated has no point for that rate). */
export function rateTrendChart(
  months: readonly MonthlyFigures[],
  title = '逐月按期办结率与满意率',
): ChartSpec {
  return {
    key: 'rates',
    title,
    kind: 'line',
    unit: '%',
    data: sortedMonths(months).flatMap((m) => {
      const totals = totalsOf(m.rows)
      const points: ChartDatum[] = []
      const onTime = onTimeRate(totals)
      const satisfied = satisfactionRate(totals)
      if (onTime !== null) points.push({ x: monthLabel(m.month), series: '按期办结率', y: onTime })
      if (satisfied !== null) points.push({ x: monthLabel(m.month), series: '满意率', y: satisfied })
      return points
    }),
  }
}

function sortedMonths(months: readonly MonthlyFigures[]): MonthlyFigures[] {
  return [...months].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
}

/** The series of a chart, in first-seen order (the legend). */
export function seriesOf(spec: ChartSpec): string[] {
  return [...new Set(spec.data.map((d) => d.series))]
}

/** The x values of a chart, in first-seen order (the axis). */
export function categoriesOf(spec: ChartSpec): string[] {
  return [...new Set(spec.data.map((d) => d.x))]
}
