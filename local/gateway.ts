// The local gateway: one HTTP server on 127.0.0.1 standing in for WeChat Cloud Development.
//   POST /api/fn/<name>   body = the `data` of wx.cloud.callFunction; response = the function's result
//   POST /api/files       multipart photo upload (what wx.cloud.uploadFile + files.registerUpload do)
//   GET  /files/<path>    signed, expiring download URLs (what getTempFileURL gives)
//   GET  /healthz         200 when the store answers
//   GET  /api/dev/*       local-mode helpers: personas for the picker, demo places, the notification outbox
//   GET  /                the H5 build of the mini-program
// Identity comes only from the `x-dev-openid` header the H5 persona picker sets.
import { randomUUID } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import path from 'node:path'
import multipart from '@fastify/multipart'
import fastifyStatic from '@fastify/static'
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify'
import { AppError, fail, httpStatusOf, type ApiResult } from '../shared/contracts/result'
import { COLLECTIONS } from '../cloudfunctions/common/collections'
import type { CloudFunction } from '../cloudfunctions/common/router'
import { toFailure } from '../cloudfunctions/common/router'
import { checkImageBytes, EXTENSION_OF, registerUpload } from '../cloudfunctions/common/uploads'
import { MAX_UPLOAD_BYTES } from '../shared/contracts/files'
import { inShanghai, toShanghaiIso } from '../shared/time'
import type { OutboxEntry } from './adapters/outbox-notifier'
import { demoPlaces } from './demo-places'
import type { LocalRuntime } from './runtime'

export const DEV_OPENID_HEADER = 'x-dev-openid'
const OPENID_FORMAT = /^[A-Za-z0-9_-]{1,64}$/
/** Function payloads above this are refused (CloudBase's own limit is higher; reports are small). */
const MAX_CALL_BYTES = 1024 * 1024

export interface GatewayOptions {
  runtime: LocalRuntime
  functions: Record<string, CloudFunction>
  /** The H5 build to serve at `/` (omitted in API-only tests). */
  staticDir?: string
}

function send(reply: FastifyReply, result: ApiResult<unknown>, status = httpStatusOf(result)) {
  return reply.code(status).header('cache-control', 'no-store').send(result)
}

/** Openid from the dev header; `undefined` = absent, `null` = malformed. */
function callerOpenid(request: FastifyRequest): string | null | undefined {
  const raw = request.headers[DEV_OPENID_HEADER]
  if (raw === undefined || raw === '') return undefined
  const value = Array.isArray(raw) ? raw[0] : raw
  return value && OPENID_FORMAT.test(value) ? value : null
}

