// A platform's work order, read from one row of its export (CSV/XLSX) or one pushed record, through the
// platform's column mapping (shared/deployment/platforms.ts): every field checked, every problem of the row
// named in Chinese with the platform's own column name, so a malformed row is reported and the batch goes on.
// Pure: cells arrive as text (the file readers turn spreadsheet dates into Shanghai wall-clock text), the time
// to judge "in the future" against is passed in.
import { ORDER_FIELDS, type OrderField, type PlatformConfig } from '../deployment/platforms'
import { isIsoWithOffset, isLocalDate, localDateOf, toShanghaiIso, type LocalDate } from '../time'
import type { CategoryKey } from '../vocabulary/categories'
import { EXTERNAL_NO, PHONE_PATTERN } from '../vocabulary/fields'
import type { RequestTypeKey } from '../vocabulary/request-types'

/** One row or pushed record: the platform's column (field) names → cell text. */
export type OrderRecord = Readonly<Record<string, string>>

export interface WorkOrder {
  externalNo: string
  /** When the order reached the bureau (Shanghai ISO instant). */
  receivedAt: string
  description: string
  address: string
  requestType: RequestTypeKey
  category: CategoryKey
  reportedEntity: string | null
  occurredAt: string | null
  /** The caller's contact as the platform gives it; both null: anonymous. */
  reporter: { name: string | null; phone: string | null }
  /** The platform's 办理时限, as the Shanghai date it falls on (S2 第十七条 从其规定). */
  platformDue: LocalDate | null
  dispatchedBy: string | null
  /** The unit the platform dispatched it to (its 承办单位, through the platform's unit names). */
  handlingUnitId: string | null
  position: { lat: number; lng: number; coordSystem: 'gcj02' | 'wgs84' } | null
}

export type OrderReading =
  { ok: true; order: WorkOrder } | { ok: false; externalNo: string | null; reasons: string[] }

/** Limits of the texts an order may carry (a hotline's transcript can be long; a mini-program report is ≤ 1000). */
const ORDER_LIMITS = {
  externalNo: EXTERNAL_NO.max,
  description: { min: 4, max: 4000 },
  address: { min: 2, max: 200 },
  reportedEntity: 100,
  reporterName: 30,
  dispatchedBy: 100,
} as const

/** The header of `field` present in `headers`, by the platform's preference; null when none is. */
function headerFor(platform: PlatformConfig, field: OrderField, headers: ReadonlySet<string>): string | null {
  return platform.columns[field]?.find((h) => headers.has(h)) ?? null
}

/** The required fields a file's header row has no column for (the whole file is refused then). */
export function missingColumns(platform: PlatformConfig, headers: readonly string[]): string[] {
  const present = new Set(headers.map((h) => h.trim()))
  return (Object.keys(ORDER_FIELDS) as OrderField[])
    .filter((field) => ORDER_FIELDS[field].required && headerFor(platform, field, present) === null)
    .map((field) => platform.columns[field]?.join('或') ?? ORDER_FIELDS[field].label)
}

const WALL_CLOCK =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[\sT]+(\d{1,2})[:：时](\d{1,2})(?:分|[:：](?=\d))?(?:(\d{1,2})(?:\.\d+)?秒?)?)?$/

/**
 * A time as platforms write it, as a Shanghai ISO instant: ISO 8601 with an offset, or a Shanghai wall-clock
 * time `2026-03-02 09:05[:00]` (also with `/`, `.` or 年月日), or a date alone (its midnight). Null when it is
 * none of these or not a real date and time.
 */
export function parseShanghaiTime(text: string): string | null {
  const value = text.trim()
  if (isIsoWithOffset(value)) return toShanghaiIso(value)
  const m = WALL_CLOCK.exec(value)
  if (!m) return null
  const pad = (n: string | undefined) => (n ?? '0').padStart(2, '0')
  const date = `${m[1]}-${pad(m[2])}-${pad(m[3])}`
  const [h, min, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)]
  if (!isLocalDate(date) || h > 23 || min > 59 || s > 59) return null
  return `${date}T${pad(m[4])}:${pad(m[5])}:${pad(m[6])}+08:00`
}

