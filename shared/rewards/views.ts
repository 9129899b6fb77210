// The views of rewards, by audience, pure: the citizen's reward status of their report (never the identity they
// gave when claiming: that is for reward admins only), and the reward admin's queue row and claim page — the claim
// with the parts of the case the decision needs (what was reported, the decisions confirming the violation, who
// handled it), never the staff case page.
import type { AwardComputation } from './amount'
import type { ClaimantIdentity, ClaimedBy, RewardClaimDoc } from './claim'
import type { ConditionCheck, RewardStatus } from './eligibility'
import type { ViolationFindings } from './findings'
import { CONFIRMING_DECISIONS, UNTRUE_FINDINGS } from '../workflow/catalogue/rewards'
import { VIOLATION_TYPES } from '../policy/rewards'
import { CATEGORIES, type CategoryKey } from '../vocabulary/categories'
import { REQUEST_TYPES, type RequestTypeKey } from '../vocabulary/request-types'
import {
  CLAIM_STATES,
  REFUSAL_REASONS,
  REPEATED_FABRICATION,
  REWARD_STATUSES,
  type ClaimState,
  type RefusalReasonKey,
  type RewardStatusKey,
} from './statuses'

export const CLAIMED_BY: Record<ClaimedBy, string> = {
  'real-name': '实名举报人本人',
  'claim-code': '凭查询码（匿名举报）',
}

interface ClaimView {
  state: ClaimState
  stateLabel: string
  submittedAt: string
  amount: number | null
  paidOn: string | null
  refusal: { reasons: string[]; note: string } | null
}

/** What the reporter sees of the reward of their report. */
export interface RewardStatusView {
  caseId: string
  refNo: string
  status: RewardStatusKey
  label: string
  reasons: string[]
  conditions: ConditionCheck[]
  claim: ClaimView | null
  claimWith: 'real-name' | 'claim-code' | null
  claimUntil: string | null
}

function claimView(
  claim: Pick<RewardClaimDoc, 'state' | 'submittedAt' | 'decision' | 'payout' | 'refusal'>,
): ClaimView {
  return {
    state: claim.state,
    stateLabel: CLAIM_STATES[claim.state],
    submittedAt: claim.submittedAt,
    amount: claim.decision?.amount ?? null,
    paidOn: claim.payout?.paidOn ?? null,
    refusal: claim.refusal
      ? { reasons: claim.refusal.reasons.map((r) => REFUSAL_REASONS[r]), note: claim.refusal.note }
      : null,
  }
}

export function rewardStatusView(
  report: { caseId: string; refNo: string },
  status: RewardStatus,
): RewardStatusView {
  return {
    caseId: report.caseId,
    refNo: report.refNo,
    status: status.key,
    label: REWARD_STATUSES[status.key].label,
    reasons: status.reasons,
    conditions: status.conditions,
    claim: status.claim ? claimView(status.claim) : null,
    claimWith: status.claimWith,
    claimUntil: status.claimUntil,
  }
}

/** Warnings a reward admin should read before deciding: staff accounts and names, repeated fabrication. */
export function claimFlags(claim: Pick<RewardClaimDoc, 'checks'>, fabricatedReports: number): string[] {
  const flags: string[] = []
  if (claim.checks.staffAccount) flags.push('申领账号或举报账号绑定了工作人员身份')
  if (claim.checks.nameMatchesStaff) flags.push('申领人姓名与在职工作人员同名，请核实是否为本人或其近亲属')
  if (fabricatedReports >= REPEATED_FABRICATION) {
    flags.push(`该举报账号已有 ${fabricatedReports} 件举报被认定捏造、歪曲事实`)
  } else if (fabricatedReports > 0) {
    flags.push(`该举报账号有 ${fabricatedReports} 件举报被认定捏造、歪曲事实`)
  }
  return flags
}

export interface ClaimQueueItem {
  claimId: string
  caseId: string
  refNo: string
  state: ClaimState
  stateLabel: string
  claimedBy: string
  submittedAt: string
  amount: number | null
  flags: string[]
}

export function claimQueueItem(
  claim: RewardClaimDoc & { _id: string },
  fabricatedReports: number,
): ClaimQueueItem {
  return {
    claimId: claim._id,
    caseId: claim.caseId,
    refNo: claim.refNo,
    state: claim.state,
    stateLabel: CLAIM_STATES[claim.state],
    claimedBy: CLAIMED_BY[claim.claimedBy],
    submittedAt: claim.submittedAt,
    amount: claim.decision?.amount ?? null,
    flags: claimFlags(claim, fabricatedReports),
  }
}

