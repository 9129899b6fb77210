// HTTP requests a function serves itself (CloudBase HTTP access, 云接入 / HTTP 访问服务; the local gateway passes
// its routes through the same shape): a platform's signed work-order push and Open311 GeoReport v2. Headers are
// lower-case; the body is the raw text (a signature covers its exact bytes).
import type { Runtime } from './ports'

export interface HttpRequest {
  method: string
  /** The path as the client asked for it, without the query string. */
  path: string
  query: Readonly<Record<string, string>>
  headers: Readonly<Record<string, string>>
  body: string
}

export interface HttpResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * The event CloudBase's HTTP access gives a function (API-gateway integration format), and the answer it expects.
 * https://docs.cloudbase.net/service/access-cloud-function — `path`, `httpMethod`, `headers`,
 * `queryStringParameters`, `body` (base64 when `isBase64Encoded`).
 */
export interface CloudHttpEvent {
  path: string
  httpMethod: string
  headers?: Record<string, string | undefined>
  queryStringParameters?: Record<string, string | undefined> | null
  body?: string | null
  isBase64Encoded?: boolean
}

export function isCloudHttpEvent(event: unknown): event is CloudHttpEvent {
  if (typeof event !== 'object' || event === null) return false
  const e = event as { path?: unknown; httpMethod?: unknown }
  return typeof e.path === 'string' && typeof e.httpMethod === 'string'
}

const clean = (record: Record<string, string | undefined> | null | undefined, lower: boolean) =>
  Object.fromEntries(
    Object.entries(record ?? {})
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([k, v]) => [lower ? k.toLowerCase() : k, v]),
  )

export function requestOfCloudEvent(event: CloudHttpEvent): HttpRequest {
  const raw = event.body ?? ''
  return {
    method: event.httpMethod.toUpperCase(),
    path: event.path,
    query: clean(event.queryStringParameters, false),
    headers: clean(event.headers, true),
    body: event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw,
  }
}

/** The answer in the integration format CloudBase turns into an HTTP response. */
export function cloudAnswerOf(response: HttpResponse) {
  return {
    statusCode: response.status,
    headers: response.headers,
    body: response.body,
    isBase64Encoded: false,
  }
}

export type HttpHandler = (request: HttpRequest, runtime: Runtime) => Promise<HttpResponse>

export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(value),
  }
}
