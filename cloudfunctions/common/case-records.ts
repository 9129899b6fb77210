// The case document as stored, and the views each audience may see of it. Views are built here, by
// explicit projection, so a reporter's identity can only reach staff in masked form and never reaches
// anything else.
import { createHash } from 'node:crypto'
import type { CaseDetailForReporter, CaseSummary, CaseTimelineEntry } from '../../shared/contracts/cases'
import type { CategoryKey } from '../../shared/contracts/categories'
import type { Location } from '../../shared/contracts/common'
import type { RequestTypeKey } from '../../shared/contracts/request-types'
import type { InboxItem } from '../../shared/contracts/staff'
import { CASE_STATES, isOpenState, stateLabel, type CaseStateKey } from '../../shared/workflow/states'
import type { WithId } from './ports'

export interface ReporterRecord {
  openid: string
  mode: 'real-name' | 'anonymous'
  /** AES-GCM sealed (see reporter-identity.ts); real-name only. */
  nameSealed?: string
  phoneSealed?: string
  nameMasked?: string
  phoneMasked?: string
  /** Anonymous only: keyed hash for lookup, and the sealed code so a retried submit can show it again. */
  queryCodeHash?: string
  queryCodeSealed?: string
}

export interface CaseHistoryEntry {
  at: string
  actor: { kind: 'reporter' | 'staff' | 'system'; staffId?: string }
  event: { type: string; [key: string]: unknown }
}

export interface CaseDoc {
  refNo: string
  requestType: RequestTypeKey
  category: CategoryKey
  description: string
  photos: string[]
  location: Location
  occurredAt: string | null
  reportedEntity: string | null
  reporter: ReporterRecord
  status: CaseStateKey
  unitId: string
  regionCode: string | null
  clientRequestId: string
  createdAt: string
  updatedAt: string
  history: CaseHistoryEntry[]
}

export type CaseRecord = WithId<CaseDoc>

/** Deterministic: the same device request (openid + clientRequestId) always maps to the same case id. */
export function caseIdFor(openid: string, clientRequestId: string): string {
  return 'c' + createHash('sha256').update(`${openid}\n${clientRequestId}`).digest('hex').slice(0, 31)
}

/** `JZ-20261121-0042`: prefix, Shanghai date of registration, daily sequence. */
export function formatRefNo(prefix: string, localDate: string, seq: number): string {
  return `${prefix}-${localDate.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`
}

export function toCaseSummary(doc: CaseRecord, unitName: string | null): CaseSummary {
  return {
    caseId: doc._id,
    refNo: doc.refNo,
    requestType: doc.requestType,
    category: doc.category,
    status: doc.status,
    statusLabel: stateLabel(doc.status),
    statusOpen: isOpenState(doc.status),
    createdAt: doc.createdAt,
    address: doc.location.address,
    unitName,
  }
}

const HISTORY_LABELS: Record<string, (e: CaseHistoryEntry['event']) => Omit<CaseTimelineEntry, 'at'>> = {
  register: () => ({ label: '已登记', detail: '您的反映已登记，我们会尽快决定是否受理并告知您。' }),
}

export function toTimeline(doc: CaseRecord): CaseTimelineEntry[] {
  return doc.history.map((entry) => {
    const describe = HISTORY_LABELS[entry.event.type]
    const text = describe ? describe(entry.event) : { label: CASE_STATES[doc.status].label }
    return { at: entry.at, ...text }
  })
}

export function toReporterDetail(
  doc: CaseRecord,
  unitName: string | null,
  photoUrls: Record<string, string>,
): CaseDetailForReporter {
  return {
    ...toCaseSummary(doc, unitName),
    description: doc.description,
    photos: doc.photos.map((fileId) => ({ fileId, url: photoUrls[fileId] ?? null })),
    location: doc.location,
    occurredAt: doc.occurredAt,
    reportedEntity: doc.reportedEntity,
    reporterMode: doc.reporter.mode,
    timeline: toTimeline(doc),
  }
}

export function toInboxItem(doc: CaseRecord, unitName: string): InboxItem {
  const excerpt = [...doc.description]
  return {
    caseId: doc._id,
    refNo: doc.refNo,
    requestType: doc.requestType,
    category: doc.category,
    status: doc.status,
    statusLabel: stateLabel(doc.status),
    createdAt: doc.createdAt,
    address: doc.location.address,
    descriptionExcerpt: excerpt.length > 60 ? excerpt.slice(0, 60).join('') + '…' : doc.description,
    photoCount: doc.photos.length,
    unitId: doc.unitId,
    unitName,
    reporter: {
      mode: doc.reporter.mode,
      name: doc.reporter.nameMasked ?? null,
      phone: doc.reporter.phoneMasked ?? null,
    },
  }
}
