// The deadline sweep (hourly timer): for open cases whose next check date has come, apply what the clocks call
// for — 催办 reminders before a due date (S2 第十八条), overdue → 督办, deemed closed after the objection window
// (S2 第二十条) — through the workflow as the `system` actor. The steps are the pure `timerSteps`
// (shared/deadlines/timer-steps.ts); this file loads, asks the workflow, and writes.
//
// Work, not data, sets the cost. The sweep reads `nextCheckOn ≤ today` in (nextCheckOn, _id) order, the
// `next_check` index, in pages of ≤ 100 by keyset cursor (paged-job.ts keeps it in `jobs/deadline-sweep`).
// Every case it looks at leaves that range in the same write: its next check date is always after today
// (`nextClockDate`), or null once no clock runs — whether a step was applied, found not to apply (its marks are
// written) or nothing was due. So the index range after the cursor starts at the next case still due: a page
// reads its 100 cases at any depth of the backlog, and a million cases sharing one date cost what distinct
// dates cost. The only entries a page passes are those the pass skipped (a case edited meanwhile, a failure)
// on the cursor's date; they stay due and are looked at again by the next pass.
//
// Idempotent: what the timer has done is marked on the case (`timerMarks`) in the same versioned write, so no
// step is done twice — not by a second run, nor by two runs at once (paged-job.ts lets one run work at a time;
// were two to overlap, the second write of a case fails its version check). A case edited meanwhile is skipped
// (version check), never overwritten.
import type { SweepReport } from '../../shared/contracts/timers'
import { AppError } from '../../shared/contracts/result'
import { timerSteps } from '../../shared/deadlines'
import { localDateOf } from '../../shared/time'
import type { SystemActorId } from '../../shared/workflow'
import type { CaseDoc, StoredCase } from '../../shared/cases/case-doc'
import { systemCaseAccess, type CaseAccess } from '../common/case-access'
import { calendarFor } from '../common/calendar'
import { applyCaseEvent, clocksOf, isLegal, nextCheckOnOf } from '../common/case-workflow'
import { COLLECTIONS } from '../common/collections'
import { runPagedJob, type PagedJobOptions } from '../common/paged-job'
import { VersionConflictError, type Patch, type Runtime } from '../common/ports'

const TIMER_ID: SystemActorId = 'deadline-timer'
const SWEEP_JOB_ID = 'deadline-sweep'

export type SweepOptions = PagedJobOptions

type SweptCase = StoredCase

/**
 * The timer's access: the case in hand as the page read it (the write is versioned, so a copy gone stale fails
 * as a conflict instead of overwriting), any other case from the store.
 */
function accessWith(runtime: Runtime, inHand: SweptCase): CaseAccess {
  const system = systemCaseAccess(runtime, TIMER_ID)
  return {
    actor: system.actor,
    load: async (caseId, named) => (caseId === inHand._id ? inHand : system.load(caseId, named)),
  }
}

async function processCase(runtime: Runtime, doc: SweptCase, report: SweepReport): Promise<void> {
  const now = runtime.clock.now()
  const calendar = await calendarFor(runtime)
  let current = doc
  // Marks of steps that do not apply in this state (e.g. a reminder while awaiting the reporter): written with
  // the next write, so they are not considered again.
  let marks = current.timerMarks
  const steps = timerSteps({ status: current.status, clocks: clocksOf(current, calendar, now), done: marks })
  for (const step of steps) {
    marks = [...marks, ...step.marks]
    const access = accessWith(runtime, current)
    if (!isLegal(current, step.event, access.actor, calendar, now)) continue
    const applied = await applyCaseEvent(runtime, access, current._id, step.event, {
      expectedVersion: current._version,
      extraPatch: { timerMarks: marks },
    })
    current = applied.doc
    report[step.kind]++
  }
  // applyCaseEvent wrote the next check date with each step; without one, or with marks still unwritten, write it.
  const nextCheckOn = nextCheckOnOf(clocksOf(current, calendar, now), now)
  const patch: Patch<CaseDoc> = {}
  if (marks.length !== current.timerMarks.length) patch.timerMarks = marks
  if (nextCheckOn !== current.nextCheckOn) patch.nextCheckOn = nextCheckOn
  if (Object.keys(patch).length) {
    await runtime.db.update<CaseDoc>(COLLECTIONS.cases, current._id, patch, current._version)
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
    busy: false,
    pages: 0,
    slowestPageMs: 0,
  }
  const outcome = await runPagedJob(
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
  Object.assign(report, outcome)
  runtime.log.info('deadline sweep', { ...report })
  return report
}
