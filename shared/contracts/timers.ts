// timers: the hourly deadline sweep and the daily removal of unattached uploads (timer triggers), also
// startable by an administrator.
import { action, staffWith } from './define'
import * as z from '../vocabulary/zod'

export interface SweepReport {
  /** Cases looked at in this run. */
  examined: number
  reminders: number
  supervised: number
  deemedClosed: number
  /** Cases skipped because someone edited them meanwhile (retried on a later run). */
  conflicts: number
  failures: number
  /** True when the backlog was worked through; false when the run stopped at its budget (the next run resumes). */
  complete: boolean
}

export interface UploadCleanupReport {
  /** Unattached uploads past the period looked at in this run. */
  examined: number
  /** Deleted, file and record. */
  removed: number
  /** Attached to a report or changed meanwhile: left alone. */
  conflicts: number
  failures: number
  /** True when every expired upload was dealt with; false when the run stopped at its budget. */
  complete: boolean
}

export const timersContract = {
  runDeadlineSweep: action<SweepReport>()(z._default(z.object({}), {}), staffWith('admin')),
  runUploadCleanup: action<UploadCleanupReport>()(z._default(z.object({}), {}), staffWith('admin')),
}
