// A report's reward status, derived from the case and the claims alone — nothing is stored that could drift: the
// jurisdiction's rules (policy/profiles/<id>/rewards.ts), the report, the case that holds its handling (itself, or
// the case it was merged into) with its history, every report on that case, their claims and the time. As the
// case moves (a penalty recorded, the report found untrue, the case merged or reopened) the status follows.
import { endOfNaturalDayPeriod, type WorkingCalendar } from '../calendar'
import { REWARD_CONDITIONS, type RewardConditionKey, type RewardRules } from '../policy/rewards'
import { localDateOf, type LocalDate } from '../time'
import { REQUEST_TYPES } from '../vocabulary/request-types'
import { CASE_STATES } from '../workflow/states'
import type { RewardClaimDoc } from './claim'
import { violationFindings, type RewardMatter, type RewardReport, type ViolationFindings } from './findings'
import { DISQUALIFYING_REFUSALS, REFUSAL_REASONS, type RewardStatusKey } from './statuses'

/** What the status reads of a claim. */
export type ClaimRecord = Pick<
  RewardClaimDoc,
  'caseId' | 'state' | 'decision' | 'payout' | 'refusal' | 'recovery' | 'submittedAt' | 'claimantOpenid'
>

export interface RewardStatusInput {
  rules: RewardRules
  calendar: WorkingCalendar
  report: RewardReport
  matter: RewardMatter
  /** Every report on the matter: the matter's own, those merged into it (and `report` among them). */
  reports: readonly RewardReport[]
  /** The claims on those reports, by case id. */
  claims: ReadonlyMap<string, ClaimRecord>
  now: string
}

export interface ConditionCheck {
  key: RewardConditionKey
  label: string
  /** null: not known yet. */
  met: boolean | null
}

export interface RewardStatus {
  key: RewardStatusKey
  /** Why (not applicable, not eligible), in plain Chinese; what is awaited (pending). */
  reasons: string[]
  /** The conditions this jurisdiction applies and where the report stands on each. */
  conditions: ConditionCheck[]
  /** The claim on this report, if any. */
  claim: ClaimRecord | null
  /** How to claim now (null: no claim can be made now). */
  claimWith: 'real-name' | 'claim-code' | null
  /** The last day to claim, once the violation is confirmed. */
  claimUntil: LocalDate | null
}

const PENDING = '待查证属实并作出行政处罚或处理决定后认定'
const RECOVERY = '已发放的奖励依法追回'

/** Whether this report can be rewarded under the rules' identity condition. */
function identityMet(rules: RewardRules, report: RewardReport): boolean {
  return report.mode === 'real-name' || rules.identity.value === 'real-name-or-claim-code'
}

/** Reports in the order they reached the bureau (ties: by case id, so the order is total). */
function byTime(a: RewardReport, b: RewardReport): number {
  return a.receivedAt === b.receivedAt
    ? a.caseId.localeCompare(b.caseId)
    : Date.parse(a.receivedAt) - Date.parse(b.receivedAt)
}

/**
 * The first valid report on the matter: the earliest that meets the identity condition and whose reporter was not
 * refused as an excluded person (a staff member, or a relative of one) — then the next in time takes the place.
 */
function firstValidReport(input: Pick<RewardStatusInput, 'rules' | 'reports' | 'claims'>) {
  return [...input.reports].sort(byTime).find((r) => {
    const refusal = input.claims.get(r.caseId)?.refusal
    const disqualified = refusal?.reasons.some((reason) => DISQUALIFYING_REFUSALS.includes(reason)) ?? false
    return identityMet(input.rules, r) && !disqualified
  })
}

/** The last day to claim: the rules' natural days from the confirmation; a rest day moves it to the next working day. */
function claimWindowEnd(rules: RewardRules, calendar: WorkingCalendar, confirmedOn: LocalDate): LocalDate {
  return endOfNaturalDayPeriod(calendar, confirmedOn, rules.claimWindowDays.value).date
}

function conditionsOf(
  input: RewardStatusInput,
  findings: ViolationFindings,
  ended: boolean,
  first: RewardReport | undefined,
): ConditionCheck[] {
  const { rules, report } = input
  const confirmed = findings.confirmations.length > 0
  const refusal = input.claims.get(report.caseId)?.refusal ?? null
  const met: Record<RewardConditionKey, boolean | null> = {
    identity: identityMet(rules, report),
    'verified-true': findings.untrue ? false : confirmed ? true : null,
    'violation-confirmed': confirmed ? true : ended || findings.untrue ? false : null,
    'not-already-known': confirmed ? findings.confirmations.some((c) => !c.knownBefore) : null,
    'first-valid-reporter': first ? first.caseId === report.caseId : false,
    'not-excluded': refusal?.reasons.some((r) => DISQUALIFYING_REFUSALS.includes(r))
      ? false
      : input.claims.has(report.caseId)
        ? true
        : null,
  }
  const applies = (key: RewardConditionKey) =>
    key === 'identity' ||
    key === 'verified-true' ||
    key === 'violation-confirmed' ||
    rules.conditions[key].value
  return (Object.keys(REWARD_CONDITIONS) as RewardConditionKey[])
    .filter(applies)
    .map((key) => ({ key, label: REWARD_CONDITIONS[key].label, met: met[key] }))
}

