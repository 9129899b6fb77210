// What an export carries: the statistics table (the figures a bureau reports up, one row per unit, county,
// category …) and the case ledger (台账: one row per case). Both are built from inputs that have no reporter field
// at all — the ledger's input type leaves the reporter, the description and the photos out — so no name, phone,
// openid or query code can reach a file, whatever the case holds.
import { shanghaiDateOf, workingDaysBetween, type WorkingCalendar } from '../calendar'
import type { CaseClock } from '../deadlines'
import { CATEGORIES, type CategoryKey } from '../vocabulary/categories'
import { REQUEST_TYPES, type RequestTypeKey } from '../vocabulary/request-types'
import { stateLabel, type CaseStateKey } from '../workflow/states'
import { INTAKE_CHANNELS, type IntakeChannel } from '../workflow/grounds'
import { ratingOf, type CaseDoc } from '../cases/case-doc'
import type { LocalDate } from '../time'
import { overdueOnOf } from './case-facts'
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

/** What the ledger may read of a case: no reporter, no description, no photos, no words of the reporter. */
export interface LedgerInput {
  refNo: string
  status: CaseStateKey
  requestType: RequestTypeKey
  category: CategoryKey
  regionCode: string | null
  address: string
  reportedEntity: string | null
  unitId: string
  channel: IntakeChannel
  extensionDays: number
  supervised: boolean
  reviewRounds: number
  receivedOn: LocalDate
  acceptedOn: LocalDate | null
  /** The reply's rating in stars (the comment is the reporter's words: left out). */
  stars: number | null
}

/** The ledger's input of a stored case: the fields above, taken one by one. */
export function ledgerInputOf(doc: CaseDoc): LedgerInput {
  const first = doc.history[0]!
  const accept = doc.history.find((h) => h.event.type === 'accept')
  return {
    refNo: doc.refNo,
    status: doc.status,
    requestType: doc.requestType,
    category: doc.category,
    regionCode: doc.regionCode,
    address: doc.location.address,
    reportedEntity: doc.reportedEntity,
    unitId: doc.unitId,
    channel: doc.facts.channel,
    extensionDays: doc.flags.extension.grantedDays,
    supervised: doc.flags.supervised,
    reviewRounds: doc.flags.reviewRounds,
    receivedOn: shanghaiDateOf(first.event.type === 'register' ? first.event.receivedAt : first.at),
    acceptedOn: accept ? shanghaiDateOf(accept.at) : null,
    stars: ratingOf(doc)?.stars ?? null,
  }
}

export interface LedgerContext {
  calendar: WorkingCalendar
  clocks: readonly CaseClock[]
  unitName: (id: string) => string
  countyName: (code: string) => string
  /** The export's day: overdue is judged as of it. */
  today: LocalDate
}

export interface LedgerRow {
  input: LedgerInput
  ctx: LedgerContext
}

const yesNo = (value: boolean) => (value ? '是' : '否')

function closing(ctx: LedgerContext) {
  const handling = ctx.clocks.find((c) => c.clock === 'handling')
  return handling?.state === 'completed' && handling.completedAt
    ? { on: shanghaiDateOf(handling.completedAt), onTime: handling.metDeadline === true }
    : null
}

const daysFrom = (ctx: LedgerContext, from: LocalDate, to: LocalDate | null | undefined) =>
  to ? workingDaysBetween(ctx.calendar, from, to).count : null

/** The case ledger's columns (台账). */
export const LEDGER_COLUMNS: ReadonlyArray<Column<LedgerRow>> = [
  { header: '编号', value: ({ input }) => input.refNo },
  { header: '收到日期', value: ({ input }) => input.receivedOn },
  { header: '诉求类型', value: ({ input }) => REQUEST_TYPES[input.requestType] },
  { header: '污染类别', value: ({ input }) => CATEGORIES[input.category].label },
  { header: '区县', value: ({ input, ctx }) => (input.regionCode ? ctx.countyName(input.regionCode) : '') },
  { header: '问题地址', value: ({ input }) => input.address },
  { header: '被反映对象', value: ({ input }) => input.reportedEntity ?? '' },
  { header: '来源渠道', value: ({ input }) => INTAKE_CHANNELS[input.channel] },
  { header: '承办单位', value: ({ input, ctx }) => ctx.unitName(input.unitId) },
  { header: '办理状态', value: ({ input }) => stateLabel(input.status) },
  { header: '受理日期', value: ({ input }) => input.acceptedOn },
  {
    header: '受理用时（工作日）',
    value: ({ input, ctx }) => daysFrom(ctx, input.receivedOn, input.acceptedOn),
  },
  { header: '办结日期', value: ({ ctx }) => closing(ctx)?.on ?? null },
  {
    header: '办结用时（工作日）',
    value: ({ input, ctx }) => daysFrom(ctx, input.receivedOn, closing(ctx)?.on),
  },
  {
    header: '按期办结',
    value: ({ ctx }) => {
      const closed = closing(ctx)
      return closed ? yesNo(closed.onTime) : null
    },
  },
  { header: '逾期', value: ({ ctx }) => yesNo((overdueOnOf(ctx.clocks) ?? '9999-12-31') <= ctx.today) },
  { header: '延期天数', value: ({ input }) => input.extensionDays },
  { header: '督办', value: ({ input }) => yesNo(input.supervised) },
  { header: '复查次数', value: ({ input }) => input.reviewRounds },
  { header: '评价（星）', value: ({ input }) => input.stars },
]

export function ledgerTable(rows: readonly LedgerRow[]): { headers: string[]; rows: Cell[][] } {
  return {
    headers: LEDGER_COLUMNS.map((c) => c.header),
    rows: rows.map((r) => LEDGER_COLUMNS.map((c) => c.value(r))),
  }
}
