// Typical cases (S0 第十四条): an office head or leader publishes a handled case of their units with a summary of its
// handling, or takes it down — each written with its audit record in one transaction. Before a summary is stored it
// is checked against the reporter's own identity (name and phone, or query code, opened from their seal on the
// server and never shown): a summary naming the reporter is refused (S4 四(六) 严禁公开信访人信息).
import type { TypicalCaseRecord } from '../../../shared/contracts/public'
import { AppError } from '../../../shared/contracts/result'
import type { StoredCase } from '../../../shared/cases/case-doc'
import { toPublicCase } from '../../../shared/cases/views/public'
import {
  summaryLeak,
  typicalCaseRefusal,
  type TypicalCaseKind,
} from '../../../shared/disclosure/typical-cases'
import { toShanghaiIso } from '../../../shared/time'
import { audit } from '../audit'
import { COLLECTIONS } from '../collections'
import type { Page, Runtime, WithId } from '../ports'
import { decryptField, queryCodeOf } from '../reporter-identity'
import type { StaffRecord } from '../staff-records'

export interface TypicalCaseDoc {
  caseId: string
  refNo: string
  kind: TypicalCaseKind
  summary: string
  publishedAt: string
  publishedBy: string
  publishedByName: string
}

const record = (doc: TypicalCaseDoc): TypicalCaseRecord => ({
  caseId: doc.caseId,
  refNo: doc.refNo,
  kind: doc.kind,
  summary: doc.summary,
  publishedAt: doc.publishedAt,
  publishedBy: doc.publishedByName,
})

/** The values that identify the reporter of a case (for the leak check only; never returned). */
function reporterValues(runtime: Runtime, doc: StoredCase): string[] {
  const key = runtime.secrets.identityKey
  const { nameSealed, phoneSealed } = doc.reporter
  const values = [nameSealed, phoneSealed].flatMap((sealed) => (sealed ? [decryptField(key, sealed)] : []))
  const code = queryCodeOf(key, doc.reporter)
  return code ? [...values, code] : values
}

/** Publishes (or re-publishes with a new summary) a case the staff member's access has loaded. */
export async function publishTypicalCase(
  runtime: Runtime,
  staff: StaffRecord,
  doc: StoredCase,
  input: { kind: TypicalCaseKind; summary: string },
  at: string,
): Promise<TypicalCaseRecord> {
  const refusal = typicalCaseRefusal(doc.status)
  if (refusal) throw new AppError('VALIDATION_FAILED', refusal)
  if (!toPublicCase(doc, { unitName: (id) => id, refNoOf: () => null })) {
    throw new AppError('VALIDATION_FAILED', '这条反映有待审核的内容，审核通过后才能公开')
  }
  const leak = summaryLeak(input.summary, reporterValues(runtime, doc))
  if (leak) throw new AppError('VALIDATION_FAILED', leak, { summary: leak })
  const entry: TypicalCaseDoc = {
    caseId: doc._id,
    refNo: doc.refNo,
    kind: input.kind,
    summary: input.summary,
    publishedAt: at,
    publishedBy: staff._id,
    publishedByName: staff.name,
  }
  await runtime.db.transaction(async (tx) => {
    const existing = await tx.get<TypicalCaseDoc>(COLLECTIONS.typicalCases, doc._id)
    if (existing) {
      const { caseId: _c, ...patch } = entry
      await tx.update<TypicalCaseDoc>(COLLECTIONS.typicalCases, doc._id, patch, existing._version)
    } else {
      await tx.insert<TypicalCaseDoc>(COLLECTIONS.typicalCases, { _id: doc._id, ...entry })
    }
    await audit(tx, 'publish-typical-case', doc._id, staff, at, {
      refNo: doc.refNo,
      kind: input.kind,
      summary: input.summary,
      republished: !!existing,
    })
  })
  return record(entry)
}

export async function withdrawTypicalCase(
  runtime: Runtime,
  staff: StaffRecord,
  doc: StoredCase,
  reason: string,
  at: string,
): Promise<void> {
  await runtime.db.transaction(async (tx) => {
    const existing = await tx.get<TypicalCaseDoc>(COLLECTIONS.typicalCases, doc._id)
    if (!existing) throw new AppError('NOT_FOUND', '该案件没有作为典型案例公开')
    await tx.remove(COLLECTIONS.typicalCases, doc._id)
    await audit(tx, 'withdraw-typical-case', doc._id, staff, at, {
      refNo: doc.refNo,
      reason,
      summary: existing.summary,
      publishedAt: existing.publishedAt,
    })
  })
}

export async function typicalCaseOf(runtime: Runtime, caseId: string): Promise<TypicalCaseRecord | null> {
  const doc = await runtime.db.get<TypicalCaseDoc>(COLLECTIONS.typicalCases, caseId)
  return doc ? record(doc) : null
}

/** The published typical cases, newest first. */
export function listTypicalCases(
  runtime: Runtime,
  request: { cursor?: string | null; limit: number },
): Promise<Page<WithId<TypicalCaseDoc>>> {
  return runtime.db.find<TypicalCaseDoc>(COLLECTIONS.typicalCases, {
    filter: { publishedAt: { $lte: toShanghaiIso(runtime.clock.now()) } },
    orderBy: [['publishedAt', 'desc']],
    limit: request.limit,
    after: request.cursor,
  })
}
