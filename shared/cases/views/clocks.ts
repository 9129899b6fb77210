// How a case's legal clocks read, on every page (citizen and staff). Only type imports besides the labels: the
// mini-program takes CLOCK_STATE_LABELS from here (through the contracts) into its main package.
import type { CaseClock, ClockState } from '../../deadlines'

/** How a clock's state reads, on every page (citizen and staff). */
export const CLOCK_STATE_LABELS = {
  running: '计时中',
  paused: '暂停计时',
  completed: '已完成',
  cancelled: '已取消',
  overdue: '已逾期',
} as const satisfies Record<ClockState | 'overdue', string>

export interface CaseClockView {
  clock: string
  label: string
  due: string | null
  basis: string
  state: ClockState
  overdue: boolean
  provisional: boolean
}

/** The clocks a reader sees: cancelled ones are not shown. */
export function clockViews(clocks: readonly CaseClock[]): CaseClockView[] {
  return clocks
    .filter((c) => c.state !== 'cancelled')
    .map((c) => ({
      clock: c.clock,
      label: c.label,
      due: c.due,
      basis: c.basis,
      state: c.state,
      overdue: c.overdue,
      provisional: c.provisional,
    }))
}

/** A date the bureau owes something by. */
export interface DutyDue {
  date: string
  label: string
  overdue: boolean
}

/** The nearest due date of a running duty (what the bureau owes next). */
export function nextDuty(clocks: readonly CaseClock[]): DutyDue | null {
  const running = clocks
    .filter((c) => c.nature === 'duty' && c.state === 'running' && c.due !== null)
    .sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0))
  const first = running[0]
  return first ? { date: first.due!, label: first.label, overdue: first.overdue } : null
}
