// The supervisor's desk and the leaders' lists read cases by index: these derived fields are written with every
// write of a case (applyCaseEvent's patch, the new case), from its workflow state and its clocks, by this one pure
// function. Time-dependent questions are asked of dates, not booleans, so a case need not be written again to
// become overdue: overdue today = `oversight.dutyDue < today`.
import { shanghaiDateOf } from '../calendar'
import type { CaseClock } from '../deadlines'
import { CLOCK_KINDS } from '../policy/types'
import type { LocalDate } from '../time'
import type { CaseMachineState } from '../workflow/machine-types'
import { isOpenState } from '../workflow/states'

export interface OversightFields {
  /** The earliest due date of a running bureau duty (any duty clock); null when none runs. */
  dutyDue: LocalDate | null
  /** The open case was 督办 (by the timer, the intake's count, or a 督办单). */
  supervised: boolean
  /** The latest 督办单: the handling unit owes its result (open), or the supervisor its check (reported). */
  supervision: 'open' | 'reported' | null
  /** The 督办单's time limit while its result is owed. */
  supervisionDue: LocalDate | null
  /** The return visit's due date while it is owed (S4 四(七): key cases, 5 日 after the reply). */
  returnVisitDue: LocalDate | null
  /** The leader who took the case in personal charge (领导包案). */
  leaderStaffId: string | null
  /** The day the reply completed the handling clock (办结): the spot check's population. */
  closedOn: LocalDate | null
}

/** The case's desk fields, from its state after the write and its clocks as of the write. */
export function oversightFieldsOf(state: CaseMachineState, clocks: readonly CaseClock[]): OversightFields {
  const running = clocks.filter((c) => c.state === 'running' && c.due !== null)
  const duties = running.filter((c) => CLOCK_KINDS[c.clock].nature === 'duty').map((c) => c.due!)
  const order = state.flags.supervisionOrder ?? null
  const owed = order && order.state !== 'closed' ? order.state : null
  const handling = clocks.find((c) => c.clock === 'handling')
  return {
    dutyDue: duties.sort()[0] ?? null,
    supervised: isOpenState(state.status) && state.flags.supervised,
    supervision: owed,
    supervisionDue: owed === 'open' ? order!.dueDate : null,
    returnVisitDue: running.find((c) => c.clock === 'return-visit')?.due ?? null,
    leaderStaffId: state.flags.leaderCase?.leaderStaffId ?? null,
    closedOn:
      handling?.state === 'completed' && handling.completedAt ? shanghaiDateOf(handling.completedAt) : null,
  }
}

/** The 督办单's own clock as of `today`: its time limit and whether it has passed with the result still owed. */
export function supervisionOrderClock(
  state: Pick<CaseMachineState, 'flags'>,
  today: LocalDate,
): { due: LocalDate; state: 'open' | 'reported' | 'closed'; overdue: boolean; sendBacks: number } | null {
  const order = state.flags.supervisionOrder ?? null
  if (!order) return null
  return {
    due: order.dueDate,
    state: order.state,
    overdue: order.state === 'open' && today > order.dueDate,
    sendBacks: order.sendBacks,
  }
}
