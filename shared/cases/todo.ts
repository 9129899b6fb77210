// The to-do lists of the staff workbench: for each case, which lists owe it a move — the posts whose move it is
// (受理员 before acceptance, 交办员 before assignment, the named officer while it is handled, 科室负责人 and 分管领导
// for approvals and extensions, 督办人员 for supervised cases, whoever is on duty for an urgent one) — by when,
// and what the case waits for, in words. One pure function derives what the queries need (`workIndexOf`); the
// workflow's writer stores it on the case with every change (indexed: one index range per list), so a page of
// a list is one query whatever the number of cases.
import { addWorkingDays, type WorkingCalendar } from '../calendar'
import type { CaseClock } from '../deadlines'
import { effectivePolicy, getPolicyProfile } from '../policy'
import type { LocalDate } from '../time'
import { TERMS } from '../vocabulary/terms'
import type { CaseMachineState } from '../workflow/machine-types'
import { hasBeenOnSite, namedOfficer } from '../workflow/people'
import { STATE_GROUPS, type CaseStateKey } from '../workflow/states'
import { todoListOf, type DueBadge, type TodoList } from './todo-lists'
import { nextDuty } from './views/clocks'

export { TODO_LISTS, todoField } from './todo-lists'
export type { DueBadge, TodoList } from './todo-lists'

/** What the to-do queries read, stored on the case document with every change (see `workIndexOf`). */
export interface WorkIndex {
  /** The officer the assignment names: their list is theirs alone. Null while nobody is named. */
  assigneeStaffId: string | null
  /** The nearest due date of a running duty of the bureau; null when none runs (ended, waiting for the reporter). */
  dueOn: LocalDate | null
  /** 立即现场处置: night-time construction noise, risk of a mass incident (S2 第十二条). */
  urgent: boolean
  /**
   * For each list that owes the case a move, its sort key: urgent cases first, then by the date the move is due
   * (`A2026-11-28` before `B2026-11-21`). A list the case is not on has no key.
   */
  todo: Partial<Record<TodoList, string>>
}

/** No due date sorts last. */
const NO_DATE = '9999-12-31'

function rankOf(urgent: boolean, due: LocalDate | null): string {
  return `${urgent ? 'A' : 'B'}${due ?? NO_DATE}`
}

const HANDLED: readonly CaseStateKey[] = ['assigned', 'investigating', 'rectifying']

/** The lists that owe a move in each state, before the flags add or redirect (out of remit, nobody named…). */
const LISTS_BY_STATE: Record<CaseStateKey, readonly TodoList[]> = {
  registered: ['intake'],
  'awaiting-supplement': [],
  accepted: ['dispatcher'],
  'not-accepted': [],
  merged: [],
  'transferred-out': [],
  assigned: ['officer'],
  investigating: ['officer'],
  rectifying: ['officer'],
  'pending-head-approval': ['officeHead'],
  'pending-leader-approval': ['leader'],
  'reply-approved': ['officer'],
  replied: [],
  'under-review': ['leader'],
  'review-decided': [],
  // 复核: the leader or the supervisor decides.
  'under-re-review': ['leader', 'supervisor'],
  closed: [],
  archived: [],
}

/** What a case waits for in each state, in words (before the flags say more). */
const WAITS_FOR: Record<CaseStateKey, string | null> = {
  registered: '待受理',
  'awaiting-supplement': `待${TERMS.reporter}补充材料`,
  accepted: '待交办',
  'not-accepted': null,
  merged: null,
  'transferred-out': null,
  assigned: '待承办人开始调查',
  investigating: '待承办人调查处理',
  rectifying: '待整改完成、承办人核查',
  'pending-head-approval': '待科室负责人审核答复',
  'pending-leader-approval': '待分管领导审批答复',
  'reply-approved': '待发送答复',
  replied: `待${TERMS.reporter}评价，或申请复查`,
  'under-review': '待作出复查意见',
  'review-decided': `待${TERMS.reporter}确认，或申请复核`,
  'under-re-review': '待作出复核意见',
  closed: null,
  archived: null,
}

