// 重庆九龙坡 whistleblower rewards. S2 第九条 rewards eligible reporters under the district's own measures, which rest
// on Chongqing's 渝环规〔2025〕1号. That text is known from public summaries only (domain-rules §6): anonymous
// reports may be rewarded (claimed with a code); 500 / 1,000 / 2,000 yuan by kind of violation, or a share
// (reported 5%) of the fine; up to 100,000 yuan for major environmental emergencies. Those figures are cited as
// reported; which kind of violation falls in which band, the insider multiplier and the claim window are not in
// the summaries and are placeholders.
import type { RewardRules } from '../../rewards'
import { NATIONAL_REWARD_CONDITIONS, PLACEHOLDER_REWARD_FIGURES } from '../national/rewards'

const CQ = '渝环规〔2025〕1号'
const band = (value: 500 | 1000 | 2000) =>
  ({
    value,
    basis: `${CQ}：按违法行为类型给予 500 元、1000 元、2000 元奖励`,
    asReported: true,
    note: '公开报道未列明各类违法行为对应的档次，本档案的归档待本局确认',
  }) as const

export const CHONGQING_JIULONGPO_REWARDS_V1 = {
  profileId: 'chongqing-jiulongpo',
  version: 1,
  effectiveFrom: '2025-01-01',
  name: '重庆市九龙坡区生态环境违法行为有奖举报',
  scheme: {
    title: `《九龙坡区环境违法行为有奖举报办法》及重庆市${CQ}`,
    known: 'as-reported',
    note: `${CQ} 的条文据公开报道整理，金额标明“据公开报道”；档次归类、内部人员倍数和领奖期限为暂定值`,
  },
  offered: {
    value: true,
    basis: 'S2 第九条：按《九龙坡区环境违法行为有奖举报办法》，按程序对符合条件的投诉人予以奖励',
  },
  requestTypes: {
    value: ['report', 'complaint'],
    basis: 'S2 第九条：对符合条件的投诉人予以奖励',
    note: '投诉和举报都可获奖；咨询、求助、意见、建议不涉及违法线索',
  },
  identity: {
    value: 'real-name-or-claim-code',
    basis: `${CQ}：匿名举报可凭举报时取得的查询码领取奖励`,
    asReported: true,
  },
  conditions: NATIONAL_REWARD_CONDITIONS,
  tiers: {
    'evading-supervision': band(2000),
    'hazardous-waste': band(2000),
    'exceeding-limits': band(1000),
    'no-permit': band(1000),
    'no-eia': band(1000),
    'major-incident': {
      ...band(2000),
      note: '重大突发环境事件最高可奖励 10 万元（据公开报道）：按表计 2000 元，奖励管理员可在上限内改定并说明理由',
    },
    other: band(500),
  },
  fineShare: {
    value: 5,
    basis: `${CQ}：或按罚款金额的一定比例（报道为 5%）给予奖励`,
    asReported: true,
    note: '报道未说明比例奖励与档次奖励如何取舍：取两者中较高者',
  },
  insiderMultiplier: PLACEHOLDER_REWARD_FIGURES.insiderMultiplier,
  cap: {
    value: 100000,
    basis: `${CQ}：举报重大突发环境事件等的，最高奖励 10 万元`,
    asReported: true,
  },
  claimWindowDays: PLACEHOLDER_REWARD_FIGURES.claimWindowDays,
  decisions: [
    {
      topic: `${CQ} 档次奖励与罚款比例奖励的关系`,
      decision: '两者取较高者，再乘内部人员倍数，不超过上限',
      reason: '报道写作“或按罚款金额的一定比例”，未说明取舍；取高者不减少举报人应得的奖励',
    },
  ],
} as const satisfies RewardRules
