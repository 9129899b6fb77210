// The work-order platforms a bureau takes orders from (the 12345 hotline's dispatch platform, S0 第五条; the
// national 12369 network platform, S3 第三条、第四条), as deployment data: `platforms` in deployments/<id>/
// deployment.json (documented field by field in docs/channels.md). For each platform: the channel its orders
// are registered under, the names its export (CSV/XLSX) and its pushed orders give each field of an order, how
// its words for request types and categories read in ours, and where the results are fed back. The platform's
// shared secret (signed pushes, signed feedback) is never here: GW_PLATFORM_SECRETS in the environment.
import type { CategoryKey } from '../vocabulary/categories'
import { CATEGORY_KEYS } from '../vocabulary/categories'
import { REQUEST_TYPE_KEYS, type RequestTypeKey } from '../vocabulary/request-types'
import * as z from '../vocabulary/zod'
import { INTAKE_CHANNELS, type IntakeChannel } from '../workflow/grounds'

/** What an order holds, by our name, with what it means; `required` fields must have a column. */
export const ORDER_FIELDS = {
  externalNo: { label: '工单编号', required: true },
  receivedAt: { label: '收到时间（派单时间）', required: true },
  description: { label: '诉求内容', required: true },
  address: { label: '事发地址', required: true },
  requestType: { label: '诉求类型', required: false },
  category: { label: '问题分类', required: false },
  reportedEntity: { label: '被反映对象', required: false },
  occurredAt: { label: '事发时间', required: false },
  reporterName: { label: '联系人', required: false },
  reporterPhone: { label: '联系电话', required: false },
  due: { label: '办理时限', required: false },
  dispatchedBy: { label: '派单单位', required: false },
  handlingUnit: { label: '承办单位', required: false },
  lng: { label: '经度', required: false },
  lat: { label: '纬度', required: false },
} as const satisfies Record<string, { label: string; required: boolean }>

export type OrderField = keyof typeof ORDER_FIELDS
export const ORDER_FIELD_KEYS = Object.keys(ORDER_FIELDS) as OrderField[]

/** The channels a platform's orders may come in under (the platforms that send work orders). */
const PLATFORM_CHANNELS = [
  'hotline-12345',
  'hotline-12369',
  'platform-12369',
] as const satisfies readonly IntakeChannel[]
type PlatformChannel = (typeof PLATFORM_CHANNELS)[number]

export interface PlatformConfig {
  /** Short id used in URLs and secrets: `12345`, `12369`. */
  id: string
  name: string
  /** The channel its orders are registered under. */
  channel: PlatformChannel
  /** Recorded as the 交办渠道 of every order (S2 第十四条(二) 上级交办). */
  referredBy: string
  /** The article the bureau takes the platform's orders under (S0 第五条, S3 第四条). */
  cite: string
  /** For each order field, the column headers (or pushed field names) that hold it: the first present wins. */
  columns: Partial<Record<OrderField, string[]>>
  /** The platform's words for request types and categories, in ours; an unlisted word takes the default. */
  values: {
    requestType: Record<string, RequestTypeKey>
    category: Record<string, CategoryKey>
  }
  defaults: { requestType: RequestTypeKey; category: CategoryKey }
  /** The coordinate system of the 经度/纬度 columns. */
  coordSystem: 'gcj02' | 'wgs84'
  /** The platform's names of this bureau's units (承办单位) → unit ids: places an order that has no position. */
  units: Record<string, string>
  /** Contact names that mean the caller stayed anonymous (匿名). */
  anonymousNames: string[]
  /**
   * Whether the bureau itself tells the caller (S0 第七条(三) 双反馈: 向举报人（匿名除外）反馈): `phone` — each step
   * becomes a to-do to call them; `none` — the platform answers its caller.
   */
  tellReporter: 'phone' | 'none'
  /** Where results, returns and objections are pushed (HTTPS, signed); null: read as a file export only. */
  feedbackUrl: string | null
}

const text = (what: string) =>
  z.string({ error: `${what}必须是文字` }).check(z.minLength(1, `${what}不能为空`))
const headerList = z
  .array(text('列名'), { error: '列名必须是文字列表' })
  .check(z.minLength(1, '至少写一个列名'))

