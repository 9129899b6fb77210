// A platform pushes its work orders over HTTP: POST …/channels/<platform>/orders, signed with the secret the
// bureau and the platform share (GW_PLATFORM_SECRETS), with a timestamp and a nonce against replay:
//
//   X-GW-Timestamp  Unix seconds; refused beyond ±5 minutes of the server's clock
//   X-GW-Nonce      16–64 of [A-Za-z0-9_-], never used twice within the window (channel_nonces, kept till it ends)
//   X-GW-Signature  hex HMAC-SHA256(secret, "<platform>\n<timestamp>\n<nonce>\n<body>")
//   body            {"orders":[{"<column name>":"<value>",…}]} — the platform's own field names, as its export's
//                   columns (the deployment's mapping), at most 100 orders
//
// A request with a bad signature, an old timestamp or a reused nonce is refused and changes nothing: every check
// runs before the first write, and the nonce is the first write. Each order then goes the import's way
// (filing.ts `fileWorkOrder`): one case per order number, however often it is sent; a malformed order is answered
// with its reason and the others are still filed.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { AppError, fail, type ErrorCode } from '../../../shared/contracts/result'
import { platformById, type PlatformConfig } from '../../../shared/deployment/platforms'
import { readWorkOrder, type OrderRecord } from '../../../shared/intake/work-orders'
import { toShanghaiIso } from '../../../shared/time'
import { COLLECTIONS } from '../collections'
import { jsonResponse, type HttpRequest, type HttpResponse } from '../http'
import { DuplicateKeyError, type Runtime } from '../ports'
import { fileWorkOrder } from './filing'
import { platformKey } from './secrets'

export const PUSH_HEADERS = {
  timestamp: 'x-gw-timestamp',
  nonce: 'x-gw-nonce',
  signature: 'x-gw-signature',
} as const
/** How far a push's timestamp may be from the server's clock. */
const PUSH_WINDOW_SECONDS = 300
const MAX_PUSHED_ORDERS = 100
const NONCE = /^[A-Za-z0-9_-]{16,64}$/

export interface NonceDoc {
  platform: string
  /** Kept until the window of its timestamp has passed: after that the timestamp alone refuses a replay. */
  expiresAt: string
}

interface PushResult {
  externalNo: string | null
  status: 'created' | 'existing' | 'failed'
  refNo: string | null
  reason: string | null
}

/** The signature a platform puts on a push (and the bureau on its feedback): hex HMAC-SHA256. */
export function signPush(
  secret: string,
  platform: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  return createHmac('sha256', secret).update(`${platform}\n${timestamp}\n${nonce}\n${body}`).digest('hex')
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'hex')
  const b = Buffer.from(/^[0-9a-f]{64}$/i.test(given) ? given : '', 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}

const nonceDocId = (platform: string, nonce: string) =>
  'n' + createHash('sha256').update(`${platform}\n${nonce}`).digest('hex').slice(0, 31)

function refusal(code: ErrorCode, message: string, status: number): HttpResponse {
  return jsonResponse(status, fail(code, message))
}

const UNSIGNED = '签名无效：请用双方约定的密钥按接口说明签名（X-GW-Timestamp、X-GW-Nonce、X-GW-Signature）'

