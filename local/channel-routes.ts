// The local gateway's routes of the channels function (registered by gateway.ts in one call):
//   POST /api/channels/<platform>/orders   a platform's signed work-order push (raw body: the signature covers it)
//   GET  /open311/v2/…                      Open311 GeoReport v2, JSON and XML
//   POST /api/channels/files?kind=…         staff upload of this channel's files: `material` (a letter, a
//                                           recording) or `orders` (a platform's CSV/XLSX export)
// The first two go to the function's own HTTP handler (`onHttp`), exactly as CloudBase's HTTP access delivers
// them in production; the upload does what wx.cloud.uploadFile + channels.registerUpload do on weapp.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  MAX_MATERIAL_BYTES,
  MAX_ORDER_FILE_BYTES,
  type ChannelUploadKind,
} from '../shared/contracts/channels'
import { AppError, fail, httpStatusOf, type ApiResult } from '../shared/contracts/result'
import { inShanghai } from '../shared/time'
import {
  checkChannelFile,
  EXTENSION_OF_TYPE,
  registerChannelUpload,
} from '../cloudfunctions/common/channels/uploads'
import type { HttpRequest } from '../cloudfunctions/common/http'
import type { CloudFunction } from '../cloudfunctions/common/router'
import { findStaffByOpenid } from '../cloudfunctions/common/staff-records'
import type { LocalRuntime } from './runtime'

export interface ChannelRouteOptions {
  runtime: LocalRuntime
  channels: CloudFunction | undefined
  /** The caller's openid from the dev header: undefined absent, null malformed. */
  callerOpenid: (request: FastifyRequest) => string | null | undefined
}

const KINDS: Record<string, { kind: ChannelUploadKind; max: number }> = {
  material: { kind: 'material', max: MAX_MATERIAL_BYTES },
  orders: { kind: 'orders', max: MAX_ORDER_FILE_BYTES },
}

function send(reply: FastifyReply, result: ApiResult<unknown>, status = httpStatusOf(result)) {
  return reply.code(status).header('cache-control', 'no-store').send(result)
}

function httpRequestOf(request: FastifyRequest, body: string): HttpRequest {
  const [path] = request.url.split('?')
  const headers = Object.fromEntries(
    Object.entries(request.headers).flatMap(([k, v]) =>
      typeof v === 'string'
        ? [[k.toLowerCase(), v]]
        : Array.isArray(v)
          ? [[k.toLowerCase(), v.join(',')]]
          : [],
    ),
  )
  const query = Object.fromEntries(
    Object.entries((request.query ?? {}) as Record<string, unknown>).flatMap(([k, v]) =>
      typeof v === 'string' ? [[k, v]] : [],
    ),
  )
  return { method: request.method, path: path ?? '/', query, headers, body }
}

export async function registerChannelRoutes(
  app: FastifyInstance,
  options: ChannelRouteOptions,
): Promise<void> {
  const { runtime, channels, callerOpenid } = options
  const onHttp = channels?.onHttp
  if (!onHttp) return

  // The push and Open311, in their own scope: the body stays the raw text the signature was made over.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body))
    const pass = async (request: FastifyRequest, reply: FastifyReply) => {
      const body = typeof request.body === 'string' ? request.body : ''
      const answer = await onHttp(httpRequestOf(request, body), runtime)
      return reply.code(answer.status).headers(answer.headers).send(answer.body)
    }
    scope.post('/api/channels/:platform/orders', pass)
    scope.get('/api/channels/:platform/orders', pass)
    scope.all('/open311/v2/*', pass)
  })

  app.post<{ Querystring: { kind?: string } }>('/api/channels/files', async (request, reply) => {
    const openid = callerOpenid(request)
    if (!openid) return send(reply, fail('UNAUTHENTICATED', '无法确认您的身份，请重新选择身份后再上传'))
    const staff = await findStaffByOpenid(runtime.db, openid)
    if (!staff) return send(reply, fail('FORBIDDEN', '此功能仅限已绑定的工作人员使用'))
    if (!staff.roles.includes('intake')) return send(reply, fail('FORBIDDEN', '您的岗位没有此操作的权限'))
    const spec = KINDS[request.query.kind ?? '']
    if (!spec)
      return send(reply, fail('VALIDATION_FAILED', '文件用途只能是原始材料（material）或工单文件（orders）'))
    if (!request.isMultipart()) {
      return send(reply, fail('BAD_REQUEST', '请求格式错误：上传需使用 multipart/form-data'), 415)
    }
    let bytes: Buffer
    let fileName: string
    try {
      const part = await request.file({ limits: { fileSize: spec.max, files: 1 } })
      if (!part) return send(reply, fail('BAD_REQUEST', '没有收到文件，请重新选择'))
      fileName = part.filename
      bytes = await part.toBuffer()
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code === 'FST_REQ_FILE_TOO_LARGE') {
        return send(reply, fail('FILE_TOO_LARGE', `文件太大（超过 ${spec.max / 1024 / 1024} MB）`))
      }
      throw error
    }
    let stored: { fileId: string; size: number; contentType: string } | null = null
    try {
      const type = checkChannelFile(spec.kind, bytes)
      const month = inShanghai(runtime.clock.now()).format('YYYY/MM')
      stored = await runtime.blobs.put(
        `uploads/${month}/${randomUUID()}.${EXTENSION_OF_TYPE[type]}`,
        bytes,
        type,
      )
      const record = await registerChannelUpload(runtime, openid, stored, spec.kind)
      return send(reply, { ok: true, data: { ...record, fileName } })
    } catch (error) {
      if (stored) await runtime.blobs.remove([stored.fileId])
      if (error instanceof AppError) return send(reply, fail(error.code, error.message))
      throw error
    }
  })
}
