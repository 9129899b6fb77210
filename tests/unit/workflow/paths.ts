// Canonical ways to bring a case into each state, and a canonical legal move for every transition row. The
// exhaustive tests walk these tables; the expected next state is written here by hand, independently of the
// transition table it checks.
import type { ProfileId } from '@shared/policy'
import { STATE_GROUPS, type CaseEventInput, type CaseEventType, type CaseStateKey } from '@shared/workflow'
import { actors, CaseDriver, CHECK_IN, REPLY, SITE_PHOTOS, SITE_VISIT } from './driver'

export type ActorKey = keyof typeof actors
type Step = readonly [CaseEventInput, ActorKey]

export const T0 = '2026-03-02T09:00:00+08:00'
/** T0 plus some hours, as an ISO instant. */
const hoursAfterT0 = (hours: number) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString()

/** The officer of the driver's actors, as an assignment names them. */
export const OFFICER = { id: 'officer-1', name: '王磊' }

const ASSIGNED: Step[] = [
  [{ type: 'accept' }, 'intake'],
  [{ type: 'assign', unitIds: ['unit-a'], officer: OFFICER }, 'dispatcher'],
]
const INVESTIGATING: Step[] = [...ASSIGNED, [{ type: 'start-investigation' }, 'officer']]
const DRAFTED: Step[] = [...INVESTIGATING, [SITE_VISIT, 'officer'], [REPLY, 'officer']]
const APPROVED: Step[] = [
  ...DRAFTED,
  [{ type: 'approve-reply' }, 'head'],
  [{ type: 'approve-reply' }, 'leader'],
]
const REPLIED: Step[] = [...APPROVED, [{ type: 'send-reply' }, 'officer']]
const REVIEW_DECIDED: Step[] = [
  ...REPLIED,
  [{ type: 'request-review', grounds: '处理不到位' }, 'reporter'],
  [{ type: 'decide-review', outcome: 'upheld', opinion: '维持原处理意见' }, 'leader'],
]
// S3 第十五条: a 督办单 and its result in three parts; S3 第十四条: a spot check finding irregular handling.
const SUPERVISION_ORDER = {
  type: 'issue-supervision-order',
  reason: 'procedure-violated',
  instructions: '限期核实并上报',
  dueDate: '2026-12-31',
} as const satisfies CaseEventInput
const SUPERVISION_RESULT = {
  type: 'report-supervision-result',
  result: { matter: '督办核实异味问题', investigation: '现场核查属实', opinion: '责令整改并立案' },
} as const satisfies CaseEventInput
const SPOT_CHECK_IRREGULAR = {
  type: 'record-spot-check',
  finding: 'irregular',
  problemRecurred: false,
  note: '未附现场检查记录',
} as const satisfies CaseEventInput
const CLOSED: Step[] = [...REPLIED, [{ type: 'accept-reply' }, 'reporter']]

const PATHS: Record<CaseStateKey, Step[]> = {
  registered: [],
  'awaiting-supplement': [[{ type: 'request-supplement', missingItems: ['现场照片'] }, 'intake']],
  accepted: [[{ type: 'accept' }, 'intake']],
  'not-accepted': [
    [{ type: 'not-accept', reason: 'legal-proceedings', guidance: '请向人民法院提起诉讼' }, 'intake'],
  ],
  merged: [[{ type: 'merge', intoCaseId: 'CASE-0001' }, 'intake']],
  'transferred-out': [
    [{ type: 'find-out-of-remit', finding: 'other-region', note: '位于邻市' }, 'intake'],
    [{ type: 'transfer', target: 'region', to: '410700', reason: '属新乡市管辖' }, 'intake'],
  ],
  assigned: ASSIGNED,
  investigating: INVESTIGATING,
  rectifying: [
    ...INVESTIGATING,
    [SITE_VISIT, 'officer'],
    [
      {
        type: 'order-rectification',
        target: '投料口无组织排放消除',
        measures: '密闭投料口',
        dueDate: '2026-03-20',
        responsibleParty: '某化工厂',
      },
      'officer',
    ],
  ],
  'pending-head-approval': DRAFTED,
  'pending-leader-approval': [...DRAFTED, [{ type: 'approve-reply' }, 'head']],
  'reply-approved': APPROVED,
  replied: REPLIED,
  'under-review': [...REPLIED, [{ type: 'request-review', grounds: '处理不到位' }, 'reporter']],
  'review-decided': REVIEW_DECIDED,
  'under-re-review': [
    ...REVIEW_DECIDED,
    [{ type: 'request-re-review', grounds: '不服复查意见' }, 'reporter'],
  ],
  closed: CLOSED,
  archived: [...CLOSED, [{ type: 'archive' }, 'intake']],
}

