// The plain data the intake-intelligence functions work on. The cloud functions fetch these (by the index
// keys the functions below give them), call a pure function, and persist what it decides.
import type { CategoryKey } from '../vocabulary/categories'
import type { Wgs84Point } from '../geo/coordinates'
import { toShanghaiIso } from '../time'

export interface ReportFacts {
  id: string
  category: CategoryKey
  /** WGS-84 (convert with `toWgs84` at intake); null when the report has no usable position. */
  position: Wgs84Point | null
  /** ISO 8601 with offset. */
  reportedAt: string
  /** The reported entity (被举报单位) as the reporter wrote it. */
  entityName?: string | null
  /** Opaque and stable per reporter (e.g. a keyed hash of the openid); null for anonymous reports. */
  reporterKey?: string | null
}

export const DAY_MS = 86_400_000

/** Milliseconds since the epoch of an ISO 8601 timestamp; throws on anything else. */
export function instantMs(iso: string): number {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new RangeError(`not a timestamp: ${iso}`)
  return ms
}

/** Whole and fractional days from `a` to `b` (positive when b is later). */
export function daysBetweenInstants(a: string, b: string): number {
  return (instantMs(b) - instantMs(a)) / DAY_MS
}

/**
 * The instant `days` × 24 h before `iso`, as `YYYY-MM-DDTHH:mm:ss+08:00` (shared/time `toShanghaiIso`): the
 * lower bound of a window query. Compares correctly as a string only against timestamps stored in that format.
 */
export function daysBefore(iso: string, days: number): string {
  return toShanghaiIso(instantMs(iso) - days * DAY_MS)
}
