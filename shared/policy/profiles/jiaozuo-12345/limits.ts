// 焦作 12345 hotline (S0, draft). S0 sets the handling limit per request type and leaves acceptance, assignment
// and extension to "及时": there the national baseline applies.
import type { PolicyProfile } from '../../types'

const handlingFromReceipt = {
  note: '自收到 12345 平台派发工单之日起算：热线工单时限从派单起算，分局实行 24 小时值班（S0 第五条），从受理起算会让迟延受理延长办理期限',
} as const

export const JIAOZUO_12345_V1 = {
  id: 'jiaozuo-12345',
  version: 1,
  effectiveFrom: '2024-01-01',
  effectiveNote:
    'S0 为征求意见稿，“自印发之日起施行”（第二十条）而印发日期未定；取其依据文件焦政办〔2024〕11号所在年度',
  name: '焦作市 12345 热线生态环境问题举报投诉',
  sources: ['S0'],
  baseline: { id: 'national', version: 1 },
  clocks: [
    {
      clock: 'handling',
      from: 'received',
      days: 3,
      unit: 'working',
      when: { requestTypes: ['consult'] },
      basis: 'S0 第七条(四)',
      ...handlingFromReceipt,
    },
    {
      clock: 'handling',
      from: 'received',
      days: 5,
      unit: 'working',
      when: { requestTypes: ['help', 'opinion', 'suggestion'] },
      basis: 'S0 第七条(四)',
      ...handlingFromReceipt,
    },
    {
      clock: 'handling',
      from: 'received',
      days: 10,
      unit: 'working',
      when: { requestTypes: ['complaint', 'report'] },
      basis: 'S0 第七条(四)',
      ...handlingFromReceipt,
    },
  ],
  reminders: [],
  decisions: [
    {
      topic: 'S0 第七条(四) 3/5/10 个工作日的起算',
      decision: '自收到平台派发的工单之日起算（起算日不计入）',
      reason:
        '12345 工单时限从派单起算；S0 第五条要求 24 小时值班及时受理，从受理起算会让迟延受理延长办理期限',
    },
    {
      topic: '受理、转办的时限',
      decision: 'S0 只写“及时”，适用全国基线：受理 15 日（S3 第九条），交办 3 个工作日（S3 第十条）',
      reason: '“及时”没有可计算的期限；办结时限（最短 3 个工作日）本身已约束受理和交办',
    },
    {
      topic: '延期',
      decision:
        'S0 只要求“及时申请延期”，上限、审批人适用全国基线：合计不超过 30 日，分管领导批准，到期前申请',
      reason: '本地未规定之处适用全国基线',
    },
  ],
} as const satisfies PolicyProfile
