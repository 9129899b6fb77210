// 重庆九龙坡 环境信访 (S2, 2022). Acceptance notice in 3/5 working days (第十五条), reply in 15/30 日 by
// importance (第十七条), reminder 3 working days before due (第十八条), 复查/复核 30+30 (第十九条), deemed closed
// after 30 日 without objection (第二十条). 第二十六条: "日" means natural days.
import type { PolicyProfile } from '../../types'

const fromAcceptance = {
  note: '自受理之日起算：第十七条位于受理（第十五条）、交办（第十六条）之后，条例亦自受理之日起算办理期限',
} as const

export const CHONGQING_JIULONGPO_V1 = {
  id: 'chongqing-jiulongpo',
  version: 1,
  effectiveFrom: '2022-01-01',
  effectiveNote:
    'S2 经2022年第6次行政办公会审议通过、自印发之日起实施（第二十七条），原文未载印发日期，取 2022 年初',
  name: '重庆市九龙坡区生态环境局环境信访',
  sources: ['S2'],
  baseline: { id: 'national', version: 1 },
  clocks: [
    {
      clock: 'acceptance',
      from: 'received',
      days: 3,
      unit: 'working',
      when: { referred: false },
      basis: 'S2 第十五条',
      note: '直接提出的信访事项：不能当场受理的，自收到之日起 3 个工作日内告知受理情况',
    },
    {
      clock: 'acceptance',
      from: 'received',
      days: 5,
      unit: 'working',
      when: { referred: true },
      basis: 'S2 第十五条',
      note: '上级交办、转办的事项：5 个工作日内书面告知受理情况或提出异议',
    },
    {
      clock: 'investigation',
      from: 'received',
      days: 0,
      unit: 'natural',
      rollOverRestDays: false,
      when: { emergency: true },
      basis: 'S2 第十二条',
      note: '夜间施工噪声、可能引发群体性事件的投诉应立即现场核实：24 小时值班，当天，休息日不顺延',
    },
    {
      clock: 'handling',
      from: 'accepted',
      days: 15,
      unit: 'natural',
      when: { important: true },
      basis: 'S2 第十七条',
      ...fromAcceptance,
    },
    {
      clock: 'handling',
      from: 'accepted',
      days: 30,
      unit: 'natural',
      when: { important: false },
      basis: 'S2 第十七条',
      ...fromAcceptance,
    },
    { clock: 'review-window', from: 'replied', days: 30, unit: 'natural', basis: 'S2 第十九条; S2 第二十条' },
    { clock: 'review', from: 'review-requested', days: 30, unit: 'natural', basis: 'S2 第十九条' },
    { clock: 're-review-window', from: 'review-decided', days: 30, unit: 'natural', basis: 'S2 第十九条' },
    {
      clock: 're-review',
      from: 're-review-requested',
      days: 30,
      unit: 'natural',
      basis: 'S2 第十九条',
      note: '原文“收到复查请求之日起30日…提出复核意见”，按复核请求理解（笔误）',
    },
  ],
  reminders: [{ clock: 'handling', workingDaysBefore: 3, basis: 'S2 第十八条' }],
  replyApproval: { chain: ['office-head', 'leader'], basis: 'S2 第十七条' },
  retention: {
    archive: {
      days: 30,
      basis: 'S2 第二十条',
      note: '支队对已办结的信访件“及时归档”：视为办结（30 日无异议）之后，与全国基线同为 30 日',
    },
  },
  decisions: [
    {
      topic: '第十七条 15 日/30 日的起算',
      decision: '自受理之日起算的自然日',
      reason: '第二十六条：“日”为自然日；受理在前（第十五条），条例亦自受理起算',
    },
    {
      topic: '第十六条“受理后第一时间交相关科室承办”',
      decision: '无可计算的期限，交办适用全国基线 3 个工作日（S3 第十条）为最迟期限',
      reason: '“第一时间”不能换算为日数；基线给出可考核的上限',
    },
    {
      topic: '第十九条第二款复核期限',
      decision: '复核意见自收到复核请求之日起 30 日内提出',
      reason: '原文“收到复查请求之日起30日”位于复核一句中，系笔误；条例 第三十六条 同样自收到复核请求起算',
    },
    {
      topic: '第十八条催办',
      decision: '办结答复期限到期前 3 个工作日发出催办提醒；逾期转督办',
      reason: '条文只针对“信访事项办理期限”，不用于其他时限',
    },
    {
      topic: '第十二条紧急事项',
      decision: '标记为紧急的事项（夜间施工噪声、可能引发群体性事件）当天现场核实，休息日不顺延',
      reason: '“应立即组织现场核实处置”，且同条实行 24 小时值班',
    },
  ],
} as const satisfies PolicyProfile
