// Intake-intelligence values per policy profile: duplicate radius and window per category, repeat-report
// threshold and window, early-warning N / R / T, importance and urgency rules. Every value carries its basis:
// the article it implements, or — where the seeds give no number — a documented decision (决定).
// The time-limit side of each profile lives in shared/policy; this module only holds intake values.
import type { CategoryKey } from '../contracts/categories'

import { isProfileId, PROFILE_IDS, type ProfileId } from '../policy/types'

/** Intake values exist for exactly the policy profiles (a profile added there must get its intake values). */
export const INTAKE_PROFILE_IDS = PROFILE_IDS
export type IntakeProfileId = ProfileId
export const isIntakeProfileId = isProfileId

/** Where a value comes from: an article (`cite`), a documented decision (`decision`), or both. */
export type Basis = { cite: string; decision?: string } | { cite?: string; decision: string }

/** The basis as one line: the article, then the decision. */
export const basisText = (b: Basis): string => [b.cite, b.decision].filter(Boolean).join('；')

/** Every field of T has a basis. */
export type WithBasis<T> = T & { basis: { [K in keyof T]: Basis } }

export interface ProximityWindow {
  radiusMetres: number
  windowDays: number
}

export type DuplicatePolicy = WithBasis<{
  /** A new report is a likely duplicate of an open case of its category within this distance and time. */
  byCategory: Record<CategoryKey, ProximityWindow>
}>

/**
 * What reaching the repeat threshold sets off (applied through the workflow as the system, shared/routing/
 * repeats.ts `repeatEvent`), with the words the staff who must act are given.
 */
export type RepeatAction =
  /** 提级办理: the handling unit's head leads the site visit, the higher (city) level supervises. */
  | { kind: 'escalate'; ledBy: string; supervision: string }
  /** 督办 by the supervising unit, with what the handling unit must do. */
  | { kind: 'supervise'; instructions: string }
  /** The case becomes an important (重点) case; `note` says what that entails here. */
  | { kind: 'important-case'; note: string }
  /** 领导包案: a bureau leader takes personal charge; `note` says how the leader is named. */
  | { kind: 'leader-case'; note: string }

/**
 * How reports on one target are counted: `reporter-days` — one per reporter per Shanghai calendar day (a problem
 * reported again on another day counts again); `reporters` — one per reporter (how many people report it).
 * Anonymous reports count one each either way.
 */
export type RepeatCounting = 'reporter-days' | 'reporters'

export type RepeatPolicy = WithBasis<{
  /** Reports on one target (counted as below) at which the action fires: "3次以上" includes 3. */
  threshold: number
  /** Only reports within this many days before the new one count. */
  windowDays: number
  /** Unnamed targets: reports of the category within this distance are the same place. */
  placeRadiusMetres: Record<CategoryKey, number>
  counting: RepeatCounting
  action: RepeatAction
}>

export interface WarningThreshold {
  /** N distinct reporters … */
  minReports: number
  /** … within R metres of the newest report … */
  radiusMetres: number
  /** … within T days. */
  windowDays: number
}

export type EarlyWarningPolicy = WithBasis<{ byCategory: Record<CategoryKey, WarningThreshold> }>

export const IMPORTANCE_RULES = {
  'leader-instruction': '领导批示',
  'central-referral': '中央转办',
  'extreme-behaviour': '信访人有极端言行',
  'joint-serious-pollution': '联名反映严重环境污染',
  'cross-district': '跨区污染纠纷',
  'typical-case': '环境污染典型案件',
  'bureau-inaction': '反映环保部门及其工作人员不作为、乱作为',
  'staff-misconduct': '反映环保部门工作人员违规违纪',
  'needs-instruction': '其他需请示办理的重要事项',
  'major-pollution': '重大环境污染',
  'major-ecological-damage': '重要生态破坏',
  'many-people-affected': '涉及范围大、人数多',
  'concentrated-reports': '群众反映集中',
  'major-social-impact': '可能造成重大社会影响',
  'sudden-environmental-event': '突发生态环境事件',
  'mass-incident-risk': '有群体性事件倾向',
  'strong-public-reaction': '群众反映强烈、可能造成恶劣影响',
  'night-construction-noise': '夜间施工噪声',
} as const
export type ImportanceRuleId = keyof typeof IMPORTANCE_RULES