export function rewardStatus(input: RewardStatusInput): RewardStatus {
  const { rules, report, matter } = input
  const claim = input.claims.get(report.caseId) ?? null
  const findings = violationFindings(matter.history)
  const ended = CASE_STATES[matter.status].stage === 'ended'
  const first = firstValidReport(input)
  const conditions = conditionsOf(input, findings, ended, first)
  const status = (
    key: RewardStatusKey,
    reasons: string[],
    extra: Partial<RewardStatus> = {},
  ): RewardStatus => ({
    key,
    reasons,
    conditions,
    claim,
    claimWith: null,
    claimUntil: null,
    ...extra,
  })
  const unmet = (key: RewardConditionKey) => REWARD_CONDITIONS[key].unmet

  if (!rules.offered.value) return status('not-applicable', ['本地未实行生态环境违法行为有奖举报'])
  if (!rules.requestTypes.value.includes(report.requestType)) {
    return status('not-applicable', [
      `${REQUEST_TYPES[report.requestType]}不涉及违法行为举报，不适用举报奖励`,
    ])
  }
  if (matter.status === 'not-accepted') return status('not-applicable', ['本件不予受理，不适用举报奖励'])
  if (matter.status === 'transferred-out') {
    return status('not-applicable', ['本件已转交其他地区或部门办理，奖励由承办机关按其规定办理'])
  }
  if (findings.untrue) {
    const recovering = claim?.state === 'recovery' || claim?.state === 'recovered'
    return status('not-eligible', [unmet('verified-true'), ...(recovering ? [RECOVERY] : [])])
  }
  if (findings.confirmations.length === 0) {
    return ended ? status('not-eligible', [unmet('violation-confirmed')]) : status('pending', [PENDING])
  }
  if (!identityMet(rules, report)) return status('not-eligible', [unmet('identity')])
  if (rules.conditions['not-already-known'].value && findings.confirmations.every((c) => c.knownBefore)) {
    return status('not-eligible', [unmet('not-already-known')])
  }
  if (claim?.state === 'refused' && claim.refusal) {
    const reasons = claim.refusal.reasons.map((r) => REFUSAL_REASONS[r])
    return status('not-eligible', claim.refusal.note ? [...reasons, claim.refusal.note] : reasons)
  }
  if (rules.conditions['first-valid-reporter'].value && first?.caseId !== report.caseId) {
    return status('not-eligible', [unmet('first-valid-reporter')])
  }
  const claimUntil = claimWindowEnd(rules, input.calendar, findings.confirmedOn!)
  if (claim?.state === 'paid') return status('paid', [], { claimUntil })
  if (claim?.state === 'awarded') return status('awarded', [], { claimUntil })
  if (claim) return status('eligible', [], { claimUntil })
  if (localDateOf(input.now) > claimUntil) {
    return status('not-eligible', [`未在领奖期限内申领（期限至 ${claimUntil}，逾期视为放弃）`], {
      claimUntil,
    })
  }
  return status('eligible', [], {
    claimWith: report.mode === 'real-name' ? 'real-name' : 'claim-code',
    claimUntil,
  })
}

/** Whether an event on a case may change the reward status of its reports (a finding, or the case ending or reopening). */
export function rewardStatusMayChange(
  before: Pick<RewardMatter, 'status'>,
  after: Pick<RewardMatter, 'status'>,
  eventType: string,
): boolean {
  if (eventType === 'confirm-violation' || eventType === 'find-report-untrue') return true
  const ended = (s: RewardMatter['status']) => CASE_STATES[s].stage === 'ended'
  return ended(before.status) !== ended(after.status)
}

/**
 * Whether a change of status is news for the person it belongs to (a `reward-result` message): anything about a
 * claim, a report becoming or ceasing to be eligible, awarded or paid, and a reason to refuse it found on the case
 * (untrue, known before, someone else first). A report merely ending without a confirmed violation, or not taken
 * up, is not: the case's own notices already say so, and most reporters never asked about a reward.
 */
export function rewardNewsworthy(was: RewardStatus | undefined, is: RewardStatus): boolean {
  if (!was) return false
  if (was.key === is.key && was.claim?.state === is.claim?.state) return false
  if (was.claim?.state !== is.claim?.state) return true
  const rewarded: readonly RewardStatusKey[] = ['eligible', 'awarded', 'paid']
  if (rewarded.includes(was.key) || rewarded.includes(is.key)) return true
  const endedWithout =
    is.reasons.length === 1 && is.reasons[0] === REWARD_CONDITIONS['violation-confirmed'].unmet
  return is.key === 'not-eligible' && !endedWithout
}
