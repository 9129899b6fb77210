// Open311 GeoReport v2 over HTTP (the local gateway at /open311/v2/, the channels function's HTTP access in
// production): services.json, services/<code>.json, requests.json with the standard filters (service_code,
// status, start_date, end_date, service_request_id) and page/page_size, requests/<id>.json — JSON or XML. Read
// only: reports are filed in the mini-program (POST answers 405). Every request document is built from the public
// projection (shared/cases/views/public.ts → open311.ts): no reporter data can reach an answer.
import type { CaseDoc } from '../../../shared/cases/case-doc'
import {
  isServiceCode,
  open311Request,
  open311ServiceDefinition,
  open311Services,
  toOpen311Xml,
  type Open311Request,
} from '../../../shared/cases/views/open311'
import { toPublicCase } from '../../../shared/cases/views/public'
import { findClock } from '../../../shared/deadlines'
import { isIsoWithOffset, toShanghaiIso } from '../../../shared/time'
import { calendarFor } from '../calendar'
import { clocksOf } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import type { HttpRequest, HttpResponse } from '../http'
import { MAX_PAGE_SIZE, type Page, type Runtime, type WithId } from '../ports'
import { unitNamer } from '../staff-records'

/** The specification's default window when no dates are given. */
const DEFAULT_DAYS = 90
const MAX_PAGE = 50
const DEFAULT_PAGE_SIZE = 50
/** Cases read for one answer at most (filters are applied to pages of the date index). */
const MAX_SCANNED = 5000
const MAX_IDS = 20

type Format = 'json' | 'xml'

class Open311Failure extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description)
  }
}

function answer(format: Format, status: number, root: string, value: unknown): HttpResponse {
  const headers = {
    'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'application/xml; charset=utf-8',
    'cache-control': status === 200 ? 'public, max-age=60' : 'no-store',
    'access-control-allow-origin': '*',
  }
  return { status, headers, body: format === 'json' ? JSON.stringify(value) : toOpen311Xml(root, value) }
}

function failure(format: Format, status: number, description: string): HttpResponse {
  return answer(format, status, 'errors', [{ code: status, description }])
}

const DAY_MS = 24 * 3600_000

/** A W3C datetime with its offset (the specification's format), as a Shanghai ISO instant. */
function instantParam(name: string, value: string | undefined): string | null {
  if (value === undefined || value === '') return null
  if (!isIsoWithOffset(value))
    throw new Open311Failure(400, `${name} 须为带时区的 W3C 时间，如 2026-11-21T00:00:00+08:00`)
  return toShanghaiIso(value)
}

function intParam(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > max)
    throw new Open311Failure(400, `${name} 须为 1 到 ${max} 的整数`)
  return Number(value)
}

function listParam(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
}

interface Projector {
  (doc: WithId<CaseDoc>): Open311Request | null
}

async function projector(runtime: Runtime): Promise<Projector> {
  const unitName = unitNamer(runtime.deployment.units)
  const calendar = await calendarFor(runtime)
  const now = runtime.clock.now()
  const refNos = new Map<string, string>()
  return (doc) => {
    refNos.set(doc._id, doc.refNo)
    const view = toPublicCase(doc, { unitName, refNoOf: (id) => refNos.get(id) ?? null })
    if (!view) return null
    const handling = view.open ? findClock(clocksOf(doc, calendar, now), 'handling') : undefined
    return open311Request(view, handling?.state === 'running' ? handling.due : null)
  }
}

