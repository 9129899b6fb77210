// A reward admin's steps on a claim: decide (the amount from the tier table, an override with its reason),
// refuse (reasons the claimant reads), record the payout, record a recovery. Fairness: nobody who handled the
// case decides its reward (the case histories' actors are checked), and every step is audited with the claim
// in one transaction — the audit names the amount and any override, never the claimant's identity.
import type { CaseDoc, StoredCase } from '../../../shared/cases/case-doc'
import type {
  ClaimOutcome,
  decideInput,
  recordPayoutInput,
  recordRecoveryInput,
  refuseInput,
} from '../../../shared/contracts/rewards'
import { AppError } from '../../../shared/contracts/result'
import {
  CLAIM_STATES,
  computeAward,
  staffWhoHandled,
  violationFindings,
  type RewardClaimDoc,
  type RewardStatus,
} from '../../../shared/rewards'
import { localDateOf, toShanghaiIso } from '../../../shared/time'
import type * as z from '../../../shared/vocabulary/zod'
import type { AuditAction } from '../../../shared/contracts/staff-admin'
import { audit } from '../audit'
import { calendarFor } from '../calendar'
import { COLLECTIONS } from '../collections'
import type { Runtime } from '../ports'
import type { StaffRecord } from '../staff-records'
import { notifyRewardChanges } from './notify'
import {
  loadRewardWorld,
  matterOf,
  rewardRulesOf,
  statusesIn,
  type RewardWorld,
  type StoredClaim,
} from './world'

const CLAIM_NOT_FOUND = '没有找到该申领'

export async function loadClaim(runtime: Runtime, claimId: string): Promise<StoredClaim> {
  const claim = await runtime.db.get<RewardClaimDoc>(COLLECTIONS.rewardClaims, claimId)
  if (!claim) throw new AppError('NOT_FOUND', CLAIM_NOT_FOUND)
  return claim
}

/** The report a claim is for. Reward admins reach a case only through a claim on it, and only this view of it. */
export async function claimedCase(runtime: Runtime, claim: RewardClaimDoc): Promise<StoredCase> {
  const doc = await runtime.db.get<CaseDoc>(COLLECTIONS.cases, claim.caseId)
  if (!doc) throw new AppError('NOT_FOUND', CLAIM_NOT_FOUND)
  return doc
}

/** Why this staff member may not decide the claim's reward: they acted on the report or the case it is handled in. */
export function conflictOf(world: RewardWorld, doc: StoredCase, staff: StaffRecord): string | null {
  const handled = staffWhoHandled([doc.history, matterOf(world, doc).history])
  return handled.has(staff._id)
    ? '您经办过本案，不能对其奖励作出决定（应由未经办本案的奖励管理员决定）'
    : null
}

function checkVersion(claim: StoredClaim, expected: number): void {
  if (claim._version !== expected) throw new AppError('CONFLICT', '该申领刚被其他人处理过，请刷新后再操作')
}

function checkState(claim: StoredClaim, allowed: readonly RewardClaimDoc['state'][], doing: string): void {
  if (!allowed.includes(claim.state)) {
    throw new AppError('ILLEGAL_TRANSITION', `申领「${CLAIM_STATES[claim.state]}」，不能${doing}`)
  }
}

interface Step {
  action: AuditAction
  patch: Partial<RewardClaimDoc>
  /** What the audit record notes besides the claim and case (never identity). */
  details: Record<string, unknown>
}

/** Writes the step and its audit record in one transaction; tells the claimant if their status changed. */
async function applyStep(
  runtime: Runtime,
  staff: StaffRecord,
  claim: StoredClaim,
  world: RewardWorld,
  step: Step,
  at: string,
): Promise<ClaimOutcome> {
  const calendar = await calendarFor(runtime)
  const was = statusesIn(world, calendar, at)
  const patch = { ...step.patch, updatedAt: at }
  await runtime.db.transaction(async (tx) => {
    await tx.update<RewardClaimDoc>(COLLECTIONS.rewardClaims, claim._id, patch, claim._version)
    await audit(tx, step.action, claim._id, staff, at, {
      caseId: claim.caseId,
      refNo: claim.refNo,
      ...step.details,
    })
  })
  const next = { ...claim, ...patch, _version: claim._version + 1 } as StoredClaim
  world.claims.set(claim.caseId, next)
  await notifyRewardChanges(runtime, world, was, statusesIn(world, calendar, at), at)
  return {
    claimId: next._id,
    version: next._version,
    state: next.state,
    stateLabel: CLAIM_STATES[next.state],
    amount: next.decision?.amount ?? null,
  }
}

/** The claim, its report, the report's world and its status now, for a decision by `staff`. */
async function forDecision(
  runtime: Runtime,
  staff: StaffRecord,
  claimId: string,
  expectedVersion: number,
  at: string,
) {
  const claim = await loadClaim(runtime, claimId)
  checkVersion(claim, expectedVersion)
  const doc = await claimedCase(runtime, claim)
  const world = await loadRewardWorld(runtime.db, doc)
  const conflict = conflictOf(world, doc, staff)
  if (conflict) throw new AppError('FORBIDDEN', conflict)
  const calendar = await calendarFor(runtime)
  const status: RewardStatus = statusesIn(world, calendar, at).get(doc._id)!
  return { claim, doc, world, status }
}

