// The work index of open cases (part of the timers function's hourly run): what the staff to-do lists query —
// `assigneeStaffId`, `dueOn`, `urgent`, `todo.<list>` (shared/cases/todo.ts) — is written with every change of a
// case; this job writes it on open cases stored before it existed, or under an earlier version of the
// derivation. It runs until it has been through every open case once for the current WORK_INDEX_VERSION, then
// records that and does nothing more: bump the version when `workIndexOf` changes what it derives.
//
// Scale: open cases only, by the inbox's own index (`unit_open_created`, one `$in` over the deployment's units),
// pages of ≤ 100, resumable with a lease and a budget like every paged job (paged-job.ts). A case changed
// meanwhile is skipped (`conflicts`): its change wrote the index.
import type { CaseDoc, StoredCase } from '../../shared/cases/case-doc'
import { machineStateOf } from '../../shared/cases/case-doc'
import { workIndexOf, type WorkIndex } from '../../shared/cases/todo'
import type { PagedJobReport } from '../../shared/contracts/timers'
import { toShanghaiIso } from '../../shared/time'
import { calendarFor } from '../common/calendar'
import { clocksOf } from '../common/case-workflow'
import { COLLECTIONS } from '../common/collections'
import { findAcross } from '../common/db/find-across'
import { runPagedJob, type PagedJobOptions } from '../common/paged-job'
import { VersionConflictError, type Runtime } from '../common/ports'

const WORK_INDEX_JOB_ID = 'work-index'
/**
 * The version of `workIndexOf` the stored indexes follow. 2: a check-in ends an urgent case's place on the duty
 * list, as a site-visit record did.
 */
const WORK_INDEX_VERSION = 2
/** `jobs/<id>`: the version every open case has been through. */
export const WORK_INDEX_DONE_ID = `${WORK_INDEX_JOB_ID}-done`

/** `complete`: every open case follows the current version (then later runs only read the marker). */
export interface WorkIndexReport extends PagedJobReport {
  /** Cases whose stored index differed and was rewritten. */
  updated: number
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
  const report: WorkIndexReport = {
    examined: 0,
    updated: 0,
    conflicts: 0,
    failures: 0,
    complete: false,
    busy: false,
    pages: 0,
    slowestPageMs: 0,
  }
  const done = await runtime.db.get<{ version: number }>(COLLECTIONS.jobs, WORK_INDEX_DONE_ID)
  if (done && done.version >= WORK_INDEX_VERSION) return { ...report, complete: true }
  const now = runtime.clock.now()
  const calendar = await calendarFor(runtime)
  const units = runtime.deployment.units.map((u) => u.id)
  const outcome = await runPagedJob<StoredCase>(
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
      try {
        const index = workIndexOf(machineStateOf(doc), clocksOf(doc, calendar, now))
        if (same(doc, index)) return
        await runtime.db.update<CaseDoc>(COLLECTIONS.cases, doc._id, index, doc._version)
        report.updated++
      } catch (error) {
        if (error instanceof VersionConflictError) return void report.conflicts++
        // One case never stops the job; the next pass looks at it again.
        report.failures++
        runtime.log.error('work index: case failed', { caseId: doc._id, error: String(error) })
      }
    },
  )
  Object.assign(report, outcome)
  // Recorded only after a pass with nothing left over: a case that failed is looked at again by the next pass.
  if (report.complete && report.failures === 0) {
    const marker = { version: WORK_INDEX_VERSION, updatedAt: toShanghaiIso(now) }
    if (done) await runtime.db.update(COLLECTIONS.jobs, WORK_INDEX_DONE_ID, marker, done._version)
    else await runtime.db.insert(COLLECTIONS.jobs, { _id: WORK_INDEX_DONE_ID, ...marker })
  }
  runtime.log.info('work index', { ...report })
  return report
}
