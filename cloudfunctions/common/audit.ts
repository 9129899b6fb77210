// The audit trail of what staff do outside the workflow (the workflow's own steps are the case's history):
// revealing a reporter, clearing held content, loading a holiday notice. Each record is written with the change
// it records, in the same transaction — or before it, for a reveal: no record, no reveal.
import { COLLECTIONS } from './collections'
import type { DocWriter } from './ports'
import type { StaffRecord } from './staff-records'

export type AuditAction =
  | 'reveal-reporter'
  | 'clear-held-content'
  | 'load-holiday-notice'
  /** Case data leaving the system (a file, a list): supervisors see each one (workbench/audit-log.ts). */
  | 'export'
  | 'set-duty'
  | 'save-reply-template'
  | 'remove-reply-template'

interface AuditDoc {
  action: AuditAction
  /** What it was done to: a case id, or the document changed (`year-2026`). */
  subject: string
  staffId: string
  staffName: string
  at: string
  /** What else the action records (the reason of a reveal, the hold cleared, …). */
  [detail: string]: unknown
}

/** Writes one audit record; answers its id. */
export async function audit(
  writer: Pick<DocWriter, 'insert'>,
  action: AuditAction,
  subject: string,
  staff: Pick<StaffRecord, '_id' | 'name'>,
  at: string,
  details: Record<string, unknown> = {},
): Promise<string> {
  const record: AuditDoc = { action, subject, ...details, staffId: staff._id, staffName: staff.name, at }
  return writer.insert<AuditDoc>(COLLECTIONS.audit, record)
}
