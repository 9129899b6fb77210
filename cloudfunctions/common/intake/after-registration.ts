// After a new case is stored: repeat reports and the action they set off, early-warning clusters, copies to the
// business sections (S0 第十七条). The decisions are shared/intake's pure functions; this fetches their inputs by index (entity key, geohash cell — never a scan)
// and persists what they decide (repeat actions through the workflow, as the system).
import { createHash } from 'node:crypto'
import { AppError } from '../../../shared/contracts/result'
import { nearbyCells } from '../../../shared/geo/cells'
import {
  assessEarlyWarning,
  earlyWarningCandidateQuery,
  type ClusterReport,
} from '../../../shared/intake/early-warning'
import { basisText, type IntakePolicy } from '../../../shared/policy/intake'
import {
  countRepeats,
  repeatEvent,
  repeatHandling,
  repeatHolder,
  type RepeatCount,
} from '../../../shared/intake/repeats'
import { daysBefore } from '../../../shared/intake/report-facts'
import { requireRouting } from '../../../shared/routing/config'
import type { CaseEventType } from '../../../shared/workflow'
import type { CaseDoc, StoredCase } from '../../../shared/cases/case-doc'
import { systemCaseAccess } from '../case-access'
import { applyCaseEvent } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import { VersionConflictError, type Runtime } from '../ports'
import { routerFor } from '../routing'
import { copyToSections } from '../sharing/section-copies'
import { intakePolicyOf } from './assessment'
import { casesInCells } from './nearby'
import { tellWarning, type WarningDoc } from '../oversight/warnings'

/** A stored case as the repeat count and the early-warning check compare it. */
function reportFactsOf(doc: StoredCase): ClusterReport {
  return {
    id: doc._id,
    category: doc.category,
    position: doc.position,
    reportedAt: doc.createdAt,
    entityName: doc.reportedEntity,
    reporterKey: doc.reporterKey ?? null,
    warningKey: doc.warningKey ?? null,
  }
}

/** Earlier reports on the same target (entity or place), for counting repeats (S0 第十一条). */
async function priorReports(runtime: Runtime, doc: StoredCase, policy: IntakePolicy): Promise<StoredCase[]> {
  const since = daysBefore(doc.createdAt, policy.repeat.windowDays)
  if (doc.entityKey) {
    const page = await runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
      filter: { entityKey: doc.entityKey, createdAt: { $gte: since } },
      orderBy: [['createdAt', 'desc']],
      limit: 100,
    })
    return page.items
  }
  const cells = nearbyCells(doc.position, policy.repeat.placeRadiusMetres[doc.category])
  return casesInCells(runtime, doc.category, cells, { createdAt: { $gte: since } })
}

interface RepeatOutcome {
  count: RepeatCount
  /** The case the repeat action was applied to now, and with which event; null when nothing was applied. */
  applied: { caseId: string; event: CaseEventType } | null
}

export interface AfterRegistration {
  /** Null when counting failed (logged); the early warning is checked all the same. */
  repeat: RepeatOutcome | null
  warning: { clusterKey: string; raised: boolean } | null
  /** The business sections the report was copied to (S0 第十七条); null when copying failed (logged). */
  sharedWith: string[] | null
}

/**
 * After a new case is stored: count repeats on its target and, at the threshold, apply the profile's repeat
 * action (提级办理, 督办, 重点案件, 领导包案) to the case holding the target, through the workflow as the system;
 * then check the early-warning cluster and raise one warning per cluster for the supervising unit (S3 第十六条);
 * then copy it to the business sections its category concerns (S0 第十七条).
 * Never throws: each step's failure is logged and the next step still runs. Idempotent: safe to run again.
 */
export async function afterRegistration(runtime: Runtime, doc: StoredCase): Promise<AfterRegistration> {
  const policy = intakePolicyOf(runtime)
  let repeat: RepeatOutcome | null = null
  try {
    repeat = await applyRepeatAction(runtime, doc, policy)
  } catch (error) {
    runtime.log.error('repeat count failed', { caseId: doc._id, error: String(error) })
  }
  let warning: AfterRegistration['warning'] = null
  try {
    warning = await checkEarlyWarning(runtime, doc, policy)
  } catch (error) {
    runtime.log.error('early-warning check failed', { caseId: doc._id, error: String(error) })
  }
  let sharedWith: string[] | null = null
  try {
    sharedWith = await copyToSections(runtime, doc)
  } catch (error) {
    runtime.log.error('copy to business sections failed', { caseId: doc._id, error: String(error) })
  }
  return { repeat, warning, sharedWith }
}

