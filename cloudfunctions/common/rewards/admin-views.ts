// What reward admins read: the queue of claims (indexed by state and time of claiming, paged) and one claim with
// the parts of its case the decision needs. Opening a claim opens the claimant's sealed identity: the read is
// audited first — no record, no identity (as revealing a reporter: S0 第十三条 最大限度控制知悉范围).
import type { ClaimForRewardAdmin, ClaimQueueItem } from '../../../shared/contracts/rewards'
import type { CasePage } from '../../../shared/contracts/cases'
import {
  claimActions,
  claimFlags,
  claimQueueItem,
  CLAIM_STATES,
  CLAIMED_BY,
  computeAward,
  fabricationIdOf,
  refusalView,
  rewardCaseView,
  rewardReportOf,
  REWARD_STATUSES,
  staffWhoHandled,
  violationFindings,
  type ClaimantIdentity,
  type ClaimState,
  type FabricationRecord,
  type RewardClaimDoc,
} from '../../../shared/rewards'
import { STAFF_ROLES } from '../../../shared/vocabulary/units'
import { stateLabel, type HistoryEntry } from '../../../shared/workflow'
import { toShanghaiIso } from '../../../shared/time'
import { audit } from '../audit'
import { calendarFor } from '../calendar'
import { COLLECTIONS } from '../collections'
import { getMany } from '../db/get-many'
import type { Runtime } from '../ports'
import { decryptField } from '../reporter-identity'
import type { StaffDoc, StaffRecord } from '../staff-records'
import { claimedCase, conflictOf, loadClaim } from './decisions'
import { loadRewardWorld, matterOf, rewardRulesOf, statusIn } from './world'

/** How many reports of each reporting account were found fabricated (one read for a page of claims). */
async function fabrications(runtime: Runtime, reporterKeys: readonly string[]): Promise<Map<string, number>> {
  const records = await getMany<FabricationRecord>(
    runtime.db,
    COLLECTIONS.rewardFlags,
    reporterKeys.map(fabricationIdOf),
  )
  return new Map([...records.values()].map((r) => [r.reporterKey, r.caseIds.length]))
}

export async function claimQueue(
  runtime: Runtime,
  input: { state: ClaimState; cursor?: string | null; limit: number },
): Promise<CasePage<ClaimQueueItem>> {
  const page = await runtime.db.find<RewardClaimDoc>(COLLECTIONS.rewardClaims, {
    filter: { state: input.state },
    orderBy: [['submittedAt', 'asc']],
    limit: input.limit,
    after: input.cursor ?? null,
  })
  const counts = await fabrications(
    runtime,
    page.items.map((c) => c.reporterKey),
  )
  return { items: page.items.map((c) => claimQueueItem(c, counts.get(c.reporterKey) ?? 0)), next: page.next }
}

/** Staff by id, as "name（post）" — the case's actors acted in the post the history records. */
async function handlerNames(
  runtime: Runtime,
  histories: ReadonlyArray<readonly HistoryEntry[]>,
): Promise<string[]> {
  const ids = [...staffWhoHandled(histories)]
  const staff = await getMany<StaffDoc>(runtime.db, COLLECTIONS.staff, ids)
  const posts = new Map<string, string>()
  for (const history of histories) {
    for (const { actor } of history) {
      if (actor.kind === 'staff' && !posts.has(actor.id)) posts.set(actor.id, STAFF_ROLES[actor.role])
    }
  }
  return ids.map((id) => `${staff.get(id)?.name ?? '工作人员'}（${posts.get(id)}）`)
}

export async function claimForRewardAdmin(
  runtime: Runtime,
  staff: StaffRecord,
  claimId: string,
  now: Date,
): Promise<ClaimForRewardAdmin> {
  const at = toShanghaiIso(now)
  const claim = await loadClaim(runtime, claimId)
  const doc = await claimedCase(runtime, claim)
  const world = await loadRewardWorld(runtime.db, doc)
  const matter = matterOf(world, doc)
  const status = statusIn(world, doc._id, await calendarFor(runtime), at)
  const findings = violationFindings(matter.history)
  const rules = rewardRulesOf(doc)
  const reports = [...world.cases.values()]
    .filter((d) => d._id === matter._id || d.mergedInto === matter._id)
    .map(rewardReportOf)
    .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || a.caseId.localeCompare(b.caseId))
  const report = rewardReportOf(doc)

  // The identity is opened only after its read is recorded.
  let identity: ClaimantIdentity | null = null
  let auditId: string | null = null
  if (claim.identitySealed) {
    auditId = await audit(runtime.db, 'view-reward-claim', claim._id, staff, at, {
      caseId: claim.caseId,
      refNo: claim.refNo,
    })
    identity = JSON.parse(decryptField(runtime.secrets.identityKey, claim.identitySealed)) as ClaimantIdentity
    runtime.log.info('reward claimant viewed', { claimId: claim._id, staffId: staff._id, auditId })
  }
  const fabricated = (await fabrications(runtime, [claim.reporterKey])).get(claim.reporterKey) ?? 0
  const conflict = conflictOf(world, doc, staff)
  return {
    claimId: claim._id,
    version: claim._version,
    state: claim.state,
    stateLabel: CLAIM_STATES[claim.state],
    submittedAt: claim.submittedAt,
    claimedBy: CLAIMED_BY[claim.claimedBy],
    declaredInsider: claim.declaredInsider,
    flags: claimFlags(claim, fabricated),
    identity,
    auditId,
    case: rewardCaseView({
      report: {
        refNo: doc.refNo,
        requestType: doc.requestType,
        category: doc.category,
        receivedAt: report.receivedAt,
        description: doc.description,
        reportedEntity: doc.reportedEntity,
      },
      matter: {
        refNo: matter.refNo,
        statusLabel: stateLabel(matter.status),
        reopenCount: matter.flags.reopenCount,
        isReport: matter._id === doc._id,
      },
      findings,
      position: { rank: reports.findIndex((r) => r.caseId === doc._id) + 1, of: reports.length },
      handledBy: await handlerNames(runtime, [doc.history, ...(matter === doc ? [] : [matter.history])]),
    }),
    status: { key: status.key, label: REWARD_STATUSES[status.key].label, reasons: status.reasons },
    awards: {
      insider: computeAward(rules, findings.confirmations, true),
      notInsider: computeAward(rules, findings.confirmations, false),
    },
    cap: rules.cap.value,
    decision: claim.decision,
    payout: claim.payout,
    refusal: claim.refusal ? refusalView(claim.refusal) : null,
    recovery: claim.recovery,
    mayDecide: conflict ? { ok: false, reason: conflict } : { ok: true },
    actions: claimActions(claim.state),
  }
}
