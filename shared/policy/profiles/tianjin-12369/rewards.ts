// 天津 whistleblower rewards. S1 (the 2015 WeChat channel rules) has no article on rewards, and no Tianjin measure
// with figures could be confirmed (domain-rules §6). Rewards are offered on the strength of the national guidance
// (as reported), which asks local bureaus to set up reward schemes; everything local is a placeholder.
import type { RewardRules } from '../../rewards'
import { NATIONAL_REWARDS_V1 } from '../national/rewards'

export const TIANJIN_12369_REWARDS_V1 = {
  ...NATIONAL_REWARDS_V1,
  profileId: 'tianjin-12369',
  effectiveFrom: '2015-06-17',
  name: '天津市生态环境违法行为有奖举报（暂定规则）',
  scheme: {
    title: '天津市生态环境违法行为举报奖励办法',
    known: 'not-found',
    note: 'S1 未规定举报奖励，天津市办法文本未找到：条件按国家指导意见，其余均为暂定值',
  },
  offered: {
    value: true,
    placeholder: true,
    note: 'S1 未规定举报奖励；国家指导意见环办执法〔2020〕8号（据公开报道）要求地方建立举报奖励制度，暂按提供奖励设置',
  },
  decisions: [
    {
      topic: 'S1 未规定举报奖励',
      decision: '提供有奖举报，条件按国家指导意见，金额等均为暂定值',
      reason: '国家指导意见（据公开报道）要求各地建立举报奖励制度；不提供会让举报人失去本应有的奖励',
    },
  ],
} as const satisfies RewardRules
