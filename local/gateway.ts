// The local gateway: one HTTP server on 127.0.0.1 standing in for WeChat Cloud Development.
//   POST /api/fn/<name>   body = the `data` of wx.cloud.callFunction; response = the function's result
//   POST /api/files       multipart photo upload (what wx.cloud.uploadFile + files.registerUpload do)
//   GET  /files/<path>    signed, expiring download URLs (what getTempFileURL gives)
//   GET  /healthz         200 when the store answers
//   GET  /api/dev/*       local-mode helpers: personas for the picker, demo places, the caller's notification outbox
//   …/api/channels/*, /open311/v2/*   the channels function's HTTP routes (channel-routes.ts)
//   GET  /                the H5 build of the mini-program
// Identity comes only from the `x-dev-openid` header the H5 persona picker sets.
import { randomUUID } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
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
import { registerChannelRoutes } from './channel-routes'
import { demoPlaces } from './demo-places'
import {
  answerOnResponse,
  answerOnSocket,
  frameworkFailure,
  type GatewayFailure,
  INCOMPLETE_REQUEST,
  MISSING_HOST,
  notFound,
  parserFailure,
  requestCutShort,
  UNSUPPORTED_EXPECTATION,
} from './gateway-failures'
import type { LocalRuntime } from './runtime'

export const DEV_OPENID_HEADER = 'x-dev-openid'
const OPENID_FORMAT = /^[A-Za-z0-9_-]{1,64}$/
/** Function payloads above this are refused (CloudBase's own limit is higher; reports are small). */
const MAX_CALL_BYTES = 1024 * 1024

/** Content types of the stored files by extension (photos; a registration's material; exports). */
const FILE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  amr: 'audio/amr',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
}

export interface GatewayOptions {
  runtime: LocalRuntime
  functions: Record<string, CloudFunction>
  /** The H5 build to serve at `/` (omitted in API-only tests). */
  staticDir?: string
}

function send(reply: FastifyReply, result: ApiResult<unknown>, status = httpStatusOf(result)) {
  return reply.code(status).header('cache-control', 'no-store').send(result)
}

function sendFailure(reply: FastifyReply, { status, result }: GatewayFailure) {
  return send(reply, result, status)
}

const MALFORMED_IDENTITY = fail('UNAUTHENTICATED', '身份标识格式不正确，请重新选择身份')

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
  // Every failure outside the functions answers in their envelope (gateway-failures.ts): the parser's
  // (clientErrorHandler), routing's (frameworkErrors), body parsing's and the plugins' (the error handler).
  const answerFailure = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (requestCutShort(request.raw)) {
      runtime.log.info('request ended before its body was complete', {
        method: request.method,
        url: request.url.split('?')[0],
        cause: error.code ?? error.message,
      })
      return sendFailure(reply, INCOMPLETE_REQUEST)
    }
    const known = frameworkFailure(error, request)
    if (known) return sendFailure(reply, known)
    return send(reply, toFailure(error, runtime, 'gateway'))
  }

  const app = Fastify({
    logger: false,
    bodyLimit: MAX_CALL_BYTES,
    forceCloseConnections: true,
    // A missing Host is answered by the onRequest hook below, in the envelope.
    http: { requireHostHeader: false },
    frameworkErrors: answerFailure,
    clientErrorHandler(error, socket) {
      // The peer reset the connection: there is no one to answer.
      if (error.code === 'ECONNRESET' || socket.destroyed) return socket.destroy()
      // A client that stopped sending mid-request sent nothing unreadable; its request, if begun, logs it.
      if (error.code !== 'HPE_INVALID_EOF_STATE') {
        runtime.log.info('unreadable HTTP request', { cause: error.code ?? error.message })
      }
      answerOnSocket(socket, parserFailure(error.code))
    },
  })
  app.setErrorHandler(answerFailure)
  app.setNotFoundHandler((request, reply) => send(reply, notFound(request)))
  // Node would answer these two with an empty 400 / 417 of its own (hence requireHostHeader: false above).
  app.addHook('onRequest', async (request, reply) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
      return sendFailure(reply.header('connection', 'close'), MISSING_HOST)
    }
  })
  app.server.on('checkExpectation', (_request: IncomingMessage, response: ServerResponse) =>
    answerOnResponse(response, UNSUPPORTED_EXPECTATION),
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
    if (openid === null) return send(reply, MALFORMED_IDENTITY)
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
    let bytes: Buffer
    try {
      const part = await request.file()
      if (!part) return send(reply, fail('BAD_REQUEST', '没有收到文件，请重新选择照片'))
      bytes = await part.toBuffer()
    } catch (error) {
      // Limits (too large, too many parts) and a body cut short by the client go to the error handler;
      // anything else the multipart reader refuses (no boundary, a part without its end) is a bad body.
      if ((error as FastifyError).statusCode || requestCutShort(request.raw)) throw error
      return send(reply, fail('BAD_REQUEST', '上传内容不完整或格式不正确，请重新选择照片上传'))
    }
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
      const type = FILE_TYPES[path.extname(file).slice(1)]
      // Generated documents (the quarterly analysis report): saved, never run in this origin.
      if (path.extname(file) === '.html')
        reply.header('content-disposition', `attachment; filename="${path.basename(file)}"`)
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

  // Local mode: the subscribe messages that would have been sent to the caller, newest first.
  app.get('/api/dev/outbox', async (request, reply) => {
    const to = callerOpenid(request)
    if (to === null) return send(reply, MALFORMED_IDENTITY)
    if (!to) return send(reply, fail('UNAUTHENTICATED', '无法确认您的身份，请重新选择身份'))
    const page = await runtime.db.find<OutboxEntry>(COLLECTIONS.outbox, {
      filter: { to },
      orderBy: [['createdAt', 'desc']],
      limit: 50,
    })
    return send(reply, { ok: true, data: { items: page.items.map(({ _id: _i, _version: _v, ...m }) => m) } })
  })

  // A platform's signed push, Open311, and this channel's uploads (material, exports).
  await registerChannelRoutes(app, { runtime, channels: functions.channels, callerOpenid })

  if (staticDir && existsSync(path.join(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: staticDir, prefix: '/', index: ['index.html'], wildcard: true })
  }

  return app
}
