// What the channels function serves over HTTP (CloudBase HTTP access in production, the local gateway's routes
// in local mode — both pass the same request shape, common/http.ts):
//   POST …/channels/<platform>/orders   a platform's signed work-order push (push.ts)
//   GET  …/open311/v2/…                 Open311 GeoReport v2 (open311.ts)
// Paths are matched by their end, so the HTTP access path prefix the console gives does not matter.
import { fail } from '../../../shared/contracts/result'
import { jsonResponse, type HttpRequest, type HttpResponse } from '../http'
import type { Runtime } from '../ports'
import { handleOpen311 } from './open311'
import { handlePush } from './push'

const PUSH = /\/channels\/([a-z0-9-]{2,20})\/orders\/?$/
const OPEN311 = /\/open311\/v2\/(.+)$/

export async function handleChannelsHttp(request: HttpRequest, runtime: Runtime): Promise<HttpResponse> {
  const push = PUSH.exec(request.path)
  if (push) {
    if (request.method !== 'POST') {
      return jsonResponse(405, fail('BAD_REQUEST', '工单推送只接受 POST'), { allow: 'POST' })
    }
    return handlePush(runtime, push[1]!, request)
  }
  const open311 = OPEN311.exec(request.path)
  if (open311) return handleOpen311(runtime, request, open311[1]!)
  return jsonResponse(404, fail('NOT_FOUND', `没有这个地址：${request.method} ${request.path}`))
}
