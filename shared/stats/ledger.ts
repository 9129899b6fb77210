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
import type { Cell, Column } from './columns'

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

interface LedgerContext {
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
const LEDGER_COLUMNS: ReadonlyArray<Column<LedgerRow>> = [
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