export const INTAKE_EFFECTS = {
  important: '列为重要（重点）案件',
  immediate: '立即组织现场核实处置',
  'report-to-leadership': '第一时间向分管领导报告',
  'report-to-government': '及时报告本级政府和信访部门',
  'report-upward': '向上级业务部门和本级党委政府主要负责人报告',
  'city-coordination': '报请市级协调',
  'leader-case': '领导包案',
  'early-warning': '可向下级或属地政府预警',
} as const
export type IntakeEffect = keyof typeof INTAKE_EFFECTS

export type ImportanceRule = { rule: ImportanceRuleId; effects: IntakeEffect[] } & Basis

export type ImportancePolicy = WithBasis<{
  /** What this jurisdiction calls an important case. */
  label: string
  rules: ImportanceRule[]
  /** `many-people-affected` from this many people. */
  manyPeopleAffected: number
  /** `joint-serious-pollution` from this many signatories (联名 = two or more). */
  jointSignatories: number
  /** 夜间 on the Shanghai wall clock, `HH:mm`, from inclusive, to exclusive. */
  night: { from: string; to: string }
}>

export interface IntakePolicy {
  profileId: IntakeProfileId
  name: string
  duplicate: DuplicatePolicy
  repeat: RepeatPolicy
  earlyWarning: EarlyWarningPolicy
  importance: ImportancePolicy
}

// ---------- national baseline (S3) ----------

const DUPLICATE_WINDOWS: Record<CategoryKey, ProximityWindow> = {
  air: { radiusMetres: 1000, windowDays: 7 },
  water: { radiusMetres: 1000, windowDays: 7 },
  noise: { radiusMetres: 300, windowDays: 3 },
  'solid-waste': { radiusMetres: 300, windowDays: 14 },
  'hazardous-waste': { radiusMetres: 500, windowDays: 14 },
  radiation: { radiusMetres: 500, windowDays: 30 },
  ecology: { radiusMetres: 1000, windowDays: 30 },
  other: { radiusMetres: 200, windowDays: 7 },
}

const NATIONAL_DUPLICATE: DuplicatePolicy = {
  byCategory: DUPLICATE_WINDOWS,
  basis: {
    byCategory: {
      cite: 'S3 第九条(四)：举报事项已经受理但未办结，同一举报人或多名举报人再次提出同一举报事项的，可合并办理',
      decision:
        '距离和时间是决定：异味和水污染会扩散，举报人站在闻到、看到的地方而非污染源处，取 1000 m / 7 日；' +
        '噪声在街区内可闻且多为一时行为，取 300 m / 3 日；倾倒现场会留存，取 300 m / 14 日；' +
        '危废 500 m / 14 日；辐射 500 m / 30 日；生态破坏范围大、持续久，取 1000 m / 30 日；其他 200 m / 7 日。' +
        '点名同一被举报单位的未办结案件不受距离和时间限制（同一举报事项）。',
    },
  },
}

const PLACE_RADII = Object.fromEntries(
  Object.entries(DUPLICATE_WINDOWS).map(([k, w]) => [k, w.radiusMetres]),
) as Record<CategoryKey, number>

const REPEAT_COUNTING_BASIS: Basis = {
  decision:
    '按“目标”计数：点名的被举报单位（名称归一化后相同），未点名的按同类问题在重复判定半径内的位置；' +
    '同一举报人同一自然日的多次举报只计 1 次（防止一人刷单），不同日再次举报计入（问题仍在，S3 第十五条(二) ' +
    '“问题久拖不决，公众反复举报”）；匿名举报无法识别举报人，每件计 1 次；合并办理的举报照样计入。',
}

const REPEAT_WINDOW_BASIS: Basis = {
  cite: 'S3 第十一条、S1 第十二条、S4 四(四)：60 日内办结，延长不超过 30 日',
  decision: '窗口取 90 日：同一问题在最长法定办理期内再次被举报，仍是同一未解决的问题。',
}

