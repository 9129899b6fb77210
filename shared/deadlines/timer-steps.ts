// What the hourly deadline timer owes a case today, from its clocks (pure; the timers function applies it):
// one 督办 for all duties newly overdue (S2 第十八条 逾期转督办), one 催办 for all duties newly at their reminder
// date (S2 第十八条 到期前三个工作日催办), and the deemed close after an objection window that ran out
// unused (S2 第二十条). `done` holds the marks of what the timer already did, so a second run adds nothing.
import { STATE_GROUPS, type CaseStateKey } from '../workflow/states'
import type { EventOf } from '../workflow/events'
import type { CaseClock } from './clocks'

export interface TimerStep {
  /** What is recorded on the case once the step is done (or found not to apply), so it is never repeated. */
  marks: string[]
  event: EventOf<'supervise'> | EventOf<'remind'> | EventOf<'deem-closed'>
  kind: 'reminders' | 'supervised' | 'deemedClosed'
}

export function timerSteps(input: {
  status: CaseStateKey
  clocks: readonly CaseClock[]
  done: readonly string[]
}): TimerStep[] {
  const done = new Set(input.done)
  const overdue: CaseClock[] = []
  const reminders: CaseClock[] = []
  for (const clock of input.clocks) {
    if (clock.state !== 'running' || clock.nature !== 'duty' || !clock.due) continue
    if (clock.overdue && !done.has(`overdue:${clock.clock}:${clock.due}`)) overdue.push(clock)
    else if (!clock.overdue && clock.reminderDue && !done.has(`remind:${clock.clock}:${clock.due}`))
      reminders.push(clock)
  }
  const steps: TimerStep[] = []
  if (overdue.length) {
    steps.push({
      marks: overdue.map((c) => `overdue:${c.clock}:${c.due}`),
      kind: 'supervised',
      event: {
        type: 'supervise',
        reason: 'overdue',
        instructions: `${overdue.map((c) => `${c.label}（${c.basis}）已于 ${c.due} 到期`).join('；')}，仍未完成，请立即办理并说明原因`,
      },
    })
  }
  if (reminders.length) {
    steps.push({
      marks: reminders.map((c) => `remind:${c.clock}:${c.due}`),
      kind: 'reminders',
      event: {
        type: 'remind',
        note: reminders
          .map((c) => `${c.label}将于 ${c.due} 到期（${c.reminderBasis ?? c.basis}）`)
          .join('；'),
      },
    })
  }
  const window = input.clocks.find(
    (c) =>
      (c.clock === 'review-window' || c.clock === 're-review-window') && c.state === 'running' && c.elapsed,
  )
  const closeMark = window ? `deem-closed:${window.clock}:${window.due}` : null
  if (closeMark && !done.has(closeMark) && STATE_GROUPS.awaitingReporter.includes(input.status)) {
    steps.push({ marks: [closeMark], kind: 'deemedClosed', event: { type: 'deem-closed' } })
  }
  return steps
}
