// 天津 12369 WeChat reports (S1, 2015). Narrow scope (第六条), 2 working days to confirm (第七条), 60 日 to close
// with at most 30 日 extension (第十二条), the leader in charge approves every reply (第十一条).
import type { PolicyProfile } from '../../types'

export const TIANJIN_12369_V1 = {
  id: 'tianjin-12369',
  version: 1,
  effectiveFrom: '2015-06-17',
  effectiveNote: 'S1 第十九条“自印发之日起实施”，印发日 2015年6月17日',
  name: '天津市“12369”环保微信举报',
  sources: ['S1'],
  baseline: { id: 'national', version: 1 },
  clocks: [
    {
      clock: 'acceptance',
      from: 'received',
      days: 2,
      unit: 'working',
      basis: 'S1 第七条',
      note: '“在2个工作日内对接收的举报事项进行确认处理”：确认即决定受理并录入平台',
    },
    {
      clock: 'handling',
      from: 'received',
      days: 2,
      unit: 'working',
      when: { requestTypes: ['consult', 'help', 'opinion', 'suggestion'] },
      basis: 'S1 第七条',
      note: '咨询类、建议类等事项在确认处理时录入答复意见，答复期限即确认期限',
    },
    {
      clock: 'handling',
      from: 'accepted',
      days: 60,
      unit: 'natural',
      when: { requestTypes: ['complaint', 'report'] },
      basis: 'S1 第十二条',
    },
  ],
  reminders: [],
  extension: { maxDays: 30, approverRoles: ['leader'], basis: 'S1 第十二条' },
  replyApproval: { chain: ['leader'], basis: 'S1 第十一条' },
  extraNonAcceptanceReasons: ['outside-channel-scope'],
  decisions: [
    {
      topic: 'S1 第七条“确认处理”',
      decision: '即受理告知时限：收到后 2 个工作日内决定是否受理',
      reason: '同条第二款“应及时予以受理，通过平台录入受理信息”紧随确认之后',
    },
    {
      topic: '咨询、建议等非举报事项的答复时限',
      decision: '在确认处理时一并答复，即收到后 2 个工作日内',
      reason: 'S1 第七条第三款：咨询类、建议类等事项“应及时通过平台录入答复意见”，属确认处理的内容',
    },
    {
      topic: 'S1 第十二条“60日”',
      decision: '自然日，自受理之日起算',
      reason: '条文写明“自受理之日起60日内办结”，与条例一致；未写工作日',
    },
    {
      topic: '答复审核',
      decision: '只需分管领导审核',
      reason: 'S1 第十一条“应由本部门分管领导审核，确认同意回复后”录入办结',
    },
  ],
} as const satisfies PolicyProfile