const REPEAT_THRESHOLD_BASIS: Basis = {
  cite: 'S0 第十一条：重复举报3次以上的，实行提级办理',
  decision: '“以上”包括本数（刑法 第九十九条、民法典 第一千二百五十九条），第 3 次计数时触发；首次举报计入。',
}

const NATIONAL_REPEAT: RepeatPolicy = {
  threshold: 3,
  windowDays: 90,
  placeRadiusMetres: PLACE_RADII,
  counting: 'reporter-days',
  action: {
    kind: 'supervise',
    instructions:
      '问题久拖不决、公众反复举报：请按督办时限办结并上报，办结结果应包含督办事项说明、查处情况和处理意见',
  },
  basis: {
    threshold: {
      cite: 'S3 第十五条(二)：问题久拖不决，公众反复举报的，上级可督办',
      decision: 'S3 未给次数，沿用 S0 第十一条的 3 次（含本数）。',
    },
    windowDays: REPEAT_WINDOW_BASIS,
    placeRadiusMetres: { decision: '与重复判定半径相同（见 duplicate.byCategory）。' },
    counting: REPEAT_COUNTING_BASIS,
    action: {
      cite:
        'S3 第十五条(二)：问题久拖不决，公众反复举报的，上级生态环境主管部门可对下级督办；' +
        '下级应当按照督办的时限要求办结和上报，办结结果应包含督办事项说明、查处情况、处理意见',
    },
  },
}

const WARNING_BASE: WarningThreshold = { minReports: 5, radiusMetres: 1000, windowDays: 7 }

const NATIONAL_EARLY_WARNING: EarlyWarningPolicy = {
  byCategory: {
    air: WARNING_BASE,
    water: WARNING_BASE,
    noise: { ...WARNING_BASE, radiusMetres: 500 },
    'solid-waste': { ...WARNING_BASE, radiusMetres: 500, windowDays: 14 },
    'hazardous-waste': { ...WARNING_BASE, minReports: 3, windowDays: 14 },
    radiation: { ...WARNING_BASE, minReports: 3, windowDays: 30 },
    ecology: { ...WARNING_BASE, windowDays: 30 },
    other: WARNING_BASE,
  },
  basis: {
    byCategory: {
      cite: 'S3 第十六条(一)：公众集中举报的，上级生态环境主管部门可向下级或属地人民政府预警',
      decision:
        '“集中”取 7 日内 1000 m 内 5 名不同举报人（噪声 500 m；倾倒 500 m / 14 日）；危废、辐射危害大，' +
        '3 名即预警（S3 第十六条(四) 对公众健康产生严重威胁）；生态破坏 30 日。同一举报人多次举报只计 1 名。',
    },
  },
}

/** 夜间: 22:00–06:00 (噪声污染防治法 第八十八条; a city may shift it, keeping 8 hours). */
const NIGHT = { from: '22:00', to: '06:00' }
const NIGHT_BASIS: Basis = {
  cite: '噪声污染防治法 第八十八条：夜间是指晚上十点至次日早晨六点之间的期间（设区的市可另行规定，时长八小时）',
}

const SUDDEN_EVENT_CITE =
  'S3 第九条(五)：涉及突发生态环境事件和有群体性事件倾向的举报事项，应当立即受理并及时向有关负责人报告'
const NIGHT_NOISE_DECISION =
  '采用 S2 第十二条的做法：夜间施工噪声只能在发生时现场核实，其他辖区制度未作规定，同样标记为立即处置。'

const NATIONAL_RULES: ImportanceRule[] = [
  {
    rule: 'sudden-environmental-event',
    effects: ['important', 'immediate', 'report-to-leadership'],
    cite: SUDDEN_EVENT_CITE,
  },
  {
    rule: 'mass-incident-risk',
    effects: ['important', 'immediate', 'report-to-leadership'],
    cite: SUDDEN_EVENT_CITE,
  },
  { rule: 'concentrated-reports', effects: ['early-warning'], cite: 'S3 第十六条(一)：公众集中举报的' },
  {
    rule: 'major-social-impact',
    effects: ['important', 'early-warning'],
    cite: 'S3 第十六条(二)：引起重大社会影响的',
  },
  {
    rule: 'major-pollution',
    effects: ['important', 'early-warning'],
    cite: 'S3 第十六条(四)：造成或可能造成流域、区域重大污染，或对公众健康、生态环境安全产生严重威胁的',
  },
  { rule: 'night-construction-noise', effects: ['immediate'], decision: NIGHT_NOISE_DECISION },
]

