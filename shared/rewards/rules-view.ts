// A jurisdiction's reward rules as people read them: the citizen before filing (the self-check page), and the
// operator (`npm run -s cli -- rewards --profile <id>`). Every figure keeps its source beside it, or says it is a
// placeholder awaiting the bureau; nothing is shown as law without its citation.
import { citeForCitizens } from '../policy/sources'
import {
  isPlaceholder,
  REWARD_CONDITIONS,
  sourceText,
  VIOLATION_TYPE_KEYS,
  VIOLATION_TYPES,
  type RewardConditionKey,
  type RewardRules,
  type Sourced,
  type ViolationTypeKey,
} from '../policy/rewards'
import { REQUEST_TYPES } from '../vocabulary/request-types'

/** A figure as a citizen reads it: the value, where it comes from (documents by name), and if it is provisional. */
interface FigureView<T> {
  value: T
  source: string
  placeholder: boolean
}

/** Where a rule comes from, as a citizen reads it (documents by name), and if it is provisional. */
interface SourceView {
  source: string
  placeholder: boolean
}

export interface RewardRulesView {
  name: string
  offered: boolean
  /** Why rewards are (or are not) offered here. */
  offeredBasis: SourceView
  /** What is known of the local scheme's text. */
  schemeNote: string
  /** Anonymous reports can be rewarded, claimed with the query code. */
  anonymousClaims: boolean
  requestTypes: string[]
  requestTypesBasis: SourceView
  conditions: Array<{ key: RewardConditionKey; label: string; source: string; placeholder: boolean }>
  tiers: Array<{ violationType: ViolationTypeKey; label: string } & FigureView<number>>
  /** Percent of the fine, when the scheme pays one. */
  fineShare: FigureView<number> | null
  insiderMultiplier: FigureView<number>
  cap: FigureView<number>
  claimWindowDays: FigureView<number>
  /** Some figure is a placeholder. */
  provisional: boolean
}

function figure<T>(f: Sourced<T>): FigureView<T> {
  return { value: f.value, source: citeForCitizens(sourceText(f)), placeholder: isPlaceholder(f) }
}

function basisOf(f: Sourced<unknown>): SourceView {
  return { source: citeForCitizens(sourceText(f)), placeholder: isPlaceholder(f) }
}

export function rewardRulesView(rules: RewardRules): RewardRulesView {
  const conditionFigures: Record<RewardConditionKey, Sourced<unknown>> = {
    identity: rules.identity,
    ...rules.conditions,
  }
  const conditions = (Object.keys(REWARD_CONDITIONS) as RewardConditionKey[])
    .filter((key) => conditionFigures[key].value !== false)
    .map((key) => ({
      key,
      label: REWARD_CONDITIONS[key].label,
      ...figure(conditionFigures[key]),
    }))
    .map(({ value: _value, ...rest }) => rest)
  const tiers = VIOLATION_TYPE_KEYS.map((violationType) => ({
    violationType,
    label: VIOLATION_TYPES[violationType],
    ...figure(rules.tiers[violationType]),
  }))
  const fineShare = rules.fineShare.value === null ? null : (figure(rules.fineShare) as FigureView<number>)
  const view: RewardRulesView = {
    name: rules.name,
    offered: rules.offered.value,
    offeredBasis: basisOf(rules.offered),
    schemeNote: rules.scheme.note,
    anonymousClaims: rules.identity.value === 'real-name-or-claim-code',
    requestTypes: rules.requestTypes.value.map((t) => REQUEST_TYPES[t]),
    requestTypesBasis: basisOf(rules.requestTypes),
    conditions,
    tiers,
    fineShare,
    insiderMultiplier: figure(rules.insiderMultiplier),
    cap: figure(rules.cap),
    claimWindowDays: figure(rules.claimWindowDays),
    provisional: false,
  }
  // Anything shown that rests on a placeholder, the offer itself included (天津: offered on the national guidance).
  view.provisional = [
    view.offeredBasis,
    view.requestTypesBasis,
    ...conditions,
    ...tiers,
    ...(fineShare ? [fineShare] : []),
    view.insiderMultiplier,
    view.cap,
    view.claimWindowDays,
  ].some((f) => f.placeholder)
  return view
}

/** A figure as the operator CLI prints it: the value with its citation, or `placeholder: true` and why. */
type OperatorFigure<T> =
  | { value: T; citation: string; asReported: boolean; note?: string }
  | { value: T; placeholder: true; note: string }

function operatorFigure<T>(f: Sourced<T>): OperatorFigure<T> {
  if (isPlaceholder(f)) return { value: f.value, placeholder: true, note: f.note }
  return {
    value: f.value,
    citation: f.basis,
    asReported: f.asReported ?? false,
    ...(f.note ? { note: f.note } : {}),
  }
}

/** The rules as `npm run -s cli -- rewards --profile <id>` prints them. */
export function rewardRulesForOperators(rules: RewardRules) {
  return {
    profile: rules.profileId,
    version: rules.version,
    effectiveFrom: rules.effectiveFrom,
    name: rules.name,
    scheme: rules.scheme,
    offered: operatorFigure(rules.offered),
    requestTypes: operatorFigure(rules.requestTypes),
    conditions: {
      identity: { label: REWARD_CONDITIONS.identity.label, ...operatorFigure(rules.identity) },
      ...Object.fromEntries(
        (Object.keys(rules.conditions) as Array<keyof RewardRules['conditions']>).map((key) => [
          key,
          { label: REWARD_CONDITIONS[key].label, ...operatorFigure<boolean>(rules.conditions[key]) },
        ]),
      ),
    },
    tiers: Object.fromEntries(
      VIOLATION_TYPE_KEYS.map((key) => [
        key,
        { label: VIOLATION_TYPES[key], unit: '元', ...operatorFigure(rules.tiers[key]) },
      ]),
    ),
    fineShare: { unit: '%', ...operatorFigure(rules.fineShare) },
    insiderMultiplier: operatorFigure(rules.insiderMultiplier),
    cap: { unit: '元', ...operatorFigure(rules.cap) },
    claimWindow: { unit: '自然日（自违法行为确认之日起）', ...operatorFigure(rules.claimWindowDays) },
    decisions: rules.decisions,
  }
}
