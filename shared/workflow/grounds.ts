// The tables a case's events choose from — where a report came in, the grounds for listing a case as
// important, for 督办, 提级办理 and 领导包案, the outcomes of a 复查 — each option with its label and the article
// it rests on. The event catalogue (catalogue/) asks for them; the transitions and guards read them.
/** Where a report came in. */
export const INTAKE_CHANNELS = {
  'mini-program': '绿哨小程序',
  'wechat-12369': '12369 微信公众号',
  'hotline-12369': '12369 热线',
  'hotline-12345': '12345 热线工单',
  web: '网络举报平台',
  letter: '来信',
  visit: '来访',
  // Staff registration of what came in by other ways (S2 第十四条(一)(二); S4 四(一) 当天登记受理) and the
  // national network platform's orders (S3 第三条、第四条): shared/intake/channels.ts says who enters which.
  phone: '来电',
  'leader-instruction': '领导批示',
  referral: '上级交办或部门转办',
  'platform-12369': '全国12369联网平台',
} as const
export type IntakeChannel = keyof typeof INTAKE_CHANNELS

/** Grounds for listing a case as important (重要/重点). */
export const IMPORTANT_CASE_GROUNDS = {
  'leader-instruction': { label: '领导批示或上级交办', basis: 'S2 第十条(一); S4 四(二)' },
  'extreme-behaviour': { label: '信访人有极端言行', basis: 'S2 第十条(二)' },
  'joint-report': { label: '联名反映严重环境污染', basis: 'S2 第十条(三)' },
  'cross-district': { label: '跨区污染纠纷或典型案件', basis: 'S2 第十条(四)' },
  'bureau-misconduct': {
    label: '反映生态环境部门及其工作人员不作为、乱作为或违规违纪',
    basis: 'S2 第十条(五)(六)',
  },
  'major-pollution': { label: '重大环境污染、重要生态破坏', basis: 'S4 四(二)' },
  'many-affected': { label: '涉及范围大、人数多或群众反映集中', basis: 'S4 四(二)' },
  'sudden-event': { label: '突发生态环境事件或有群体性事件倾向', basis: 'S3 第九条(五)' },
  other: { label: '其他需请示办理的重要事项', basis: 'S2 第十条(七)' },
} as const
export type ImportantCaseGround = keyof typeof IMPORTANT_CASE_GROUNDS

/** 督办 grounds (S3 第十五条) plus overdue (S2 第十八条). */
export const SUPERVISION_REASONS = {
  overdue: { label: '逾期未办结', basis: 'S2 第十八条' },
  'decision-not-implemented': { label: '办结后处理决定未得到落实', basis: 'S3 第十五条(一)' },
  'repeated-reports': { label: '问题久拖不决，公众反复举报', basis: 'S3 第十五条(二)' },
  falsified: { label: '办理时弄虚作假', basis: 'S3 第十五条(三)' },
  'procedure-violated': { label: '未按照规定程序办理', basis: 'S3 第十五条(四)' },
  other: { label: '其他需要督办的情形', basis: 'S3 第十五条(五)' },
} as const
export type SupervisionReason = keyof typeof SUPERVISION_REASONS

/** 提级办理 grounds. */
export const ESCALATION_REASONS = {
  'repeat-reports': { label: '重复举报 3 次以上', basis: 'S0 第十一条' },
  'key-case': { label: '重点信访案件直办', basis: 'S4 四(二)' },
  'beyond-authority': { label: '超出本级管理权限', basis: 'S1 第八条' },
} as const
export type EscalationReason = keyof typeof ESCALATION_REASONS

/**
 * 领导包案 grounds. S2 第八条: these matters are 列入局领导包案范围; the 支队 draws up the plan that names the
 * leader and the responsible office, approved by the 党组. S4 五(二): key cases (重点信访) are led by leaders too.
 */
export const LEADER_CASE_GROUNDS = {
  'superior-referral': { label: '上级交办的重要信访事项', basis: 'S2 第八条' },
  backlog: { label: '信访积案（同一问题反复信访）', basis: 'S2 第八条' },
  'wide-impact': { label: '牵涉面广或政策性强', basis: 'S2 第八条' },
  'incident-risk': { label: '可能引发突发性或群体性事件', basis: 'S2 第八条' },
  'key-case': { label: '重点信访案件', basis: 'S4 五(二)' },
} as const
export type LeaderCaseGround = keyof typeof LEADER_CASE_GROUNDS

/**
 * The events the intake's repeat count may set off, and the one ground each is then taken on: the only ground on
 * which the system itself may send it (any other needs a person's judgement). Which one a jurisdiction uses is
 * its intake policy's repeat action (shared/policy/intake.ts).
 */
export const REPEAT_GROUNDS = {
  // S0 第十一条: 重复举报3次以上的，实行提级办理.
  escalate: 'repeat-reports',
  // S3 第十五条(二) 问题久拖不决，公众反复举报; S1 第十四条 对重复举报的事项督促区县认真办理.
  supervise: 'repeated-reports',
  // S4 四(二): 群众反映集中的信访投诉属于重点信访案件.
  'mark-important': 'many-affected',
  // S2 第八条: 信访积案列入局领导包案范围.
  'list-leader-case': 'backlog',
} as const satisfies {
  escalate: EscalationReason
  supervise: SupervisionReason
  'mark-important': ImportantCaseGround
  'list-leader-case': LeaderCaseGround
}
export type RepeatEventType = keyof typeof REPEAT_GROUNDS

/** Where a case goes when transferred: unit — another handling unit of this bureau; region — another region's
 *  authority (S3 第十条); department — another government department (S1 第八条, S4 四(四)). */
export const TRANSFER_TARGETS = {
  unit: '本局其他承办单位',
  region: '其他行政区',
  department: '其他部门',
} as const

/** Why a case is not this bureau's (S0 第五条 退回, S3 第十条 转办). */
export const OUT_OF_REMIT_FINDINGS = {
  'other-department': '属其他部门职责',
  'other-region': '属其他行政区',
} as const

/** A 复查/复核 either upholds the handling opinion or changes it (条例 第三十五条、第三十六条). */
export const REVIEW_OUTCOMES = {
  upheld: '维持',
  revised: '变更',
} as const

/** 回访 by the handling unit (S0 第八条, S4 四(七)), 抽查 by the upper level (S3 第十四条, S2 第二十二条). */
export const RETURN_VISIT_KINDS = {
  'return-visit': '回访',
  'spot-check': '抽查',
} as const

/** Why a staff member steps aside from a case (回避): a direct interest in the matter or in the reporter. */
export const RECUSAL_GROUNDS = {
  'interest-in-matter': { label: '与反映事项有直接利害关系', basis: 'S2 第六条' },
  'interest-in-reporter': { label: '与反映人有直接利害关系', basis: 'S2 第六条' },
} as const

/** The disputes a case may be closed on by mediation, the parties agreeing to it (行政调解). */
export const MEDIATION_MATTERS = {
  administrative: { label: '与行政处罚、行政许可等行政行为有关的争议纠纷', basis: 'S2 第十一条' },
  'pollution-damages': { label: '生态损害赔偿、污染赔偿等民事纠纷', basis: 'S2 第十一条' },
} as const
export type MediationMatter = keyof typeof MEDIATION_MATTERS
