// 合并办理 (S3 第九条(四): 同一事项): the open cases of the caller's scope a case may be merged into — the same kind
// of problem nearby and recent, or naming the same reported party — found by the intake's duplicate rules
// (intake/similar.ts), each shown beside the case with why it looks like the same matter.
import type { StoredCase } from '../../../shared/cases/case-doc'
import { toMergeSide } from '../../../shared/cases/views/staff'
import type { MergeCandidates } from '../../../shared/contracts/staff'
import { hasRecused, isOpenState } from '../../../shared/workflow'
import { caseInUnits } from '../case-access'
import { similarOpenCases } from '../intake/similar'
import type { Runtime } from '../ports'
import { unitNamer, unitScopeOf, type StaffRecord } from '../staff-records'

/** How many candidates are offered: the best few. */
const MAX_CANDIDATES = 10

export async function mergeCandidates(
  runtime: Runtime,
  staff: StaffRecord,
  doc: StoredCase,
): Promise<MergeCandidates> {
  const scope = new Set(unitScopeOf(runtime.deployment.units, staff))
  const unitName = unitNamer(runtime.deployment.units)
  // A merge target is another open case the caller may reach (not one they stepped aside from).
  const admit = (other: StoredCase) =>
    other._id !== doc._id &&
    isOpenState(other.status) &&
    caseInUnits(other, scope) &&
    !hasRecused(other.flags, staff._id)
  const similar = await similarOpenCases<StoredCase>(
    runtime,
    { category: doc.category, location: doc.position, reportedEntity: doc.reportedEntity },
    doc.lastReportedAt,
    MAX_CANDIDATES,
    admit,
    { whole: true },
  )
  return {
    case: toMergeSide(doc, unitName(doc.unitId)),
    candidates: similar
      .filter((s) => s.assessment.verdict !== 'unrelated')
      .map(({ doc: other, assessment }) => ({
        ...toMergeSide(other, unitName(other.unitId)),
        distanceMetres: assessment.distanceMetres === null ? null : Math.round(assessment.distanceMetres),
        verdict: assessment.verdict as 'likely-duplicate' | 'related',
        reasons: assessment.reasons,
      })),
  }
}
