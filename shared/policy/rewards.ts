// Whistleblower rewards (有奖举报) as data: what a report needs before it can earn a reward in a jurisdiction, how
// much it earns, and how long it can be claimed. None of these figures is national law (S3 第二十七条 only lets
// bureaus run a scheme; the amounts are set locally): every rule and figure says where it comes from — a cited
// text, marked `asReported` when only public summaries of that text were available — or that it is a
// placeholder the bureau must replace. The eligibility logic that reads this is shared/rewards/.
import type { LocalDate } from '@shared/time'
import type { RequestTypeKey } from '@shared/vocabulary/request-types'
import type { PolicyDecision, ProfileId } from './types'

/**
 * A rule or a figure with its source: the text it rests on (`basis`), or `placeholder: true` with a note saying
 * what is missing. A placeholder is applied like any other value (it is the bureau's configuration until
 * replaced) but is never presented as law.
 */
export type Sourced<T> =
  | {
      value: T
      basis: string
      /** Known only from public summaries of the text cited (its wording is to be verified). */
      asReported?: true
      note?: string
    }
  | { value: T; placeholder: true; note: string }

export function isPlaceholder<T>(figure: Sourced<T>): figure is Extract<Sourced<T>, { placeholder: true }> {
  return 'placeholder' in figure
}

/**
 * Kinds of environmental violation a reward tier is set by (staff record the kind with the penalty or handling
 * decision that confirms it: the `confirm-violation` event).
 */
export const VIOLATION_TYPES = {
  'evading-supervision': '通过暗管、渗井、篡改伪造监测数据、不正常运行防治污染设施等逃避监管的方式排放污染物',
  'hazardous-waste': '非法排放、倾倒、处置危险废物',
  'exceeding-limits': '超过排放标准或重点污染物排放总量控制指标排放污染物',
  'no-permit': '未取得排污许可证排放污染物',
  'no-eia': '未依法进行环境影响评价擅自开工建设',
  'major-incident': '造成或可能造成重大、特别重大突发环境事件',
  other: '其他生态环境违法行为',
} as const

export type ViolationTypeKey = keyof typeof VIOLATION_TYPES
export const VIOLATION_TYPE_KEYS = Object.keys(VIOLATION_TYPES) as ViolationTypeKey[]

/** Who may receive a reward: only real-name reporters, or anonymous ones too, claiming with their code. */
type RewardIdentityRule = 'real-name' | 'real-name-or-claim-code'

/**
 * The conditions a report must meet, each a row the citizen's self-check and status read, with what they are
 * told when it is not met. `verified-true` and `violation-confirmed` hold in every scheme (the national guidance
 * 环办执法〔2020〕8号 as reported); the others are a jurisdiction's choice.
 */
export const REWARD_CONDITIONS = {
  identity: {
    label: '实名举报（本地允许匿名奖励的，凭查询码申领）',
    unmet: '本地仅奖励实名举报，匿名举报不予奖励',
  },
  'verified-true': { label: '举报内容经查证属实', unmet: '经核查，反映的情况不属实' },
  'violation-confirmed': {
    label: '违法行为已被行政处罚决定或处理决定确认',
    unmet: '办理结束时未认定环境违法行为（未作出行政处罚或处理决定）',
  },
  'not-already-known': {
    label: '举报前生态环境部门尚未掌握，也未经媒体报道',
    unmet: '举报前生态环境部门已掌握该违法行为或媒体已经报道',
  },
  'first-valid-reporter': {
    label: '同一违法行为多人举报的，奖励最先有效举报的人',
    unmet: '同一违法行为已有他人更早有效举报，奖励给予最先有效举报的人',
  },
  'not-excluded': {
    label: '举报人不是负有生态环境监管职责的工作人员及其近亲属',
    unmet: '负有生态环境监管职责的工作人员及其近亲属不属于奖励对象',
  },
} as const

export type RewardConditionKey = keyof typeof REWARD_CONDITIONS

export interface RewardRules {
  profileId: ProfileId
  /** Increases with every change; a report is judged by the version in effect on the day it was received. */
  version: number
  effectiveFrom: LocalDate
  name: string
  /** The local scheme and how much of its text is known. */
  scheme: {
    title: string
    /** `as-reported`: known from public summaries; `not-found`: named but its text is not available. */
    known: 'as-reported' | 'not-found' | 'none'
    note: string
  }
  /** Whether rewards are offered here at all (false: every report is 不适用). */
  offered: Sourced<boolean>
  /** Which kinds of request can earn a reward (a 咨询 reports no violation). */
  requestTypes: Sourced<readonly RequestTypeKey[]>
  identity: Sourced<RewardIdentityRule>
  /** Whether each other condition applies here. */
  conditions: {
    readonly 'verified-true': Sourced<true>
    readonly 'violation-confirmed': Sourced<true>
    readonly 'not-already-known': Sourced<boolean>
    readonly 'first-valid-reporter': Sourced<boolean>
    readonly 'not-excluded': Sourced<boolean>
  }
  /** Amount in yuan by kind of violation; several violations: the highest single item. */
  tiers: { readonly [V in ViolationTypeKey]: Sourced<number> }
  /** A share (percent) of the fine, paid when higher than the tier; null: not used. */
  fineShare: Sourced<number | null>
  /** Reports by insiders (the reported party's own staff) are multiplied by this. */
  insiderMultiplier: Sourced<number>
  /** Highest amount of one reward, in yuan (an override may not exceed it). */
  cap: Sourced<number>
  /** Natural days to claim, from the day the violation was confirmed (ending on a rest day: the next working day). */
  claimWindowDays: Sourced<number>
  decisions: readonly PolicyDecision[]
}

/** How a figure's source reads for people: the citation (as reported), or that it awaits the bureau. */
export function sourceText(figure: Sourced<unknown>): string {
  if (isPlaceholder(figure)) return `暂定值，待本地确认：${figure.note}`
  return figure.asReported ? `${figure.basis}（据公开报道，条文待核实）` : figure.basis
}