/** Checks a push's signature, timestamp and body; null when it may go on (the nonce is claimed next). */
function checkPush(
  runtime: Runtime,
  platform: PlatformConfig,
  request: HttpRequest,
): { refused: HttpResponse } | { orders: unknown[]; timestamp: number; nonce: string } {
  const secret = platformKey(runtime, platform.id)
  if (!secret)
    return { refused: refusal('FORBIDDEN', `平台「${platform.name}」未配置共享密钥，不接受推送`, 403) }
  const timestampText = request.headers[PUSH_HEADERS.timestamp] ?? ''
  const nonce = request.headers[PUSH_HEADERS.nonce] ?? ''
  const signature = request.headers[PUSH_HEADERS.signature] ?? ''
  if (!/^\d{9,11}$/.test(timestampText) || !NONCE.test(nonce) || !signature) {
    return { refused: refusal('UNAUTHENTICATED', UNSIGNED, 401) }
  }
  if (!sameSignature(signPush(secret, platform.id, timestampText, nonce, request.body), signature)) {
    return { refused: refusal('UNAUTHENTICATED', UNSIGNED, 401) }
  }
  const timestamp = Number(timestampText)
  const skew = Math.abs(runtime.clock.now().getTime() / 1000 - timestamp)
  if (skew > PUSH_WINDOW_SECONDS) {
    return {
      refused: refusal(
        'UNAUTHENTICATED',
        `请求已过期：时间戳与服务器时间相差超过 ${PUSH_WINDOW_SECONDS} 秒`,
        401,
      ),
    }
  }
  let body: unknown
  try {
    body = JSON.parse(request.body)
  } catch {
    return { refused: refusal('BAD_REQUEST', '请求体不是有效的 JSON', 400) }
  }
  const orders = (body as { orders?: unknown } | null)?.orders
  if (!Array.isArray(orders) || orders.length === 0 || orders.length > MAX_PUSHED_ORDERS) {
    return {
      refused: refusal(
        'VALIDATION_FAILED',
        `请求体须为 {"orders":[…]}，每次 1–${MAX_PUSHED_ORDERS} 条工单`,
        400,
      ),
    }
  }
  return { orders, timestamp, nonce }
}

/** A pushed order's fields as text (numbers as the platform sent them); anything else is not an order. */
function recordOf(value: unknown): OrderRecord | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const record: Record<string, string> = {}
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string') record[key] = v
    else if (typeof v === 'number' && Number.isFinite(v)) record[key] = String(v)
    else if (v !== null && v !== undefined) return null
  }
  return record
}

async function fileOne(runtime: Runtime, platform: PlatformConfig, value: unknown): Promise<PushResult> {
  const record = recordOf(value)
  if (!record)
    return { externalNo: null, status: 'failed', refNo: null, reason: '工单须为字段名到文字或数字的对象' }
  const reading = readWorkOrder(platform, record, runtime.clock.now())
  if (!reading.ok)
    return {
      externalNo: reading.externalNo,
      status: 'failed',
      refNo: null,
      reason: reading.reasons.join('；'),
    }
  const { externalNo } = reading.order
  try {
    const filed = await fileWorkOrder(
      runtime,
      platform,
      reading.order,
      { via: 'push', staff: null, importBatchId: null },
      runtime.clock.now(),
    )
    return { externalNo, status: filed.created ? 'created' : 'existing', refNo: filed.refNo, reason: null }
  } catch (error) {
    if (!(error instanceof AppError))
      runtime.log.error('push: order failed', { platform: platform.id, error: String(error) })
    const reason =
      error instanceof AppError ? error.message : '系统繁忙，该工单未登记，请稍后重新推送（已登记的不会重复）'
    return { externalNo, status: 'failed', refNo: null, reason }
  }
}

/** POST …/channels/<platform>/orders. */
export async function handlePush(
  runtime: Runtime,
  platformId: string,
  request: HttpRequest,
): Promise<HttpResponse> {
  const platform = platformById(runtime.deployment, platformId)
  if (!platform) return refusal('NOT_FOUND', `没有这个工单平台：${platformId}`, 404)
  const checked = checkPush(runtime, platform, request)
  if ('refused' in checked) {
    runtime.log.warn('push refused', { platform: platform.id, status: checked.refused.status })
    return checked.refused
  }
  const expiresAt = toShanghaiIso(
    new Date(Math.max(runtime.clock.now().getTime(), checked.timestamp * 1000) + PUSH_WINDOW_SECONDS * 1000),
  )
  try {
    await runtime.db.insert<NonceDoc>(COLLECTIONS.channelNonces, {
      _id: nonceDocId(platform.id, checked.nonce),
      platform: platform.id,
      expiresAt,
    })
  } catch (error) {
    if (error instanceof DuplicateKeyError) {
      runtime.log.warn('push refused: nonce reused', { platform: platform.id })
      return refusal('CONFLICT', '请求已处理过（随机数重复）：重放的请求不予受理', 409)
    }
    throw error
  }
  const results: PushResult[] = []
  for (const order of checked.orders) results.push(await fileOne(runtime, platform, order))
  runtime.log.info('push', {
    platform: platform.id,
    orders: results.length,
    created: results.filter((r) => r.status === 'created').length,
    failed: results.filter((r) => r.status === 'failed').length,
  })
  return jsonResponse(200, { ok: true, data: { results } })
}
