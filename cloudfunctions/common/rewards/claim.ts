// Claiming a reward (rewards.claim): the report is the claimant's — their own real-name report, named as they
// gave it, or an anonymous report whose query code they hold (where the jurisdiction rewards anonymous reports) —
// and eligible now; the claimant is checked against the staff records; identity and payment details are sealed
// with the identity key (AES-256-GCM, as reporter identity) and kept in the claim only. A staff account, or a
// claimant who declares being an excluded person, is refused at once and nothing of their identity is kept.
import type { CaseDoc, StoredCase } from '../../../shared/cases/case-doc'
import type { claimInput } from '../../../shared/contracts/rewards'
import { AppError } from '../../../shared/contracts/result'
import {
  claimIdOf,
  rewardStatusView,
  type ClaimantIdentity,
  type ClaimedBy,
  type RefusalReasonKey,
  type RewardClaimDoc,
  type RewardStatusView,
} from '../../../shared/rewards'
import { toShanghaiIso } from '../../../shared/time'
import type * as z from '../../../shared/vocabulary/zod'
import { calendarFor } from '../calendar'
import { CASE_NOT_FOUND, citizenCaseAccess } from '../case-access'
import { COLLECTIONS } from '../collections'
import { DuplicateKeyError, type Runtime } from '../ports'
import { consumeRateLimit } from '../rate-limit'
import { decryptField, encryptField, queryCodeHash } from '../reporter-identity'
import { findStaffByOpenid, listActiveStaff, type StaffRecord } from '../staff-records'
import { notifyRewardChanges } from './notify'
import { loadRewardWorld, reportingKeyOf, statusIn, statusesIn } from './world'

type ClaimRequest = z.output<typeof claimInput>

const CODE_NOT_MATCHING = '没有找到这条举报，或查询码不正确，请核对后重新输入'

/**
 * A query code tried for a reward (its status, a claim): 10 tries per 10 minutes per account, a budget of its own
 * beside the lookup's (cases.lookupByCode), so reading a reward after a lookup does not halve the lookups; 33^10
 * codes cannot be guessed at either rate.
 */
const consumeCodeAttempt = (runtime: Runtime, openid: string) =>
  consumeRateLimit(runtime, `reward-code:${openid}`, 10, 600, '查询次数过多')

/** The anonymous report a query code opens, or NOT_FOUND (a wrong code and a missing report read the same). */
export async function reportByCode(runtime: Runtime, openid: string, code: string): Promise<StoredCase> {
  await consumeCodeAttempt(runtime, openid)
  const page = await runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
    filter: { 'reporter.queryCodeHash': queryCodeHash(runtime.secrets.identityKey, code) },
    limit: 1,
  })
  const doc = page.items[0]
  if (!doc) throw new AppError('NOT_FOUND', CODE_NOT_MATCHING)
  return doc
}

/** The caller's own report: one they follow as its reporter (a follower of someone else's report has no reward). */
export async function ownReport(runtime: Runtime, openid: string, caseId: string): Promise<StoredCase> {
  const { doc, follow } = await citizenCaseAccess(runtime, openid).followed(caseId)
  if (follow.relation !== 'reporter') throw new AppError('NOT_FOUND', CASE_NOT_FOUND.citizen)
  return doc
}

/** The report claimed for, and how the claimant showed it is theirs. */
async function claimedReport(
  runtime: Runtime,
  openid: string,
  input: ClaimRequest,
): Promise<{ doc: StoredCase; claimedBy: ClaimedBy }> {
  if (input.claimCode) {
    const doc = await reportByCode(runtime, openid, input.claimCode)
    if (doc._id !== input.caseId) throw new AppError('NOT_FOUND', CODE_NOT_MATCHING)
    return { doc, claimedBy: 'claim-code' }
  }
  const doc = await ownReport(runtime, openid, input.caseId)
  if (doc.reporter.mode === 'anonymous') {
    throw new AppError('VALIDATION_FAILED', '匿名举报请填写提交时取得的查询码申领', {
      claimCode: '请填写查询码',
    })
  }
  const name = doc.reporter.nameSealed
    ? decryptField(runtime.secrets.identityKey, doc.reporter.nameSealed)
    : null
  if (name !== input.claimant.name) {
    throw new AppError('VALIDATION_FAILED', '申领人姓名与举报时登记的姓名不一致', {
      'claimant.name': '姓名与举报时登记的不一致',
    })
  }
  return { doc, claimedBy: 'real-name' }
}

