// National baseline of whistleblower rewards. S3 第二十七条 lets each bureau introduce rewards "适时" — the national
// hotline runs no scheme of its own, so nothing is offered under this profile. The conditions every local scheme
// shares come from the national guidance 环办执法〔2020〕8号, known here from public summaries only; the figures
// are placeholders each local profile starts from until its bureau supplies its own.
import type { RewardRules } from '../../rewards'

const GUIDANCE = '环办执法〔2020〕8号'

/** The conditions the national guidance sets for every local scheme (as reported). */
export const NATIONAL_REWARD_CONDITIONS = {
  'verified-true': {
    value: true,
    basis: `${GUIDANCE}：举报内容属实，被举报对象明确、违法事实具体`,
    asReported: true,
  },
  'violation-confirmed': {
    value: true,
    basis: `${GUIDANCE}：经查证属实并依法作出行政处罚或处理决定的，给予奖励`,
    asReported: true,
  },
  'not-already-known': {
    value: true,
    placeholder: true,
    note: '多地办法（据公开报道）不奖励生态环境部门已掌握或媒体已报道的线索；本地规定待确认',
  },
  'first-valid-reporter': {
    value: true,
    placeholder: true,
    note: '多地办法（据公开报道）对同一违法行为只奖励最先有效举报的人；本地规定待确认',
  },
  'not-excluded': {
    value: true,
    placeholder: true,
    note: '云南德宏等地办法（据公开报道）排除负有监管职责的工作人员及其近亲属；本地规定待确认',
  },
} as const satisfies RewardRules['conditions']

/** Placeholder figures: modest round amounts, to be replaced by the bureau's own scheme. */
const placeholder = (value: number) =>
  ({ value, placeholder: true, note: '本地奖励标准文本未找到，金额为可配置的暂定值' }) as const

export const PLACEHOLDER_REWARD_FIGURES = {
  tiers: {
    'evading-supervision': placeholder(1000),
    'hazardous-waste': placeholder(1000),
    'exceeding-limits': placeholder(500),
    'no-permit': placeholder(500),
    'no-eia': placeholder(500),
    'major-incident': placeholder(2000),
    other: placeholder(200),
  },
  fineShare: { value: null, placeholder: true, note: '未见按罚款比例计奖的本地规定，暂不按罚款比例计奖' },
  insiderMultiplier: {
    value: 2,
    placeholder: true,
    note: `${GUIDANCE}（据公开报道）鼓励企业内部人员举报；加倍系参照山东鲁环发〔2023〕19号（据公开报道），本地倍数待确认`,
  },
  cap: placeholder(10000),
  claimWindowDays: {
    value: 90,
    placeholder: true,
    note: '多地办法（据公开报道）规定逾期未领视为放弃，期限不一；暂定自违法行为确认之日起 90 日',
  },
} as const satisfies Pick<
  RewardRules,
  'tiers' | 'fineShare' | 'insiderMultiplier' | 'cap' | 'claimWindowDays'
>

export const NATIONAL_REWARDS_V1 = {
  profileId: 'national',
  version: 1,
  effectiveFrom: '2022-05-01',
  name: '全国基线（无本级奖励办法）',
  scheme: {
    title: `生态环境违法行为举报奖励指导意见（${GUIDANCE}）`,
    known: 'as-reported',
    note: '国家层面只作指导，奖励金额由地方按违法行为类型、发现难度、危害和影响程度确定，可给予非现金荣誉奖励',
  },
  offered: {
    value: false,
    basis: 'S3 第二十七条：各级生态环境主管部门可适时推行有奖举报',
    note: '全国热线办法只授权地方推行有奖举报，本级不设奖励',
  },
  requestTypes: {
    value: ['report', 'complaint'],
    basis: `${GUIDANCE}：奖励举报生态环境违法行为`,
    asReported: true,
    note: '举报和投诉都反映具体的生态环境违法行为；咨询、求助、意见、建议不涉及违法线索',
  },
  identity: {
    value: 'real-name',
    placeholder: true,
    note: `${GUIDANCE}（据公开报道）鼓励实名举报；是否奖励匿名举报由地方规定`,
  },
  conditions: NATIONAL_REWARD_CONDITIONS,
  ...PLACEHOLDER_REWARD_FIGURES,
  decisions: [],
} as const satisfies RewardRules
