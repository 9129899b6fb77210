// What intake checks when a report is filed: the repeat reports on its target (S0 第十一条) and the early-warning
// cluster it joins (S3 第十六条). The decisions are shared/intake's pure functions; this fetches their inputs by
// index (entity key, geohash cell — never a scan), reading only the fields the decisions look at, and persists
// what they decide. Both decisions pick the reports they count by distance and age themselves, so for a report
// on a place one query over the wider search (the larger radius, the longer window) answers both when it holds
// every match (one page, as where few reports came before): one round trip instead of two. At a busy place the
// page still answers one of the two checks.
//
// The checks read inside the transaction that stores the report (submission.ts), after it has read the day's
// reference-number counter, which every report of the day writes: two reports filed at the same moment cannot
// both commit on counts that miss each other — the second one's commit finds the counter changed and its work
// runs again, reading the first. So the count that crosses a threshold is seen by exactly one report, the
// warning key goes into the new case with its insert and a raised warning is stored with it.
import { createHash } from 'node:crypto'
import { AppError } from '../../../shared/contracts/result'
import { nearbyCells } from '../../../shared/geo/cells'
import {
  assessEarlyWarning,
  earlyWarningCandidateQuery,
  type ClusterReport,
  type WarningDecision,
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
import type { WorkingCalendar } from '../../../shared/calendar'
import { requireRouting } from '../../../shared/routing/config'
import { systemActor, type CaseEventType, type RepeatActionEvent } from '../../../shared/workflow'
import type { CaseDoc, StoredCase } from '../../../shared/cases/case-doc'
import { systemCaseAccess } from '../case-access'
import { applyCaseEvent, eventOnNewCase, type EventOnNewCase } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import { VersionConflictError, type Runtime, type Tx, type WithId } from '../ports'
import { routerFor } from '../routing'
import type { WarningDoc } from '../oversight/warnings'
import { intakePolicyOf } from './assessment'
import { casesInCells, casesInCellsPage } from './nearby'

/** An earlier report as the checks read it: a projection of its case (`EARLIER_REPORT_FIELDS`). */
type EarlierReport = WithId<
  Pick<CaseDoc, 'category' | 'position' | 'createdAt' | 'reportedEntity' | 'reporterKey' | 'warningKey'> &
    Pick<CaseDoc, 'status' | 'mergedInto' | 'screening' | 'unitId'> & {
      flags?: Pick<CaseDoc['flags'], 'repeatAction'>
    }
>

/**
 * What the repeat count and the early-warning check compare (ClusterReport), and what choosing the case that
 * takes the repeat action looks at (RepeatCase, the holder's unit): ~300 bytes of a ~4 KB case.
 */
const EARLIER_REPORT_FIELDS = [
  'category',
  'position',
  'createdAt',
  'reportedEntity',
  'reporterKey',
  'warningKey',
  'status',
  'mergedInto',
  'screening',
  'flags.repeatAction',
  'unitId',
] as const

/** A report as the repeat count and the early-warning check compare it. */
function reportFactsOf(doc: EarlierReport): ClusterReport {
  return {
    id: doc._id,
    category: doc.category,
    position: doc.position,
    reportedAt: doc.createdAt,
    entityName: doc.reportedEntity ?? null,
    reporterKey: doc.reporterKey ?? null,
    warningKey: doc.warningKey ?? null,
  }
}

/**
 * Earlier reports on the same target (entity or place) in the repeat window, for counting repeats (S0 第十一条),
 * oldest first: the case holding the target — the oldest one that can take the repeat action, or the one that
 * took it — is among the first 100 however many reports the window holds. (Newest first, a target with more than
 * 100 reports in its window lost that case from the page and set off the action again with every new report.)
 */
async function priorReports(
  runtime: Runtime,
  doc: StoredCase,
  policy: IntakePolicy,
): Promise<EarlierReport[]> {
  const since = { createdAt: { $gte: daysBefore(doc.createdAt, policy.repeat.windowDays) } }
  const query = { orderBy: [['createdAt', 'asc']] as const, limit: 100, fields: EARLIER_REPORT_FIELDS }
  if (doc.entityKey) {
    const filter = { entityKey: doc.entityKey, ...since }
    return (await runtime.db.find<EarlierReport>(COLLECTIONS.cases, { filter, ...query })).items
  }
  const cells = nearbyCells(doc.position, policy.repeat.placeRadiusMetres[doc.category])
  return casesInCells<EarlierReport>(runtime, doc.category, cells, since, query)
}

/** The repeat count on a new report's target, and the case to take the repeat action now (none: nothing to do). */
export interface RepeatFinding {
  count: RepeatCount
  holder: { id: string; unitId: string } | null
}

function repeatFinding(
  runtime: Runtime,
  doc: StoredCase,
  prior: readonly EarlierReport[],
  policy: IntakePolicy,
): RepeatFinding {
  const count = countRepeats(
    reportFactsOf(doc),
    prior.map((d) => reportFactsOf(d)),
    policy.repeat,
    routerFor(runtime).entityNames,
  )
  if (!count.reached) return { count, holder: null }
  const byId = new Map<string, EarlierReport>([...prior, doc].map((d) => [d._id, d]))
  const cases = count.reportIds.flatMap((id) => byId.get(id) ?? [])
  const holderId = repeatHolder(
    cases.map((d) => ({
      id: d._id,
      status: d.status,
      mergedInto: d.mergedInto,
      visible: d.screening === 'passed',
      actedOn: !!d.flags?.repeatAction,
    })),
    policy.repeat.action.kind,
  )
  const holder = holderId ? byId.get(holderId) : undefined
  return { count, holder: holder ? { id: holder._id, unitId: holder.unitId } : null }
}

/** The early-warning decision for a new report, from the recent reports of its category around it. */
async function warningDecision(
  runtime: Runtime,
  doc: StoredCase,
  policy: IntakePolicy,
): Promise<WarningDecision | null> {
  const report = reportFactsOf(doc)
  const query = earlyWarningCandidateQuery(report, policy.earlyWarning)
  if (!query) return null
  const recent = await casesInCells<EarlierReport>(
    runtime,
    query.category,
    query.cells,
    { createdAt: { $gte: query.reportedSince } },
    { fields: EARLIER_REPORT_FIELDS },
  )
  return warningFrom(doc, recent, policy)
}

function warningFrom(
  doc: StoredCase,
  recent: readonly EarlierReport[],
  policy: IntakePolicy,
): WarningDecision {
  return assessEarlyWarning(
    reportFactsOf(doc),
    recent.map((d) => reportFactsOf(d)),
    policy.earlyWarning,
  )
}

/**
 * For a report on a place (no entity named) with a position: the earlier reports of its category within the
 * larger of the repeat radius and the early-warning radius and the longer of the two windows — a superset of what
 * each check's own query finds. `complete` when that is every such report (one page): both checks take it. A busy
 * place fills the page, and then it still answers one check, so that such a place costs two queries, not three:
 * - where the repeat count searches no wider (the same radius; its window is the longer), the page is its own
 *   query, oldest first (`priorReports`): `isRepeatQuery`;
 * - else the page is newest first, and answers the early warning when it reaches back past the warning's shorter
 *   window (`coversWarning`: it then holds every report in that window).
 */
async function placeReports(
  runtime: Runtime,
  doc: StoredCase,
  policy: IntakePolicy,
): Promise<{
  reports: EarlierReport[]
  complete: boolean
  isRepeatQuery: boolean
  coversWarning: boolean
} | null> {
  if (doc.entityKey || !doc.position) return null
  const repeatRadius = policy.repeat.placeRadiusMetres[doc.category]
  const warning = policy.earlyWarning.byCategory[doc.category]
  const days = Math.max(policy.repeat.windowDays, warning.windowDays)
  const radius = Math.max(repeatRadius, warning.radiusMetres)
  const isRepeatQuery = radius === repeatRadius && days === policy.repeat.windowDays
  const page = await casesInCellsPage<EarlierReport>(
    runtime,
    doc.category,
    nearbyCells(doc.position, radius),
    { createdAt: { $gte: daysBefore(doc.createdAt, days) } },
    { orderBy: [['createdAt', isRepeatQuery ? 'asc' : 'desc']], limit: 100, fields: EARLIER_REPORT_FIELDS },
  )
  const complete = page.next === null
  // Newest first, nothing of the warning's window lies past the last row when that row is older than the window.
  const last = page.items[page.items.length - 1]
  const reachesBack =
    !isRepeatQuery && !!last && last.createdAt < daysBefore(doc.createdAt, warning.windowDays)
  return { reports: page.items, complete, isRepeatQuery, coversWarning: complete || reachesBack }
}

export interface RegistrationChecks {
  /** Null when the count failed: the report is stored all the same. */
  repeat: RepeatFinding | null
  /** Null when the check does not apply (no position) or failed. */
  warning: WarningDecision | null
  /** The steps that failed, to log once the report is stored (the work may run more than once). */
  failures: Array<{ step: string; error: string }>
}

/**
 * The repeat count and the early-warning decision for a new report (`doc`, not stored yet): for a report on a
 * place, both from one projected query when it holds every match (`placeReports`); at a busy place one of them
 * still from that query where it can, the other from its own. A step that fails is recorded,
 * never thrown: it must not keep the report from being filed, and the other step still runs.
 */
export async function checkNewReport(runtime: Runtime, doc: StoredCase): Promise<RegistrationChecks> {
  const policy = intakePolicyOf(runtime)
  const failures: RegistrationChecks['failures'] = []
  const failed = (step: string) => (error: unknown) => (failures.push({ step, error: String(error) }), null)
  // A failure here leaves each check to its own query (which records its own failure).
  const place = await placeReports(runtime, doc, policy).catch(() => null)
  const prior = place && (place.complete || place.isRepeatQuery) ? place.reports : null
  const recent = place?.coversWarning ? place.reports : null
  const [repeat, warning] = await Promise.all([
    (prior ? Promise.resolve(prior) : priorReports(runtime, doc, policy))
      .then((found) => repeatFinding(runtime, doc, found, policy))
      .catch(failed('repeat count')),
    (recent
      ? Promise.resolve(recent).then((found) => warningFrom(doc, found, policy))
      : warningDecision(runtime, doc, policy)
    ).catch(failed('early-warning check')),
  ])
  return { repeat, warning, failures }
}

/** The cluster a new report joins when it is warned about (raised now, or before): stored on its case. */
export function warningKeyOf(decision: WarningDecision | null): string | null {
  return decision?.kind === 'raise' || decision?.kind === 'already-warned' ? decision.clusterKey : null
}

/** A warning this report raised (its supervising unit is told once the report is stored). */
export type WarningRaised = { id: string; doc: WarningDoc } | null

function warningId(clusterKey: string): string {
  return 'e' + createHash('sha256').update(clusterKey).digest('hex').slice(0, 31)
}

/**
 * In the transaction that stores the report: one warning per cluster for the supervising unit (S3 第十六条);
 * its id is the cluster key, so a cluster is warned about once. Returns the warning raised now, if any.
 */
export async function raiseWarningInTx(
  tx: Tx,
  runtime: Runtime,
  decision: WarningDecision | null,
  raisedAt: string,
): Promise<WarningRaised> {
  if (decision?.kind !== 'raise') return null
  const id = warningId(decision.clusterKey)
  if (await tx.get(COLLECTIONS.warnings, id)) return null
  const warning: WarningDoc = {
    clusterKey: decision.clusterKey,
    category: decision.category,
    reporters: decision.reporters,
    memberIds: decision.memberIds,
    centre: { lat: decision.centre.lat, lng: decision.centre.lng },
    supervisingUnitId: requireRouting(runtime.deployment).routing.supervisingUnitId,
    basis: basisText(decision.basis),
    raisedAt,
    status: 'open',
  }
  await tx.insert<WarningDoc>(COLLECTIONS.warnings, { _id: id, ...warning })
  return { id, doc: warning }
}

/** The repeat action a finding calls for: the event the holder takes, with the fields written with it. */
interface RepeatActionPlan {
  holderId: string
  event: RepeatActionEvent
  extraPatch: Partial<CaseDoc> | undefined
  count: number
}

function repeatActionPlan(runtime: Runtime, finding: RepeatFinding): RepeatActionPlan | null {
  const { count, holder } = finding
  if (!holder) return null
  const policy = intakePolicyOf(runtime).repeat
  const handling = repeatHandling(count, holder.unitId, requireRouting(runtime.deployment), policy)
  if (!handling) return null
  const event = repeatEvent(handling, count, policy)
  // 专人督办 (S0 第十一条): the supervising unit's officer named on the escalated case.
  const extraPatch =
    handling.kind === 'escalate' ? { supervisorStaffId: handling.supervisorStaffIds[0] ?? null } : undefined
  return { holderId: holder.id, event, extraPatch, count: count.count }
}

/**
 * When the new report itself holds its target (every earlier report on it has ended, say): the repeat action taken
 * before its insert (`eventOnNewCase`), so that the case is stored once, with it, instead of inserted and then
 * rewritten. Null when another case holds it (`applyRepeatAction` once stored) or the workflow does not take it.
 */
export function repeatActionOnNewCase(
  runtime: Runtime,
  doc: CaseDoc & { _id: string },
  finding: RepeatFinding | null,
  at: { calendar: WorkingCalendar; now: Date },
): EventOnNewCase | null {
  const plan = finding && repeatActionPlan(runtime, finding)
  if (!plan || plan.holderId !== doc._id) return null
  const taken = eventOnNewCase(runtime, doc, plan.event, systemActor('intake'), at, plan.extraPatch)
  if (!taken) return null
  return {
    ...taken,
    async afterCommit(stored) {
      runtime.log.info('repeat action applied', {
        caseId: doc._id,
        event: plan.event.type,
        count: plan.count,
      })
      await taken.afterCommit(stored)
    },
  }
}

/**
 * Once the report is stored: at the threshold, the profile's repeat action (提级办理, 督办, 重点案件, 领导包案) on the
 * case holding the target, through the workflow as the system. Returns the case and event applied, or null.
 */
export async function applyRepeatAction(
  runtime: Runtime,
  finding: RepeatFinding,
): Promise<{ caseId: string; event: CaseEventType } | null> {
  const plan = repeatActionPlan(runtime, finding)
  if (!plan) return null
  const { holderId, event, extraPatch } = plan
  for (let attempt = 1; ; attempt++) {
    try {
      await applyCaseEvent(runtime, systemCaseAccess(runtime, 'intake'), holderId, event, { extraPatch })
      runtime.log.info('repeat action applied', { caseId: holderId, event: event.type, count: plan.count })
      return { caseId: holderId, event: event.type }
    } catch (error) {
      // Changed since it was loaded: read the case again (the workflow then refuses a second repeat action).
      if (error instanceof VersionConflictError && attempt < 3) continue
      if (error instanceof AppError && error.code === 'ILLEGAL_TRANSITION') {
        // E.g. a person escalated or marked it already, or another report's action was applied meanwhile.
        runtime.log.info('repeat action not applicable', { caseId: holderId, reason: error.message })
        return null
      }
      throw error
    }
  }
}