/** The parts of a case a reward decision needs. */
export interface RewardCaseView {
  refNo: string
  requestType: string
  category: string
  receivedAt: string
  description: string
  reportedEntity: string | null
  /** The case it was merged into (where it was handled), if any. */
  handledIn: string | null
  statusLabel: string
  reopenCount: number
  confirmations: Array<{
    decision: string
    decisionNumber: string
    decidedOn: string
    violation: string
    fineYuan: number
    knownBefore: boolean
    recordedAt: string
  }>
  untrue: { finding: string; note: string; at: string } | null
  /** This report's place among the reports on the matter, by the time they reached the bureau. */
  position: { rank: number; of: number }
  /** Who handled the case (name and post): none of them may decide its reward. */
  handledBy: string[]
}

export function rewardCaseView(input: {
  report: {
    refNo: string
    requestType: RequestTypeKey
    category: CategoryKey
    receivedAt: string
    description: string
    reportedEntity: string | null
  }
  matter: { refNo: string; statusLabel: string; reopenCount: number; isReport: boolean }
  findings: ViolationFindings
  position: { rank: number; of: number }
  handledBy: string[]
}): RewardCaseView {
  const { report, matter, findings } = input
  return {
    refNo: report.refNo,
    requestType: REQUEST_TYPES[report.requestType],
    category: CATEGORIES[report.category].label,
    receivedAt: report.receivedAt,
    description: report.description,
    reportedEntity: report.reportedEntity,
    handledIn: matter.isReport ? null : matter.refNo,
    statusLabel: matter.statusLabel,
    reopenCount: matter.reopenCount,
    confirmations: findings.confirmations.map((c) => ({
      decision: CONFIRMING_DECISIONS[c.decisionKind],
      decisionNumber: c.decisionNumber,
      decidedOn: c.decidedOn,
      violation: VIOLATION_TYPES[c.violationType],
      fineYuan: c.fineYuan,
      knownBefore: c.knownBefore,
      recordedAt: c.at,
    })),
    untrue: findings.untrue
      ? {
          finding: UNTRUE_FINDINGS[findings.untrue.finding],
          note: findings.untrue.note,
          at: findings.untrue.at,
        }
      : null,
    position: input.position,
    handledBy: input.handledBy,
  }
}

export type ClaimAction = 'decide' | 'refuse' | 'pay' | 'record-recovery'

/** What a reward admin may do to a claim in its state (the function checks again). */
export function claimActions(state: ClaimState): ClaimAction[] {
  switch (state) {
    case 'submitted':
      return ['decide', 'refuse']
    case 'awarded':
      return ['pay', 'refuse']
    case 'recovery':
      return ['record-recovery']
    case 'paid':
    case 'refused':
    case 'recovered':
      return []
  }
}

/** The claim page of a reward admin. Reading it opens the sealed identity: every read is audited (`auditId`). */
export interface ClaimForRewardAdmin {
  claimId: string
  version: number
  state: ClaimState
  stateLabel: string
  submittedAt: string
  claimedBy: string
  declaredInsider: boolean
  flags: string[]
  identity: ClaimantIdentity | null
  /** The audit record of this read (null when there was no identity to open). */
  auditId: string | null
  case: RewardCaseView
  status: { key: RewardStatusKey; label: string; reasons: string[] }
  /** The amount from the tier table, as the reporter is or is not an insider. */
  awards: { insider: AwardComputation; notInsider: AwardComputation }
  cap: number
  decision: RewardClaimDoc['decision']
  payout: RewardClaimDoc['payout']
  refusal: { reasons: string[]; note: string; byStaff: string | null; at: string } | null
  recovery: RewardClaimDoc['recovery']
  /** Whether this reward admin may decide (not if they handled the case). */
  mayDecide: { ok: true } | { ok: false; reason: string }
  actions: ClaimAction[]
}

export function refusalView(refusal: NonNullable<RewardClaimDoc['refusal']>): ClaimForRewardAdmin['refusal'] {
  return {
    reasons: refusal.reasons.map((r: RefusalReasonKey) => REFUSAL_REASONS[r]),
    note: refusal.note,
    byStaff: refusal.by.kind === 'staff' ? refusal.by.staffName : null,
    at: refusal.at,
  }
}
