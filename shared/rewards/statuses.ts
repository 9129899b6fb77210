// The words of whistleblower rewards, declared once: where a report stands (its reward status), where a claim
// stands, and why a claim is refused — as the citizen reads them. The status is derived (eligibility.ts); these
// tables only name and explain it.
import { REWARD_CONDITIONS } from '../policy/rewards'

/**
 * A report's reward status. `label` is what the citizen reads beside the report (≤ 5 characters: it is also the
 * subscribe message's phrase field); `notice` is the message sent when the status changes (≤ 20 characters).
 */
export const REWARD_STATUSES = {
  'not-applicable': { label: '不适用', notice: '本件不适用举报奖励' },
  pending: { label: '待核查', notice: '举报奖励待查证属实后认定' },
  eligible: { label: '符合条件', notice: '符合奖励条件，可以申领' },
  'not-eligible': { label: '不符合条件', notice: '不符合奖励条件，请查看原因' },
  awarded: { label: '已决定奖励', notice: '已决定给予举报奖励' },
  paid: { label: '已发放', notice: '举报奖励已发放' },
} as const

export type RewardStatusKey = keyof typeof REWARD_STATUSES

/** Where a claim stands. `recovery`: paid, and the report was later found untrue: the money is to be recovered. */
export const CLAIM_STATES = {
  submitted: '待审核',
  awarded: '已决定奖励，待发放',
  paid: '已发放',
  refused: '不予奖励',
  recovery: '已发放，待追回',
  recovered: '已追回',
} as const

export type ClaimState = keyof typeof CLAIM_STATES
export const CLAIM_STATE_KEYS = Object.keys(CLAIM_STATES) as ClaimState[]

/**
 * Why a claim is refused, as the claimant reads it. `untrue`, `staff` and `excluded-person` are also given by the
 * system itself (a report found untrue; a claimant bound to a staff account; a claimant who declares being an
 * excluded person); the reward admin chooses from all of them and adds a note.
 */
export const REFUSAL_REASONS = {
  untrue: REWARD_CONDITIONS['verified-true'].unmet,
  'known-before': REWARD_CONDITIONS['not-already-known'].unmet,
  staff: '生态环境部门工作人员不属于奖励对象',
  'excluded-person': REWARD_CONDITIONS['not-excluded'].unmet,
  'identity-mismatch': '申领人的身份与举报人不一致',
  'no-contribution': '举报内容不具体，对查处违法行为未起作用',
  other: '其他原因（见说明）',
} as const

export type RefusalReasonKey = keyof typeof REFUSAL_REASONS
export const REFUSAL_REASON_KEYS = Object.keys(REFUSAL_REASONS) as RefusalReasonKey[]

/** Refusals that make a reporter no valid reporter at all: the next one in time becomes the first valid reporter. */
export const DISQUALIFYING_REFUSALS: readonly RefusalReasonKey[] = ['staff', 'excluded-person']

/**
 * Reports found fabricated (捏造、歪曲事实) by one reporter at which their claims are flagged for the reward admin:
 * twice is a pattern, once may be a misunderstanding (Hunan's measures, as reported, blacklist fabricated reports;
 * here the reward admin is warned and decides).
 */
export const REPEATED_FABRICATION = 2
