// The upper level's oversight of a case, beyond the flags the timer and the intake set (催办, 督办 on overdue or
// repeated reports, oversight.ts): the 督办单 with its own time limit and its result check (S3 第十五条), the
// 抽查 of a closed case (S3 第十四条, S0 第九条, S2 第二十二条) whose finding can order it redone, and a leader
// taking a key case in personal charge (领导包案, S2 第八条; S4 五(二)).
import { ask } from '../../vocabulary/form'
import { SUPERVISION_REASONS } from '../grounds'
import { defineEvent, NOT_SHOWN } from './define'

/**
 * S3 第十五条: 上级…发现督办结果内容不全或者事实不清的，可以退回下级重新办理. The two grounds a supervisor sends a
 * 督办 result back on.
 */
export const SUPERVISION_SEND_BACK_REASONS = {
  incomplete: { label: '督办结果内容不全', basis: 'S3 第十五条' },
  unclear: { label: '事实不清', basis: 'S3 第十五条' },
} as const

/** S3 第十四条: 抽查…发现办理不规范的，应要求改正或重新办理. */
export const SPOT_CHECK_FINDINGS = {
  compliant: { label: '办理规范', basis: 'S3 第十四条' },
  irregular: { label: '办理不规范（须改正或重新办理）', basis: 'S3 第十四条' },
} as const

// S3 第十五条: 下级…应当按照督办的时限要求办结和上报. A person's 督办 is internal: the reporter is not told.
export const ISSUE_SUPERVISION_ORDER = defineEvent('issue-supervision-order', {
  label: '下达督办单',
  tone: 'warn',
  fields: {
    reason: ask.choice('督办情形', SUPERVISION_REASONS),
    instructions: ask.text('督办要求', 2000),
    dueDate: ask.date('办结上报期限'),
  },
  reporter: NOT_SHOWN,
})

// S3 第十五条: 办结结果应包含督办事项说明、查处情况、处理意见 — the three parts, each required.
export const REPORT_SUPERVISION_RESULT = defineEvent('report-supervision-result', {
  label: '上报督办结果',
  tone: 'step',
  fields: {
    result: ask.group('督办结果', {
      matter: ask.text('督办事项说明', 1000, { min: 4 }),
      investigation: ask.text('查处情况', 2000, { min: 4 }),
      opinion: ask.text('处理意见', 2000, { min: 4 }),
    }),
  },
  reporter: NOT_SHOWN,
})

export const ACCEPT_SUPERVISION_RESULT = defineEvent('accept-supervision-result', {
  label: '督办结果审核通过',
  tone: 'done',
  fields: { note: ask.optionalText('审核意见', 500) },
  reporter: NOT_SHOWN,
})

export const SEND_BACK_SUPERVISION_RESULT = defineEvent('send-back-supervision-result', {
  label: '退回督办结果',
  tone: 'warn',
  fields: {
    reason: ask.choice('退回理由', SUPERVISION_SEND_BACK_REASONS),
    note: ask.text('退回说明', 1000),
    dueDate: ask.date('重新上报期限'),
  },
  reporter: NOT_SHOWN,
})

// S3 第十四条 抽查; its redo order is `reopen` (重新办理), legal once the check found a problem.
export const RECORD_SPOT_CHECK = defineEvent('record-spot-check', {
  label: '录入抽查结果',
  tone: 'step',
  fields: {
    finding: ask.choice('抽查结论', SPOT_CHECK_FINDINGS),
    problemRecurred: ask.yesNo('问题是否反弹'),
    note: ask.text('抽查情况', 2000),
  },
  reporter: NOT_SHOWN,
})

// S2 第八条 明确包案领导; S4 五(二) 对重点信访…实行领导包案: the leader takes the case in personal charge.
export const TAKE_LEADER_CASE = defineEvent('take-leader-case', {
  label: '领导包案',
  tone: 'warn',
  fields: { note: ask.optionalText('包案说明', 500) },
  reporter: NOT_SHOWN,
})