export async function decideReward(
  runtime: Runtime,
  staff: StaffRecord,
  input: z.output<typeof decideInput>,
  now: Date,
): Promise<ClaimOutcome> {
  const at = toShanghaiIso(now)
  const { claim, doc, world, status } = await forDecision(
    runtime,
    staff,
    input.claimId,
    input.expectedVersion,
    at,
  )
  checkState(claim, ['submitted'], '决定奖励')
  if (status.key !== 'eligible') {
    throw new AppError('ILLEGAL_TRANSITION', `不能决定奖励：${status.reasons.join('；')}`)
  }
  const rules = rewardRulesOf(doc)
  const computed = computeAward(
    rules,
    violationFindings(matterOf(world, doc).history).confirmations,
    input.insider,
  )
  const amount = input.amount ?? computed.amount
  if (amount !== computed.amount && !input.overrideReason) {
    throw new AppError('VALIDATION_FAILED', '改定奖励金额须说明理由', {
      overrideReason: '请填写改定金额的理由',
    })
  }
  if (amount > rules.cap.value) {
    throw new AppError('VALIDATION_FAILED', `奖励金额不能超过单笔上限 ${rules.cap.value} 元`, {
      amount: `最多 ${rules.cap.value} 元`,
    })
  }
  const overrideReason = amount !== computed.amount ? input.overrideReason! : null
  return applyStep(
    runtime,
    staff,
    claim,
    world,
    {
      action: 'decide-reward',
      patch: {
        state: 'awarded',
        decision: {
          amount,
          computedAmount: computed.amount,
          insider: input.insider,
          overrideReason,
          staffId: staff._id,
          staffName: staff.name,
          at,
        },
      },
      details: { amount, computedAmount: computed.amount, insider: input.insider, overrideReason },
    },
    at,
  )
}

export async function refuseReward(
  runtime: Runtime,
  staff: StaffRecord,
  input: z.output<typeof refuseInput>,
  now: Date,
): Promise<ClaimOutcome> {
  const at = toShanghaiIso(now)
  const { claim, world } = await forDecision(runtime, staff, input.claimId, input.expectedVersion, at)
  checkState(claim, ['submitted', 'awarded'], '不予奖励')
  if (input.reasons.includes('other') && !input.note) {
    throw new AppError('VALIDATION_FAILED', '选择“其他原因”时请写明说明', { note: '请写明说明' })
  }
  return applyStep(
    runtime,
    staff,
    claim,
    world,
    {
      action: 'refuse-reward',
      patch: {
        state: 'refused',
        refusal: {
          reasons: input.reasons,
          note: input.note,
          by: { kind: 'staff', staffId: staff._id, staffName: staff.name },
          at,
        },
      },
      details: { reasons: input.reasons, note: input.note },
    },
    at,
  )
}

function notAfterToday(date: string, now: Date, label: string): void {
  if (date > localDateOf(now)) throw new AppError('VALIDATION_FAILED', `${label}不能晚于今天`)
}

export async function recordPayout(
  runtime: Runtime,
  staff: StaffRecord,
  input: z.output<typeof recordPayoutInput>,
  now: Date,
): Promise<ClaimOutcome> {
  const at = toShanghaiIso(now)
  const claim = await loadClaim(runtime, input.claimId)
  checkVersion(claim, input.expectedVersion)
  checkState(claim, ['awarded'], '登记发放')
  notAfterToday(input.paidOn, now, '发放日期')
  const world = await loadRewardWorld(runtime.db, await claimedCase(runtime, claim))
  return applyStep(
    runtime,
    staff,
    claim,
    world,
    {
      action: 'record-reward-payout',
      patch: {
        state: 'paid',
        payout: {
          paidOn: input.paidOn,
          reference: input.reference,
          staffId: staff._id,
          staffName: staff.name,
          at,
        },
      },
      details: { amount: claim.decision?.amount ?? null, paidOn: input.paidOn, reference: input.reference },
    },
    at,
  )
}

export async function recordRecovery(
  runtime: Runtime,
  staff: StaffRecord,
  input: z.output<typeof recordRecoveryInput>,
  now: Date,
): Promise<ClaimOutcome> {
  const at = toShanghaiIso(now)
  const claim = await loadClaim(runtime, input.claimId)
  checkVersion(claim, input.expectedVersion)
  checkState(claim, ['recovery'], '登记追回')
  notAfterToday(input.recoveredOn, now, '追回日期')
  const world = await loadRewardWorld(runtime.db, await claimedCase(runtime, claim))
  return applyStep(
    runtime,
    staff,
    claim,
    world,
    {
      action: 'record-reward-recovery',
      patch: {
        state: 'recovered',
        recovery: {
          markedAt: claim.recovery?.markedAt ?? at,
          recoveredOn: input.recoveredOn,
          reference: input.reference,
          staffId: staff._id,
          at,
        },
      },
      details: { recoveredOn: input.recoveredOn, reference: input.reference },
    },
    at,
  )
}
