// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): the open standard other city systems read civic
// reports with, as documents built from the public projection only (public.ts: no reporter data, no words, the
// place only as its area) — so nothing here can put a reporter's name, contact, openid or query code in an answer.
// Services are the categories (what a report is about) with the request types as their one attribute; requests are
// public cases. JSON and XML, with the element names of the specification.
import { CATEGORIES, CATEGORY_KEYS, type CategoryKey } from '../../vocabulary/categories'
import { REQUEST_TYPE_KEYS, REQUEST_TYPES } from '../../vocabulary/request-types'
import type { LocalDate } from '../../time'
import type { PublicCase } from './public'

/** The group every service belongs to. */
const OPEN311_GROUP = '生态环境'

export interface Open311Service {
  service_code: string
  service_name: string
  description: string
  /** Each service has a definition (services/<code>.json): the request type it is asked with. */
  metadata: boolean
  type: 'realtime' | 'batch' | 'blackbox'
  keywords: string
  group: string
}

interface Open311Attribute {
  variable: boolean
  code: string
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist'
  required: boolean
  datatype_description: string
  order: number
  description: string
  values: Array<{ key: string; name: string }>
}

export interface Open311ServiceDefinition {
  service_code: string
  attributes: Open311Attribute[]
}

export interface Open311Request {
  service_request_id: string
  status: 'open' | 'closed'
  status_notes: string
  service_name: string
  service_code: string
  description: string
  agency_responsible: string
  service_notice: string
  requested_datetime: string
  updated_datetime: string
  /** The day a reply is due by (the handling clock), while the case is handled. */
  expected_datetime?: string
  lat?: number
  long?: number
}

export function isServiceCode(code: string): code is CategoryKey {
  return (CATEGORY_KEYS as readonly string[]).includes(code)
}

/** services.json: one service per category, the request types as keywords and as its attribute. */
export function open311Services(): Open311Service[] {
  return CATEGORY_KEYS.map((key) => ({
    service_code: key,
    service_name: CATEGORIES[key].label,
    description: CATEGORIES[key].description,
    metadata: true,
    type: 'realtime',
    keywords: REQUEST_TYPE_KEYS.map((t) => REQUEST_TYPES[t]).join(','),
    group: OPEN311_GROUP,
  }))
}

/** services/<code>.json: the request type a report of the service is made with (S0 第七条(四)'s six types). */
export function open311ServiceDefinition(code: CategoryKey): Open311ServiceDefinition {
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'request_type',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: '诉求类型',
        order: 1,
        description: '诉求类型：咨询、求助、意见、建议、投诉或举报',
        values: REQUEST_TYPE_KEYS.map((t) => ({ key: t, name: REQUEST_TYPES[t] })),
      },
    ],
  }
}

/** A public case as a service request. `expectedBy`: the handling clock's due date, while it runs. */
export function open311Request(view: PublicCase, expectedBy: LocalDate | null): Open311Request {
  const notes = view.mergedInto ? `${view.statusLabel}（与 ${view.mergedInto} 合并办理）` : view.statusLabel
  return {
    service_request_id: view.refNo,
    status: view.open ? 'open' : 'closed',
    status_notes: notes,
    service_name: CATEGORIES[view.category].label,
    service_code: view.category,
    description: REQUEST_TYPES[view.requestType],
    agency_responsible: view.unitName,
    service_notice: '',
    requested_datetime: view.createdAt,
    updated_datetime: view.updatedAt,
    ...(view.open && expectedBy ? { expected_datetime: `${expectedBy}T23:59:59+08:00` } : {}),
    ...(view.area ? { lat: view.area.lat, long: view.area.lng } : {}),
  }
}

// ---------- XML ----------

/** The element of each item of a list, by the list's element (the specification's names). */
const ITEM_OF: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  )

function element(name: string, value: unknown): string {
  if (value === undefined || value === null) return ''
  if (Array.isArray(value)) {
    const item = ITEM_OF[name] ?? 'item'
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v))
      .join('')
    return `<${name}>${inner}</${name}>`
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`
}

/** A document as GeoReport v2 XML: `root` is `services`, `service_requests`, `service_definition` or `errors`. */
export function toOpen311Xml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`
}
