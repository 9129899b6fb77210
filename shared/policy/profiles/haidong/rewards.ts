// 海东 whistleblower rewards. S4 五(四) puts Qinghai's reward measures (青生发〔2023〕163号) into effect and has the
// city's finance bureau fund them; the text of those measures was not found (domain-rules §6), so every Haidong
// figure is a marked placeholder until the bureau supplies it.
import type { RewardRules } from '../../rewards'
import { NATIONAL_REWARDS_V1 } from '../national/rewards'

export const HAIDONG_REWARDS_V1 = {
  ...NATIONAL_REWARDS_V1,
  profileId: 'haidong',
  effectiveFrom: '2024-02-18',
  name: '海东市生态环境违法行为有奖举报',
  scheme: {
    title: '青海省生态环境违法行为举报奖励办法（试行）（青生发〔2023〕163号）',
    known: 'not-found',
    note: '办法文本未找到：条件按国家指导意见，金额、倍数、上限和领奖期限均为暂定值，待市生态环境局提供',
  },
  offered: {
    value: true,
    basis: 'S4 五(四)：全面落实《青海省生态环境违法行为举报奖励办法（试行）》，市生态环境局组织实施举报奖励',
  },
  decisions: [
    {
      topic: '青生发〔2023〕163号的奖励条件和标准',
      decision: '条件按国家指导意见，金额等按暂定值，标明为暂定',
      reason: 'S4 五(四) 只援引该办法，办法文本未找到',
    },
  ],
} as const satisfies RewardRules