/** The claimant against the staff records: a bound staff account (the claimant's or the reporter's), a staff name. */
async function staffChecks(
  runtime: Runtime,
  caller: StaffRecord | null,
  doc: StoredCase,
  name: string,
): Promise<RewardClaimDoc['checks']> {
  const reporter = doc.reporter.openid
  const staffAccount =
    caller !== null || (reporter !== null && (await findStaffByOpenid(runtime.db, reporter)) !== null)
  const nameMatchesStaff = (await listActiveStaff(runtime.db)).some((s) => s.name === name)
  return { staffAccount, nameMatchesStaff }
}

export async function fileClaim(
  runtime: Runtime,
  caller: { openid: string; staff: StaffRecord | null; now: Date },
  input: ClaimRequest,
): Promise<RewardStatusView> {
  const at = toShanghaiIso(caller.now)
  const { doc, claimedBy } = await claimedReport(runtime, caller.openid, input)
  const calendar = await calendarFor(runtime)
  const world = await loadRewardWorld(runtime.db, doc)
  const now = statusIn(world, doc._id, calendar, at)
  if (now.claim) throw new AppError('CONFLICT', '这条举报已经申领过奖励')
  if (now.key !== 'eligible') {
    throw new AppError('ILLEGAL_TRANSITION', `不能申领奖励：${now.reasons.join('；') || '尚未符合奖励条件'}`)
  }

  const checks = await staffChecks(runtime, caller.staff, doc, input.claimant.name)
  const refused: RefusalReasonKey[] = [
    ...(checks.staffAccount ? (['staff'] as const) : []),
    ...(input.excluded ? (['excluded-person'] as const) : []),
  ]
  const identity: ClaimantIdentity = { ...input.claimant, ...input.payment }
  const claim: RewardClaimDoc = {
    caseId: doc._id,
    refNo: doc.refNo,
    claimantOpenid: caller.openid,
    claimedBy,
    reporterKey: reportingKeyOf(runtime, doc),
    // A refused claimant's identity is not kept: nothing will be paid to it.
    identitySealed:
      refused.length > 0 ? null : encryptField(runtime.secrets.identityKey, JSON.stringify(identity)),
    declaredInsider: input.insider,
    declaredExcluded: input.excluded,
    checks,
    state: refused.length > 0 ? 'refused' : 'submitted',
    decision: null,
    payout: null,
    refusal: refused.length > 0 ? { reasons: refused, note: '', by: { kind: 'system' }, at } : null,
    recovery: null,
    submittedAt: at,
    updatedAt: at,
  }
  const id = claimIdOf(doc._id)
  try {
    await runtime.db.insert<RewardClaimDoc>(COLLECTIONS.rewardClaims, { _id: id, ...claim })
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new AppError('CONFLICT', '这条举报已经申领过奖励')
    throw error
  }
  runtime.log.info('reward claimed', { claimId: id, caseId: doc._id, state: claim.state })

  // A refused first reporter may make the next one the first valid reporter: they are told.
  const was = statusesIn(world, calendar, at)
  world.claims.set(doc._id, { ...claim, _id: id, _version: 1 })
  const is = statusesIn(world, calendar, at)
  await notifyRewardChanges(runtime, world, was, is, at, doc._id)
  return rewardStatusView({ caseId: doc._id, refNo: doc.refNo }, is.get(doc._id)!)
}
