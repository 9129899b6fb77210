// National baseline (S3): intake values (duplicates, repeats, early warning, importance), each with its basis.
import type { CategoryKey } from '../../../vocabulary/categories'
import type {
  Basis,
  DuplicatePolicy,
  EarlyWarningPolicy,
  ImportancePolicy,
  ImportanceRule,
  IntakePolicy,
  ProximityWindow,
  RepeatPolicy,
  WarningThreshold,
} from '../../intake'

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

export const REPEAT_THRESHOLD_BASIS: Basis = {
  cite: 'S0 第十一条：重复举报3次以上的，实行提级办理',
  decision: '“以上”包括本数（刑法 第九十九条、民法典 第一千二百五十九条），第 3 次计数时触发；首次举报计入。',
}

export const NATIONAL_REPEAT: RepeatPolicy = {
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

export const SUDDEN_EVENT_CITE =
  'S3 第九条(五)：涉及突发生态环境事件和有群体性事件倾向的举报事项，应当立即受理并及时向有关负责人报告'
const NIGHT_NOISE_DECISION =
  '采用 S2 第十二条的做法：夜间施工噪声只能在发生时现场核实，其他辖区制度未作规定，同样标记为立即处置。'

export const NATIONAL_RULES: ImportanceRule[] = [
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

export const NATIONAL_IMPORTANCE: ImportancePolicy = {
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

export const NATIONAL_INTAKE: IntakePolicy = {
  profileId: 'national',
  name: '全国基线（生态环境举报热线工作管理办法）',
  duplicate: NATIONAL_DUPLICATE,
  repeat: NATIONAL_REPEAT,
  earlyWarning: NATIONAL_EARLY_WARNING,
  importance: NATIONAL_IMPORTANCE,
}
