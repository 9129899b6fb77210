// A claim for a whistleblower reward as stored (collection `reward_claims`, one per report): who claimed and how,
// the claimant's identity and payment details sealed (only reward admins open them, each time audited), the
// checks made when it was filed, and the decision, payout, refusal or recovery that followed. Pure shapes; the
// cloud function `rewards` writes them.
import type { ClaimState, RefusalReasonKey } from './statuses'

/** What the claimant gives only when claiming; stored sealed (AES-256-GCM), never in any other record. */
export interface ClaimantIdentity {
  name: string
  /** 居民身份证号码. */
  idNumber: string
  phone: string
  bankName: string
  accountNumber: string
}

/** How the claimant showed the report is theirs: their real-name report, or the anonymous report's query code. */
export type ClaimedBy = 'real-name' | 'claim-code'

interface RewardDecision {
  amount: number
  /** What the tier table gave; differs from `amount` only with an override and its reason. */
  computedAmount: number
  insider: boolean
  overrideReason: string | null
  staffId: string
  staffName: string
  at: string
}

interface RewardRefusal {
  reasons: RefusalReasonKey[]
  /** What the claimant is told besides the reasons. */
  note: string
  by: { kind: 'staff'; staffId: string; staffName: string } | { kind: 'system' }
  at: string
}

interface RewardPayout {
  paidOn: string
  /** The transfer's reference (bank serial number, voucher number). */
  reference: string
  staffId: string
  staffName: string
  at: string
}

interface RewardRecovery {
  /** When the report was found untrue after the reward was paid. */
  markedAt: string
  recoveredOn: string | null
  reference: string | null
  staffId: string | null
  at: string | null
}

export interface RewardClaimDoc {
  /** The report claimed for. */
  caseId: string
  refNo: string
  /** Platform identity of whoever claimed (the reporter, or the holder of the claim code). */
  claimantOpenid: string
  claimedBy: ClaimedBy
  /** Keyed hash of the reporting account (repeated fabrication is counted by it). */
  reporterKey: string
  /** The sealed ClaimantIdentity; null when the claim was refused before anything needed keeping. */
  identitySealed: string | null
  declaredInsider: boolean
  declaredExcluded: boolean
  /** What was checked against the staff records when the claim was filed. */
  checks: { staffAccount: boolean; nameMatchesStaff: boolean }
  state: ClaimState
  decision: RewardDecision | null
  payout: RewardPayout | null
  refusal: RewardRefusal | null
  recovery: RewardRecovery | null
  submittedAt: string
  updatedAt: string
}

/** One claim per report: its id is derived from the report's case id. */
export function claimIdOf(caseId: string): string {
  return `rc-${caseId}`
}

/** Reports found fabricated by one reporting account (collection `reward_flags`, id `rf-<reporterKey>`). */
export interface FabricationRecord {
  reporterKey: string
  /** The cases found fabricated (bounded; the count is what matters). */
  caseIds: string[]
  updatedAt: string
}

export function fabricationIdOf(reporterKey: string): string {
  return `rf-${reporterKey}`
}
