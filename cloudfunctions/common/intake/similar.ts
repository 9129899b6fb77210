// Open cases a new report probably duplicates, offered to the citizen before filing (follow instead of filing
// again). The decision is shared/intake/duplicates.ts; this fetches its candidates by index.
import type { CategoryKey } from '../../../shared/vocabulary/categories'
import { toWgs84, type GeoPoint } from '../../../shared/geo/coordinates'
import {
  duplicateCandidateQuery,
  rankDuplicates,
  type DuplicateAssessment,
} from '../../../shared/intake/duplicates'
import type { ReportFacts } from '../../../shared/intake/report-facts'
import type { CaseDoc } from '../../../shared/cases/case-doc'
import { visibleToOthers } from '../../../shared/cases/content-holds'
import type { SimilarCaseSource } from '../../../shared/cases/views'
import { COLLECTIONS } from '../collections'
import type { Runtime, WithId } from '../ports'
import { routerFor } from '../routing'
import { intakePolicyOf } from './assessment'
import { casesInCells } from './nearby'

/** A candidate as the preview reads it: a projection of its case (`CANDIDATE_FIELDS`). */
type Candidate = WithId<
  SimilarCaseSource &
    Pick<
      CaseDoc,
      'position' | 'lastReportedAt' | 'reportedEntity' | 'mergedInto' | 'screening' | 'contentHolds'
    >
>

/** What ranking a candidate, leaving out merged and held ones, and offering it (similarCaseOf) look at. */
const CANDIDATE_FIELDS = [
  'refNo',
  'category',
  'status',
  'location',
  'createdAt',
  'followerCount',
  'position',
  'lastReportedAt',
  'reportedEntity',
  'mergedInto',
  'screening',
  'contentHolds',
] as const

export interface SimilarOpenCase<T extends Candidate = Candidate> {
  doc: T
  assessment: DuplicateAssessment
}

/**
 * Open cases a new report probably duplicates (S3 第九条(四)): same category nearby and recent, or naming the
 * same entity. Best first, at most `limit`. `admit` decides which may be offered: by default those other
 * citizens may see (nothing held for a person); staff merging a case offer those of their scope. The preview reads
 * only what it shows (`CANDIDATE_FIELDS`); staff, who compare the cases side by side, read them whole (`whole`).
 */
export async function similarOpenCases<T extends Candidate = Candidate>(
  runtime: Runtime,
  report: { category: CategoryKey; location: GeoPoint; reportedEntity?: string | null },
  reportedAt: string,
  limit = 5,
  admit: (doc: T) => boolean = visibleToOthers,
  { whole = false }: { whole?: boolean } = {},
): Promise<Array<SimilarOpenCase<T>>> {
  const fields = whole ? undefined : CANDIDATE_FIELDS
  const policy = intakePolicyOf(runtime).duplicate
  const names = routerFor(runtime).entityNames
  const facts: ReportFacts = {
    id: '(new)',
    category: report.category,
    position: toWgs84(report.location),
    reportedAt,
    entityName: report.reportedEntity ?? null,
  }
  const query = duplicateCandidateQuery(facts, policy, names)
  const open = { open: true }
  const found = new Map<string, T>()
  if (query.cells) {
    const near = await casesInCells<T>(
      runtime,
      query.category,
      query.cells,
      { ...open, lastReportedAt: { $gte: query.lastReportedSince } },
      { fields },
    )
    near.forEach((d) => found.set(d._id, d))
  }
  if (query.entityKey) {
    const named = await runtime.db.find<T>(COLLECTIONS.cases, {
      filter: { entityKey: query.entityKey, ...open },
      orderBy: [['createdAt', 'desc']],
      limit: 50,
      fields,
    })
    named.items.forEach((d) => found.set(d._id, d))
  }
  const docs = [...found.values()].filter((d) => !d.mergedInto && admit(d))
  const ranked = rankDuplicates(
    facts,
    docs.map((d) => ({
      id: d._id,
      category: d.category,
      position: d.position,
      lastReportedAt: d.lastReportedAt,
      entityNames: d.reportedEntity ? [d.reportedEntity] : [],
    })),
    policy,
    names,
  )
  const byId = new Map(docs.map((d) => [d._id, d]))
  return ranked.slice(0, limit).map((assessment) => ({ doc: byId.get(assessment.caseId)!, assessment }))
}
