// The work index of open cases (part of the timers function's hourly run): what the staff to-do lists query —
// `assigneeStaffId`, `dueOn`, `urgent`, `todo.<list>` (shared/cases/todo.ts) — is written with every change of a
// case; this job writes it on open cases stored before it existed, or under an earlier version of the
// derivation. It runs until it has been through every open case once for the current WORK_INDEX_VERSION, then
// records that and does nothing more: bump the version when `workIndexOf` changes what it derives.
//
// Scale: open cases only, by the inbox's own index (`unit_open_created`, one `$in` over the deployment's units),
// pages of ≤ 100, resumable (paged-job.ts). A case changed meanwhile is skipped: its change wrote the index.
import type { CaseDoc, StoredCase } from '../../shared/cases/case-doc'
import { machineStateOf } from '../../shared/cases/case-doc'
import { workIndexOf, type WorkIndex } from '../../shared/cases/todo'
import { toShanghaiIso } from '../../shared/time'
import { calendarFor } from '../common/calendar'
import { clocksOf } from '../common/case-workflow'
import { COLLECTIONS } from '../common/collections'
import { findAcross } from '../common/db/find-across'
import { runPagedJob, type PagedJobOptions } from '../common/paged-job'
import { VersionConflictError, type Runtime } from '../common/ports'

export const WORK_INDEX_JOB_ID = 'work-index'
/** The version of `workIndexOf` the stored indexes follow. */
export const WORK_INDEX_VERSION = 1
const DONE_ID = `${WORK_INDEX_JOB_ID}-done`

export interface WorkIndexReport {
  examined: number
  updated: number
  conflicts: number
  /** True once every open case follows the current version. */
  complete: boolean
}

const FIELDS = ['assigneeStaffId', 'dueOn', 'urgent', 'todo'] as const satisfies ReadonlyArray<
  keyof WorkIndex
>

const same = (doc: Partial<WorkIndex>, index: WorkIndex) =>
  FIELDS.every((f) => JSON.stringify(doc[f] ?? null) === JSON.stringify(index[f]))

export async function runWorkIndexRefresh(
  runtime: Runtime,
  options: PagedJobOptions = {},
): Promise<WorkIndexReport> {
  const report: WorkIndexReport = { examined: 0, updated: 0, conflicts: 0, complete: false }
  const done = await runtime.db.get<{ version: number }>(COLLECTIONS.jobs, DONE_ID)
  if (done && done.version >= WORK_INDEX_VERSION) return { ...report, complete: true }
  const now = runtime.clock.now()
  const calendar = await calendarFor(runtime)
  const units = runtime.deployment.units.map((u) => u.id)
  const { complete } = await runPagedJob<StoredCase>(
    runtime,
    WORK_INDEX_JOB_ID,
    options,
    (page) =>
      findAcross<CaseDoc>(runtime.db, COLLECTIONS.cases, 'unitId', units, {
        filter: { open: true },
        orderBy: [['createdAt', 'desc']],
        ...page,
      }),
    async (doc) => {
      report.examined++
      const index = workIndexOf(machineStateOf(doc), clocksOf(doc, calendar, now))
      if (same(doc, index)) return
      try {
        await runtime.db.update<CaseDoc>(COLLECTIONS.cases, doc._id, index, doc._version)
        report.updated++
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error
        report.conflicts++
      }
    },
  )
  if (complete) {
    const marker = { version: WORK_INDEX_VERSION, updatedAt: toShanghaiIso(now) }
    if (done) await runtime.db.update(COLLECTIONS.jobs, DONE_ID, marker, done._version)
    else await runtime.db.insert(COLLECTIONS.jobs, { _id: DONE_ID, ...marker })
  }
  report.complete = complete
  runtime.log.info('work index', { ...report })
  return report
}
