// What a citizen is shown before filing a report: who will handle it (or who to turn to), by when a reply is
// expected, whether it is urgent, and the open reports it may duplicate — with only what other citizens may see
// of them (held reports are never offered: similarOpenCases leaves them out).
import type { ExpectedReply } from '../../deadlines/expected-reply'
import type { DuplicateAssessment, DuplicateVerdict } from '../../intake/duplicates'
import { answeringUnit, guidanceOf, type RoutingDecision } from '../../routing/router'
import type { CategoryKey } from '../../vocabulary/categories'
import { stateLabel } from '../../workflow/states'
import type { RoutingRecord, StoredCase } from '../case-doc'

interface RoutingPreview {
  inJurisdiction: boolean
  outcome: RoutingRecord['outcome']
  /** The zone or county that decides the handling unit (outside: the region found there, if any). */
  region: { code: string; name: string } | null
  /** The county the position lies in (also when a zone decides), and the place as people name it. */
  county: { code: string; name: string } | null
  placeName: string | null
  /** Who will handle it (assigned), or who answers with guidance (referred / out of jurisdiction). */
  unit: { id: string; name: string } | null
  guidance: string | null
  cite: string
}

export interface SimilarCase {
  caseId: string
  refNo: string
  category: CategoryKey
  statusLabel: string
  address: string
  createdAt: string
  distanceMetres: number | null
  verdict: Exclude<DuplicateVerdict, 'unrelated'>
  reasons: string[]
  following: boolean
  followers: number
}

export interface ReportPreview {
  routing: RoutingPreview
  /**
   * 预计答复: the Shanghai date a reply is expected by under the deployment's profile, with the articles it rests
   * on and how it was composed (the handling limit from receipt, or the acceptance limit plus the handling limit);
   * null when not handled here.
   */
  expectedReplyBy: ExpectedReply | null
  /** Night-time construction noise, risk of a mass incident: staff go on site immediately (S2 第十二条). */
  urgent: boolean
  similarCases: SimilarCase[]
}

export function routingPreviewOf(decision: RoutingDecision): RoutingPreview {
  return {
    inJurisdiction: decision.inJurisdiction,
    outcome: decision.outcome,
    region: decision.region,
    county: decision.placement.county,
    placeName: decision.placement.qualifiedName,
    unit: answeringUnit(decision),
    guidance: guidanceOf(decision),
    cite: decision.cite,
  }
}

/** What the offer of a similar case shows of it (the preview reads only these fields). */
export type SimilarCaseSource = Pick<
  StoredCase,
  '_id' | 'refNo' | 'category' | 'status' | 'location' | 'createdAt' | 'followerCount'
>

/** An open case the new report may duplicate, as the citizen about to file it sees it. */
export function similarCaseOf(
  doc: SimilarCaseSource,
  assessment: DuplicateAssessment,
  following: boolean,
): SimilarCase {
  return {
    caseId: doc._id,
    refNo: doc.refNo,
    category: doc.category,
    statusLabel: stateLabel(doc.status),
    address: doc.location.address,
    createdAt: doc.createdAt,
    distanceMetres: assessment.distanceMetres === null ? null : Math.round(assessment.distanceMetres),
    // similarOpenCases offers likely duplicates and related cases only.
    verdict: assessment.verdict as SimilarCase['verdict'],
    reasons: assessment.reasons,
    following,
    followers: doc.followerCount,
  }
}
