// How the local gateway answers a request that fails outside the functions — in Node's HTTP parser, in
// fastify's routing and body parsing, in the multipart reader, in the static file server: in the same
// `{ ok: false, error: { code, message } }` envelope as every function, with a Chinese message. The HTTP
// status is the code's (shared/contracts/result.ts) unless HTTP has a more precise one for the same failure
// (413, 414, 415, 417, 431 …), which proxies and browsers understand.
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { fail, httpStatusOf, type ApiResult, type ErrorCode } from '../shared/contracts/result'
import { MAX_UPLOAD_BYTES } from '../shared/contracts/files'

export interface GatewayFailure {
  status: number
  result: ApiResult<never>
}

function failure(code: ErrorCode, message: string, status?: number): GatewayFailure {
  const result = fail(code, message)
  return { status: status ?? httpStatusOf(result), result }
}

const BAD_REQUEST = '请求格式错误'

/** The client stopped sending (closed the connection) before its request was complete. */
export const INCOMPLETE_REQUEST = failure('BAD_REQUEST', '请求未完整收到：连接已中断，请重试')

/** RFC 9112 §3.2: an HTTP/1.1 request without Host is answered 400. */
export const MISSING_HOST = failure('BAD_REQUEST', `${BAD_REQUEST}：缺少 Host 请求头`)

/** An `Expect` other than 100-continue (RFC 9110 §10.1.1). */
export const UNSUPPORTED_EXPECTATION = failure('BAD_REQUEST', `${BAD_REQUEST}：不支持的 Expect 请求头`, 417)

/** An HTTP request the parser cannot read (Node's `clientError`: llhttp `HPE_*` codes and timeouts). */
export function parserFailure(code: string | undefined): GatewayFailure {
  switch (code) {
    case 'HPE_INVALID_EOF_STATE':
      return INCOMPLETE_REQUEST
    case 'HPE_HEADER_OVERFLOW':
      return failure(
        'BAD_REQUEST',
        `${BAD_REQUEST}：请求头过大（超过 ${Math.floor(http.maxHeaderSize / 1024)} KB）`,
        431,
      )
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return failure('BAD_REQUEST', '请求超时：未能及时收到完整的请求，请检查网络后重试', 408)
    case 'HPE_INVALID_METHOD':
    case 'HPE_INVALID_URL':
    case 'HPE_INVALID_VERSION':
    case 'HPE_INVALID_CONSTANT':
      return failure('BAD_REQUEST', `${BAD_REQUEST}：无法识别的请求行`)
    case 'HPE_INVALID_HEADER_TOKEN':
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
    case 'HPE_INVALID_TRANSFER_ENCODING':
      return failure('BAD_REQUEST', `${BAD_REQUEST}：请求头格式不正确`)
    case 'HPE_INVALID_CHUNK_SIZE':
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return failure('BAD_REQUEST', `${BAD_REQUEST}：分块传输的请求体格式不正确`)
    default:
      return failure('BAD_REQUEST', `${BAD_REQUEST}：无法解析的 HTTP 请求`)
  }
}

/**
 * The client closed the connection (or the parser refused the rest and closed it) before the request body
 * was complete: nobody is left to answer, and it is not the gateway's error.
 */
export function requestCutShort(raw: IncomingMessage): boolean {
  return raw.destroyed && !raw.complete
}

/** An address the gateway does not serve (unknown route, or a file path the static server refuses). */
export function notFound(request: { method: string; url: string }): ApiResult<never> {
  return fail('NOT_FOUND', `没有这个地址：${request.method} ${request.url.split('?')[0]}`)
}

/**
 * A failure fastify or one of its plugins reports (`FST_*` codes, http-errors with a 4xx status); `null` when
 * the error is not the request's fault (the caller answers it as an internal error).
 */
export function frameworkFailure(
  error: Error & { code?: string; statusCode?: number },
  request: { method: string; url: string },
): GatewayFailure | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return failure('BAD_REQUEST', `${BAD_REQUEST}：请求体不是有效的 JSON`)
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return failure('BAD_REQUEST', `${BAD_REQUEST}：请求体为空`)
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return failure('BAD_REQUEST', `${BAD_REQUEST}：请以 application/json 发送`, 415)
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return failure('BAD_REQUEST', '请求内容过大', 413)
    case 'FST_REQ_FILE_TOO_LARGE':
      return failure(
        'FILE_TOO_LARGE',
        `照片太大（超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB），请压缩后重新上传`,
      )
    case 'FST_FILES_LIMIT':
      return failure('BAD_REQUEST', '一次只能上传一张照片', 413)
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return failure('BAD_REQUEST', `${BAD_REQUEST}：上传的表单项过多`, 413)
    case 'FST_ERR_BAD_URL':
      return failure('BAD_REQUEST', `${BAD_REQUEST}：地址中有无效的字符编码`)
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return failure('BAD_REQUEST', `${BAD_REQUEST}：地址过长`, 414)
  }
  // fastify's JSON parser throws a SyntaxError for prototype poisoning (`__proto__` keys).
  if (error instanceof SyntaxError) return failure('BAD_REQUEST', `${BAD_REQUEST}：请求体不是有效的 JSON`)
  const status = error.statusCode
  if (status === undefined || status < 400 || status >= 500) return null
  // The static file server refuses `..` and dotfiles with 403: such a path simply does not exist here.
  if (status === 403 || status === 404) return { status: 404, result: notFound(request) }
  if (status === 413) return failure('BAD_REQUEST', '请求内容过大', 413)
  if (status === 415) return failure('BAD_REQUEST', `${BAD_REQUEST}：不支持的内容类型`, 415)
  return failure('BAD_REQUEST', BAD_REQUEST, status)
}

/** Answers on a response fastify does not handle (Node's `checkExpectation`), closing the connection. */
export function answerOnResponse(response: ServerResponse, { status, result }: GatewayFailure): void {
  const body = JSON.stringify(result)
  response
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
      connection: 'close',
    })
    .end(body)
}

/**
 * Answers on the bare socket and closes it: for failures before fastify has a request (Node's `clientError`).
 * Nothing is written when a response has already begun on this socket (it would corrupt it), as Node does.
 */
export function answerOnSocket(socket: Socket, { status, result }: GatewayFailure): void {
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy()
    return
  }
  const body = JSON.stringify(result)
  socket.end(
    [
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}`,
      'content-type: application/json; charset=utf-8',
      `content-length: ${Buffer.byteLength(body)}`,
      'cache-control: no-store',
      'connection: close',
      '',
      body,
    ].join('\r\n'),
    () => socket.destroy(),
  )
}
