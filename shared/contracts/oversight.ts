// oversight: the supervisor's desk (overdue and supervised cases across the units in scope, 督办单 and their
// results, early warnings, return visits), spot checks (抽查), leaders' cases (领导包案) and receptions (领导接访).
// Workflow steps go through the case's workflow as the caller (the same events the staff case page can send);
// everything a request names — cases, units, samples, warnings — is reached through the caller's unit scope, and
// out of scope answers like missing.
import type { InboxItem, StaffCaseDetail } from '../cases/views/staff'
import { SUPERVISION_REASONS } from '../workflow/grounds'
import { SPOT_CHECK_FINDINGS, SUPERVISION_SEND_BACK_REASONS } from '../workflow/catalogue/supervision'
import type { CasePage } from './cases'
import {
  cursorSchema,
  dateSchema,
  idSchema,
  monthSchema,
  pageLimitSchema,
  versionSchema,
} from '../vocabulary/fields'
import { action, staffWith } from './define'
import * as z from '../vocabulary/zod'

export const DESK_LISTS = {
  overdue: '逾期未办',
  supervision: '督办单待上报',
  reported: '督办结果待审核',
  supervised: '已督办',
  'return-visits': '待回访',
} as const
export type DeskList = keyof typeof DESK_LISTS

const keysOf = <O extends object>(o: O) => Object.keys(o) as [keyof O & string, ...(keyof O & string)[]]

