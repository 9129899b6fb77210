// Is a new report the same pending matter as an open case? S3 第九条(四): 举报事项已经受理但未办结，同一举报人
// 或多名举报人再次提出同一举报事项的，可在联网平台中合并办理. The decision to merge is the officer's (or the
// lead's merge logic); this module scores the candidates:
//
//   likely-duplicate  same category and the same named entity (any distance, any time while the case is open),
//                     or same category within the category's radius and time window, unless both name
//                     different entities
//   related           the same entity for another category, or close by but naming a different entity
//   unrelated         anything else
//
// Candidates come from two equality queries (see `duplicateCandidateQuery`): open cases of the category in the
// geo cells around the point, and open cases with the same entity key.
import type { CategoryKey } from '../vocabulary/categories'
import { nearbyCells, type NearbyCellQuery } from '../geo/cells'
import { distanceMetres, type Wgs84Point } from '../geo/coordinates'
import { distanceText } from '../geo/distance-text'
import { daysBetween, localDateOf } from '../time'
import {
  entityKey,
  entityNameSimilarity,
  normaliseEntityName,
  SAME_ENTITY_SIMILARITY,
  type EntityNameOptions,
} from '../routing/entity-names'
import type { DuplicatePolicy } from '../policy/intake'
import { daysBefore, daysBetweenInstants, type ReportFacts } from './report-facts'

export const DUPLICATE_CITE = 'S3 第九条(四)：同一举报人或多名举报人再次提出同一举报事项的，可合并办理'

/** An open (受理未办结) case as the duplicate check needs it. */
export interface OpenCaseFacts {
  id: string
  category: CategoryKey
  position: Wgs84Point | null
  /** The latest report merged into the case: the time window runs from it. */
  lastReportedAt: string
  /** The entity names given on the case's reports. */
  entityNames: readonly string[]
}

export type DuplicateVerdict = 'likely-duplicate' | 'related' | 'unrelated'

export interface DuplicateAssessment {
  caseId: string
  verdict: DuplicateVerdict
  /** For ranking: likely 0.5–1, related 0–0.5, unrelated 0. */
  score: number
  sameCategory: boolean
  /** Best name similarity, or null when the report or the case names no entity. */
  entitySimilarity: number | null
  sameEntity: boolean
  distanceMetres: number | null
  /** Same category, within the radius and the time window. */
  nearby: boolean
  /** Why it looks like the same matter, in plain words for the citizen deciding whether to follow it. */
  reasons: string[]
  cite: string
}

export interface DuplicateCandidateQuery {
  category: CategoryKey
  /** Open cases of the category whose stored geo cell is one of these (null: the report has no position). */
  cells: NearbyCellQuery | null
  /** Open cases last reported at or after this instant (for the cell query). */
  lastReportedSince: string
  /** Open cases of any category with this entity key (null: no usable name). */
  entityKey: string | null
}

export function duplicateCandidateQuery(
  report: ReportFacts,
  policy: DuplicatePolicy,
  names: EntityNameOptions = {},
): DuplicateCandidateQuery {
  const window = policy.byCategory[report.category]
  return {
    category: report.category,
    cells: report.position ? nearbyCells(report.position, window.radiusMetres) : null,
    lastReportedSince: daysBefore(report.reportedAt, window.windowDays),
    entityKey: entityKey(report.entityName, names),
  }
}

/** The best similarity to any usable name of the case, or null when either side names no entity. */
function bestSimilarity(
  name: string,
  candidates: readonly string[],
  names: EntityNameOptions,
): number | null {
  if (!entityKey(name, names)) return null
  let best: number | null = null
  for (const candidate of candidates) {
    if (!entityKey(candidate, names)) continue
    const s = entityNameSimilarity(name, candidate, names)
    if (best === null || s > best) best = s
  }
  return best
}

/** Below this the two names are taken to name different entities (so proximity alone does not merge them). */
const DIFFERENT_ENTITY_SIMILARITY = 0.5

export function assessDuplicate(
  report: ReportFacts,
  openCase: OpenCaseFacts,
  policy: DuplicatePolicy,
  names: EntityNameOptions = {},
): DuplicateAssessment {
  const window = policy.byCategory[report.category]
  const sameCategory = report.category === openCase.category
  const similarity = report.entityName ? bestSimilarity(report.entityName, openCase.entityNames, names) : null
  const sameEntity = similarity !== null && similarity >= SAME_ENTITY_SIMILARITY
  const namesDiffer = similarity !== null && similarity < DIFFERENT_ENTITY_SIMILARITY
  const distance =
    report.position && openCase.position ? distanceMetres(report.position, openCase.position) : null
  const daysApart = Math.abs(daysBetweenInstants(openCase.lastReportedAt, report.reportedAt))
  const nearby =
    sameCategory && distance !== null && distance <= window.radiusMetres && daysApart <= window.windowDays
  // 1 at the same spot at the same time, falling to 0 at the edge of the radius and of the window.
  const closeness = nearby
    ? 1 - 0.5 * (distance / window.radiusMetres) - 0.5 * (daysApart / window.windowDays)
    : 0

  // Plain reasons: what is the same, how far and how long ago — never the thresholds behind the verdict.
  const reasons: string[] = []
  if (sameEntity) reasons.push(`反映的是同一家单位（${normaliseEntityName(report.entityName ?? '', names)}）`)
  if (sameEntity && !sameCategory) reasons.push('但问题类别不同')
  if (nearby) {
    const ago = daysAgoText(openCase.lastReportedAt, report.reportedAt)
    const where = distance < 50 ? '就在附近' : `相距${distanceText(distance)}`
    reasons.push(`同类问题，${where}，${ago}反映`)
  }
  if (nearby && namesDiffer) reasons.push('但反映的单位不同')

  let verdict: DuplicateVerdict = 'unrelated'
  let score = 0
  if ((sameEntity && sameCategory) || (nearby && !namesDiffer)) {
    verdict = 'likely-duplicate'
    score = 0.5 + 0.5 * Math.max(sameEntity && sameCategory ? (similarity ?? 0) : 0, nearby ? closeness : 0)
  } else if (sameEntity || nearby) {
    verdict = 'related'
    score = 0.5 * Math.max(sameEntity ? (similarity ?? 0) : 0, nearby ? closeness : 0)
  }
  return {
    caseId: openCase.id,
    verdict,
    score,
    sameCategory,
    entitySimilarity: similarity,
    sameEntity,
    distanceMetres: distance,
    nearby,
    reasons,
    cite: DUPLICATE_CITE,
  }
}

/** `今天` / `昨天` / `3 天前`: Shanghai calendar days from the case's latest report to the new one. */
function daysAgoText(then: string, now: string): string {
  const days = daysBetween(localDateOf(then), localDateOf(now))
  return days <= 0 ? '今天' : days === 1 ? '昨天' : `${days} 天前`
}

/** The candidates worth showing, best first (likely duplicates before related cases). */
export function rankDuplicates(
  report: ReportFacts,
  openCases: readonly OpenCaseFacts[],
  policy: DuplicatePolicy,
  names: EntityNameOptions = {},
): DuplicateAssessment[] {
  const seen = new Set<string>()
  const assessed: DuplicateAssessment[] = []
  for (const openCase of openCases) {
    if (seen.has(openCase.id)) continue
    seen.add(openCase.id)
    const a = assessDuplicate(report, openCase, policy, names)
    if (a.verdict !== 'unrelated') assessed.push(a)
  }
  return assessed.sort((a, b) => b.score - a.score || a.caseId.localeCompare(b.caseId))
}
