// The deadline sweep (hourly timer): for open cases whose next check date has come, apply what the clocks call
// for — 催办 reminders before a due date (S2 第十八条), overdue → 督办, deemed closed after the objection window
// (S2 第二十条) — through the workflow as the `system` actor.
//
// Scale: cases are fetched by the indexed `nextCheckOn` field in pages of ≤ 100, with a keyset cursor kept in
// `jobs/deadline-sweep`, and a run stops at its time budget (paged-job.ts): a backlog of any size is worked
// through over several runs, each inside the function timeout. Idempotent: what the timer has done is marked on the case
// (`timerMarks`) in the same versioned write, so a second run sends nothing twice; a case edited meanwhile is
// skipped (version check), never overwritten, and picked up again by the next sweep.
import type { SweepReport } from '../../shared/contracts/timers'
import { AppError } from '../../shared/contracts/result'
import type { CaseClock } from '../../shared/deadlines'
import { localDateOf } from '../../shared/time'
import type { CaseEvent, SystemActorId } from '../../shared/workflow'
import { systemCaseAccess } from '../common/case-access'
import { calendarFor } from '../common/calendar'
import type { CaseRecord } from '../common/case-records'
import type { CaseDoc } from '../../shared/cases/case-doc'
import { applyCaseEvent, clocksOf, nextCheckOnOf } from '../common/case-workflow'
import { COLLECTIONS } from '../common/collections'
import { runPagedJob, type PagedJobOptions } from '../common/paged-job'
import { VersionConflictError, type Runtime } from '../common/ports'

const TIMER_ID: SystemActorId = 'deadline-timer'
export const SWEEP_JOB_ID = 'deadline-sweep'

export type SweepOptions = PagedJobOptions

type Step = { marks: string[]; event: CaseEvent; kind: 'reminders' | 'supervised' | 'deemedClosed' }

/**
 * What the clocks call for now, minus what was already done: one 督办 for all duties newly overdue, one 催办
 * for all duties newly at their reminder date, and the deemed close after an unused objection window.
 */
function stepsFor(doc: CaseDoc, clocks: readonly CaseClock[]): Step[] {
  const done = new Set(doc.timerMarks)
  const overdue: CaseClock[] = []
  const reminders: CaseClock[] = []
  for (const clock of clocks) {
    if (clock.state !== 'running' || clock.nature !== 'duty' || !clock.due) continue
    if (clock.overdue && !done.has(`overdue:${clock.clock}:${clock.due}`)) overdue.push(clock)
    else if (!clock.overdue && clock.reminderDue && !done.has(`remind:${clock.clock}:${clock.due}`))
      reminders.push(clock)
  }
  const steps: Step[] = []
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
  const window = clocks.find(
    (c) =>
      (c.clock === 'review-window' || c.clock === 're-review-window') && c.state === 'running' && c.elapsed,
  )
  const closeMark = window ? `deem-closed:${window.clock}:${window.due}` : null
  if (closeMark && !done.has(closeMark) && (doc.status === 'replied' || doc.status === 'review-decided')) {
    steps.push({ marks: [closeMark], kind: 'deemedClosed', event: { type: 'deem-closed' } })
  }
  return steps
}

async function processCase(runtime: Runtime, doc: CaseRecord, report: SweepReport): Promise<void> {
  const now = runtime.clock.now()
  const calendar = await calendarFor(runtime)
  const timer = systemCaseAccess(runtime, TIMER_ID)
  let current = doc
  for (const step of stepsFor(current, clocksOf(current, calendar, now))) {
    const marks = [...current.timerMarks, ...step.marks]
    try {
      const applied = await applyCaseEvent(runtime, timer, current._id, step.event, {
        expectedVersion: current._version,
        extraPatch: { timerMarks: marks },
      })
      current = applied.doc
      report[step.kind]++
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'ILLEGAL_TRANSITION') throw error
      // Not applicable in this state (e.g. a reminder while awaiting the reporter): remember it was considered.
      await runtime.db.update<CaseDoc>(
        COLLECTIONS.cases,
        current._id,
        { timerMarks: marks },
        current._version,
      )
      current = { ...current, timerMarks: marks, _version: current._version + 1 }
    }
  }
  const nextCheckOn = nextCheckOnOf(clocksOf(current, calendar, now), now)
  if (nextCheckOn !== current.nextCheckOn) {
    await runtime.db.update<CaseDoc>(COLLECTIONS.cases, current._id, { nextCheckOn }, current._version)
  }
}

export async function runDeadlineSweep(runtime: Runtime, options: SweepOptions = {}): Promise<SweepReport> {
  const today = localDateOf(runtime.clock.now())
  const report: SweepReport = {
    examined: 0,
    reminders: 0,
    supervised: 0,
    deemedClosed: 0,
    conflicts: 0,
    failures: 0,
    complete: false,
  }
  const { complete } = await runPagedJob(
    runtime,
    SWEEP_JOB_ID,
    options,
    (page) =>
      runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
        filter: { nextCheckOn: { $lte: today } },
        orderBy: [['nextCheckOn', 'asc']],
        ...page,
      }),
    async (doc) => {
      report.examined++
      try {
        await processCase(runtime, doc, report)
      } catch (error) {
        const conflict =
          error instanceof VersionConflictError || (error instanceof AppError && error.code === 'CONFLICT')
        if (conflict) report.conflicts++
        else {
          report.failures++
          runtime.log.error('deadline sweep: case failed', { caseId: doc._id, error: String(error) })
        }
      }
    },
  )
  report.complete = complete
  runtime.log.info('deadline sweep', { ...report })
  return report
}