export interface WaitingState {
  lists: TodoList[]
  /** What the case waits for, in words; null once it has ended here. */
  waitsFor: string | null
}

/**
 * Whose move it is and what the case waits for, from the state table and the flags: a finding that the matter is
 * not the bureau's waits for the transfer; a handled case nobody is named to waits for its officer; an extension
 * request adds its approvers; a supervised case stays on the supervisors' list while the bureau owes a move; an
 * urgent case is on the duty list until someone has been on site — checked in there, or recorded a site visit
 * (S2 第十二条 立即组织现场核实处置).
 */
export function waitingOf(
  state: Pick<CaseMachineState, 'status' | 'flags' | 'facts' | 'profile'>,
): WaitingState {
  const { status, flags } = state
  let lists: TodoList[] = [...LISTS_BY_STATE[status]]
  let waitsFor = WAITS_FOR[status]
  const handled = HANDLED.includes(status)
  if (flags.outOfRemit && (status === 'registered' || status === 'accepted' || handled)) {
    lists = ['dispatcher']
    waitsFor = flags.outOfRemit === 'other-region' ? '待转交其他行政区' : '待转交其他部门'
  } else if ((handled || status === 'reply-approved') && !namedOfficer(flags)) {
    // A reply approved with nobody named is sent by intake.
    lists = status === 'reply-approved' ? ['intake'] : ['dispatcher']
    waitsFor = status === 'reply-approved' ? waitsFor : '待指定承办人'
  }
  const pending = flags.extension.pending
  if (pending && STATE_GROUPS.handling.includes(status)) {
    const approvers = effectivePolicy(getPolicyProfile(state.profile.id, state.profile.version)).extension
      .approverRoles
    for (const role of approvers) {
      const list = todoListOf(role)
      if (list && !lists.includes(list)) lists.push(list)
    }
    waitsFor = `${waitsFor ?? ''}；延期 ${pending.days} 天的申请待审批`
  }
  if (flags.supervised && STATE_GROUPS.bureauTurn.includes(status) && !lists.includes('supervisor'))
    lists.push('supervisor')
  if (state.facts.emergency && STATE_GROUPS.beforeReply.includes(status) && !hasBeenOnSite(flags)) {
    lists.unshift('duty')
  }
  return { lists, waitsFor }
}

/**
 * What the to-do queries need, derived from the case's state and clocks: written with every change of the case
 * (the workflow's writer, the new-case builder), never by hand.
 */
export function workIndexOf(
  state: Pick<CaseMachineState, 'status' | 'flags' | 'facts' | 'profile'>,
  clocks: readonly CaseClock[],
): WorkIndex {
  const dueOn = nextDuty(clocks)?.date ?? null
  const urgent = state.facts.emergency
  const officer = namedOfficer(state.flags)
  // The officer's own date, where the assignment set one earlier than the law's (S2 第十六条 注明办理时限).
  const set = state.flags.assignment?.dueDate ?? null
  const officerDue = set !== null && (dueOn === null || set < dueOn) ? set : dueOn
  const todo: Partial<Record<TodoList, string>> = {}
  for (const list of waitingOf(state).lists) {
    if (list === 'officer' && !officer) continue
    todo[list] = rankOf(urgent, list === 'officer' ? officerDue : dueOn)
  }
  return { assigneeStaffId: officer?.id ?? null, dueOn, urgent, todo }
}

/** Working days within which a due date is "soon" (the reminder period of S2 第十八条). */
const SOON_WORKING_DAYS = 3

export function dueBadgeOf(
  due: LocalDate | null,
  today: LocalDate,
  calendar: WorkingCalendar,
): DueBadge | null {
  if (due === null) return null
  if (due < today) return 'overdue'
  if (due === today) return 'today'
  return due <= addWorkingDays(calendar, today, SOON_WORKING_DAYS).date ? 'soon' : null
}
