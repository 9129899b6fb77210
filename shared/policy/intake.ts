// Intake-intelligence values per policy profile: duplicate radius and window per category, repeat-report
// threshold and window, early-warning N / R / T, importance and urgency rules. Every value carries its basis:
// the article it implements, or — where the seeds give no number — a documented decision (决定).
// The time-limit side of each profile lives in shared/policy; this module only holds intake values.
import type { CategoryKey } from '../vocabulary/categories'

import { isProfileId, PROFILE_IDS, type ProfileId } from './types'

/** Intake values exist for exactly the policy profiles (a profile added there must get its intake values). */
export const INTAKE_PROFILE_IDS = PROFILE_IDS
export type IntakeProfileId = ProfileId
export const isIntakeProfileId = isProfileId

/** Where a value comes from: an article (`cite`), a documented decision (`decision`), or both. */
export type Basis = { cite: string; decision?: string } | { cite?: string; decision: string }

/** The basis as one line: the article, then the decision. */
export const basisText = (b: Basis): string => [b.cite, b.decision].filter(Boolean).join('；')

/** Every field of T has a basis. */
export type WithBasis<T> = T & { basis: { [K in keyof T]: Basis } }

export interface ProximityWindow {
  radiusMetres: number
  windowDays: number
}

export type DuplicatePolicy = WithBasis<{
  /** A new report is a likely duplicate of an open case of its category within this distance and time. */
  byCategory: Record<CategoryKey, ProximityWindow>
}>

/**
 * What reaching the repeat threshold sets off (applied through the workflow as the system, shared/routing/
 * repeats.ts `repeatEvent`), with the words the staff who must act are given.
 */
export type RepeatAction =
  /** 提级办理: the handling unit's head leads the site visit, the higher (city) level supervises. */
  | { kind: 'escalate'; ledBy: string; supervision: string }
  /** 督办 by the supervising unit, with what the handling unit must do. */
  | { kind: 'supervise'; instructions: string }
  /** The case becomes an important (重点) case; `note` says what that entails here. */
  | { kind: 'important-case'; note: string }
  /** 领导包案: a bureau leader takes personal charge; `note` says how the leader is named. */
  | { kind: 'leader-case'; note: string }

/**
 * How reports on one target are counted: `reporter-days` — one per reporter per Shanghai calendar day (a problem
 * reported again on another day counts again); `reporters` — one per reporter (how many people report it).
 * Anonymous reports count one each either way.
 */
export type RepeatCounting = 'reporter-days' | 'reporters'

export type RepeatPolicy = WithBasis<{
  /** Reports on one target (counted as below) at which the action fires: "3次以上" includes 3. */
  threshold: number
  /** Only reports within this many days before the new one count. */
  windowDays: number
  /** Unnamed targets: reports of the category within this distance are the same place. */
  placeRadiusMetres: Record<CategoryKey, number>
  counting: RepeatCounting
  action: RepeatAction
}>

export interface WarningThreshold {
  /** N distinct reporters … */
  minReports: number
  /** … within R metres of the newest report … */
  radiusMetres: number
  /** … within T days. */
  windowDays: number
}

export type EarlyWarningPolicy = WithBasis<{ byCategory: Record<CategoryKey, WarningThreshold> }>

export const IMPORTANCE_RULES = {
  'leader-instruction': '领导批示',
  'central-referral': '中央转办',
  'extreme-behaviour': '信访人有极端言行',
  'joint-serious-pollution': '联名反映严重环境污染',
  'cross-district': '跨区污染纠纷',
  'typical-case': '环境污染典型案件',
  'bureau-inaction': '反映环保部门及其工作人员不作为、乱作为',
  'staff-misconduct': '反映环保部门工作人员违规违纪',
  'needs-instruction': '其他需请示办理的重要事项',
  'major-pollution': '重大环境污染',
  'major-ecological-damage': '重要生态破坏',
  'many-people-affected': '涉及范围大、人数多',
  'concentrated-reports': '群众反映集中',
  'major-social-impact': '可能造成重大社会影响',
  'sudden-environmental-event': '突发生态环境事件',
  'mass-incident-risk': '有群体性事件倾向',
  'strong-public-reaction': '群众反映强烈、可能造成恶劣影响',
  'night-construction-noise': '夜间施工噪声',
} as const
export type ImportanceRuleId = keyof typeof IMPORTANCE_RULES

export const INTAKE_EFFECTS = {
  important: '列为重要（重点）案件',
  immediate: '立即组织现场核实处置',
  'report-to-leadership': '第一时间向分管领导报告',
  'report-to-government': '及时报告本级政府和信访部门',
  'report-upward': '向上级业务部门和本级党委政府主要负责人报告',
  'city-coordination': '报请市级协调',
  'leader-case': '领导包案',
  'early-warning': '可向下级或属地政府预警',
} as const
export type IntakeEffect = keyof typeof INTAKE_EFFECTS

export type ImportanceRule = { rule: ImportanceRuleId; effects: IntakeEffect[] } & Basis

export type ImportancePolicy = WithBasis<{
  /** What this jurisdiction calls an important case. */
  label: string
  rules: ImportanceRule[]
  /** `many-people-affected` from this many people. */
  manyPeopleAffected: number
  /** `joint-serious-pollution` from this many signatories (联名 = two or more). */
  jointSignatories: number
  /** 夜间 on the Shanghai wall clock, `HH:mm`, from inclusive, to exclusive. */
  night: { from: string; to: string }
}>

export interface IntakePolicy {
  profileId: IntakeProfileId
  name: string
  duplicate: DuplicatePolicy
  repeat: RepeatPolicy
  earlyWarning: EarlyWarningPolicy
  importance: ImportancePolicy
}