export async function buildGateway({
  runtime,
  functions,
  staticDir,
}: GatewayOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: MAX_CALL_BYTES, forceCloseConnections: true })

  // Every framework-level failure (bad JSON, wrong content type, oversized body, unknown route) answers
  // in the same envelope as the functions do.
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const code = error.code ?? ''
    if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return send(reply, fail('BAD_REQUEST', '请求格式错误：请求体不是有效的 JSON'))
    }
    if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return send(reply, fail('BAD_REQUEST', '请求格式错误：请求体为空'))
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(reply, fail('BAD_REQUEST', '请求格式错误：请以 application/json 发送'), 415)
    }
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, fail('BAD_REQUEST', '请求内容过大'), 413)
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      return send(
        reply,
        fail('FILE_TOO_LARGE', `照片太大（超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB），请压缩后重新上传`),
      )
    }
    if (code.startsWith('FST_') && error.statusCode && error.statusCode < 500) {
      return send(reply, fail('BAD_REQUEST', `请求格式错误（${code}）`), error.statusCode)
    }
    return send(reply, toFailure(error, runtime, 'gateway'))
  })
  app.setNotFoundHandler((request, reply) =>
    send(reply, fail('NOT_FOUND', `没有这个地址：${request.method} ${request.url.split('?')[0]}`)),
  )

  app.get('/healthz', async (_request, reply) => {
    await runtime.db.count(COLLECTIONS.staff)
    return send(reply, {
      ok: true,
      data: { status: 'ok', deployment: runtime.deployment.id, time: toShanghaiIso(runtime.clock.now()) },
    })
  })

  app.post<{ Params: { name: string } }>('/api/fn/:name', async (request, reply) => {
    const fn = Object.prototype.hasOwnProperty.call(functions, request.params.name)
      ? functions[request.params.name]
      : undefined
    if (!fn) return send(reply, fail('UNKNOWN_FUNCTION', `没有名为「${request.params.name}」的云函数`))
    const openid = callerOpenid(request)
    if (openid === null) return send(reply, fail('UNAUTHENTICATED', '身份标识格式不正确，请重新选择身份'))
    return send(reply, await fn.handle(request.body, { openid: openid ?? null }, runtime))
  })

  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  })

  app.post('/api/files', async (request, reply) => {
    const openid = callerOpenid(request)
    if (!openid) return send(reply, fail('UNAUTHENTICATED', '无法确认您的身份，请重新选择身份后再上传'))
    if (!request.isMultipart()) {
      return send(reply, fail('BAD_REQUEST', '请求格式错误：上传需使用 multipart/form-data'), 415)
    }
    const part = await request.file()
    if (!part) return send(reply, fail('BAD_REQUEST', '没有收到文件，请重新选择照片'))
    const bytes = await part.toBuffer()
    let stored: { fileId: string; size: number; contentType: string } | null = null
    try {
      const type = checkImageBytes(bytes)
      const month = inShanghai(runtime.clock.now()).format('YYYY/MM')
      stored = await runtime.blobs.put(`uploads/${month}/${randomUUID()}.${EXTENSION_OF[type]}`, bytes, type)
      const record = await registerUpload(runtime, openid, stored)
      return send(reply, { ok: true, data: record })
    } catch (error) {
      // A file without its upload record is never used: it does not stay behind.
      if (stored) await runtime.blobs.remove([stored.fileId])
      if (error instanceof AppError) return send(reply, fail(error.code, error.message))
      throw error
    }
  })

  app.get<{ Params: { '*': string }; Querystring: { exp?: string; sig?: string } }>(
    '/files/*',
    async (request, reply) => {
      const rel = request.params['*']
      const expiresAt = Number(request.query.exp)
      if (!request.query.sig || !runtime.blobs.verify(rel, expiresAt, request.query.sig)) {
        return send(reply, fail('FORBIDDEN', '链接已过期或无效，请刷新页面'))
      }
      const file = await runtime.blobs.locate(rel)
      if (!file) return send(reply, fail('NOT_FOUND', '文件不存在'))
      const ext = path.extname(file).slice(1) as 'jpg' | 'png' | 'webp' | 'gif'
      const type = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' }[ext]
      return reply
        .header('content-type', type ?? 'application/octet-stream')
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(createReadStream(file))
    },
  )

  app.get('/api/dev/personas', async (_request, reply) =>
    send(reply, {
      ok: true,
      data: {
        deployment: { id: runtime.deployment.id, name: runtime.deployment.name },
        personas: runtime.deployment.personas,
      },
    }),
  )

  // Local mode: a named place in each county of the deployment, for placing a report without a position.
  app.get('/api/dev/places', async (_request, reply) =>
    send(reply, { ok: true, data: { places: demoPlaces(runtime) } }),
  )

  // Local mode: the subscribe messages that would have been sent, newest first (viewable in the app).
  app.get<{ Querystring: { to?: string } }>('/api/dev/outbox', async (request, reply) => {
    const to = request.query.to
    if (!to || !OPENID_FORMAT.test(to))
      return send(reply, fail('VALIDATION_FAILED', '缺少或错误的接收人（to）'))
    const page = await runtime.db.find<OutboxEntry>(COLLECTIONS.outbox, {
      filter: { to },
      orderBy: [['createdAt', 'desc']],
      limit: 50,
    })
    return send(reply, { ok: true, data: { items: page.items.map(({ _id: _i, _version: _v, ...m }) => m) } })
  })

  if (staticDir && existsSync(path.join(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: staticDir, prefix: '/', index: ['index.html'], wildcard: true })
  }

  return app
}
