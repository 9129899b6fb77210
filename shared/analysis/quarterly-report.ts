// The quarterly analysis report (每季度形成分析报告, S0 第十五条; 汇总、分析，研究提出对策建议, S3 第十九条): the
// quarter's figures and how they moved, charts, where reports concentrate (hotspots: geohash-6 cells), which
// entities are reported most, and the problems reported again and again (S0 第十一条: 3次以上). Built from the
// three months' figures and the quarter's tally; a pure function of them, so the document is reproducible.
// The report is for the bureau (it names reported entities); it holds nothing of any reporter.
import { decodeGeohashBounds } from '../geo/cells'
import { CATEGORY_KEYS, categoryLabel, type CategoryKey } from '../vocabulary/categories'
import { categoryChart, countyChart, rateTrendChart, trendChart, type ChartSpec } from './charts'
import {
  byCategory,
  byCounty,
  mergeRows,
  onTimeRate,
  percent,
  satisfactionRate,
  totalsOf,
  type FigureCounts,
  type MonthlyFigures,
} from './figures'
import type { CellTally, EntityTally, QuarterTally } from './quarter-tally'
import { monthLabel, quarterLabel, quarterMonths, type Quarter } from '../months'

interface Hotspot {
  cell: string
  /** The cell's centre (WGS-84). */
  lat: number
  lng: number
  county: string
  count: number
  /** The category reported most there, and how often. */
  topCategory: { key: CategoryKey; label: string; count: number }
}

interface ReportedEntity {
  name: string
  count: number
  categories: string
}

interface RepeatProblem {
  /** An entity's name, or a hotspot cell's county and category. */
  what: string
  count: number
}

export interface QuarterlyReport {
  quarter: Quarter
  title: string
  months: string[]
  generatedAt: string
  /** False for a quarter not yet over: the figures are 截至 generatedAt. */
  complete: boolean
  totals: FigureCounts & { onTimeRate: number | null; satisfactionRate: number | null }
  /** Change in reports received against the quarter before (percent), null without its figures. */
  receivedChange: number | null
  /** The findings in sentences, for a leader who reads only these. */
  summary: string[]
  byCategory: Array<{ label: string } & FigureCounts>
  byCounty: Array<{ name: string } & FigureCounts>
  charts: ChartSpec[]
  hotspots: Hotspot[]
  topEntities: ReportedEntity[]
  repeat: {
    threshold: number
    basis: string
    /** Reports whose repeat count set off the profile's repeat action this quarter. */
    actions: number
    entities: RepeatProblem[]
    places: RepeatProblem[]
  }
  /** Where the figures came from (the adapter's source), stated in the document. */
  sources: string[]
}

export interface QuarterlyReportInput {
  quarter: Quarter
  /** The figures of the quarter's months (those counted; a month not yet counted is absent). */
  months: readonly MonthlyFigures[]
  /** The figures of the quarter before, for the change; empty when not known. */
  previous: readonly MonthlyFigures[]
  /** The trend: up to twelve months ending with the quarter's last. */
  trend: readonly MonthlyFigures[]
  tally: QuarterTally
  countyName: (code: string | null) => string
  repeatPolicy: { threshold: number; basis: string }
  generatedAt: string
  complete: boolean
  /** How many hotspots and entities the report lists. */
  top?: number
}

const SOURCE_TEXT = {
  'monthly-report': '取自当月统计报表（S0 第十八条），各项按当月发生的情况统计',
} as const

function topCategoryOf(byCat: Partial<Record<CategoryKey, number>>) {
  const [key, count] = CATEGORY_KEYS.map((k) => [k, byCat[k] ?? 0] as const).reduce((best, next) =>
    next[1] > best[1] ? next : best,
  )
  return { key, label: categoryLabel(key), count }
}

const byCountThenKey =
  <T extends { count: number }>(key: (t: T) => string) =>
  (a: T, b: T) =>
    b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)

function hotspotsOf(
  cells: Record<string, CellTally>,
  countyName: (code: string | null) => string,
  top: number,
): Hotspot[] {
  return Object.values(cells)
    .sort(byCountThenKey((c) => c.cell))
    .slice(0, top)
    .map((c) => {
      const b = decodeGeohashBounds(c.cell)
      const round = (d: number) => Math.round(d * 1e5) / 1e5
      return {
        cell: c.cell,
        lat: round((b.south + b.north) / 2),
        lng: round((b.west + b.east) / 2),
        county: countyName(c.regionCode),
        count: c.count,
        topCategory: topCategoryOf(c.byCategory),
      }
    })
}

function categoriesText(byCat: Partial<Record<CategoryKey, number>>): string {
  return CATEGORY_KEYS.filter((k) => byCat[k])
    .map((k) => `${categoryLabel(k)} ${byCat[k]}`)
    .join('、')
}

function topEntitiesOf(entities: Record<string, EntityTally>, top: number): ReportedEntity[] {
  return Object.values(entities)
    .sort(byCountThenKey((e) => e.key))
    .slice(0, top)
    .map((e) => ({ name: e.name, count: e.count, categories: categoriesText(e.byCategory) }))
}

