// Importance (重要/重点案件) and urgency (立即现场处置) of a report, from facts known at intake or set by staff.
// Which rules apply, with which effects and under which article, is the profile's (intake-policy.ts
// `importance.rules`); what each rule tests is here. Every finding carries its basis so the case file can say
// why it was marked.
import type { CategoryKey, PollutionSourceKey } from '../vocabulary/categories'
import { citationReferences, citeForStaff } from '../policy/sources'
import { formatShanghai } from '../time'
import {
  IMPORTANCE_RULES,
  INTAKE_EFFECTS,
  type Basis,
  type ImportancePolicy,
  type ImportanceRuleId,
  type IntakeEffect,
} from '../policy/intake'

export interface IntakeFacts {
  category: CategoryKey
  source?: PollutionSourceKey | null
  /** ISO 8601 with offset. */
  reportedAt: string
  /** When the reporter says it happens, if not at the time of reporting. */
  observedAt?: string | null
  /** 领导批示 (区领导 S2 第十条(一); 省市领导 S4 四(二)). */
  leaderInstruction?: boolean
  /** 中央转办 (S4 四(二)). */
  centralReferral?: boolean
  /** 扬言自杀、杀人、放火等极端情绪或曾有极端行为 (S2 第十条(二)). */
  extremeBehaviour?: boolean
  /** Number of people who signed the report (联名). */
  signatories?: number
  /** The reporter or the intake officer rates the pollution serious (严重环境污染). */
  seriousPollution?: boolean
  /** 跨区污染纠纷: source and affected area in different districts. */
  crossDistrict?: boolean
  typicalCase?: boolean
  /** The report is about the bureau or its staff: 不作为、乱作为 or 违规违纪 (S2 第十条(五)(六)). */
  aboutBureau?: 'inaction' | 'misconduct' | null
  /** 其他需请示办理 (S2 第十条(七)), set by staff. */
  needsInstruction?: boolean
  majorPollution?: boolean
  majorEcologicalDamage?: boolean
  /** Estimated number of people affected. */
  peopleAffected?: number
  /** 群众反映集中: set from an early-warning cluster or a reached repeat count. */
  concentratedReports?: boolean
  majorSocialImpact?: boolean
  suddenEnvironmentalEvent?: boolean
  massIncidentRisk?: boolean
  strongPublicReaction?: boolean
}

export interface IntakeFinding {
  rule: ImportanceRuleId
  label: string
  effects: IntakeEffect[]
  basis: Basis
}

export interface IntakeAssessment {
  importance: 'important' | 'normal'
  /** The jurisdiction's name for it (重要信访案件, 重点信访案件, …) when important. */
  importanceLabel: string | null
  /** `immediate`: organise on-site verification now (S2 第十二条). */
  urgency: 'immediate' | 'normal'
  /** Every effect of every finding, once, in a fixed order. */
  effects: IntakeEffect[]
  findings: IntakeFinding[]
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/

/** Whether the instant falls in [from, to) on the Shanghai wall clock; a range past midnight wraps. */
export function isWithinLocalHours(instant: string, hours: { from: string; to: string }): boolean {
  if (!HH_MM.test(hours.from) || !HH_MM.test(hours.to))
    throw new RangeError(`not HH:mm: ${hours.from}–${hours.to}`)
  const t = formatShanghai(instant, 'HH:mm')
  return hours.from <= hours.to ? t >= hours.from && t < hours.to : t >= hours.from || t < hours.to
}

const TESTS: Record<ImportanceRuleId, (f: IntakeFacts, p: ImportancePolicy) => boolean> = {
  'leader-instruction': (f) => f.leaderInstruction === true,
  'central-referral': (f) => f.centralReferral === true,
  'extreme-behaviour': (f) => f.extremeBehaviour === true,
  'joint-serious-pollution': (f, p) =>
    (f.signatories ?? 0) >= p.jointSignatories && f.seriousPollution === true,
  'cross-district': (f) => f.crossDistrict === true,
  'typical-case': (f) => f.typicalCase === true,
  'bureau-inaction': (f) => f.aboutBureau === 'inaction',
  'staff-misconduct': (f) => f.aboutBureau === 'misconduct',
  'needs-instruction': (f) => f.needsInstruction === true,
  'major-pollution': (f) => f.majorPollution === true,
  'major-ecological-damage': (f) => f.majorEcologicalDamage === true,
  'many-people-affected': (f, p) => (f.peopleAffected ?? 0) >= p.manyPeopleAffected,
  'concentrated-reports': (f) => f.concentratedReports === true,
  'major-social-impact': (f) => f.majorSocialImpact === true,
  'sudden-environmental-event': (f) => f.suddenEnvironmentalEvent === true,
  'mass-incident-risk': (f) => f.massIncidentRisk === true,
  'strong-public-reaction': (f) => f.strongPublicReaction === true,
  'night-construction-noise': (f, p) =>
    f.category === 'noise' &&
    f.source === 'construction' &&
    isWithinLocalHours(f.observedAt ?? f.reportedAt, p.night),
}

const EFFECT_ORDER = Object.keys(INTAKE_EFFECTS) as IntakeEffect[]

export function assessIntake(facts: IntakeFacts, policy: ImportancePolicy): IntakeAssessment {
  const findings: IntakeFinding[] = []
  for (const entry of policy.rules) {
    if (!TESTS[entry.rule](facts, policy)) continue
    const { rule, effects, ...basis } = entry
    findings.push({ rule, label: IMPORTANCE_RULES[rule], effects, basis: basis as Basis })
  }
  const effects = new Set(findings.flatMap((f) => f.effects))
  const important = effects.has('important')
  return {
    importance: important ? 'important' : 'normal',
    importanceLabel: important ? policy.label : null,
    urgency: effects.has('immediate') ? 'immediate' : 'normal',
    effects: EFFECT_ORDER.filter((e) => effects.has(e)),
    findings,
  }
}

/**
 * A finding as a case officer would note it in the file: what was found, what follows, and the articles —
 * `夜间施工噪声，立即组织现场核实处置（参照 S2《…》第十二条）`. Articles the finding rests on are 依据; those a
 * documented decision borrows from another text are 参照. The quoted article text and the decision's
 * reasoning stay in the policy (intake-policy.ts), not in the sentence.
 */
export function describeFinding(finding: Pick<IntakeFinding, 'label' | 'effects' | 'basis'>): string {
  const what = [finding.label, ...finding.effects.map((e) => INTAKE_EFFECTS[e])].join('，')
  const cited = finding.basis.cite ? citationReferences(finding.basis.cite) : []
  const borrowed = finding.basis.decision
    ? citationReferences(finding.basis.decision).filter((r) => !cited.includes(r))
    : []
  const articles = [
    cited.length > 0 ? `依据 ${cited.map(citeForStaff).join('、')}` : '',
    borrowed.length > 0 ? `参照 ${borrowed.map(citeForStaff).join('、')}` : '',
  ].filter(Boolean)
  return articles.length > 0 ? `${what}（${articles.join('；')}）` : what
}
