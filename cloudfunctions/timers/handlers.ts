// timers: the background jobs. CloudBase allows one timer trigger per function, so config.json has one hourly
// trigger and each run does every job in turn, each within what is left of the run's budget (the function
// timeout is 60 s): the deadline sweep (reminders, 督办, deemed closure), the removal of uploads nobody
// attached, retention (archiving, destroying sealed identities), the monthly statistics (last month's report,
// this month's figures, the backfill of cases stored before statistics), the feedback owed to the work-order
// platforms (delivery with retries, expired push nonces), the publications (the month's figures, the quarter's
// analysis report) and the to-do work index of open cases stored before it (once per version of its
// derivation). Every job is resumable and idempotent, so running hourly costs an indexed query when there is
// no work. A run that stops at its budget with work left starts a follow-up run at once (runtime.followUps: in the
// cloud the function calls itself, locally the scheduler fires again), chained until the work is done: a backlog
// drains at the speed of the work, not of the trigger. Runs never work on a job at the same time (paged-job.ts
// leases; the publications' counts save each page by a versioned write), so a follow-up and the hourly trigger
// can meet without doing anything twice. An administrator can also start each job.
import { timersContract, type PagedJobReport } from '../../shared/contracts/timers'
import type { Runtime } from '../common/ports'
import type { PagedJobOptions } from '../common/paged-job'
import { defineFunction, type TimerEvent } from '../common/router'
import { runDeadlineSweep } from './sweep'
import { runUploadCleanup } from './upload-cleanup'
import { runRetention } from './retention'
import { runMonthlyReport } from '../common/stats/monthly-report'
import { runFeedbackDelivery } from '../common/channels/feedback-outbox'
import { runPublications } from './publications'
import { runWorkIndexRefresh } from './work-index'

/** What one run may spend in all, leaving room under the 60 s timeout for a slow page and the hand-over. */
export const RUN_BUDGET_MS = 45_000

/**
 * Follow-ups one trigger may chain (each run ≤ RUN_BUDGET_MS): about an hour of back-to-back runs, after which
 * the next hourly trigger starts a new chain. A guard against a job that would never report completion.
 */
export const MAX_FOLLOW_UPS = 80

/** The jobs of each run, in order: what is owed to people first. */
const TIMER_JOBS = {
  deadlineSweep: runDeadlineSweep,
  uploadCleanup: runUploadCleanup,
  retention: runRetention,
  monthlyReport: runMonthlyReport,
  platformFeedback: runFeedbackDelivery,
  publications: runPublications,
  workIndex: runWorkIndexRefresh,
} satisfies Record<string, (runtime: Runtime, options: PagedJobOptions) => Promise<PagedJobReport>>

type JobReports = { [K in keyof typeof TIMER_JOBS]: Awaited<ReturnType<(typeof TIMER_JOBS)[K]>> }

export type TimerReport = JobReports & {
  /** The number of the follow-up run this run started (work was left), or null. */
  followUp: number | null
}

/** Work is left that another run can do now: a job stopped at its budget after doing something. */
function workLeft(report: PagedJobReport): boolean {
  return !report.complete && !report.busy && report.examined > 0
}

async function runAll(runtime: Runtime, event: TimerEvent): Promise<TimerReport> {
  const started = Date.now()
  const reports: Partial<JobReports> = {}
  for (const [name, job] of Object.entries(TIMER_JOBS) as Array<
    [keyof JobReports, typeof runDeadlineSweep]
  >) {
    const budgetMs = Math.max(0, RUN_BUDGET_MS - (Date.now() - started))
    reports[name] = (await job(runtime, { budgetMs })) as never
  }
  const done = reports as JobReports
  const next = (Number.isInteger(event.followUp) ? event.followUp! : 0) + 1
  let followUp: number | null = null
  if (Object.values(done).some(workLeft) && runtime.followUps) {
    if (next > MAX_FOLLOW_UPS)
      runtime.log.warn('timers: follow-up chain at its limit', { followUps: next - 1 })
    else {
      // Started after every job has given its lease back, so the follow-up finds them free.
      await runtime.followUps.start('timers', next)
      followUp = next
    }
  }
  return { ...done, followUp }
}

export const timersFunction = defineFunction(
  'timers',
  timersContract,
  {
    async runDeadlineSweep(_input, { runtime }) {
      return runDeadlineSweep(runtime)
    },
    async runUploadCleanup(_input, { runtime }) {
      return runUploadCleanup(runtime)
    },
  },
  { onTimer: (event, runtime) => runAll(runtime, event) },
)
