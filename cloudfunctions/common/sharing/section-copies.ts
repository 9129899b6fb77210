// 对内共享 (S0 第十七条): every new report matching a business section's categories or sources is copied to it at
// registration — a copy record per section, written with its audit record, once (the id is the case and the
// section). Staff of the section (and of the units above it) list their copies and open one; each opening is
// audited. A copy is the case as staff see it less the reporter — not even the mask — and less held content.
import type { SectionCopyItem } from '../../../shared/contracts/sharing'
import type { CasePage } from '../../../shared/contracts/cases'
import { AppError } from '../../../shared/contracts/result'
import type { CaseDoc } from '../../../shared/cases/case-doc'
import { toStaffDetail } from '../../../shared/cases/views/staff'
import { sectionsFor, toSectionCopy, type SectionCopyView } from '../../../shared/sharing/sharing'
import { categoryLabel } from '../../../shared/vocabulary/categories'
import { stateLabel } from '../../../shared/workflow/states'
import { heldPhotoIds, pendingPhotoIds } from '../../../shared/cases/content-holds'
import { audit, systemAuditor } from '../audit'
import { calendarFor } from '../calendar'
import { caseUnitScope } from '../case-access'
import { clocksOf } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import { findAcross } from '../db/find-across'
import { getMany } from '../db/get-many'
import type { Runtime, Tx } from '../ports'
import { unitNamer, type StaffDoc, type StaffRecord } from '../staff-records'

interface SectionCopyDoc {
  caseId: string
  refNo: string
  category: CaseDoc['category']
  sectionUnitId: string
  /** When the report was registered (the copy is made then). */
  sharedAt: string
  cite: string
}

const sectionCopyId = (caseId: string, unitId: string) => `${caseId}:${unitId}`

/** The one answer for a copy that is missing or not the caller's. */
const COPY_NOT_FOUND = '没有找到这份抄送，或它不是抄送给您所在科室的'

/**
 * Copies a newly registered case to the sections its category or source concerns, in the transaction that stores
 * it (submission.ts): each copy with its audit record, once with the case. Returns the sections copied to.
 */
export async function copyToSectionsInTx(
  tx: Tx,
  runtime: Runtime,
  doc: CaseDoc & { _id: string },
): Promise<string[]> {
  const sections = sectionsFor(runtime.deployment.sharing, doc)
  for (const section of sections) {
    await tx.insert<SectionCopyDoc>(COLLECTIONS.sectionCopies, {
      _id: sectionCopyId(doc._id, section.unitId),
      caseId: doc._id,
      refNo: doc.refNo,
      category: doc.category,
      sectionUnitId: section.unitId,
      sharedAt: doc.createdAt,
      cite: section.cite,
    })
    await audit(tx, 'share-copy', doc._id, systemAuditor('intake'), doc.createdAt, {
      refNo: doc.refNo,
      sectionUnitId: section.unitId,
      withReporter: false,
    })
  }
  return sections.map((s) => s.unitId)
}

/**
 * The section units among the units whose cases the staff member sees (a copy is theirs when its section is): a
 * copy is a case less its reporter, so posts without case duty (系统管理员, 奖励管理员) have none (`caseUnitScope`).
 */
function sectionScope(runtime: Runtime, staff: StaffRecord): string[] {
  const sections = new Set((runtime.deployment.sharing?.sections ?? []).map((s) => s.unitId))
  return caseUnitScope(runtime, staff).filter((id) => sections.has(id))
}

export async function listSectionCopies(
  runtime: Runtime,
  staff: StaffRecord,
  request: { cursor?: string | null; limit: number },
): Promise<CasePage<SectionCopyItem>> {
  const page = await findAcross<SectionCopyDoc>(
    runtime.db,
    COLLECTIONS.sectionCopies,
    'sectionUnitId',
    sectionScope(runtime, staff),
    { orderBy: [['sharedAt', 'desc']], limit: request.limit, after: request.cursor },
  )
  const cases = await getMany<CaseDoc>(
    runtime.db,
    COLLECTIONS.cases,
    page.items.map((c) => c.caseId),
  )
  const unitName = unitNamer(runtime.deployment.units)
  return {
    // A report still held back from staff (its photos being checked) is not shown to its sections either.
    items: page.items.flatMap((copy) => {
      const doc = cases.get(copy.caseId)
      if (!doc || doc.screening !== 'passed') return []
      return [
        {
          copyId: copy._id,
          refNo: copy.refNo,
          categoryLabel: categoryLabel(copy.category),
          sectionName: unitName(copy.sectionUnitId),
          sharedAt: copy.sharedAt,
          statusLabel: stateLabel(doc.status),
          unitName: unitName(doc.unitId),
        },
      ]
    }),
    next: page.next,
  }
}

/** One copy, read by staff of its section (audited). */
export async function readSectionCopy(
  runtime: Runtime,
  staff: StaffRecord,
  copyId: string,
  at: string,
): Promise<SectionCopyView> {
  const copy = await runtime.db.get<SectionCopyDoc>(COLLECTIONS.sectionCopies, copyId)
  const doc = copy && (await runtime.db.get<CaseDoc>(COLLECTIONS.cases, copy.caseId))
  if (
    !copy ||
    !doc ||
    doc.screening !== 'passed' ||
    !sectionScope(runtime, staff).includes(copy.sectionUnitId)
  ) {
    throw new AppError('NOT_FOUND', COPY_NOT_FOUND)
  }
  const calendar = await calendarFor(runtime)
  const pending = new Set(pendingPhotoIds(doc))
  const held = heldPhotoIds(doc)
  const shown = doc.photos.filter((id) => !pending.has(id) && !held.has(id))
  const actorIds = [...new Set(doc.history.flatMap((h) => (h.actor.kind === 'staff' ? [h.actor.id] : [])))]
  const actors = await getMany<StaffDoc>(runtime.db, COLLECTIONS.staff, actorIds)
  const unitName = unitNamer(runtime.deployment.units)
  const detail = toStaffDetail(doc, {
    unitName,
    staffName: (id) => actors.get(id)?.name ?? null,
    clocks: clocksOf(doc, calendar, runtime.clock.now()),
    photoUrls: shown.length ? await runtime.blobs.tempUrls(shown) : {},
    allowedEvents: [],
  })
  await audit(runtime.db, 'read-shared-copy', doc._id, staff, at, {
    copyId,
    sectionUnitId: copy.sectionUnitId,
  })
  return toSectionCopy(detail, {
    sharedAt: copy.sharedAt,
    sectionName: unitName(copy.sectionUnitId),
    cite: copy.cite,
  })
}
