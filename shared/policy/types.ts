// A policy profile is a jurisdiction's rules as data: every time limit with the article it comes from, plus the
// decisions taken where the seed text is ambiguous. Code reads profiles; it never branches on a profile id.
import type { RequestTypeKey } from '@shared/vocabulary/request-types'
import type { StaffRole } from '@shared/vocabulary/units'
import type { LocalDate } from '@shared/time'
import type { SourceLabel } from './sources'

export const PROFILE_IDS = [
  'national',
  'jiaozuo-12345',
  'tianjin-12369',
  'chongqing-jiulongpo',
  'haidong',
] as const
export type ProfileId = (typeof PROFILE_IDS)[number]

export function isProfileId(value: string): value is ProfileId {
  return (PROFILE_IDS as readonly string[]).includes(value)
}

/** The documents (S0–S4, 条例 …) and how they are cited: ./sources.ts. */
export { LEGAL_SOURCES } from './sources'

export type DayUnit = 'working' | 'natural'

/**
 * The clocks a case can run. A `duty` is a limit on the bureau (competing rules: the earliest date wins); a
 * `window` is a period the reporter has to act in (competing rules: the longest wins, a right is never cut
 * short by a stricter-looking local text).
 */
export const CLOCK_KINDS = {
  acceptance: { label: '受理告知', nature: 'duty' },
  assignment: { label: '交办', nature: 'duty' },
  'transfer-out': { label: '转办（非本部门职责/其他行政区）', nature: 'duty' },
  investigation: { label: '调查核实', nature: 'duty' },
  'initial-opinion': { label: '初办意见', nature: 'duty' },
  /** Set by a rectification plan's own deadline (S0 第七条(二)), not by a period of the profile: ORDERED_CLOCKS. */
  rectification: { label: '整改期限', nature: 'duty' },
  handling: { label: '办结答复', nature: 'duty' },
  'review-window': { label: '复查申请期', nature: 'window' },
  review: { label: '复查意见', nature: 'duty' },
  're-review-window': { label: '复核申请期', nature: 'window' },
  're-review': { label: '复核意见', nature: 'duty' },
  'return-visit': { label: '回访', nature: 'duty' },
} as const satisfies Record<string, { label: string; nature: 'duty' | 'window' }>

export type ClockKind = keyof typeof CLOCK_KINDS
export type ClockNature = (typeof CLOCK_KINDS)[ClockKind]['nature']
export const CLOCK_KIND_KEYS = Object.keys(CLOCK_KINDS) as ClockKind[]

/**
 * The bureau's steps before the reply, in order: a step is never due after a later step that was already
 * counting when it started, whichever rule set each date (where several limits bind, the stricter wins). So
 * 受理告知 and 交办 are never due after 办结答复 (S0's 10 working days from receipt bind acceptance too), and a case
 * to be verified on site the same day (立即现场处置, S2 第十二条) is accepted and assigned that day. A later step that
 * counts from this one's completion (交办 from 受理) is its consequence, not its limit. Each step lists every later
 * one (an intermediate step may not have started yet) and comes before them in CLOCK_KINDS.
 */
export const CLOCK_PRECEDES = {
  acceptance: ['assignment', 'investigation', 'initial-opinion', 'handling'],
  assignment: ['investigation', 'initial-opinion', 'handling'],
  'transfer-out': ['handling'],
  investigation: ['handling'],
  'initial-opinion': ['handling'],
} as const satisfies Partial<Record<ClockKind, readonly ClockKind[]>>

/** The moment a clock counts from (its day is not counted). */
export type ClockStart =
  | 'received' // the report reached the bureau (work order received, message submitted)
  | 'accepted' // 受理
  | 'out-of-remit-found' // found to belong to another department or region (S3 第十条: 确定所属行政区起)
  | 'replied' // written reply sent to the reporter
  | 'review-requested' // 复查 request received
  | 'review-decided' // 复查意见 sent
  | 're-review-requested' // 复核 request received
  | 'rectification-ordered' // 责令整改: a plan with its own deadline (S0 第七条(二))

/** Facts of a case a rule can depend on. An absent field matches any case. */
export interface ClockCondition {
  requestTypes?: readonly RequestTypeKey[]
  /** 重要/重点 cases (S2 第十条, S4 四(二)). */
  important?: boolean
  /** 突发环境事件 or risk of a mass incident, night construction noise (S3 第九条(五), S2 第十二条). */
  emergency?: boolean
  /** Handed down by a superior channel (上级交办/转办: 12345, 督查平台…, S2 第十四条(二)). */
  referred?: boolean
}

export interface ClockRule {
  clock: ClockKind
  from: ClockStart
  /** 0 means the same day. */
  days: number
  unit: DayUnit
  /**
   * Natural-day periods ending on a rest day end on the next working day (民法典 第二百零三条). Set to false only
   * where the seed requires action on the day whatever it is (a 24-hour duty rota, 立即).
   */
  rollOverRestDays?: false
  when?: ClockCondition
  /** Seed label and article, e.g. `S2 第十五条`. */
  basis: string
  /** Why the rule reads the seed this way, where the text is ambiguous. */
  note?: string
}