async function applyRepeatAction(
  runtime: Runtime,
  doc: StoredCase,
  policy: IntakePolicy,
): Promise<RepeatOutcome> {
  const prior = await priorReports(runtime, doc, policy)
  const count = countRepeats(
    reportFactsOf(doc),
    prior.map((d) => reportFactsOf(d)),
    policy.repeat,
    routerFor(runtime).entityNames,
  )
  if (!count.reached) return { count, applied: null }
  const byId = new Map([...prior, doc].map((d) => [d._id, d]))
  const cases = count.reportIds.flatMap((id) => byId.get(id) ?? [])
  const holderId = repeatHolder(
    cases.map((d) => ({
      id: d._id,
      status: d.status,
      mergedInto: d.mergedInto,
      visible: d.screening === 'passed',
      actedOn: !!d.flags.repeatAction,
    })),
    policy.repeat.action.kind,
  )
  const holder = holderId ? byId.get(holderId) : undefined
  if (!holder) return { count, applied: null }
  const handling = repeatHandling(count, holder.unitId, requireRouting(runtime.deployment), policy.repeat)
  if (!handling) return { count, applied: null }
  const event = repeatEvent(handling, count, policy.repeat)
  // 专人督办 (S0 第十一条): the supervising unit's officer named on the escalated case.
  const extraPatch =
    handling.kind === 'escalate' ? { supervisorStaffId: handling.supervisorStaffIds[0] ?? null } : undefined
  for (let attempt = 1; ; attempt++) {
    try {
      await applyCaseEvent(runtime, systemCaseAccess(runtime, 'intake'), holder._id, event, { extraPatch })
      runtime.log.info('repeat action applied', { caseId: holder._id, event: event.type, count: count.count })
      return { count, applied: { caseId: holder._id, event: event.type } }
    } catch (error) {
      // Another report of the same burst got there first: read the case again (the workflow then refuses a
      // second repeat action).
      if (error instanceof VersionConflictError && attempt < 3) continue
      if (error instanceof AppError && error.code === 'ILLEGAL_TRANSITION') {
        // E.g. a person escalated or marked it already, or another report's action was applied meanwhile.
        runtime.log.info('repeat action not applicable', { caseId: holder._id, reason: error.message })
        return { count, applied: null }
      }
      throw error
    }
  }
}

function warningId(clusterKey: string): string {
  return 'e' + createHash('sha256').update(clusterKey).digest('hex').slice(0, 31)
}

async function checkEarlyWarning(
  runtime: Runtime,
  doc: StoredCase,
  policy: IntakePolicy,
): Promise<{ clusterKey: string; raised: boolean } | null> {
  const report = reportFactsOf(doc)
  const query = earlyWarningCandidateQuery(report, policy.earlyWarning)
  if (!query) return null
  const recent = (
    await casesInCells(runtime, query.category, query.cells, { createdAt: { $gte: query.reportedSince } })
  ).map((d) => reportFactsOf(d))
  const decision = assessEarlyWarning(report, recent, policy.earlyWarning)
  if (decision.kind === 'no-position' || decision.kind === 'below-threshold') return null
  const { clusterKey, memberIds } = decision
  const raised = await runtime.db.transaction(async (tx) => {
    let created = false
    if (decision.kind === 'raise' && !(await tx.get(COLLECTIONS.warnings, warningId(clusterKey)))) {
      const warning: WarningDoc = {
        clusterKey,
        category: decision.category,
        reporters: decision.reporters,
        memberIds,
        centre: { lat: decision.centre.lat, lng: decision.centre.lng },
        supervisingUnitId: requireRouting(runtime.deployment).routing.supervisingUnitId,
        basis: basisText(decision.basis),
        raisedAt: doc.createdAt,
        status: 'open',
      }
      await tx.insert<WarningDoc>(COLLECTIONS.warnings, { _id: warningId(clusterKey), ...warning })
      created = true
    }
    // Tag the new report (only it: older members may be in staff hands) so the next report of the cluster
    // finds it already warned; the warning's id is the cluster key, so a cluster is warned about once.
    const fresh = await tx.get<CaseDoc>(COLLECTIONS.cases, doc._id)
    if (fresh && !fresh.warningKey) {
      await tx.update<CaseDoc>(COLLECTIONS.cases, doc._id, { warningKey: clusterKey }, fresh._version)
    }
    return created
  })
  // S3 第十六条: the supervising unit is told, with the cases behind it on its desk (common/oversight/warnings.ts).
  if (raised) {
    const stored = await runtime.db.get<WarningDoc>(COLLECTIONS.warnings, warningId(clusterKey))
    if (stored) await tellWarning(runtime, stored._id, stored)
  }
  return { clusterKey, raised }
}
