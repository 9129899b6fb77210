// Early warning (预警) on concentrated reports. S3 第十六条(一): 公众集中举报的，上级生态环境主管部门可视具体情况
// 向下级生态环境主管部门或属地人民政府预警. "Concentrated" is the profile's N distinct reporters of one category
// within R metres of the newest report within T days (intake-policy.ts `earlyWarning`).
//
// One warning per cluster: the cluster key is derived from its earliest member (`ew:<category>:<report id>`),
// so two reports arriving together that both complete the cluster compute the same key (a unique index on the
// key makes the second insert a no-op), and a report joining a cluster that already raised a warning (a member
// carries `warningKey`) raises nothing new.
import type { CategoryKey } from '../vocabulary/categories'
import { nearbyCells, type NearbyCellQuery } from '../geo/cells'
import { distanceMetres, wgs84, type Wgs84Point } from '../geo/coordinates'
import type { Basis, EarlyWarningPolicy, WarningThreshold } from '../policy/intake'
import { daysBefore, daysBetweenInstants, type ReportFacts } from './report-facts'

export interface ClusterReport extends ReportFacts {
  /** Set on every member when a warning was raised for its cluster. */
  warningKey?: string | null
}

export type WarningDecision =
  | { kind: 'no-position' }
  | { kind: 'below-threshold'; reporters: number; needed: number; memberIds: string[] }
  /** Raise one warning for the cluster; tag every member with `clusterKey`. */
  | {
      kind: 'raise'
      clusterKey: string
      category: CategoryKey
      reporters: number
      memberIds: string[]
      /** Mean position of the members. */
      centre: Wgs84Point
      threshold: WarningThreshold
      basis: Basis
    }
  /** The cluster has been warned about: tag the new report with the existing key, raise nothing. */
  | { kind: 'already-warned'; clusterKey: string; memberIds: string[] }

export interface WarningCandidateQuery {
  category: CategoryKey
  cells: NearbyCellQuery
  /** Reports at or after this instant. */
  reportedSince: string
}

/** What to fetch for the check: reports of the category in these cells since this instant. */
export function earlyWarningCandidateQuery(
  report: ReportFacts,
  policy: EarlyWarningPolicy,
): WarningCandidateQuery | null {
  if (!report.position) return null
  const threshold = policy.byCategory[report.category]
  return {
    category: report.category,
    cells: nearbyCells(report.position, threshold.radiusMetres),
    reportedSince: daysBefore(report.reportedAt, threshold.windowDays),
  }
}

const reporterOf = (r: ReportFacts) => (r.reporterKey ? `reporter|${r.reporterKey}` : `anonymous|${r.id}`)

/** Earliest first; ties by id, so every caller orders a cluster the same way. */
function earliestFirst(a: ReportFacts, b: ReportFacts): number {
  const days = daysBetweenInstants(b.reportedAt, a.reportedAt)
  return days !== 0 ? days : a.id.localeCompare(b.id)
}

export function assessEarlyWarning(
  report: ClusterReport,
  recent: readonly ClusterReport[],
  policy: EarlyWarningPolicy,
): WarningDecision {
  const here = report.position
  if (!here) return { kind: 'no-position' }
  const threshold = policy.byCategory[report.category]
  const others = recent.filter(
    (r) =>
      r.id !== report.id &&
      r.category === report.category &&
      r.position !== null &&
      distanceMetres(here, r.position) <= threshold.radiusMetres &&
      Math.abs(daysBetweenInstants(r.reportedAt, report.reportedAt)) <= threshold.windowDays,
  )
  const members = [...others, report].sort(earliestFirst)
  const memberIds = members.map((m) => m.id)
  const warned = others
    .map((m) => m.warningKey)
    .filter((k): k is string => !!k)
    .sort()
  if (warned[0]) return { kind: 'already-warned', clusterKey: warned[0], memberIds }
  const reporters = new Set(members.map(reporterOf)).size
  if (reporters < threshold.minReports) {
    return { kind: 'below-threshold', reporters, needed: threshold.minReports, memberIds }
  }
  const positions = members.map((m) => m.position).filter((p): p is Wgs84Point => p !== null)
  const centre = wgs84(
    positions.reduce((sum, p) => sum + p.lat, 0) / positions.length,
    positions.reduce((sum, p) => sum + p.lng, 0) / positions.length,
  )
  return {
    kind: 'raise',
    clusterKey: `ew:${report.category}:${members[0]!.id}`,
    category: report.category,
    reporters,
    memberIds,
    centre,
    threshold,
    basis: policy.basis.byCategory,
  }
}
