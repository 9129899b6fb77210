// 焦作 whistleblower rewards. S0 第十二条 encourages real-name reports, insiders above all, and rewards true reports
// that meet the reward conditions "按有关规定" — rules it does not name, and no Henan or Jiaozuo measure with
// figures could be confirmed (domain-rules §6). The conditions follow S0 and the national guidance; every figure
// is a placeholder, and anonymous reports are not rewarded until the bureau says otherwise.
import type { RewardRules } from '../../rewards'
import { NATIONAL_REWARD_CONDITIONS, PLACEHOLDER_REWARD_FIGURES } from '../national/rewards'

export const JIAOZUO_12345_REWARDS_V1 = {
  profileId: 'jiaozuo-12345',
  version: 1,
  effectiveFrom: '2024-01-01',
  name: '焦作市生态环境违法行为有奖举报',
  scheme: {
    title: 'S0 第十二条所称“有关规定”（河南省、焦作市举报奖励办法）',
    known: 'not-found',
    note: '河南省、焦作市的举报奖励办法文本未找到：条件按 S0 和国家指导意见，金额、倍数、上限和领奖期限均为暂定值',
  },
  offered: {
    value: true,
    basis: 'S0 第十二条：对举报内容真实且符合奖励条件的，按有关规定给予举报人奖励',
  },
  requestTypes: {
    value: ['report', 'complaint'],
    basis: 'S0 第十二条：举报生态环境违法行为',
    note: '投诉反映的污染问题经查实构成违法行为的，与举报同样对待；咨询、求助、意见、建议不涉及违法线索',
  },
  identity: {
    value: 'real-name',
    placeholder: true,
    note: 'S0 第十二条 提倡、鼓励实名举报，未规定匿名举报可否奖励；暂只奖励实名举报，待本局确认',
  },
  conditions: {
    ...NATIONAL_REWARD_CONDITIONS,
    'verified-true': { value: true, basis: 'S0 第十二条：举报内容真实' },
  },
  ...PLACEHOLDER_REWARD_FIGURES,
  insiderMultiplier: {
    value: 2,
    placeholder: true,
    note: 'S0 第十二条 特别鼓励企业内部人员实名举报，未定倍数；加倍参照山东鲁环发〔2023〕19号（据公开报道），待本局确认',
  },
  decisions: [
    {
      topic: 'S0 第十二条“按有关规定给予奖励”',
      decision: '按本档案的条件和暂定金额办理，金额标明为暂定值，奖励决定可在上限内改定并说明理由',
      reason: '所称“有关规定”未载明，河南省、焦作市办法文本未找到；不能把任何金额当作规定',
    },
  ],
} as const satisfies RewardRules
