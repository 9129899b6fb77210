// The ways a report comes in besides the mini-program, and what each means at registration. A staff member
// registers what arrives by phone, letter or visit, a leader's instruction and a referral (S2 第十四条(一)(二);
// S4 四(一) 当天登记受理，记录姓名、联系方式和反映内容); a platform's work orders come in by import or push
// (S0 第五条, S3 第四条). The labels are INTAKE_CHANNELS'.
import { IMPORTANT_CASE_GROUNDS, type IntakeChannel } from '../workflow/grounds'

/** What a staff member may register a report from, in the order the form offers them. */
export const STAFF_CHANNELS = [
  'phone',
  'letter',
  'visit',
  'leader-instruction',
  'referral',
  'hotline-12345',
  'hotline-12369',
  'wechat-12369',
  'web',
  'platform-12369',
] as const satisfies readonly IntakeChannel[]
export type StaffChannel = (typeof STAFF_CHANNELS)[number]

/**
 * Channels whose source must be named (the 交办渠道: who instructed or referred it): the leader and the
 * instruction, the superior body or department that handed it down (S2 第十四条(二), 第十五条第二款).
 */
export const CHANNELS_NAMING_SOURCE: readonly StaffChannel[] = ['leader-instruction', 'referral']

/** A leader's instruction makes the case important from its registration (S2 第十条(一)). */
export const IMPORTANT_BY_CHANNEL: Partial<Record<StaffChannel, { basis: string }>> = {
  'leader-instruction': { basis: IMPORTANT_CASE_GROUNDS['leader-instruction'].basis },
}

// ---------- what goes back to a platform ----------

/** The kinds of feedback a platform gets for its order. */
export const FEEDBACK_KINDS = {
  result: '办理结果',
  returned: '退回（非本部门职责或非本辖区）',
  'not-accepted': '不予受理',
  merged: '合并办理',
} as const
export type FeedbackKind = keyof typeof FEEDBACK_KINDS

/**
 * When a platform's order is answered back, by the state its case enters, and the article: the result when it
 * closes (S0 第七条(三) 双反馈 — 向热线平台反馈调查情况、处理意见、佐证材料、办理结果、承办单位及承办人); the return
 * of an order not the bureau's (S0 第五条 按规定程序及时向平台反馈并退回; for a referred one, the objection of
 * S2 第十五条); a refusal with its reason (S3 第九条); a merge into the same matter (S3 第九条(四)).
 */
export const FEEDBACK_ON = {
  closed: { kind: 'result', basis: 'S0 第七条(三)' },
  'transferred-out': { kind: 'returned', basis: 'S0 第五条; S2 第十五条' },
  'not-accepted': { kind: 'not-accepted', basis: 'S3 第九条; S0 第七条(三)' },
  merged: { kind: 'merged', basis: 'S3 第九条(四)' },
} as const satisfies Record<string, { kind: FeedbackKind; basis: string }>

/** A referred order that is not the bureau's is objected to within 5 working days of its receipt. */
export const REFERRAL_OBJECTION = { workingDays: 5, basis: 'S2 第十五条' } as const
