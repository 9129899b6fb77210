// timers: the background jobs. CloudBase allows one timer trigger per function, so config.json has one hourly
// trigger and each run does every job in turn, each within what is left of the run's budget (the function
// timeout is ~60 s): the deadline sweep (reminders, 督办, deemed closure) and the removal of uploads nobody
// attached, and the to-do work index of open cases stored before it (once per version of its derivation). Every
// job is resumable and idempotent, so running hourly costs an indexed query when there is no
// work. An administrator can also start each one.
import { timersContract } from '../../shared/contracts/timers'
import type { Runtime } from '../common/ports'
import type { PagedJobOptions } from '../common/paged-job'
import { defineFunction } from '../common/router'
import { runDeadlineSweep } from './sweep'
import { runUploadCleanup } from './upload-cleanup'
import { runWorkIndexRefresh } from './work-index'

/** What one hourly run may spend in all, leaving room under the ~60 s timeout for the last page. */
export const RUN_BUDGET_MS = 45_000

/** The jobs of the hourly run, in order: what is owed to people first. */
const TIMER_JOBS = {
  deadlineSweep: runDeadlineSweep,
  uploadCleanup: runUploadCleanup,
  workIndex: runWorkIndexRefresh,
} satisfies Record<string, (runtime: Runtime, options: PagedJobOptions) => Promise<unknown>>

type TimerReport = { [K in keyof typeof TIMER_JOBS]: Awaited<ReturnType<(typeof TIMER_JOBS)[K]>> }

async function runAll(runtime: Runtime): Promise<TimerReport> {
  const started = Date.now()
  const report: Partial<TimerReport> = {}
  for (const [name, job] of Object.entries(TIMER_JOBS) as Array<
    [keyof TimerReport, typeof runDeadlineSweep]
  >) {
    const budgetMs = Math.max(0, RUN_BUDGET_MS - (Date.now() - started))
    report[name] = (await job(runtime, { budgetMs })) as never
  }
  return report as TimerReport
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
  { onTimer: (_event, runtime) => runAll(runtime) },
)
