// The case states: one table, machine key → category, stage, whose move it is, and Chinese label (FixMyStreet
// style). Code asks the table (`isOpenState`, the groups below); it never compares labels or types a list of
// statuses. Overdue, supervision (督办), extension and escalation (提级) are flags and clocks on a case, not
// states: a case can be overdue while being investigated.

/** Where a case is in its life. */
export type Stage = 'intake' | 'handling' | 'approval' | 'awaiting-reporter' | 'review' | 'ended'
/** Whose move it is: the bureau's, the reporter's, or nobody's (ended). */
export type Turn = 'bureau' | 'reporter' | 'none'

const state = (category: 'open' | 'closed', stage: Stage, turn: Turn, label: string) =>
  ({ category, stage, turn, label }) as const

export const CASE_STATES = {
  registered: state('open', 'intake', 'bureau', '已登记'), // acceptance not yet decided (S4 四(一) 当天登记)
  'awaiting-supplement': state('open', 'intake', 'reporter', '待补充材料'), // 一次性告知; clocks wait (S3 第九条)
  accepted: state('open', 'handling', 'bureau', '已受理'),
  'not-accepted': state('closed', 'ended', 'none', '不予受理'), // with a reason and guidance (S3 第九条)
  merged: state('closed', 'ended', 'none', '已合并'), // same pending matter (S3 第九条(四))
  'transferred-out': state('closed', 'ended', 'none', '已转出'), // other region or department (S3 第十条)
  assigned: state('open', 'handling', 'bureau', '已交办'),
  investigating: state('open', 'handling', 'bureau', '调查处理中'),
  rectifying: state('open', 'handling', 'bureau', '整改中'),
  'pending-head-approval': state('open', 'approval', 'bureau', '待科室审核'), // S1 第十一条, S2 第十七条
  'pending-leader-approval': state('open', 'approval', 'bureau', '待领导审批'),
  'reply-approved': state('open', 'approval', 'bureau', '待答复'), // approved, to be sent (S1 第十一条)
  replied: state('open', 'awaiting-reporter', 'reporter', '已答复'), // awaiting rating / review (S2 第二十条)
  'under-review': state('open', 'review', 'bureau', '复查中'), // 复查 S2 第十九条, 条例 第三十五条
  'review-decided': state('open', 'awaiting-reporter', 'reporter', '已复查'),
  'under-re-review': state('open', 'review', 'bureau', '复核中'), // 复核 条例 第三十六条
  closed: state('closed', 'ended', 'none', '已办结'), // reporter satisfied, no objection in time, or 复核 final
  archived: state('closed', 'ended', 'none', '已归档'), // S3 第二十四条
} as const

export type CaseStateKey = keyof typeof CASE_STATES

export const CASE_STATE_KEYS = Object.keys(CASE_STATES) as CaseStateKey[]

const where = (test: (s: (typeof CASE_STATES)[CaseStateKey], key: CaseStateKey) => boolean) =>
  CASE_STATE_KEYS.filter((k) => test(CASE_STATES[k], k))

/** The groups the workflow, the views and the timers ask for — all read off the table above. */
export const STATE_GROUPS = {
  open: where((s) => s.category === 'open'),
  closed: where((s) => s.category === 'closed'),
  /** Received, acceptance not decided (waiting for the reporter's supplement included). */
  intake: where((s) => s.stage === 'intake'),
  /** Being handled by the bureau, before the reply is sent. */
  handling: where((s) => s.stage === 'handling' || s.stage === 'approval'),
  /** Not yet replied: intake and handling. */
  beforeReply: where((s) => s.stage === 'intake' || s.stage === 'handling' || s.stage === 'approval'),
  /** The bureau's move: reminders and supervision make sense. */
  bureauTurn: where((s) => s.turn === 'bureau'),
  /** Still with the bureau or the reporter, never yet ended (before the reply, or in 复查/复核). */
  inHand: where((s) => s.stage !== 'awaiting-reporter' && s.stage !== 'ended'),
  /** A reply (or a 复查 opinion) is out: the reporter may object, accept, or stay silent. */
  awaitingReporter: where((s) => s.stage === 'awaiting-reporter'),
  /** Ended, not yet archived (S3 第二十四条). */
  endedUnarchived: where((s, k) => s.stage === 'ended' && k !== 'archived'),
} as const satisfies Record<string, readonly CaseStateKey[]>

export function isOpenState(key: CaseStateKey): boolean {
  return CASE_STATES[key].category === 'open'
}

export function stateLabel(key: CaseStateKey): string {
  return CASE_STATES[key].label
}
