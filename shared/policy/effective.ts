// A profile combined with its national baseline: where the profile is silent the baseline applies; where both
// bind, the stricter wins (for clocks that is decided per case in shared/deadlines, by comparing dates).
import type { RequestTypeKey } from '@shared/vocabulary/request-types'
import { getPolicyProfile } from './registry'
import {
  NON_ACCEPTANCE_REASONS,
  NON_ACCEPTANCE_REASON_KEYS,
  type ClockKind,
  type ClockRule,
  type ExtensionRule,
  type NonAcceptanceReasonKey,
  type PolicyDecision,
  type PolicyProfile,
  type ProfileId,
  type ReminderRule,
  type ReplyApprovalRule,
  type RetentionPeriod,
  type RetentionRule,
  type ReviewRule,
} from './types'

export interface SourcedClockRule extends ClockRule {
  /** The profile the rule comes from: the case's own or the national baseline. */
  origin: ProfileId
}

export interface EffectivePolicy {
  profile: PolicyProfile
  baseline: PolicyProfile | null
  clockRules: readonly SourcedClockRule[]
  reminders: readonly ReminderRule[]
  extension: ExtensionRule
  replyApproval: ReplyApprovalRule
  review: ReviewRule
  retention: RetentionRule
  nonAcceptanceReasons: readonly NonAcceptanceReasonKey[]
  decisions: readonly PolicyDecision[]
}

/** The facts of a case that select clock rules. */
export interface ClockCaseFacts {
  requestType: RequestTypeKey
  important: boolean
  emergency: boolean
  referred: boolean
}

function required<T>(value: T | undefined, what: string, id: ProfileId): T {
  if (value === undefined) throw new Error(`policy profile ${id} and its baseline define no ${what}`)
  return value
}

function mergeExtension(
  own: PolicyProfile['extension'],
  base: PolicyProfile['extension'],
  id: ProfileId,
): ExtensionRule {
  const caps = [own?.maxDays, base?.maxDays].filter((cap): cap is number => typeof cap === 'number')
  return {
    // Both bind: the lower cap wins. A profile that states no cap does not lift the baseline's.
    maxDays: caps.length > 0 ? Math.min(...caps) : null,
    approverRoles: required(own?.approverRoles ?? base?.approverRoles, 'extension approver', id),
    mustRequestBeforeDue: Boolean(own?.mustRequestBeforeDue || base?.mustRequestBeforeDue),
    notifyReporter: Boolean(own?.notifyReporter || base?.notifyReporter),
    basis: [own?.basis, base?.basis].filter(Boolean).join('; '),
  }
}

/** Both texts bind: the shorter period wins; the bases of both are kept. */
function mergePeriod(
  own: RetentionPeriod | undefined,
  base: RetentionPeriod | undefined,
  what: string,
  id: ProfileId,
): RetentionPeriod {
  const present = [own, base].filter((p): p is RetentionPeriod => p !== undefined)
  const shortest = required(
    present.reduce<RetentionPeriod | undefined>((a, p) => (a && a.days <= p.days ? a : p), undefined),
    what,
    id,
  )
  return { ...shortest, basis: present.map((p) => p.basis).join('; ') }
}

function mergeRetention(
  own: PolicyProfile['retention'],
  base: PolicyProfile['retention'],
  id: ProfileId,
): RetentionRule {
  return {
    archive: mergePeriod(own?.archive, base?.archive, 'archive period', id),
    reporterIdentity: mergePeriod(
      own?.reporterIdentity,
      base?.reporterIdentity,
      'reporter identity retention',
      id,
    ),
  }
}

const cache = new WeakMap<PolicyProfile, EffectivePolicy>()

export function effectivePolicy(profile: PolicyProfile): EffectivePolicy {
  const cached = cache.get(profile)
  if (cached) return cached
  const baseline = profile.baseline ? getPolicyProfile(profile.baseline.id, profile.baseline.version) : null
  const own = profile.clocks.map((rule) => ({ ...rule, origin: profile.id }))
  const inherited = (baseline?.clocks ?? []).map((rule) => ({ ...rule, origin: baseline?.id ?? profile.id }))
  const extra = new Set(profile.extraNonAcceptanceReasons ?? [])
  const result: EffectivePolicy = {
    profile,
    baseline,
    clockRules: [...own, ...inherited],
    reminders: [...profile.reminders, ...(baseline?.reminders ?? [])],
    extension: mergeExtension(profile.extension, baseline?.extension, profile.id),
    replyApproval: required(profile.replyApproval ?? baseline?.replyApproval, 'reply approval', profile.id),
    review: required(profile.review ?? baseline?.review, 'review rule', profile.id),
    retention: mergeRetention(profile.retention, baseline?.retention, profile.id),
    nonAcceptanceReasons: NON_ACCEPTANCE_REASON_KEYS.filter(
      (key) => NON_ACCEPTANCE_REASONS[key].scope === 'all' || extra.has(key),
    ),
    decisions: [...profile.decisions, ...(baseline?.decisions ?? [])],
  }
  cache.set(profile, result)
  return result
}

function ruleApplies(rule: ClockRule, facts: ClockCaseFacts): boolean {
  const when = rule.when
  if (!when) return true
  return (
    (when.requestTypes === undefined || when.requestTypes.includes(facts.requestType)) &&
    (when.important === undefined || when.important === facts.important) &&
    (when.emergency === undefined || when.emergency === facts.emergency) &&
    (when.referred === undefined || when.referred === facts.referred)
  )
}

/** The rules that bind one clock of one case, own rules first. */
export function rulesFor(
  policy: EffectivePolicy,
  clock: ClockKind,
  facts: ClockCaseFacts,
): SourcedClockRule[] {
  return policy.clockRules.filter((rule) => rule.clock === clock && ruleApplies(rule, facts))
}
