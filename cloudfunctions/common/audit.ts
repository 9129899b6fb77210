// The audit collection: one record per act that must be answerable for later — a reporter revealed, held content
// cleared, a holiday notice loaded, staff enrolled, changed, deactivated, cases handed over, identities destroyed,
// every read of a reward claimant's identity and every reward decision (never the identity itself).
// Written in the same transaction as the act (no act unrecorded), never changed afterwards. Indexed by subject
// (`subject_at`: what happened to a staff member, a case, an invite) and by actor (`actor_at`: what someone did).
import type { AuditAction } from '../../shared/contracts/staff-admin'
import { COLLECTIONS } from './collections'
import type { DocStore, DocWriter, Page, WithId } from './ports'
import type { StaffRecord } from './staff-records'

export interface AuditDoc {
  action: AuditAction
  /** What the act was about: a staff id, a case id, a holiday-notice year. */
  subject: string
  /** Who acted: a staff id, or `system:<id>` for the product itself. */
  staffId: string
  staffName?: string
  /** Shanghai time, ISO 8601 with offset. */
  at: string
  /** Facts of the act (the post granted, a reason, counts): never a reporter's identity, a code or an openid. */
  [detail: string]: unknown
}

export function recordAudit(tx: Pick<DocWriter, 'insert'>, entry: AuditDoc): Promise<string> {
  return tx.insert<AuditDoc>(COLLECTIONS.audit, entry)
}

/** One page of the records about a subject, or of one actor's, newest first. */
export function auditPage(
  db: DocStore,
  by: { subject: string } | { staffId: string },
  page: { limit: number; after: string | null },
): Promise<Page<WithId<AuditDoc>>> {
  return db.find<AuditDoc>(COLLECTIONS.audit, {
    filter: by,
    orderBy: [['at', 'desc']],
    limit: page.limit,
    after: page.after,
  })
}

/** Writes one record of a staff member's act (the reveal, the clearance, the notice loaded); answers its id. */
export function audit(
  writer: Pick<DocWriter, 'insert'>,
  action: AuditAction,
  subject: string,
  staff: Pick<StaffRecord, '_id' | 'name'>,
  at: string,
  details: Record<string, unknown> = {},
): Promise<string> {
  return recordAudit(writer, { action, subject, ...details, staffId: staff._id, staffName: staff.name, at })
}