export const platformConfigSchema = z.object({
  id: z
    .string({ error: '平台编号必须是文字' })
    .check(z.regex(/^[a-z0-9-]{2,20}$/, '平台编号只能由小写字母、数字和连字符组成')),
  name: text('平台名称'),
  channel: z.enum(PLATFORM_CHANNELS, {
    error: `channel 必须是 ${PLATFORM_CHANNELS.map((c) => `${c}（${INTAKE_CHANNELS[c]}）`).join('、')} 之一`,
  }),
  referredBy: text('交办渠道'),
  cite: text('依据'),
  columns: z.partialRecord(
    z.enum(ORDER_FIELD_KEYS as [OrderField, ...OrderField[]], {
      error: `columns 的键必须是 ${ORDER_FIELD_KEYS.join('、')} 之一`,
    }),
    headerList,
  ),
  values: z.object({
    requestType: z.record(text('平台的诉求类型'), z.enum(REQUEST_TYPE_KEYS, { error: '诉求类型不正确' })),
    category: z.record(text('平台的问题分类'), z.enum(CATEGORY_KEYS, { error: '问题类别不正确' })),
  }),
  defaults: z.object({
    requestType: z.enum(REQUEST_TYPE_KEYS, { error: '默认诉求类型不正确' }),
    category: z.enum(CATEGORY_KEYS, { error: '默认问题类别不正确' }),
  }),
  coordSystem: z.enum(['gcj02', 'wgs84'], { error: 'coordSystem 只能是 gcj02 或 wgs84' }),
  units: z.record(text('平台的单位名称'), text('单位编号')),
  anonymousNames: z.array(text('匿名写法')),
  tellReporter: z.enum(['phone', 'none'], { error: 'tellReporter 只能是 phone 或 none' }),
  feedbackUrl: z.nullable(
    z.string().check(z.regex(/^https:\/\/[^\s]+$/, 'feedbackUrl 必须是 https:// 地址或 null')),
  ),
})

/** Everything wrong with the deployment's platforms beyond their schema, in Chinese. */
export function platformProblems(d: {
  platforms?: readonly PlatformConfig[]
  units: ReadonlyArray<{ id: string }>
}): string[] {
  const problems: string[] = []
  const platforms = d.platforms ?? []
  const unitIds = new Set(d.units.map((u) => u.id))
  const seen = new Map<string, string>()
  platforms.forEach((p, i) => {
    const where = `platforms[${i}] (${p.id})`
    if (seen.has(`id:${p.id}`)) problems.push(`${where}：平台编号 ${p.id} 重复`)
    seen.set(`id:${p.id}`, p.id)
    if (seen.has(`channel:${p.channel}`))
      problems.push(`${where}：来源渠道 ${p.channel} 已被平台 ${seen.get(`channel:${p.channel}`)} 使用`)
    seen.set(`channel:${p.channel}`, p.id)
    for (const field of ORDER_FIELD_KEYS) {
      if (ORDER_FIELDS[field].required && !p.columns[field]?.length)
        problems.push(`${where}：columns 缺少必需的 ${field}（${ORDER_FIELDS[field].label}）`)
    }
    if (Boolean(p.columns.lat?.length) !== Boolean(p.columns.lng?.length))
      problems.push(`${where}：经度 lng 与纬度 lat 须同时配置或同时不配置`)
    const headers = Object.values(p.columns).flat()
    const repeated = headers.filter((h, j) => headers.indexOf(h) !== j)
    for (const header of new Set(repeated)) problems.push(`${where}：列名「${header}」用于多个字段`)
    for (const [name, unitId] of Object.entries(p.units)) {
      if (!unitIds.has(unitId)) problems.push(`${where}：units 中「${name}」对应的单位 ${unitId} 不存在`)
    }
  })
  return problems
}

/** The deployment's platform by id; null when it has none by that id. */
export function platformById(
  d: { platforms?: readonly PlatformConfig[] },
  id: string,
): PlatformConfig | null {
  return d.platforms?.find((p) => p.id === id) ?? null
}

/** The platform whose orders come in under a channel; null for channels no platform of the deployment uses. */
export function platformOfChannel(
  d: { platforms?: readonly PlatformConfig[] },
  channel: string,
): PlatformConfig | null {
  return d.platforms?.find((p) => p.channel === channel) ?? null
}
