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
import { timerSteps } from '../../shared/deadlines'
import { localDateOf } from '../../shared/time'
import type { SystemActorId } from '../../shared/workflow'
import { systemCaseAccess } from '../common/case-access'
import { calendarFor } from '../common/calendar'
import type { CaseDoc, StoredCase } from '../../shared/cases/case-doc'
import { applyCaseEvent, clocksOf, isLegal, nextCheckOnOf } from '../common/case-workflow'
import { COLLECTIONS } from '../common/collections'
import { runPagedJob, type PagedJobOptions } from '../common/paged-job'
import { VersionConflictError, type Runtime } from '../common/ports'

const TIMER_ID: SystemActorId = 'deadline-timer'
export const SWEEP_JOB_ID = 'deadline-sweep'

export type SweepOptions = PagedJobOptions

async function processCase(runtime: Runtime, doc: StoredCase, report: SweepReport): Promise<void> {
  const now = runtime.clock.now()
  const calendar = await calendarFor(runtime)
  const timer = systemCaseAccess(runtime, TIMER_ID)
  let current = doc
  const steps = timerSteps({
    status: current.status,
    clocks: clocksOf(current, calendar, now),
    done: current.timerMarks,
  })
  for (const step of steps) {
    const marks = [...current.timerMarks, ...step.marks]
    if (isLegal(current, step.event, timer.actor, calendar, now)) {
      const applied = await applyCaseEvent(runtime, timer, current._id, step.event, {
        expectedVersion: current._version,
        extraPatch: { timerMarks: marks },
      })
      current = applied.doc
      report[step.kind]++
    } else {
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
