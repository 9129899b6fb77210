// Who saw a reporter's identity, and what case data left the system: every reveal of a reporter's contact
// (reporter-identity.ts) and every export is an audit record marked as a disclosure, with the unit whose case it
// was. Supervisors page through those of their scope, newest first (index `disclosure_unit_at`) — reporter
// identity is confidential (S0 第十三条; S2 第二十四条(九)), so each disclosure must be answerable for.
import type { CasePage } from '../../../shared/contracts/cases'
import type { DisclosureEntry } from '../../../shared/contracts/staff'
import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/contracts/staff-admin'
import { audit } from '../audit'
import { COLLECTIONS } from '../collections'
import { findAcross } from '../db/find-across'
import type { DocWriter, Runtime } from '../ports'
import { unitNamer, unitScopeOf, type StaffRecord } from '../staff-records'

/** The audit actions that are disclosures (labelled as every audit action is, AUDIT_ACTIONS). */
type Disclosure = Extract<AuditAction, 'reveal-reporter' | 'export'>

/** What every disclosure record carries besides its details: the mark, and the unit whose data it was. */
export function disclosureMark(unitId: string): { disclosure: true; unitId: string } {
  return { disclosure: true, unitId }
}

/**
 * Records an export of case data (a list, a file) before it is handed out: what was exported, why, and whose
 * data it was. Exports never carry a reporter's identity; the record makes each one answerable for all the same.
 */
export function auditExport(
  writer: Pick<DocWriter, 'insert'>,
  staff: Pick<StaffRecord, '_id' | 'name'>,
  input: { unitId: string; what: string; reason: string; at: string },
): Promise<string> {
  return audit(writer, 'export', input.what, staff, input.at, {
    ...disclosureMark(input.unitId),
    reason: input.reason,
  })
}

interface DisclosureDoc {
  action: Disclosure
  subject: string
  staffName: string
  at: string
  unitId: string
  refNo?: string
  reason?: string
}

export async function disclosureLog(
  runtime: Runtime,
  staff: StaffRecord,
  page: { cursor?: string | null; limit: number },
): Promise<CasePage<DisclosureEntry>> {
  const found = await findAcross<DisclosureDoc>(
    runtime.db,
    COLLECTIONS.audit,
    'unitId',
    unitScopeOf(runtime.deployment.units, staff),
    { filter: { disclosure: true }, orderBy: [['at', 'desc']], limit: page.limit, after: page.cursor },
  )
  const unitName = unitNamer(runtime.deployment.units)
  return {
    items: found.items.map((d) => ({
      auditId: d._id,
      action: d.action,
      actionLabel: AUDIT_ACTIONS[d.action],
      at: d.at,
      staffName: d.staffName,
      unitName: unitName(d.unitId),
      subject: d.refNo ?? d.subject,
      reason: d.reason ?? null,
    })),
    next: found.next,
  }
}