const NATIONAL_IMPORTANCE: ImportancePolicy = {
  label: '重要举报件',
  rules: NATIONAL_RULES,
  manyPeopleAffected: 30,
  jointSignatories: 2,
  night: NIGHT,
  basis: {
    label: { decision: 'S3 没有“重要举报件”的名称，取此名以便统计。' },
    rules: { cite: 'S3 第九条(五)、第十六条' },
    manyPeopleAffected: {
      decision: '“人数多”未给数字：取 30 人（一个居民楼栋或一条街的规模），各辖区可调整。',
    },
    jointSignatories: { decision: '联名即两人及以上共同署名。' },
    night: NIGHT_BASIS,
  },
}

const NATIONAL: IntakePolicy = {
  profileId: 'national',
  name: '全国基线（生态环境举报热线工作管理办法）',
  duplicate: NATIONAL_DUPLICATE,
  repeat: NATIONAL_REPEAT,
  earlyWarning: NATIONAL_EARLY_WARNING,
  importance: NATIONAL_IMPORTANCE,
}

// ---------- 焦作 12345 (S0) ----------

const JIAOZUO: IntakePolicy = {
  ...NATIONAL,
  profileId: 'jiaozuo-12345',
  name: '焦作市12345热线生态环境问题举报投诉',
  repeat: {
    ...NATIONAL_REPEAT,
    action: {
      kind: 'escalate',
      ledBy: '县（市、区）分局主要负责人亲自带队现场查办',
      supervision: '市级加强督办指导',
    },
    basis: {
      ...NATIONAL_REPEAT.basis,
      threshold: REPEAT_THRESHOLD_BASIS,
      action: {
        cite: 'S0 第十一条：重点关注，专人督办；重复举报3次以上的，实行提级办理，各县（市、区）分局主要负责人要亲自带队现场查办，市级加强督办指导',
      },
    },
  },
  importance: {
    ...NATIONAL_IMPORTANCE,
    rules: NATIONAL_RULES.map((r) =>
      r.effects.includes('important')
        ? {
            ...r,
            effects: [...r.effects, 'report-upward'],
            decision: 'S0 第十六条：重要信息及时报告市执法支队',
          }
        : r,
    ),
    basis: {
      ...NATIONAL_IMPORTANCE.basis,
      rules: {
        cite: 'S3 第九条(五)、第十六条；S0 第十六条',
        decision: 'S0 未列重要案件情形，适用全国基线。',
      },
    },
  },
}

// ---------- 天津 12369 微信 (S1) ----------

const TIANJIN: IntakePolicy = {
  ...NATIONAL,
  profileId: 'tianjin-12369',
  name: '天津市“12369”环保微信举报',
  repeat: {
    ...NATIONAL_REPEAT,
    action: {
      kind: 'supervise',
      instructions:
        '同一问题被重复举报：天津市环境保护举报受理中心督促，请区生态环境局认真办理、按时办结反馈',
    },
    basis: {
      ...NATIONAL_REPEAT.basis,
      threshold: {
        cite: 'S1 第十四条：对发现的未及时办理或重复举报的事项，要督促区县环境保护主管部门认真办理',
        decision: 'S1 未给次数，沿用 S0 第十一条的 3 次（含本数）。',
      },
      action: { cite: 'S1 第十四条：天津市环境保护举报受理中心督促区县认真办理' },
    },
  },
  importance: {
    ...NATIONAL_IMPORTANCE,
    rules: [
      {
        rule: 'sudden-environmental-event',
        effects: ['important', 'immediate', 'report-to-leadership', 'city-coordination'],
        cite: `S1 第五条：重特大突发环境事件等需要市级介入的事项由市级协调；${SUDDEN_EVENT_CITE}`,
      },
      {
        rule: 'cross-district',
        effects: ['important', 'city-coordination'],
        cite: 'S1 第五条：涉及跨行政区域……需要市级环境保护主管部门介入的事项，由天津市环境保护举报受理中心协调',
      },
      ...NATIONAL_RULES.filter((r) => r.rule !== 'sudden-environmental-event'),
    ],
    basis: { ...NATIONAL_IMPORTANCE.basis, rules: { cite: 'S1 第五条；S3 第九条(五)、第十六条' } },
  },
}

