// The audit trail of what staff do outside the workflow (the workflow's own steps are the case's history):
// revealing a reporter, clearing held content, loading a holiday notice, publishing a typical case, sharing a
// report with a business section or the judiciary. Each record is written with the change
// it records, in the same transaction — or before it, for a reveal: no record, no reveal.
import { COLLECTIONS } from './collections'
import type { DocWriter } from './ports'
import type { StaffRecord } from './staff-records'

export type AuditAction =
  | 'reveal-reporter'
  | 'clear-held-content'
  | 'load-holiday-notice'
  // disclosure, analysis and sharing (issue 15)
  | 'publish-typical-case'
  | 'withdraw-typical-case'
  | 'generate-analysis-report'
  | 'download-analysis-report'
  | 'share-copy'
  | 'read-shared-copy'
  | 'refer-to-judiciary'

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

/** Who an audit record names: a staff member, or the system acting on its own (`systemAuditor`). */
export type Auditor = Pick<StaffRecord, '_id' | 'name'>

/** The system as it appears in the audit trail: `system:intake` (copies at registration), `system:timers`. */
export const systemAuditor = (id: 'intake' | 'timers'): Auditor => ({ _id: `system:${id}`, name: '系统' })

/** Writes one audit record; answers its id. */
export async function audit(
  writer: Pick<DocWriter, 'insert'>,
  action: AuditAction,
  subject: string,
  staff: Auditor,
  at: string,
  details: Record<string, unknown> = {},
): Promise<string> {
  const record: AuditDoc = { action, subject, ...details, staffId: staff._id, staffName: staff.name, at }
  return writer.insert<AuditDoc>(COLLECTIONS.audit, record)
}