const prepared = new Map<string, CaseDriver>()

/** A case of the given profile brought into `status`, one hour per step from T0 (a fresh copy each call). */
export function caseIn(status: CaseStateKey, profile: ProfileId = 'national'): CaseDriver {
  const key = `${profile}|${status}`
  let driver = prepared.get(key)
  if (!driver) {
    driver = new CaseDriver(profile, { receivedAt: T0 })
    for (const [index, [event, actor]] of PATHS[status].entries())
      driver.apply(event, actors[actor], hoursAfterT0(index + 1))
    if (driver.state.status !== status) throw new Error(`path to ${status} ended in ${driver.state.status}`)
    prepared.set(key, driver)
  }
  return driver.fork()
}

export interface Move {
  event: CaseEventInput
  actor: ActorKey
  /** Expected next state ('same' = unchanged). */
  to: CaseStateKey | 'same'
  /** Done in the same state first (self-transitions). */
  setup?: Step[]
  profile?: ProfileId
  /** Hours after the last step (default 1). */
  later?: number
}

type MoveFor = (status: CaseStateKey) => Move

const approvalStep = (status: CaseStateKey): ActorKey =>
  status === 'pending-head-approval' ? 'head' : 'leader'

/** A legal move for each row of the transition table, by event type and row index. */
export const MOVES: { [T in Exclude<CaseEventType, 'register'>]: readonly MoveFor[] } = {
  'request-supplement': [
    () => ({
      event: { type: 'request-supplement', missingItems: ['照片'] },
      actor: 'intake',
      to: 'awaiting-supplement',
    }),
  ],
  'supply-supplement': [
    () => ({
      event: { type: 'supply-supplement', content: '照片 3 张' },
      actor: 'reporter',
      to: 'registered',
    }),
  ],
  accept: [() => ({ event: { type: 'accept' }, actor: 'intake', to: 'accepted' })],
  'not-accept': [
    () => ({
      event: { type: 'not-accept', reason: 'outside-remit', guidance: '请向住建部门反映' },
      actor: 'intake',
      to: 'not-accepted',
    }),
  ],
  merge: [() => ({ event: { type: 'merge', intoCaseId: 'CASE-0001' }, actor: 'dispatcher', to: 'merged' })],
  'find-out-of-remit': [
    () => ({
      event: { type: 'find-out-of-remit', finding: 'other-department', note: '属住建部门' },
      actor: 'intake',
      to: 'same',
    }),
  ],
  'mark-important': [
    () => ({ event: { type: 'mark-important', ground: 'joint-report' }, actor: 'leader', to: 'same' }),
  ],
  assign: [
    () => ({
      event: {
        type: 'assign',
        unitIds: ['unit-a', 'unit-b'],
        leadUnitId: 'unit-b',
        officer: OFFICER,
        instructions: '今晚到现场核查',
      },
      actor: 'dispatcher',
      to: 'assigned',
    }),
  ],
  transfer: [
    () => ({
      event: { type: 'transfer', target: 'unit', to: 'unit-b', reason: '属二大队辖区' },
      actor: 'dispatcher',
      to: 'assigned',
    }),
    () => ({
      event: { type: 'transfer', target: 'department', to: '市住建局', reason: '建筑施工扬尘属住建部门' },
      actor: 'dispatcher',
      to: 'transferred-out',
      setup: [[{ type: 'find-out-of-remit', finding: 'other-department', note: '属住建部门' }, 'intake']],
    }),
  ],
  'start-investigation': [
    () => ({ event: { type: 'start-investigation' }, actor: 'officer', to: 'investigating' }),
  ],
  'record-site-visit': [() => ({ event: SITE_VISIT, actor: 'officer', to: 'same' })],
  'record-initial-opinion': [
    () => ({
      event: { type: 'record-initial-opinion', opinion: '初步核实属实' },
      actor: 'officer',
      to: 'same',
    }),
  ],
  'order-rectification': [
    () => ({
      event: {
        type: 'order-rectification',
        target: '投料口无组织排放消除',
        measures: '密闭投料口',
        dueDate: '2026-03-20',
        responsibleParty: '某化工厂',
      },
      actor: 'officer',
      to: 'rectifying',
      setup: [[SITE_VISIT, 'officer']],
    }),
  ],
  'complete-rectification': [
    () => ({
      event: { type: 'complete-rectification', checkedAt: T0, verification: '复查已密闭' },
      actor: 'officer',
      to: 'investigating',
    }),
  ],
  'draft-reply': [
    () => ({ event: REPLY, actor: 'officer', to: 'pending-head-approval', setup: [[SITE_VISIT, 'officer']] }),
  ],
  'approve-reply': [
    () => ({ event: { type: 'approve-reply' }, actor: 'head', to: 'pending-leader-approval' }),
    () => ({ event: { type: 'approve-reply' }, actor: 'leader', to: 'reply-approved' }),
  ],
  'send-back-reply': [
    (status) => ({
      event: { type: 'send-back-reply', reason: '事实不清' },
      actor: approvalStep(status),
      to: 'investigating',
    }),
    (status) => ({
      event: { type: 'send-back-reply', reason: '事实不清' },
      actor: approvalStep(status),
      to: 'investigating',
    }),
  ],
  'send-reply': [() => ({ event: { type: 'send-reply' }, actor: 'officer', to: 'replied' })],
  'request-extension': [
    () => ({
      event: { type: 'request-extension', days: 15, reason: '需要检测报告' },
      actor: 'officer',
      to: 'same',
    }),
  ],
  'approve-extension': [
    () => ({
      event: { type: 'approve-extension', days: 15 },
      actor: 'leader',
      to: 'same',
      setup: [[{ type: 'request-extension', days: 15, reason: '需要检测报告' }, 'officer']],
    }),
  ],
  'reject-extension': [
    () => ({
      event: { type: 'reject-extension', reason: '理由不充分' },
      actor: 'leader',
      to: 'same',
      setup: [[{ type: 'request-extension', days: 15, reason: '需要检测报告' }, 'officer']],
    }),
  ],
  remind: [() => ({ event: { type: 'remind' }, actor: 'supervisor', to: 'same' })],
  supervise: [
    () => ({
      event: { type: 'supervise', reason: 'repeated-reports', instructions: '限期办结' },
      actor: 'supervisor',
      to: 'same',
    }),
  ],
  escalate: [
    () => ({ event: { type: 'escalate', reason: 'repeat-reports' }, actor: 'supervisor', to: 'same' }),
  ],
  'list-leader-case': [
    () => ({ event: { type: 'list-leader-case', ground: 'wide-impact' }, actor: 'supervisor', to: 'same' }),
  ],
  'request-review': [
    () => ({
      event: { type: 'request-review', grounds: '处理不到位' },
      actor: 'reporter',
      to: 'under-review',
    }),
    () => ({
      event: { type: 'request-review', grounds: '仍不满意' },
      actor: 'reporter',
      to: 'under-review',
      profile: 'haidong',
    }),
  ],
  'decide-review': [
    () => ({
      event: { type: 'decide-review', outcome: 'revised', opinion: '补充处理' },
      actor: 'leader',
      to: 'review-decided',
    }),
  ],
  'request-re-review': [
    () => ({
      event: { type: 'request-re-review', grounds: '不服复查意见' },
      actor: 'reporter',
      to: 'under-re-review',
    }),
  ],
  'decide-re-review': [
    () => ({
      event: { type: 'decide-re-review', outcome: 'upheld', opinion: '维持' },
      actor: 'supervisor',
      to: 'closed',
    }),
  ],
  'rate-reply': [
    () => ({ event: { type: 'rate-reply', rating: 4, comment: '处理及时' }, actor: 'reporter', to: 'same' }),
  ],
  'accept-reply': [() => ({ event: { type: 'accept-reply', rating: 5 }, actor: 'reporter', to: 'closed' })],
  'deem-closed': [() => ({ event: { type: 'deem-closed' }, actor: 'system', to: 'closed', later: 24 * 45 })],
  'record-return-visit': [
    () => ({
      event: {
        type: 'record-return-visit',
        kind: 'spot-check',
        problemRecurred: false,
        note: '电话回访，满意',
      },
      actor: 'supervisor',
      to: 'same',
    }),
  ],
  reopen: [
    (status) => ({
      event: { type: 'reopen', reason: '回访发现反弹' },
      actor: 'supervisor',
      to: 'assigned',
      // An archived case is reached by the upper level's spot check (S3 第十四条), not the unit's return visit.
      setup:
        status === 'archived'
          ? [[SPOT_CHECK_IRREGULAR, 'supervisor']]
          : [
              [
                {
                  type: 'record-return-visit',
                  kind: 'return-visit',
                  problemRecurred: true,
                  note: '异味又出现',
                },
                'officer',
              ],
            ],
    }),
  ],
  'hand-over': [
    () => ({
      event: {
        type: 'hand-over',
        from: { id: 'st-leaver', name: '王磊' },
        to: { id: 'st-colleague', name: '张伟' },
        reason: '调离',
      },
      actor: 'admin',
      to: 'same',
    }),
  ],
  archive: [() => ({ event: { type: 'archive' }, actor: 'admin', to: 'archived' })],
  'confirm-violation': [
    () => ({
      event: {
        type: 'confirm-violation',
        decisionKind: 'penalty',
        decisionNumber: '焦环罚〔2026〕12号',
        decidedOn: '2026-03-02',
        violationType: 'evading-supervision',
        fineYuan: 200000,
        knownBefore: false,
      },
      actor: 'officer',
      to: 'same',
    }),
  ],
  'find-report-untrue': [
    () => ({
      event: { type: 'find-report-untrue', finding: 'untrue', note: '现场未发现排污口' },
      actor: 'head',
      to: 'same',
    }),
  ],
  // Work on site on an assigned case starts its investigation.
  'check-in': [
    (status) => ({ event: CHECK_IN, actor: 'officer', to: status === 'assigned' ? 'investigating' : 'same' }),
  ],
  'add-site-photos': [
    (status) => ({ event: SITE_PHOTOS, actor: 'head', to: status === 'assigned' ? 'investigating' : 'same' }),
  ],
  'record-measurement': [
    (status) => ({
      event: {
        type: 'record-measurement',
        item: 'noise-construction',
        value: 68.5,
        measuredAt: T0,
        point: '工地南侧场界外 1 米',
      },
      actor: 'officer',
      to: status === 'assigned' ? 'investigating' : 'same',
    }),
  ],
  'link-penalty-case': [
    () => ({
      event: { type: 'link-penalty-case', penaltyCaseNo: '焦环罚〔2026〕12号', note: '未批先建' },
      actor: 'officer',
      to: 'same',
    }),
  ],
  'issue-supervision-order': [() => ({ event: SUPERVISION_ORDER, actor: 'supervisor', to: 'same' })],
  'report-supervision-result': [
    () => ({
      event: SUPERVISION_RESULT,
      actor: 'officer',
      to: 'same',
      setup: [[SUPERVISION_ORDER, 'supervisor']],
    }),
  ],
  'accept-supervision-result': [
    () => ({
      event: { type: 'accept-supervision-result' },
      actor: 'supervisor',
      to: 'same',
      setup: [
        [SUPERVISION_ORDER, 'supervisor'],
        [SUPERVISION_RESULT, 'head'],
      ],
    }),
  ],
  'send-back-supervision-result': [
    () => ({
      event: {
        type: 'send-back-supervision-result',
        reason: 'incomplete',
        note: '未写明查处情况',
        dueDate: '2026-12-31',
      },
      actor: 'supervisor',
      to: 'same',
      setup: [
        [SUPERVISION_ORDER, 'supervisor'],
        [SUPERVISION_RESULT, 'officer'],
      ],
    }),
  ],
  'record-spot-check': [() => ({ event: SPOT_CHECK_IRREGULAR, actor: 'supervisor', to: 'same' })],
  'take-leader-case': [
    () => ({
      event: { type: 'take-leader-case' },
      actor: 'leader',
      to: 'same',
      setup: [[{ type: 'list-leader-case', ground: 'wide-impact' }, 'supervisor']],
    }),
  ],
  'designate-officer': [
    () => ({
      event: {
        type: 'designate-officer',
        officer: { id: 'officer-2', name: '张伟' },
        instructions: '接手办理',
      },
      actor: 'dispatcher',
      to: 'same',
    }),
  ],
  recuse: [
    (status) => ({
      event: { type: 'recuse', ground: 'interest-in-reporter', note: '反映人是本人亲属' },
      // Someone with a duty in the state: intake before acceptance, the named officer while handled, else a leader.
      actor: STATE_GROUPS.intake.includes(status)
        ? 'intake'
        : STATE_GROUPS.handling.includes(status) && status !== 'pending-leader-approval'
          ? 'officer'
          : 'leader',
      to: 'same',
    }),
  ],
  'record-mediation': [
    () => ({
      event: {
        type: 'record-mediation',
        matter: 'pollution-damages',
        parties: ['反映人张某', '某化工厂'],
        consent: true,
        agreement: '某化工厂赔偿张某清洗费用 2000 元，并于 3 月 20 日前密闭投料口。',
        agreedOn: '2026-03-02',
      },
      actor: 'officer',
      to: 'closed',
    }),
  ],
}