// ---------- 重庆九龙坡 (S2) ----------

const REPORT_IMPORTANT = ['important', 'report-to-leadership'] satisfies IntakeEffect[]
const S2_10 = 'S2 第十条：列入重要信访案件，第一时间向信访工作分管领导及相关业务工作分管领导报告'

const JIULONGPO: IntakePolicy = {
  ...NATIONAL,
  profileId: 'chongqing-jiulongpo',
  name: '重庆市九龙坡区生态环境局环境信访',
  repeat: {
    ...NATIONAL_REPEAT,
    action: {
      kind: 'leader-case',
      note: '同一问题反复信访，列入局领导包案范围：由支队在包案方案中明确包案领导、落实责任科室，报党组会审议',
    },
    basis: {
      ...NATIONAL_REPEAT.basis,
      threshold: { decision: 'S2 未规定重复信访次数，沿用 S0 第十一条的 3 次（含本数）。' },
      action: {
        cite:
          'S2 第八条：对上级交办的重要信访事项、信访积案……列入局领导包案范围，支队在每年年初制定包案方案，' +
          '明确包案领导，落实责任科室，党组会审议通过后印发实施',
        decision: '同一目标 90 日内 3 次以上举报视为积案苗头，列入领导包案。',
      },
    },
  },
  importance: {
    ...NATIONAL_IMPORTANCE,
    label: '重要信访案件',
    rules: [
      {
        rule: 'leader-instruction',
        effects: REPORT_IMPORTANT,
        cite: `${S2_10}；(一) 区领导批示办理的信访事项`,
      },
      {
        rule: 'extreme-behaviour',
        effects: REPORT_IMPORTANT,
        cite: `${S2_10}；(二) 信访人有扬言自杀、杀人、放火等极端情绪或曾有极端行为`,
      },
      {
        rule: 'joint-serious-pollution',
        effects: REPORT_IMPORTANT,
        cite: `${S2_10}；(三) 联名反映严重环境污染问题`,
      },
      { rule: 'cross-district', effects: REPORT_IMPORTANT, cite: `${S2_10}；(四) 跨区污染纠纷案件` },
      { rule: 'typical-case', effects: REPORT_IMPORTANT, cite: `${S2_10}；(四) 环境污染的典型案件` },
      {
        rule: 'bureau-inaction',
        effects: REPORT_IMPORTANT,
        cite: `${S2_10}；(五) 反映环保部门及其工作人员不作为、乱作为且指向较为明确`,
      },
      {
        rule: 'staff-misconduct',
        effects: REPORT_IMPORTANT,
        cite: `${S2_10}；(六) 反映环保部门工作人员违规违纪`,
      },
      {
        rule: 'needs-instruction',
        effects: REPORT_IMPORTANT,
        cite: `${S2_10}；(七) 其他需请示办理的重要信访事项`,
      },
      {
        rule: 'major-social-impact',
        effects: ['important', 'report-to-leadership', 'report-to-government'],
        cite: 'S2 第十条：对可能造成重大社会影响的信访事项，应当及时报告区政府、区信访办',
      },
      {
        rule: 'mass-incident-risk',
        effects: ['important', 'immediate', 'report-to-leadership', 'leader-case'],
        cite: `S2 第十二条：可能引发群体性事件的投诉，应立即组织现场核实处置；S2 第八条：可能引发突发性或群体性事件的，列入局领导包案；${SUDDEN_EVENT_CITE}`,
      },
      {
        rule: 'strong-public-reaction',
        effects: ['immediate'],
        cite: 'S2 第十二条：群众反映强烈……或造成恶劣影响的投诉，应立即组织现场核实处置',
      },
      {
        rule: 'night-construction-noise',
        effects: ['immediate'],
        cite: 'S2 第十二条：对于夜间施工噪声投诉……应立即组织现场核实处置，并及时回复投诉人',
      },
      {
        rule: 'sudden-environmental-event',
        effects: ['important', 'immediate', 'report-to-leadership', 'leader-case'],
        cite: `${SUDDEN_EVENT_CITE}；S2 第八条：可能引发突发性事件的，列入局领导包案`,
      },
    ],
    basis: {
      ...NATIONAL_IMPORTANCE.basis,
      label: { cite: 'S2 第十条：重要信访案件' },
      rules: { cite: 'S2 第八条、第十条、第十二条；S3 第九条(五)' },
    },
  },
}