/** Entities and places (a cell, one category) reported `threshold` times or more in the quarter. */
function repeatProblemsOf(
  tally: QuarterTally,
  threshold: number,
  countyName: (code: string | null) => string,
): { entities: RepeatProblem[]; places: RepeatProblem[] } {
  const entities = Object.values(tally.entities)
    .filter((e) => e.count >= threshold)
    .sort(byCountThenKey((e) => e.key))
    .map((e) => ({ what: e.name, count: e.count }))
  const places = Object.values(tally.cells)
    .flatMap((c) =>
      CATEGORY_KEYS.filter((k) => (c.byCategory[k] ?? 0) >= threshold).map((k) => ({
        key: `${c.cell}|${k}`,
        what: `${countyName(c.regionCode)} ${c.cell} 一带 · ${categoryLabel(k)}`,
        count: c.byCategory[k]!,
      })),
    )
    .sort(byCountThenKey((p) => p.key))
    .map(({ what, count }) => ({ what, count }))
  return { entities, places }
}

export function buildQuarterlyReport(input: QuarterlyReportInput): QuarterlyReport {
  const top = input.top ?? 10
  const rows = mergeRows(input.months.map((m) => m.rows))
  const totals = totalsOf(rows)
  const previousTotals = input.previous.length ? totalsOf(mergeRows(input.previous.map((m) => m.rows))) : null
  const receivedChange =
    previousTotals && previousTotals.received > 0
      ? Math.round(((totals.received - previousTotals.received) / previousTotals.received) * 1000) / 10
      : null
  const categories = byCategory(rows)
  const counties = byCounty(rows)
  const hotspots = hotspotsOf(input.tally.cells, input.countyName, top)
  const topEntities = topEntitiesOf(input.tally.entities, top)
  const repeat = repeatProblemsOf(input.tally, input.repeatPolicy.threshold, input.countyName)
  const rates = { onTimeRate: onTimeRate(totals), satisfactionRate: satisfactionRate(totals) }

  const summary: string[] = []
  summary.push(
    `本季度收到反映 ${totals.received} 件，受理 ${totals.accepted} 件，办结 ${totals.closed} 件，其中按期办结 ${totals.closedOnTime} 件` +
      (rates.onTimeRate !== null ? `（按期办结率 ${rates.onTimeRate}%）` : '') +
      '。',
  )
  if (receivedChange !== null) {
    summary.push(
      `收到反映较上季度${receivedChange > 0 ? `增加 ${receivedChange}%` : receivedChange < 0 ? `减少 ${-receivedChange}%` : '持平'}。`,
    )
  }
  const leading = [...categories].sort((a, b) => b.received - a.received)[0]
  if (leading && totals.received > 0) {
    summary.push(
      `${categoryLabel(leading.category)}类反映最多，${leading.received} 件，占 ${percent(leading.received, totals.received)}%。`,
    )
  }
  if (rates.satisfactionRate !== null) {
    summary.push(`已评价的答复 ${totals.rated} 件，满意率 ${rates.satisfactionRate}%。`)
  }
  if (hotspots[0]) {
    summary.push(
      `反映最集中的区域在${hotspots[0].county}（${hotspots[0].cell} 一带），${hotspots[0].count} 件，以${hotspots[0].topCategory.label}为主。`,
    )
  }
  if (repeat.entities.length || repeat.places.length) {
    summary.push(
      `同一对象或地点反映 ${input.repeatPolicy.threshold} 次以上的问题 ${repeat.entities.length + repeat.places.length} 处，建议列入重点督办和执法检查。`,
    )
  }

  const sources = [...new Set(input.months.map((m) => `${monthLabel(m.month)}：${SOURCE_TEXT[m.source]}`))]
  const missing = quarterMonths(input.quarter).filter((m) => !input.months.some((f) => f.month === m))
  if (missing.length) sources.push(`${missing.map(monthLabel).join('、')}：尚无统计数据`)

  return {
    quarter: input.quarter,
    title: `${quarterLabel(input.quarter)}生态环境举报投诉分析报告`,
    months: quarterMonths(input.quarter),
    generatedAt: input.generatedAt,
    complete: input.complete,
    totals: { ...totals, ...rates },
    receivedChange,
    summary,
    byCategory: categories.map(({ category, ...c }) => ({ label: categoryLabel(category), ...c })),
    byCounty: counties.map(({ regionCode, ...c }) => ({ name: input.countyName(regionCode), ...c })),
    charts: [
      trendChart(input.trend),
      rateTrendChart(input.trend),
      categoryChart(rows, '本季度各类别收到反映'),
      countyChart(rows, input.countyName, '本季度各县（市、区）收到与办结'),
    ],
    hotspots,
    topEntities,
    repeat: {
      threshold: input.repeatPolicy.threshold,
      basis: input.repeatPolicy.basis,
      actions: input.tally.repeatActions,
      ...repeat,
    },
    sources,
  }
}
