// timers: the deadline sweep and the removal of unattached uploads, run by the hourly timer trigger (and the
// follow-up runs it starts while work is left), also startable by an administrator.
import { action, staffWith } from './define'
import * as z from '../vocabulary/zod'

/** What every run of a paged timer job reports (cloudfunctions/common/paged-job.ts). */
export interface PagedJobReport {
  /** Items looked at in this run. */
  examined: number
  /** Items skipped because someone changed them meanwhile (looked at again by a later run). */
  conflicts: number
  failures: number
  /** True when the backlog was worked through; false when the run stopped at its budget (the next run resumes). */
  complete: boolean
  /** True when another run was working on the job: this one did nothing. */
  busy: boolean
  /** Pages worked through in this run, and the slowest of them (ms). */
  pages: number
  slowestPageMs: number
}

export interface SweepReport extends PagedJobReport {
  reminders: number
  supervised: number
  deemedClosed: number
}

export interface UploadCleanupReport extends PagedJobReport {
  /** Deleted, file and record (`conflicts`: attached to a report or changed meanwhile, left alone). */
  removed: number
}

export const timersContract = {
  runDeadlineSweep: action<SweepReport>()(z._default(z.object({}), {}), staffWith('admin')),
  runUploadCleanup: action<UploadCleanupReport>()(z._default(z.object({}), {}), staffWith('admin')),
}
