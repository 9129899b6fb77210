// The names of the workbench's to-do lists and due-date badges: small, with no rules behind them, so the
// mini-program's main package (the 工作台 tab) can show them without the derivation (todo.ts).
import type { StaffRole } from '../vocabulary/units'
import { CLOCK_STATE_LABELS } from './views/clocks'

/** The lists of the workbench, each with the post it belongs to (`duty`: whoever is on duty today). */
export const TODO_LISTS = {
  duty: { label: '值班紧急', role: null, hint: '值班期间本单位的紧急案件：立即到现场处置' },
  intake: { label: '待受理', role: 'intake', hint: '已登记、待决定是否受理的反映' },
  dispatcher: { label: '待交办', role: 'dispatcher', hint: '待交办、待指定承办人或待转出的案件' },
  officer: { label: '我承办的', role: 'officer', hint: '交办给我、由我办理的案件' },
  officeHead: { label: '待审核', role: 'office-head', hint: '待审核的答复、待审批的延期申请' },
  leader: { label: '待审批', role: 'leader', hint: '待审批的答复和延期、待作出的复查复核意见' },
  supervisor: { label: '督办', role: 'supervisor', hint: '已督办（含逾期自动督办）、仍在办理的案件' },
} as const satisfies Record<string, { label: string; role: StaffRole | null; hint: string }>

export type TodoList = keyof typeof TODO_LISTS
export const TODO_LIST_KEYS = Object.keys(TODO_LISTS) as TodoList[]

/** The list a post works from (each case-duty post has one). */
export function todoListOf(role: StaffRole): TodoList | null {
  return TODO_LIST_KEYS.find((list) => TODO_LISTS[list].role === role) ?? null
}

/** The stored field a list's query ranges over (`todo.officeHead`). */
export const todoField = (list: TodoList) => `todo.${list}`

/** How near a due date is, as the badge of a list row: overdue, due today, or within 3 working days. */
export type DueBadge = 'overdue' | 'today' | 'soon'

export const DUE_BADGES = {
  overdue: CLOCK_STATE_LABELS.overdue,
  today: '今日到期',
  soon: '3个工作日内到期',
} as const satisfies Record<DueBadge, string>
