// Field schemas shared by several actions. Messages are written for the person filling in the form.
import { MONTH_PATTERN, QUARTER_PATTERN } from '../months'
import { isIsoWithOffset, isLocalDate } from '../time'
import * as z from './zod'

export const idSchema = z
  .string({ error: '缺少编号' })
  .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确'))

/** Generated on the device for each submission; a retried submit with the same id never creates a second case. */
export const clientRequestIdSchema = z
  .string({ error: '缺少请求编号，请重新提交' })
  .check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确，请重新提交'))

/**
 * A photo the client uploaded: `cloud://<env>/uploads/…` in production, `local://uploads/…` in local mode.
 * Only the uploads folder: the functions run with admin storage rights, so no other stored object may be named.
 */
export const fileIdSchema = z.string({ error: '缺少文件' }).check(
  z.maxLength(512, '文件编号过长'),
  z.regex(/^(cloud:\/\/[^/\s]+\/|local:\/\/)uploads\/[^\s]+$/, '文件编号格式不正确，请重新上传照片'),
  z.refine((id) => !id.includes('..'), '文件编号格式不正确，请重新上传照片'),
)

export const cursorSchema = z.nullish(z.string().check(z.maxLength(512, '分页参数无效，请刷新列表')))

export const pageLimitSchema = (max = 20) =>
  z._default(
    z.int({ error: '每页条数必须是整数' }).check(z.gte(1, '每页至少 1 条'), z.lte(max, `每页最多 ${max} 条`)),
    Math.min(20, max),
  )

export const isoWithOffsetSchema = z
  .string({ error: '缺少时间' })
  .check(z.refine(isIsoWithOffset, '时间格式不正确（需要带时区的 ISO 8601 时间）'))

export const coordSystemSchema = z.enum(['gcj02', 'wgs84'], { error: '坐标系只能是 gcj02 或 wgs84' })

export const locationSchema = z.object(
  {
    lat: z.number({ error: '纬度必须是数字' }).check(z.gte(-90, '纬度超出范围'), z.lte(90, '纬度超出范围')),
    lng: z.number({ error: '经度必须是数字' }).check(z.gte(-180, '经度超出范围'), z.lte(180, '经度超出范围')),
    /** Mini-program location APIs give GCJ-02; browser geolocation gives WGS-84. */
    coordSystem: z._default(coordSystemSchema, 'gcj02'),
    address: z
      .string({ error: '请填写地址' })
      .check(
        z.trim(),
        z.minLength(2, '请填写详细地址（至少 2 个字）'),
        z.maxLength(200, '地址最多 200 个字'),
      ),
  },
  { error: '请选择问题发生的位置' },
)

export type LocationInput = z.input<typeof locationSchema>
export type Location = z.output<typeof locationSchema>

/** Mainland mobile numbers. */
export const mobileSchema = z
  .string({ error: '请填写手机号' })
  .check(z.trim(), z.regex(/^1[3-9]\d{9}$/, '手机号格式不正确，请填写 11 位手机号'))

export const personNameSchema = z
  .string({ error: '请填写姓名' })
  .check(
    z.trim(),
    z.minLength(2, '姓名至少 2 个字'),
    z.maxLength(30, '姓名最多 30 个字'),
    z.regex(/^[\p{L}·•. ]+$/u, '姓名只能包含文字和间隔号'),
  )

/** A mainland mobile, or a landline with its area code (0391-3568899, 039113568899, 分机 -801). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/

/**
 * A phone number as a caller gave it, for a report staff register or a platform sends: a mobile or a landline.
 * Spaces are dropped; the number is sealed like every reporter's contact.
 */
export const contactPhoneSchema = z.string({ error: '请填写联系电话' }).check(
  z.overwrite((value) => value.replace(/[\s\u3000]/g, '')),
  z.regex(PHONE_PATTERN, '联系电话格式不正确：请填写 11 位手机号或带区号的固定电话（如 0391-3568899）'),
)

/** A platform's order number: letters, digits and - _ . / (part of the order's identity: one case per number). */
export const EXTERNAL_NO = { pattern: /^[A-Za-z0-9][A-Za-z0-9_\-./]*$/, max: 64 } as const

/** A Shanghai calendar date, `2026-11-21`, picked on the date picker (`label` names it: 接访日期, 发放日期). */
export const dateSchema = (label: string) =>
  z.string({ error: `请选择${label}` }).check(z.refine(isLocalDate, `${label}格式不正确（YYYY-MM-DD）`))

/** The version of a record the caller read (a versioned write refuses a stale one). */
export const versionSchema = z.int({ error: '缺少版本号，请刷新后重试' }).check(z.gte(1, '版本号不正确'))

/** A calendar month, `2026-11` (`label` names it in the messages: 起始月份, 截止月份). */
export const monthSchema = (label = '月份') =>
  z
    .string({ error: `请选择${label}` })
    .check(z.regex(MONTH_PATTERN, `${label}格式不正确，应为 YYYY-MM，如 2026-11`))

/** A calendar quarter, `2026Q3`. */
export const quarterSchema = z
  .string({ error: '请选择季度' })
  .check(z.regex(QUARTER_PATTERN, '季度格式不正确，应为 YYYYQn，如 2026Q3'))
