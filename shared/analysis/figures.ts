// The monthly figures of a jurisdiction, per county and category: what the monthly summary reports upward by the
// 10th (S0 第十八条), what is disclosed to the public every month (S1 第十三条, S3 第十七条) and what the quarterly
// analysis reads (S0 第十五条, S3 第十九条). This is the interface the disclosure page, the charts and the quarterly
// report are built on. The figures are the month's statistics (shared/stats: each event counted in the Shanghai month
// it happened in) summed by county × category (`figureRowsOf`), read through one adapter in the cloud functions
// (common/analysis/monthly-figures.ts: `monthlyFiguresFor`). Counts only: no figure carries a case, a place finer
// than a county, or anything of a reporter.
import type { StatCell } from '../stats/figures'
import type { Month } from '../months'
import { CATEGORY_KEYS, type CategoryKey } from '../vocabulary/categories'

/**
 * The counts of one cell of the table, each declared once with its label (the public page, charts, report): the
 * statistics tally's counts of the same names (shared/stats/tally.ts — 满意 is SATISFIED_FROM_STARS or more).
 */
export const FIGURE_MEASURES = {
  received: '收到反映',
  accepted: '受理',
  closed: '办结',
  closedOnTime: '按期办结',
  rated: '评价',
  satisfied: '满意',
} as const

export type FigureMeasure = keyof typeof FIGURE_MEASURES
const FIGURE_MEASURE_KEYS = Object.keys(FIGURE_MEASURES) as FigureMeasure[]
export type FigureCounts = Record<FigureMeasure, number>

/** One county × category of a month. `regionCode` null: the report lay outside every county of the territory. */
export interface MonthlyFigureRow extends FigureCounts {
  regionCode: string | null
  category: CategoryKey
}

/**
 * Where a month's figures came from (the adapter says which): the month's stored statistics cells (`stats_months`,
 * what the monthly report of S0 第十八条 is built from).
 */
type FiguresSource = 'monthly-report'

export interface MonthlyFigures {
  month: Month
  rows: MonthlyFigureRow[]
  source: FiguresSource
  /** When the figures were counted (Shanghai ISO): the start of the pass that summed the month's cells. */
  countedAt: string
}

export const emptyCounts = (): FigureCounts => ({
  received: 0,
  accepted: 0,
  closed: 0,
  closedOnTime: 0,
  rated: 0,
  satisfied: 0,
})

function addCounts(into: FigureCounts, more: FigureCounts): FigureCounts {
  for (const key of FIGURE_MEASURE_KEYS) into[key] += more[key]
  return into
}

export function totalsOf(rows: readonly FigureCounts[]): FigureCounts {
  return rows.reduce((sum, row) => addCounts(sum, row), emptyCounts())
}

/** Rows summed by a key, in first-seen order. */
function groupBy<K>(
  rows: readonly MonthlyFigureRow[],
  key: (row: MonthlyFigureRow) => K,
): Map<K, FigureCounts> {
  const groups = new Map<K, FigureCounts>()
  for (const row of rows) {
    const k = key(row)
    groups.set(k, addCounts(groups.get(k) ?? emptyCounts(), row))
  }
  return groups
}

/** Per category, in the listing order of the report form; categories without a report are left out. */
export function byCategory(
  rows: readonly MonthlyFigureRow[],
): Array<{ category: CategoryKey } & FigureCounts> {
  const groups = groupBy(rows, (r) => r.category)
  return CATEGORY_KEYS.flatMap((category) => {
    const counts = groups.get(category)
    return counts ? [{ category, ...counts }] : []
  })
}

/** Per county, by division code (outside every county last). */
export function byCounty(
  rows: readonly MonthlyFigureRow[],
): Array<{ regionCode: string | null } & FigureCounts> {
  const groups = groupBy(rows, (r) => r.regionCode)
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([regionCode, counts]) => ({ regionCode, ...counts }))
}

/** A share as a whole percentage, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null
}

/** 按期办结率: of the reports closed, those closed on or before the due date of their handling clock. */
export const onTimeRate = (c: FigureCounts) => percent(c.closedOnTime, c.closed)
/** 满意率: of the replies rated, those rated SATISFIED_FROM_STARS or more (shared/stats/tally.ts). */
export const satisfactionRate = (c: FigureCounts) => percent(c.satisfied, c.rated)

/** The merged rows of several tables (several months): one row per county × category. */
export function mergeRows(tables: ReadonlyArray<readonly MonthlyFigureRow[]>): MonthlyFigureRow[] {
  const merged = new Map<string, MonthlyFigureRow>()
  for (const rows of tables) {
    for (const row of rows) {
      const key = `${row.regionCode ?? ''}|${row.category}`
      const into = merged.get(key) ?? { regionCode: row.regionCode, category: row.category, ...emptyCounts() }
      merged.set(key, { ...addCounts(into, row), regionCode: row.regionCode, category: row.category })
    }
  }
  return [...merged.values()]
}

/**
 * A month's rows from its statistics cells (one tally per unit × category × request type × county × channel ×
 * outcome), summed by county × category: each measure is the tally's count of the same name, `regionCode` the
 * cells' county (null: outside every county). Cells with none of these counts (only, say, an extension) give no row.
 */
export function figureRowsOf(cells: Iterable<StatCell>): MonthlyFigureRow[] {
  const rows = [...cells].map(({ dims, tally }) => ({
    regionCode: dims.county,
    category: dims.category,
    ...addCounts(emptyCounts(), tally),
  }))
  return mergeRows([rows]).filter((row) => FIGURE_MEASURE_KEYS.some((key) => row[key] > 0))
}