// ---------- 海东 (S4) ----------

const S4_KEY = 'S4 四(二)：……属于生态环境领域重点信访案件'
const KEY_CASE_EFFECTS = ['important', 'report-upward', 'leader-case'] satisfies IntakeEffect[]

const HAIDONG: IntakePolicy = {
  ...NATIONAL,
  profileId: 'haidong',
  name: '海东市生态环境领域信访',
  repeat: {
    ...NATIONAL_REPEAT,
    // 群众反映集中 is about how many people report it, not how often one person does.
    counting: 'reporters',
    action: {
      kind: 'important-case',
      note: '群众反映集中，列为重点信访案件：受理后向县区党委政府主要负责人汇报，同时向上级业务部门报告，上级业务部门配合办理',
    },
    basis: {
      ...NATIONAL_REPEAT.basis,
      threshold: { decision: 'S4 未给次数，沿用 S0 第十一条的 3 次（含本数）。' },
      counting: {
        cite: 'S4 四(二)：群众反映集中……属于生态环境领域重点信访案件',
        decision:
          '“群众反映集中”看有多少人反映：同一目标按不同举报人计数，同一人不论哪天再次反映只计 1 次；' +
          '匿名举报无法识别举报人，每件计 1 次；合并办理的举报照样计入。',
      },
      action: {
        cite:
          'S4 四(二)：群众反映集中的信访投诉属于重点信访案件；县级部门对重点信访受理后除向县区党委政府主要负责人' +
          '汇报外，同时向上级业务部门报告，上级业务部门配合进行办理',
      },
    },
  },
  importance: {
    ...NATIONAL_IMPORTANCE,
    label: '重点信访案件',
    rules: [
      { rule: 'central-referral', effects: KEY_CASE_EFFECTS, cite: `${S4_KEY}：中央转办` },
      { rule: 'leader-instruction', effects: KEY_CASE_EFFECTS, cite: `${S4_KEY}：省市领导批示` },
      {
        rule: 'major-pollution',
        effects: [...KEY_CASE_EFFECTS, 'early-warning'],
        cite: `${S4_KEY}：重大环境污染`,
      },
      { rule: 'major-ecological-damage', effects: KEY_CASE_EFFECTS, cite: `${S4_KEY}：重要生态破坏` },
      { rule: 'many-people-affected', effects: KEY_CASE_EFFECTS, cite: `${S4_KEY}：涉及范围大人数多` },
      {
        rule: 'concentrated-reports',
        effects: [...KEY_CASE_EFFECTS, 'early-warning'],
        cite: `${S4_KEY}：群众反映集中`,
      },
      ...NATIONAL_RULES.filter((r) => !['major-pollution', 'concentrated-reports'].includes(r.rule)),
    ],
    basis: {
      ...NATIONAL_IMPORTANCE.basis,
      label: { cite: 'S4 四(二)：重点信访案件' },
      rules: {
        cite:
          'S4 四(二)：县级部门对重点信访受理后向县区党委政府主要负责人汇报并向上级业务部门报告；' +
          'S4 五(二)：对重点信访实行领导包案；S3 第九条(五)、第十六条',
      },
    },
  },
}

export const INTAKE_POLICIES: Readonly<Record<IntakeProfileId, IntakePolicy>> = {
  national: NATIONAL,
  'jiaozuo-12345': JIAOZUO,
  'tianjin-12369': TIANJIN,
  'chongqing-jiulongpo': JIULONGPO,
  haidong: HAIDONG,
}

export function intakePolicyFor(profileId: string): IntakePolicy {
  if (!isIntakeProfileId(profileId)) throw new Error(`unknown policy profile: ${profileId}`)
  return INTAKE_POLICIES[profileId]
}
