// What every list shows of a case, to citizens and staff alike, and how a case's photos are linked.
import type { CategoryKey } from '../../vocabulary/categories'
import type { RequestTypeKey } from '../../vocabulary/request-types'
import { stateLabel, type CaseStateKey } from '../../workflow/states'
import type { StoredCase } from '../case-doc'

/** What every list shows of a case, citizen's or staff's. */
export interface CaseHeadline {
  caseId: string
  refNo: string
  requestType: RequestTypeKey
  category: CategoryKey
  status: CaseStateKey
  statusLabel: string
  createdAt: string
  address: string
}

export interface CasePhoto {
  fileId: string
  url: string | null
}

export function headlineOf(doc: StoredCase): CaseHeadline {
  return {
    caseId: doc._id,
    refNo: doc.refNo,
    requestType: doc.requestType,
    category: doc.category,
    status: doc.status,
    statusLabel: stateLabel(doc.status),
    createdAt: doc.createdAt,
    address: doc.location.address,
  }
}

/** Photos with their links (`photoUrls`: the temporary links the caller fetched; none: no link yet). */
export function photoViews(fileIds: readonly string[], photoUrls: Record<string, string>): CasePhoto[] {
  return fileIds.map((fileId) => ({ fileId, url: photoUrls[fileId] ?? null }))
}
