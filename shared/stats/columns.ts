// The figures a bureau reports, as table columns (the 月报 table, exports, the statistics page) — figures only, so
// the mini-program can draw the table without the statistics' computation.
import type { BreakdownRow, Figures } from './figures'

export type Cell = string | number | null

export interface Column<R> {
  header: string
  value: (row: R) => Cell
}

const percent = (rate: number | null) => (rate === null ? null : `${(rate * 100).toFixed(1)}%`)

/** The figures a bureau reports, in the order of the 月报 table. */
export const FIGURE_COLUMNS: ReadonlyArray<Column<Figures>> = [
  { header: '收到件数', value: (f) => f.received },
  { header: '受理件数', value: (f) => f.accepted },
  { header: '不予受理件数', value: (f) => f.notAccepted },
  { header: '办结件数', value: (f) => f.closed },
  { header: '按期办结件数', value: (f) => f.closedOnTime },
  { header: '按期办结率', value: (f) => percent(f.onTimeRate) },
  { header: '逾期件数', value: (f) => f.overdue },
  { header: '延期件数', value: (f) => f.extended },
  { header: '平均受理用时（工作日）', value: (f) => f.daysToAccept.average },
  { header: '受理用时90%分位（工作日）', value: (f) => f.daysToAccept.p90 },
  { header: '平均办结用时（工作日）', value: (f) => f.daysToClose.average },
  { header: '办结用时90%分位（工作日）', value: (f) => f.daysToClose.p90 },
  { header: '重复举报件数', value: (f) => f.repeat },
  { header: '提级办理件数', value: (f) => f.escalated },
  { header: '督办件数', value: (f) => f.supervised },
  { header: '复查申请', value: (f) => f.review.requested },
  { header: '复查维持', value: (f) => f.review.upheld },
  { header: '复查变更', value: (f) => f.review.revised },
  { header: '复核申请', value: (f) => f.reReview.requested },
  { header: '复核维持', value: (f) => f.reReview.upheld },
  { header: '复核变更', value: (f) => f.reReview.revised },
  { header: '评价件数', value: (f) => f.satisfaction.rated },
  { header: '满意件数', value: (f) => f.satisfaction.satisfied },
  { header: '满意率', value: (f) => percent(f.satisfaction.rate) },
]

/** A breakdown as a table: the group's name, then the figures; the total last. */
export function figuresTable(
  groupHeader: string,
  rows: readonly BreakdownRow[],
  total: Figures,
): { headers: string[]; rows: Cell[][] } {
  return {
    headers: [groupHeader, ...FIGURE_COLUMNS.map((c) => c.header)],
    rows: [
      ...rows.map((r) => [r.label, ...FIGURE_COLUMNS.map((c) => c.value(r.figures))]),
      ['合计', ...FIGURE_COLUMNS.map((c) => c.value(total))],
    ],
  }
}