/** requests.json: public cases received in the window, filtered, a page of them. */
async function listRequests(runtime: Runtime, query: HttpRequest['query']): Promise<Open311Request[]> {
  const codes = listParam(query.service_code)
  const unknown = codes.filter((c) => !isServiceCode(c))
  if (unknown.length > 0) throw new Open311Failure(400, `没有这个 service_code：${unknown.join(',')}`)
  const statuses = listParam(query.status)
  if (statuses.some((s) => s !== 'open' && s !== 'closed'))
    throw new Open311Failure(400, 'status 只能是 open 或 closed')
  const end = instantParam('end_date', query.end_date) ?? toShanghaiIso(runtime.clock.now())
  const start =
    instantParam('start_date', query.start_date) ??
    toShanghaiIso(new Date(Date.parse(end) - DEFAULT_DAYS * DAY_MS))
  if (start > end) throw new Open311Failure(400, 'start_date 不能晚于 end_date')
  const page = intParam('page', query.page, 1, MAX_PAGE)
  const pageSize = intParam('page_size', query.page_size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)

  const project = await projector(runtime)
  const wanted = page * pageSize
  const found: Open311Request[] = []
  let scanned = 0
  let after: string | null = null
  do {
    const batch: Page<WithId<CaseDoc>> = await runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
      filter: { createdAt: { $gte: start, $lte: end } },
      orderBy: [['createdAt', 'desc']],
      limit: MAX_PAGE_SIZE,
      after,
    })
    for (const doc of batch.items) {
      const request = project(doc)
      if (!request) continue
      if (codes.length > 0 && !codes.includes(request.service_code)) continue
      if (statuses.length > 0 && !statuses.includes(request.status)) continue
      found.push(request)
    }
    scanned += batch.items.length
    after = batch.next
  } while (after && found.length < wanted && scanned < MAX_SCANNED)
  return found.slice((page - 1) * pageSize, wanted)
}

/** requests/<id>.json and service_request_id=…: by reference number (the public id). */
async function requestsById(runtime: Runtime, ids: readonly string[]): Promise<Open311Request[]> {
  if (ids.length > MAX_IDS) throw new Open311Failure(400, `一次最多查询 ${MAX_IDS} 个 service_request_id`)
  const project = await projector(runtime)
  const found: Open311Request[] = []
  for (const refNo of ids) {
    if (!/^[A-Z]{2,4}-\d{8}-\d{4,6}$/.test(refNo)) continue
    const page = await runtime.db.find<CaseDoc>(COLLECTIONS.cases, { filter: { refNo }, limit: 1 })
    const request = page.items[0] ? project(page.items[0]) : null
    if (request) found.push(request)
  }
  return found
}

const ROUTE = /^(services|requests)(?:\/([^/]+?))?\.(json|xml)$/

/** GET /open311/v2/<rest>. */
export async function handleOpen311(
  runtime: Runtime,
  request: HttpRequest,
  rest: string,
): Promise<HttpResponse> {
  const match = ROUTE.exec(rest)
  const format: Format = match?.[3] === 'xml' ? 'xml' : 'json'
  if (!match) return failure(format, 404, `没有这个 Open311 地址：${rest}`)
  if (request.method !== 'GET') {
    const refused = failure(format, 405, '只提供查询：请通过绿哨小程序提交反映')
    return { ...refused, headers: { ...refused.headers, allow: 'GET' } }
  }
  const [, resource, id] = match
  try {
    if (resource === 'services') {
      if (id === undefined) return answer(format, 200, 'services', open311Services())
      const code = decodeURIComponent(id)
      if (!isServiceCode(code)) return failure(format, 404, `没有这个 service_code：${code}`)
      return answer(format, 200, 'service_definition', open311ServiceDefinition(code))
    }
    if (id !== undefined) {
      const found = await requestsById(runtime, [decodeURIComponent(id)])
      if (found.length === 0)
        return failure(format, 404, `没有这个 service_request_id：${decodeURIComponent(id)}`)
      return answer(format, 200, 'service_requests', found)
    }
    const ids = listParam(request.query.service_request_id)
    const requests =
      ids.length > 0 ? await requestsById(runtime, ids) : await listRequests(runtime, request.query)
    return answer(format, 200, 'service_requests', requests)
  } catch (error) {
    if (error instanceof Open311Failure) return failure(format, error.status, error.description)
    if (error instanceof URIError) return failure(format, 400, '地址中有无效的字符编码')
    throw error
  }
}
