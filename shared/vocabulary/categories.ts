// Pollution categories of a report: one table, machine key → Chinese label + what belongs there.
// Sources: the categories S0 第四条(一)/第十七条 and S1 第六条 name (噪声、异味、污水、固废/倒渣、危废), plus 辐射 and
// 生态破坏 (S3 第二条: 环境污染、生态破坏及其他违法行为). Routing, duplicate radii and early warning are keyed by these.
import * as z from './zod'

export const CATEGORIES = {
  air: {
    label: '大气污染',
    short: '废气/异味/烟尘',
    description: '工厂废气、异味臭气、冒黑烟、粉尘扬尘、餐饮油烟等',
  },
  water: {
    label: '水污染',
    short: '污水/水体',
    description: '偷排污水、排黑水、河流湖库水体变色发臭、死鱼等',
  },
  noise: { label: '噪声污染', short: '噪声', description: '工厂设备噪声、建筑施工噪声、商业或娱乐噪声等' },
  'solid-waste': {
    label: '固体废物',
    short: '固体废物/倾倒',
    description: '工业固废、建筑垃圾、生活垃圾随意倾倒堆放，倒渣等',
  },
  'hazardous-waste': {
    label: '危险废物',
    short: '危险废物',
    description: '非法排放、转移、倾倒、处置危险废物，如倒黑渣、废油、废酸、医疗废物等',
  },
  radiation: { label: '辐射', short: '辐射', description: '放射源、射线装置、基站或变电站等电磁辐射' },
  ecology: {
    label: '生态破坏',
    short: '生态破坏',
    description: '破坏自然保护地、湿地、植被，非法采砂采矿等',
  },
  other: { label: '其他', short: '其他', description: '以上类别都不符合的生态环境问题' },
} as const satisfies Record<string, { label: string; short: string; description: string }>

export type CategoryKey = keyof typeof CATEGORIES
/** Listing order of the report form. */
export const CATEGORY_KEYS = [
  'air',
  'water',
  'noise',
  'solid-waste',
  'hazardous-waste',
  'radiation',
  'ecology',
  'other',
] as const satisfies readonly CategoryKey[]

export const categorySchema = z.enum(CATEGORY_KEYS, { error: '请选择问题类别' })

export function categoryLabel(key: CategoryKey): string {
  return CATEGORIES[key].label
}

// Who or what causes it. Optional on a report: it decides whether the matter is the environment department's
// at all (社会生活、交通运输噪声 → 公安/交通等, 噪声污染防治法 第八条; 餐饮油烟 → 地方确定的监督管理部门,
// 大气污染防治法 第一百一十八条) and whether a channel's narrow scope covers it (S1 第六条: 工业企业 only).
export const POLLUTION_SOURCES = {
  industrial: { label: '工业企业', description: '工厂、企业生产经营' },
  construction: { label: '建筑施工', description: '工地、拆迁、道路施工' },
  catering: { label: '餐饮服务', description: '饭店、烧烤等餐饮油烟' },
  'social-life': { label: '社会生活', description: '商业经营、娱乐场所、广场活动、邻里装修等' },
  traffic: { label: '交通运输', description: '机动车、铁路、航空等' },
  agriculture: { label: '农业养殖', description: '养殖场、秸秆焚烧等' },
  other: { label: '其他', description: '以上都不是' },
} as const satisfies Record<string, { label: string; description: string }>

export type PollutionSourceKey = keyof typeof POLLUTION_SOURCES
export const POLLUTION_SOURCE_KEYS = Object.keys(POLLUTION_SOURCES) as PollutionSourceKey[]
export const pollutionSourceSchema = z.enum(
  ['industrial', 'construction', 'catering', 'social-life', 'traffic', 'agriculture', 'other'],
  { error: '请选择污染来源' },
) satisfies z.ZodMiniType<PollutionSourceKey>