const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`),
      z.maxLength(max, `${label}最多 ${max} 个字`),
    )

const deskInput = z._default(
  z.object({
    list: z._default(z.enum(keysOf(DESK_LISTS), { error: '没有这个列表' }), 'overdue'),
    cursor: cursorSchema,
    limit: pageLimitSchema(50),
  }),
  { list: 'overdue', limit: 20 },
)

/** A desk row: the inbox row, with the 督办单's clock and the return visit's due date where they apply. */
export interface DeskItem extends InboxItem {
  /** The case's version (acting on it from the desk sends it back: a concurrent edit answers CONFLICT). */
  version: number
  supervisionOrder: {
    due: string
    state: 'open' | 'reported' | 'closed'
    overdue: boolean
    sendBacks: number
  } | null
  returnVisitDue: string | null
  leaderStaffId: string | null
}

const caseStep = { caseId: idSchema, expectedVersion: versionSchema }

const orderSupervisionInput = z.object({
  ...caseStep,
  reason: z.enum(keysOf(SUPERVISION_REASONS), { error: '请选择督办情形' }),
  instructions: text('督办要求', 2000),
  dueDate: dateSchema('办结上报期限'),
})

const checkSupervisionInput = z.discriminatedUnion(
  'decision',
  [
    z.object({
      ...caseStep,
      decision: z.literal('accept'),
      note: z._default(z.string().check(z.trim(), z.maxLength(500, '审核意见最多 500 个字')), ''),
    }),
    z.object({
      ...caseStep,
      decision: z.literal('send-back'),
      reason: z.enum(keysOf(SUPERVISION_SEND_BACK_REASONS), { error: '请选择退回理由' }),
      note: text('退回说明', 1000),
      dueDate: dateSchema('重新上报期限'),
    }),
  ],
  { error: '请选择审核通过或退回' },
)

const recordReturnVisitInput = z.object({
  ...caseStep,
  problemRecurred: z.boolean({ error: '请说明问题是否反弹' }),
  satisfied: z._default(z.nullable(z.boolean()), null),
  note: text('回访情况', 2000),
})

const orderRedoInput = z.object({ ...caseStep, reason: text('重新办理的理由', 1000) })

const drawSpotCheckInput = z.object({ unitId: idSchema, period: monthSchema() })

interface SpotCheckFindingView {
  caseId: string
  refNo: string
  /** The case's version, to record a finding or order a redo at (null: not reachable). */
  version: number | null
  statusLabel: string
  finding: keyof typeof SPOT_CHECK_FINDINGS | null
  problemRecurred: boolean | null
  note: string | null
  redoOrdered: boolean
}

export interface SpotCheckView {
  id: string
  unitId: string
  unitName: string
  period: string
  /** `<unitId>|<period>`: anyone drawing again with it gets the same cases (shared/oversight/sampling.ts). */
  seed: string
  population: number
  drawnAt: string
  drawnBy: string
  items: SpotCheckFindingView[]
}

const spotCheckInput = z.object({ sampleId: idSchema })

const recordSpotCheckInput = z.object({
  sampleId: idSchema,
  ...caseStep,
  finding: z.enum(keysOf(SPOT_CHECK_FINDINGS), { error: '请选择抽查结论' }),
  problemRecurred: z.boolean({ error: '请说明问题是否反弹' }),
  note: text('抽查情况', 2000),
})

const spotChecksInput = z._default(
  z.object({
    unitId: z._default(z.nullable(idSchema), null),
    cursor: cursorSchema,
    limit: pageLimitSchema(50),
  }),
  { unitId: null, limit: 20 },
)

export interface SpotCheckSummary {
  id: string
  unitId: string
  unitName: string
  period: string
  population: number
  sampled: number
  checked: number
  irregular: number
}

const warningsInput = z._default(
  z.object({
    status: z._default(z.enum(['open', 'all'], { error: '范围只能是 open 或 all' }), 'open'),
    cursor: cursorSchema,
    limit: pageLimitSchema(20),
  }),
  { status: 'open', limit: 10 },
)

export interface WarningView {
  id: string
  category: string
  categoryLabel: string
  reporters: number
  raisedAt: string
  basis: string
  status: 'open' | 'handled'
  handledNote: string | null
  /** The cases behind it that the caller may reach (others are counted, not shown). */
  cases: InboxItem[]
  hiddenCases: number
}

const handleWarningInput = z.object({ warningId: idSchema, note: text('处置情况', 1000, 2) })

const leaderCasesInput = z._default(z.object({ cursor: cursorSchema, limit: pageLimitSchema(50) }), {
  limit: 20,
})

const takeLeaderCaseInput = z.object({
  ...caseStep,
  note: z._default(z.string().check(z.trim(), z.maxLength(500, '包案说明最多 500 个字')), ''),
})

const recordReceptionInput = z.object({
  date: dateSchema('接访日期'),
  /** The leader who received them (a leader of the caller's scope). */
  leaderStaffId: idSchema,
  /** Petitioners' names: sealed when stored, never in statistics or exports. */
  petitioners: z
    .array(text('来访人姓名', 40))
    .check(z.minLength(1, '请填写来访人'), z.maxLength(50, '来访人最多 50 人')),
  matters: text('反映事项', 2000, 2),
  assignments: z._default(
    z
      .array(z.object({ unitId: idSchema, task: text('交办事项', 500, 2) }))
      .check(z.maxLength(20, '交办事项最多 20 项')),
    [],
  ),
})

export interface ReceptionView {
  id: string
  date: string
  leaderStaffId: string
  leaderName: string
  unitId: string
  /** Masked (王*明); the names stay sealed. */
  petitioners: string[]
  petitionerCount: number
  matters: string
  assignments: Array<{ unitId: string; unitName: string; task: string }>
  recordedBy: string
}

const receptionsInput = z.object({ month: monthSchema() })

export interface ReceptionMonth {
  month: string
  /** The jurisdiction's monthly minimum per leader (null: none set) and the article it rests on. */
  minimum: { perMonth: number; basis: string } | null
  counts: Array<{ leaderStaffId: string; leaderName: string; count: number; belowMinimum: boolean | null }>
  receptions: ReceptionView[]
}

const DESK = staffWith('supervisor', 'leader', 'office-head')
const SUPERVISOR = staffWith('supervisor')
const RETURN_VISITORS = staffWith('officer', 'office-head', 'supervisor')

export const oversightContract = {
  desk: action<CasePage<DeskItem>>()(deskInput, DESK),
  /** 下达督办单 (S3 第十五条). */
  orderSupervision: action<StaffCaseDetail>()(orderSupervisionInput, SUPERVISOR),
  /** The supervisor's check of a reported 督办 result: accept, or send back with a new time limit. */
  checkSupervision: action<StaffCaseDetail>()(checkSupervisionInput, SUPERVISOR),
  /** 回访 (S0 第八条, S4 四(七)). */
  recordReturnVisit: action<StaffCaseDetail>()(recordReturnVisitInput, RETURN_VISITORS),
  /** 重新办理 after a return visit or spot check found a problem (S0 第八条, S3 第十四条). */
  orderRedo: action<StaffCaseDetail>()(orderRedoInput, staffWith('supervisor', 'office-head', 'leader')),
  /** Draws (or finds) the unit's reproducible sample for a month (S3 第十四条); audited. */
  drawSpotCheck: action<SpotCheckView>()(drawSpotCheckInput, SUPERVISOR),
  spotChecks: action<CasePage<SpotCheckSummary>>()(spotChecksInput, SUPERVISOR),
  spotCheck: action<SpotCheckView>()(spotCheckInput, SUPERVISOR),
  recordSpotCheck: action<SpotCheckView>()(recordSpotCheckInput, SUPERVISOR),
  /** Early warnings (S3 第十六条) of the supervising units in scope, with the cases behind them. */
  warnings: action<CasePage<WarningView>>()(warningsInput, staffWith('supervisor', 'leader')),
  handleWarning: action<WarningView>()(handleWarningInput, staffWith('supervisor', 'leader')),
  /** The caller's own 包案 cases, with their clocks. */
  leaderCases: action<CasePage<DeskItem>>()(leaderCasesInput, staffWith('leader')),
  takeLeaderCase: action<StaffCaseDetail>()(takeLeaderCaseInput, staffWith('leader')),
  /** 领导接访 (S2 第七条): recorded by the leader or the office supporting them; audited. */
  recordReception: action<ReceptionView>()(recordReceptionInput, staffWith('leader', 'supervisor', 'intake')),
  receptions: action<ReceptionMonth>()(receptionsInput, staffWith('leader', 'supervisor', 'intake')),
}
