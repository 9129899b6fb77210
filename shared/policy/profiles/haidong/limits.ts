// 海东 生态环境领域信访 (S4, 2024). Same-day registration and acceptance, 3 日 to investigate, 3 日 for an initial
// opinion or a transfer, 60 日 to close (+30), 5 日 review loop, 5 日 return visit for key cases.
import type { PolicyProfile } from '../../types'

const naturalDays = {
  note: 'S4 未说明“3日”的含义，按自然日：同句的“60日内办结”即条例的自然日期限，S2 第二十六条亦同此通常理解',
} as const

export const HAIDONG_V1 = {
  id: 'haidong',
  version: 1,
  effectiveFrom: '2024-02-18',
  effectiveNote: '东政办〔2024〕17号 印发日',
  name: '海东市生态环境领域信访',
  sources: ['S4'],
  baseline: { id: 'national', version: 1 },
  clocks: [
    {
      clock: 'acceptance',
      from: 'received',
      days: 0,
      unit: 'natural',
      basis: 'S4 四(一)',
      note: '“当天登记受理”；休息日收到的，顺延至下一个工作日（S4 未规定值班制度）',
    },
    {
      clock: 'investigation',
      from: 'accepted',
      days: 3,
      unit: 'natural',
      basis: 'S4 四(三)',
      ...naturalDays,
    },
    {
      clock: 'initial-opinion',
      from: 'accepted',
      days: 3,
      unit: 'natural',
      basis: 'S4 四(四)',
      ...naturalDays,
    },
    {
      clock: 'transfer-out',
      from: 'out-of-remit-found',
      days: 3,
      unit: 'natural',
      basis: 'S4 四(四)',
      note: '不属于本部门职责的，自认定之日起 3 日内转办并告知信访人（自然日）',
    },
    { clock: 'handling', from: 'accepted', days: 60, unit: 'natural', basis: 'S4 四(四)' },
    {
      clock: 'review',
      from: 'review-requested',
      days: 5,
      unit: 'natural',
      basis: 'S4 四(五)',
      note: '复查时限为 5 日（自然日），复查后再次答复',
    },
    {
      clock: 'return-visit',
      from: 'replied',
      days: 5,
      unit: 'natural',
      when: { important: true },
      basis: 'S4 四(七)',
      note: '重点信访案件办结 5 日内回访；“办结”指答复发出（S4 四(六) 办结后即形成办结报告）',
    },
  ],
  reminders: [],
  extension: { maxDays: 30, notifyReporter: true, basis: 'S4 四(四)' },
  review: { sameUnitLoop: true, basis: 'S4 四(五)' },
  decisions: [
    {
      topic: 'S4“3日”是自然日还是工作日',
      decision: '自然日（最后一日是休息日的顺延至下一个工作日）',
      reason: '未写“工作日”；同句“60日内办结”是条例的自然日期限；S2 第二十六条 亦同此理解',
    },
    {
      topic: '海东适用哪种复查模式',
      decision:
        '两者并存：条例 第三十五条、第三十六条 的 30 日申请期和复核权利保留；复查意见适用 S4 的 5 日（更严），同一单位可在申请期内再次复查直至满意',
      reason: '市政府文件不能取消条例赋予信访人的复查、复核权利；S4 的 5 日只是更短的办理期限',
    },
    {
      topic: '“当天登记受理”遇休息日',
      decision: '当天受理；休息日收到的，于下一个工作日受理',
      reason: 'S4 未规定 24 小时值班；民法典 第二百零三条 类推',
    },
    {
      topic: '回访的起算',
      decision: '重点案件自答复发出之日起 5 日内回访',
      reason: 'S4 四(六) 办结即形成办结报告并公示，办结指办理完毕答复信访人，而非 30 日异议期届满',
    },
    {
      topic: '地方休息日',
      decision:
        '海东各民族自治县的民族节日（如古尔邦节、开斋节）由部署配置按当年地方政府通知录入，本档案不预置日期',
      reason: '全国年节及纪念日放假办法 第四条：由民族聚居地区地方人民政府规定，日期逐年公布',
    },
  ],
} as const satisfies PolicyProfile