/** Reads one order; every problem of the row is named (with the platform's column name). */
export function readWorkOrder(platform: PlatformConfig, record: OrderRecord, now: Date): OrderReading {
  const headers = new Set(Object.keys(record))
  const reasons: string[] = []
  const columnOf = (field: OrderField) => headerFor(platform, field, headers)
  const nameOf = (field: OrderField) =>
    columnOf(field) ?? platform.columns[field]?.[0] ?? ORDER_FIELDS[field].label
  const cell = (field: OrderField): string | null => {
    const column = columnOf(field)
    const value = column === null ? '' : (record[column] ?? '').replace(/\u3000/g, ' ').trim()
    return value === '' ? null : value
  }
  const required = (field: OrderField): string | null => {
    const value = cell(field)
    if (value === null) reasons.push(`「${nameOf(field)}」为空`)
    return value
  }
  const bounded = (field: OrderField, value: string | null, max: number, min = 0) => {
    if (value === null) return null
    const length = [...value].length
    if (length > max) reasons.push(`「${nameOf(field)}」超过 ${max} 个字`)
    else if (length < min) reasons.push(`「${nameOf(field)}」过短（至少 ${min} 个字）`)
    return value
  }
  const time = (field: OrderField, value: string | null): string | null => {
    if (value === null) return null
    const parsed = parseShanghaiTime(value)
    if (!parsed) reasons.push(`「${nameOf(field)}」不是有效的时间：${value}`)
    return parsed
  }

  const externalNo = bounded('externalNo', required('externalNo'), ORDER_LIMITS.externalNo)
  if (externalNo !== null && !EXTERNAL_NO.pattern.test(externalNo))
    reasons.push(`「${nameOf('externalNo')}」只能由字母、数字和 - _ . / 组成`)
  const receivedAt = time('receivedAt', required('receivedAt'))
  if (receivedAt && Date.parse(receivedAt) > now.getTime())
    reasons.push(`「${nameOf('receivedAt')}」晚于现在`)
  const d = ORDER_LIMITS.description
  const description = bounded('description', required('description'), d.max, d.min)
  const a = ORDER_LIMITS.address
  const address = bounded('address', required('address'), a.max, a.min)
  const reportedEntity = bounded('reportedEntity', cell('reportedEntity'), ORDER_LIMITS.reportedEntity)
  const occurredAt = time('occurredAt', cell('occurredAt'))
  const dispatchedBy = bounded('dispatchedBy', cell('dispatchedBy'), ORDER_LIMITS.dispatchedBy)

  const requestWord = cell('requestType')
  const requestType =
    requestWord === null ? platform.defaults.requestType : (platform.values.requestType[requestWord] ?? null)
  if (requestType === null) reasons.push(`「${nameOf('requestType')}」无法识别：${requestWord}`)
  const categoryWord = cell('category')
  const category =
    categoryWord === null
      ? platform.defaults.category
      : (platform.values.category[categoryWord] ?? platform.defaults.category)

  const rawName = bounded('reporterName', cell('reporterName'), ORDER_LIMITS.reporterName)
  const name = rawName && platform.anonymousNames.includes(rawName) ? null : rawName
  const rawPhone = cell('reporterPhone')
  const phone = rawPhone === null ? null : rawPhone.replace(/\s/g, '')
  if (phone !== null && !PHONE_PATTERN.test(phone))
    reasons.push(`「${nameOf('reporterPhone')}」不是有效的手机号或固定电话：${rawPhone}`)

  const dueAt = time('due', cell('due'))
  const platformDue = dueAt === null ? null : localDateOf(dueAt)
  if (platformDue && receivedAt && platformDue < localDateOf(receivedAt))
    reasons.push(`「${nameOf('due')}」早于收到时间`)

  const unitWord = cell('handlingUnit')
  const handlingUnitId = unitWord === null ? null : (platform.units[unitWord] ?? null)

  const lat = cell('lat')
  const lng = cell('lng')
  let position: WorkOrder['position'] = null
  if (lat !== null || lng !== null) {
    const [y, x] = [Number(lat), Number(lng)]
    if (
      lat === null ||
      lng === null ||
      !Number.isFinite(y) ||
      !Number.isFinite(x) ||
      Math.abs(y) > 90 ||
      Math.abs(x) > 180
    )
      reasons.push(`「${nameOf('lng')}」「${nameOf('lat')}」不是有效的经纬度`)
    else position = { lat: y, lng: x, coordSystem: platform.coordSystem }
  }

  if (reasons.length > 0 || !externalNo || !receivedAt || !description || !address || !requestType) {
    return { ok: false, externalNo, reasons }
  }
  return {
    ok: true,
    order: {
      externalNo,
      receivedAt,
      description,
      address,
      requestType,
      category,
      reportedEntity,
      occurredAt,
      reporter: { name, phone },
      platformDue,
      dispatchedBy,
      handlingUnitId,
      position,
    },
  }
}