/** 催办: a reminder some working days before a clock's due date. */
export interface ReminderRule {
  clock: ClockKind
  workingDaysBefore: number
  basis: string
}

/** 延期: extending the handling clock. Natural days, added to the last day of the original period. */
export interface ExtensionRule {
  /** Total over all extensions; null = no cap stated. */
  maxDays: number | null
  /** Who approves (本级负责人). */
  approverRoles: readonly StaffRole[]
  /** Applied for before the due date (S3 第十一条 在办结日期前). */
  mustRequestBeforeDue: boolean
  /** The reporter is told the reason (S3 第十一条, S4 四(四)). */
  notifyReporter: boolean
  basis: string
}

export type ApprovalStep = 'office-head' | 'leader'

/** Who approves a reply before it is sent, in order. */
export interface ReplyApprovalRule {
  chain: readonly [ApprovalStep, ...ApprovalStep[]]
  basis: string
}

export interface ReviewRule {
  /** After a 复查 opinion the reporter may ask for another 复查 by the same unit (S4 四(五) 直至信访人满意). */
  sameUnitLoop: boolean
  basis: string
}

/** One retention period: natural days after an event of the case's life, with what it rests on. */
export interface RetentionPeriod {
  days: number
  basis: string
  note?: string
  /**
   * The seeds set no period: the number is a decision of this profile (listed in its `decisions`), to be set by
   * the bureau's own archive and confidentiality rules — change it here, in a new profile version.
   */
  decision?: true
}

/**
 * How long a case's records are kept as they are (S3 第二十四条 资料存档): an ended case is archived once its
 * review windows have closed and `archive.days` have passed since its last step; the sealed reporter identity and
 * contact (name, phone, an anonymous report's query code) are destroyed `reporterIdentity.days` after archiving.
 * The case itself stays, with the masked name and 已销毁 in place of what was destroyed.
 */
export interface RetentionRule {
  archive: RetentionPeriod
  reporterIdentity: RetentionPeriod
}

/** A decision on an ambiguous seed: what was decided and why. Each is exercised by a test. */
export interface PolicyDecision {
  topic: string
  decision: string
  reason: string
}

export interface PolicyProfile {
  id: ProfileId
  /** Increases with every change of rules; a case keeps the version in effect when it was received. */
  version: number
  effectiveFrom: LocalDate
  /** Where the effective date comes from, when the seed leaves it uncertain. */
  effectiveNote?: string
  name: string
  sources: readonly SourceLabel[]
  /** The national profile this one sits on: applies where this one is silent; the stricter limit wins. */
  baseline: { id: 'national'; version: number } | null
  clocks: readonly ClockRule[]
  reminders: readonly ReminderRule[]
  /** Omitted: the baseline's. Fields given here combine with the baseline's, the stricter winning. */
  extension?: Partial<ExtensionRule> & { basis: string }
  replyApproval?: ReplyApprovalRule
  review?: ReviewRule
  /**
   * Omitted: the baseline's. A period given here combines with the baseline's, the shorter winning (records are
   * archived as soon as either text asks, and personal data kept no longer than either allows).
   */
  retention?: Partial<RetentionRule>
  /** Non-acceptance reasons only this jurisdiction has (S1 第六条's narrow scope). */
  extraNonAcceptanceReasons?: readonly NonAcceptanceReasonKey[]
  decisions: readonly PolicyDecision[]
}

/** 不予受理 reasons; always recorded with guidance for the reporter (S3 第九条). */
export const NON_ACCEPTANCE_REASONS = {
  'no-valid-evidence': {
    label: '未提供有效证据线索，经一次性告知后仍未补充或补充内容无效',
    basis: 'S3 第九条(一)',
    scope: 'all',
  },
  'legal-proceedings': {
    label: '应当通过诉讼、仲裁、行政复议等法定途径解决或已进入上述程序',
    basis: 'S3 第九条(二); S2 第十四条',
    scope: 'all',
  },
  'statutory-duty-application': {
    label: '申请行政机关履行法定职责，应书面向有关机关提出',
    basis: 'S3 第九条(三)',
    scope: 'all',
  },
  'outside-remit': { label: '不属生态环境部门职权范围', basis: 'S3 第九条(六); S2 第十四条', scope: 'all' },
  'already-in-progress': {
    label: '同一事项已经受理或正在办理',
    basis: 'S2 第十四条',
    scope: 'all',
  },
  'finally-decided': {
    label: '复核终结后以同一事实和理由再次提出',
    basis: 'S2 第十九条; 条例 第三十六条',
    scope: 'all',
  },
  'outside-channel-scope': {
    label: '不属本渠道受理范围（工业企业超标排放大气、水、噪声污染物及危险废物违法行为以外的事项）',
    basis: 'S1 第六条',
    scope: 'profile',
  },
} as const satisfies Record<string, { label: string; basis: string; scope: 'all' | 'profile' }>

export type NonAcceptanceReasonKey = keyof typeof NON_ACCEPTANCE_REASONS
export const NON_ACCEPTANCE_REASON_KEYS = Object.keys(NON_ACCEPTANCE_REASONS) as NonAcceptanceReasonKey[]
