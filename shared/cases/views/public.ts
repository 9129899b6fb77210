// What may ever be shown of a case publicly (Open311 requests, disclosure of handling, statistics maps): what it
// is about, where it stands and who handles it — never who reported it or what they wrote. The reporter's identity
// is confidential for every report (S0 第十三条 最大限度控制知悉范围; S2 第二十四条(九)), and published closing
// reports carry no reporter information (S4 四(六)). So the projection reads only the fields named in
// `PublicSource` — not the reporter record (name, phone, openid, query code), not the reporter's words, photos,
// address or rating, not the reported party — and the place only as its area: the place a citizen marks may be
// their own door, so every report's position is rounded to the centre of its geohash-6 cell (about 600 m ×
// 1 km in China; shared/geo/cells.ts), the same point for every report in the cell.
import { decodeGeohashBounds } from '../../geo/cells'
import type { CategoryKey } from '../../vocabulary/categories'
import type { RequestTypeKey } from '../../vocabulary/request-types'
import { isOpenState, stateLabel, type CaseStateKey } from '../../workflow/states'
import type { StoredCase } from '../case-doc'
import { visibleToOthers } from '../content-holds'

/** The fields of a stored case the public projection may read (a type: nothing else reaches it). */
export type PublicSource = Pick<
  StoredCase,
  | 'refNo'
  | 'requestType'
  | 'category'
  | 'status'
  | 'unitId'
  | 'createdAt'
  | 'updatedAt'
  | 'geo'
  | 'screening'
  | 'contentHolds'
  | 'mergedInto'
  | 'placedBy'
>

export interface PublicCase {
  /** The reference number is the public id (the internal case id is derived from the reporter's openid). */
  refNo: string
  requestType: RequestTypeKey
  category: CategoryKey
  status: CaseStateKey
  statusLabel: string
  open: boolean
  /** The unit handling it (the bureau's own office: public). */
  unitName: string
  createdAt: string
  updatedAt: string
  /**
   * The area, never the place: the centre of the report's cell (WGS-84), and the cell's key. Null when only the
   * county or zone of the report is known (a call, an order without coordinates: `placedBy: 'locality'`) — its
   * stored point is the locality's, not the report's, and is not published as if it were.
   */
  area: { cell: string; lat: number; lng: number } | null
  /** Handled together with another report (S3 第九条(四)): that report's reference number. */
  mergedInto: string | null
}

/** Coordinates of a cell centre, to ~1 m (the cell is hundreds of metres: more digits say nothing). */
const round5 = (degrees: number) => Math.round(degrees * 1e5) / 1e5

/** The area a report lies in: the centre of its geohash-6 cell, whatever point in the cell was marked. */
export function publicArea(geo: StoredCase['geo']): NonNullable<PublicCase['area']> {
  const cell = geo.gh6
  const { south, west, north, east } = decodeGeohashBounds(cell)
  return { cell, lat: round5((south + north) / 2), lng: round5((west + east) / 2) }
}

/**
 * The public projection of a case; null while any of its report is held (its photos still being checked, or
 * content waiting for a person): what other citizens may not see yet, the public may not either.
 */
export function toPublicCase(
  doc: PublicSource,
  ctx: {
    unitName: (id: string) => string
    /** The reference number of a case by id (a merge target), or null when it cannot be told. */
    refNoOf: (caseId: string) => string | null
  },
): PublicCase | null {
  if (!visibleToOthers(doc)) return null
  return {
    refNo: doc.refNo,
    requestType: doc.requestType,
    category: doc.category,
    status: doc.status,
    statusLabel: stateLabel(doc.status),
    open: isOpenState(doc.status),
    unitName: ctx.unitName(doc.unitId),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    area: doc.placedBy === 'locality' ? null : publicArea(doc.geo),
    mergedInto: doc.mergedInto ? ctx.refNoOf(doc.mergedInto) : null,
  }
}
