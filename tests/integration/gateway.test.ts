// The local gateway and the cloud functions behind it, on the real embedded SQLite store.
// Bad input of every kind gets a clear `{ ok: false, error }` with a 4xx status, and writes nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { Logger } from '../../cloudfunctions/common/ports'
import { DEV_OPENID_HEADER } from '../../local/gateway'
import { QUERY_CODE_PATTERN } from '../../shared/contracts/cases'
import { productionEnvPresent } from '../../local/main'
import { territoryRegions } from '../../local/demo-places'
import { startHarness, type Harness } from '../support/local-harness'
import { multipartBody, oversizedJpeg } from '../support/images'
import { exchange, listenOnce, sendAndDrop, type RawResponse } from '../support/raw-http'

const PHOTO = readFileSync(path.join(__dirname, '..', 'fixtures', 'photo.jpg'))
const CITIZEN = 'dev-citizen'
const OFFICER = 'dev-officer'

type Ok<T> = { ok: true; data: T }
type Err = { ok: false; error: { code: string; message: string; fields?: Record<string, string> } }

let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.close()
})

async function upload(openid: string | null, file: Buffer, name = 'photo.jpg', type = 'image/jpeg') {
  const { payload, headers } = multipartBody(file, name, type)
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/files',
    payload,
    headers: { ...headers, ...(openid ? { [DEV_OPENID_HEADER]: openid } : {}) },
  })
  return { status: res.statusCode, body: res.json() as Ok<{ fileId: string; size: number }> | Err }
}

function report(photos: string[], overrides: Record<string, unknown> = {}) {
  return {
    clientRequestId: 'req-0001-abcdef',
    requestType: 'complaint',
    category: 'noise',
    description: '每晚十一点以后工地还在打桩，噪声很大，影响周边居民休息。',
    photos,
    // 山阳区 (in the demo boundary data), GCJ-02 as chooseLocation gives it.
    location: {
      lat: 35.29958,
      lng: 113.27638,
      coordSystem: 'gcj02',
      address: '焦作市山阳区人民路与塔南路交叉口',
    },
    reporter: { mode: 'real-name', name: '张三', phone: '13800138000' },
    consent: true,
    ...overrides,
  }
}

describe('health and static', () => {
  it('GET /healthz answers 200 with the deployment', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/healthz' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ ok: true, data: { status: 'ok', deployment: 'jiaozuo' } })
  })

  it('lists the personas of the demo deployment for the picker', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/dev/personas' })
    const keys = (res.json() as Ok<{ personas: Array<{ key: string }> }>).data.personas.map((p) => p.key)
    expect(keys).toEqual(
      expect.arrayContaining([
        'citizen',
        'citizen-anon',
        'officer',
        'office-head',
        'leader',
        'supervisor',
        'reward-admin',
        'admin',
      ]),
    )
  })
})

describe('demo places (local mode, placing a report without a position)', () => {
  type Place = { name: string; address: string; lat: number; lng: number; coordSystem: string }
  type Preview = {
    routing: { outcome: string; region: { name: string } | null; unit: { name: string } | null }
  }

  it('offers a place inside every county of the deployment, each routed to that county', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/dev/places' })
    expect(res.statusCode).toBe(200)
    const { places } = (res.json() as Ok<{ places: Place[] }>).data
    const counties = territoryRegions(h.runtime).map((r) => r.name)
    expect(places.map((p) => p.name).sort()).toEqual([...counties].sort())
    expect(counties).toContain('山阳区')
    for (const place of places) {
      const { name, address: _a, ...location } = place
      const preview = await h.ok<Preview>(
        'cases',
        'previewReport',
        { location: { ...location, address: place.address }, category: 'noise' },
        CITIZEN,
      )
      expect(preview.routing.region?.name).toBe(name)
      expect(preview.routing.unit).not.toBeNull()
    }
  })
})

describe('the vertical slice through the API', () => {
  it('a citizen uploads a photo, files a report, sees it in My reports; the officer sees it in the inbox', async () => {
    const up = await upload(CITIZEN, PHOTO)
    expect(up.status).toBe(200)
    const fileId = (up.body as Ok<{ fileId: string }>).data.fileId
    expect(fileId).toMatch(/^local:\/\/uploads\/2026\/11\/[0-9a-f-]+\.jpg$/)

    const filed = await h.call<Ok<{ caseId: string; refNo: string; status: string; queryCode: null }>>(
      'cases',
      'submitReport',
      report([fileId]),
      CITIZEN,
    )
    expect(filed.status).toBe(200)
    expect(filed.body.data.refNo).toBe('JZ-20261121-0001')
    expect(filed.body.data.status).toBe('registered')

    const mine = await h.call<Ok<{ items: Array<{ refNo: string; statusLabel: string }> }>>(
      'cases',
      'listMine',
      {},
      CITIZEN,
    )
    expect(mine.body.data.items).toEqual([
      expect.objectContaining({ refNo: 'JZ-20261121-0001', statusLabel: '已登记' }),
    ])

    const detail = await h.call<Ok<{ photos: Array<{ url: string }> }>>(
      'cases',
      'getMine',
      { caseId: filed.body.data.caseId },
      CITIZEN,
    )
    const url = detail.body.data.photos[0]!.url
    const download = await h.app.inject({ method: 'GET', url })
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('image/jpeg')
    expect(download.rawPayload.equals(PHOTO)).toBe(true)

    const inbox = await h.call<
      Ok<{ items: Array<{ refNo: string; reporter: { name: string; phone: string } }> }>
    >('staff', 'inbox', {}, OFFICER)
    expect(inbox.status).toBe(200)
    const item = inbox.body.data.items.find((i) => i.refNo === 'JZ-20261121-0001')
    // Staff see the reporter masked, never in clear.
    expect(item?.reporter).toEqual({ mode: 'real-name', name: '张*', phone: '138****8000' })
    expect(JSON.stringify(inbox.body)).not.toContain('13800138000')
  })

  it('numbers cases per Shanghai day: the sequence restarts after midnight Asia/Shanghai', async () => {
    h.clock.set('2026-11-21T15:59:00Z') // 23:59 Shanghai
    const a = await h.call<Ok<{ refNo: string }>>(
      'cases',
      'submitReport',
      report([], { clientRequestId: 'req-late-0001' }),
      CITIZEN,
    )
    h.clock.set('2026-11-21T16:01:00Z') // 00:01 on the 22nd in Shanghai, still the 21st in UTC
    const b = await h.call<Ok<{ refNo: string }>>(
      'cases',
      'submitReport',
      report([], { clientRequestId: 'req-early-0002' }),
      CITIZEN,
    )
    expect(a.body.data.refNo).toBe('JZ-20261121-0001')
    expect(b.body.data.refNo).toBe('JZ-20261122-0001')
  })

  it('a retried submit (same clientRequestId) never creates a second case', async () => {
    const first = await h.call<Ok<{ caseId: string; replayed: boolean }>>(
      'cases',
      'submitReport',
      report([]),
      CITIZEN,
    )
    const [again, concurrent] = await Promise.all([
      h.call<Ok<{ caseId: string; replayed: boolean }>>('cases', 'submitReport', report([]), CITIZEN),
      h.call<Ok<{ caseId: string; replayed: boolean }>>('cases', 'submitReport', report([]), CITIZEN),
    ])
    expect(first.body.data.replayed).toBe(false)
    expect(again.body.data).toMatchObject({ caseId: first.body.data.caseId, replayed: true })
    expect(concurrent.body.data.caseId).toBe(first.body.data.caseId)
    expect(await h.runtime.db.count('cases')).toBe(1)
  })

  it('a retried submit with photos answers the case it filed (its photos belong to that case now)', async () => {
    const fileId = ((await upload(CITIZEN, PHOTO)).body as Ok<{ fileId: string }>).data.fileId
    const input = report([fileId], { clientRequestId: 'req-photo-0001' })
    const first = await h.call<Ok<{ caseId: string; replayed: boolean }>>(
      'cases',
      'submitReport',
      input,
      CITIZEN,
    )
    const again = await h.call<Ok<{ caseId: string; replayed: boolean }>>(
      'cases',
      'submitReport',
      input,
      CITIZEN,
    )
    expect(first.body.data.replayed).toBe(false)
    expect(again.body).toMatchObject({ ok: true, data: { caseId: first.body.data.caseId, replayed: true } })
    expect(await h.runtime.db.count('cases')).toBe(1)
  })

  it('an anonymous report gets a query code, shown again on a retried submit', async () => {
    const input = report([], { reporter: { mode: 'anonymous' }, clientRequestId: 'req-anon-0001' })
    const first = await h.call<Ok<{ queryCode: string }>>('cases', 'submitReport', input, 'dev-citizen-anon')
    expect(first.body.data.queryCode).toMatch(QUERY_CODE_PATTERN)
    const retry = await h.call<Ok<{ queryCode: string }>>('cases', 'submitReport', input, 'dev-citizen-anon')
    expect(retry.body.data.queryCode).toBe(first.body.data.queryCode)
  })

  it('the query code is found as people type it, and its holder is told it is that anonymous report', async () => {
    const input = report([], { reporter: { mode: 'anonymous' }, clientRequestId: 'req-anon-0002' })
    const filed = await h.call<Ok<{ refNo: string; queryCode: string }>>(
      'cases',
      'submitReport',
      input,
      'dev-citizen-anon',
    )
    const code = filed.body.data.queryCode
    // Lower case, in two groups, and with the letters O/I/L where the code has 0/1 (the alphabet has no O, I, L).
    const typed = `${code.slice(0, 5)} ${code.slice(5)}`.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l')
    const found = await h.call<Ok<{ refNo: string; description: string }>>(
      'cases',
      'lookupByCode',
      { code: typed },
      'someone-with-the-code',
    )
    expect(found.status).toBe(200)
    expect(found.body.data.refNo).toBe(filed.body.data.refNo)
    expect(found.body.data.description).toContain('该查询码对应的匿名反映')
    expect(found.body.data.description).not.toContain('他人')
  })

  it('stores the reporter name and phone encrypted', async () => {
    const filed = await h.call<Ok<{ caseId: string }>>('cases', 'submitReport', report([]), CITIZEN)
    const doc = await h.runtime.db.get<{ reporter: Record<string, string> }>('cases', filed.body.data.caseId)
    const raw = JSON.stringify(doc)
    expect(raw).not.toContain('张三')
    expect(raw).not.toContain('13800138000')
    expect(doc?.reporter.nameSealed).toMatch(/^v1\./)
  })

  it("one citizen cannot read another's case", async () => {
    const filed = await h.call<Ok<{ caseId: string }>>('cases', 'submitReport', report([]), CITIZEN)
    const other = await h.call<Err>('cases', 'getMine', { caseId: filed.body.data.caseId }, 'someone-else')
    expect(other.status).toBe(404)
    expect(other.body.error.code).toBe('NOT_FOUND')
  })
})

describe('bad input: a clear 4xx error and nothing written', () => {
  async function expectNothingWritten(act: () => Promise<void>) {
    const before = await h.snapshot()
    await act()
    expect(await h.snapshot()).toEqual(before)
  }

  it('unknown function → 404 UNKNOWN_FUNCTION', async () => {
    await expectNothingWritten(async () => {
      const res = await h.call<Err>('nope', 'submitReport', {}, CITIZEN)
      expect(res.status).toBe(404)
      expect(res.body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FUNCTION' } })
      expect(res.body.error.message).toMatch(/云函数/)
    })
  })

  it('an occurrence time in the future → 400 on that field (it would decide night-time urgency)', async () => {
    await expectNothingWritten(async () => {
      const res = await h.call<Err>(
        'cases',
        'submitReport',
        { ...report([]), occurredAt: '2026-11-22T23:30:00+08:00' },
        CITIZEN,
      )
      expect(res.status).toBe(400)
      expect(res.body.error.fields).toEqual({ occurredAt: '发生时间不能晚于现在' })
    })
  })

  it('a photo already part of another report → 400, and the second report is not filed', async () => {
    const fileId = ((await upload(CITIZEN, PHOTO)).body as Ok<{ fileId: string }>).data.fileId
    await h.ok('cases', 'submitReport', report([fileId]), CITIZEN)
    await expectNothingWritten(async () => {
      const another = report([fileId], { clientRequestId: 'req-0002-abcdef' })
      const res = await h.call<Err>('cases', 'submitReport', another, CITIZEN)
      expect(res.status).toBe(400)
      expect(res.body.error.fields).toEqual({ photos: '照片已用于另一条反映' })
    })
  })

  it('registering a stored object outside the uploads folder → 400, nothing read or written', async () => {
    await expectNothingWritten(async () => {
      for (const fileId of ['local://secrets/identity.key', 'local://uploads/../secrets/identity.key']) {
        const res = await h.call<Err>('files', 'registerUpload', { fileId }, CITIZEN)
        expect(res.status).toBe(400)
        expect(res.body.error.code).toBe('VALIDATION_FAILED')
      }
    })
  })

  it('unknown action → 404 UNKNOWN_ACTION', async () => {
    await expectNothingWritten(async () => {
      const res = await h.call<Err>('cases', 'dropTable', {}, CITIZEN)
      expect(res.status).toBe(404)
      expect(res.body.error.code).toBe('UNKNOWN_ACTION')
    })
  })

  it('malformed JSON → 400 BAD_REQUEST', async () => {
    await expectNothingWritten(async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/fn/cases',
        headers: { 'content-type': 'application/json', [DEV_OPENID_HEADER]: CITIZEN },
        payload: '{"action": "submitReport", "payload": {',
      })
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    })
  })

  it('a body that is not an object, or has no action → 400 BAD_REQUEST', async () => {
    for (const payload of ['[1,2]', '"text"', '{}', '{"action": 7}']) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/fn/cases',
        headers: { 'content-type': 'application/json', [DEV_OPENID_HEADER]: CITIZEN },
        payload,
      })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.code).toBe('BAD_REQUEST')
    }
  })

  it('missing identity → 401 UNAUTHENTICATED', async () => {
    await expectNothingWritten(async () => {
      const res = await h.call<Err>('cases', 'submitReport', report([]), null)
      expect(res.status).toBe(401)
      expect(res.body.error.code).toBe('UNAUTHENTICATED')
    })
  })

  it('a malformed identity header → 401', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/fn/cases',
      headers: { [DEV_OPENID_HEADER]: 'x'.repeat(65) },
      payload: { action: 'listMine', payload: {} },
    })
    expect(res.statusCode).toBe(401)
  })

  it('a wrong-typed field → 400 VALIDATION_FAILED naming the field, in Chinese', async () => {
    await expectNothingWritten(async () => {
      const res = await h.call<Err>(
        'cases',
        'submitReport',
        report([], { location: { lat: '35.2', lng: 113.25, address: '焦作市山阳区' } }),
        CITIZEN,
      )
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
      expect(res.body.error.fields).toHaveProperty(['location.lat'], '纬度必须是数字')
      expect(res.body.error.message).toMatch(/^请检查填写的内容/)
    })
  })

  it('missing consent, short description, bad phone → field messages', async () => {
    const res = await h.call<Err>(
      'cases',
      'submitReport',
      report([], {
        consent: false,
        description: '太吵',
        reporter: { mode: 'real-name', name: '张三', phone: '123' },
      }),
      CITIZEN,
    )
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.fields ?? {}).sort()).toEqual([
      'consent',
      'description',
      'reporter.phone',
    ])
  })

  it('a staff-only action called by a citizen → 403', async () => {
    const res = await h.call<Err>('staff', 'inbox', {}, CITIZEN)
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('FORBIDDEN')
  })

  it('attaching a photo someone else uploaded → refused, nothing written', async () => {
    const up = await upload('dev-citizen-anon', PHOTO)
    const fileId = (up.body as Ok<{ fileId: string }>).data.fileId
    await expectNothingWritten(async () => {
      const res = await h.call<Err>('cases', 'submitReport', report([fileId]), CITIZEN)
      expect(res.status).toBe(400)
      expect(res.body.error.fields).toHaveProperty('photos')
    })
  })

  it('rejected content (content check says risky) → 422, nothing written', async () => {
    await expectNothingWritten(async () => {
      const res = await h.call<Err>(
        'cases',
        'submitReport',
        report([], { description: '这里有人开设赌博网站，还在工地旁边大声喧哗扰民。' }),
        CITIZEN,
      )
      expect(res.status).toBe(422)
      expect(res.body.error.code).toBe('CONTENT_REJECTED')
    })
  })

  it('an oversized upload → 413 FILE_TOO_LARGE, nothing stored', async () => {
    await expectNothingWritten(async () => {
      const res = await upload(CITIZEN, oversizedJpeg(5 * 1024 * 1024 + 1))
      expect(res.status).toBe(413)
      expect((res.body as Err).error.code).toBe('FILE_TOO_LARGE')
    })
  })

  it('a non-image upload (even named .jpg) → 415 UNSUPPORTED_FILE_TYPE, nothing stored', async () => {
    await expectNothingWritten(async () => {
      const res = await upload(CITIZEN, Buffer.from('#!/bin/sh\nrm -rf /\n'), 'photo.jpg', 'image/jpeg')
      expect(res.status).toBe(415)
      expect((res.body as Err).error.code).toBe('UNSUPPORTED_FILE_TYPE')
    })
  })

  it('an upload without identity → 401', async () => {
    const res = await upload(null, PHOTO)
    expect(res.status).toBe(401)
  })

  it('a file URL with a bad or expired signature → 403', async () => {
    const up = await upload(CITIZEN, PHOTO)
    const fileId = (up.body as Ok<{ fileId: string }>).data.fileId
    const urls = await h.runtime.blobs.tempUrls([fileId], 60)
    const url = urls[fileId]!
    expect(
      (await h.app.inject({ method: 'GET', url: url.replace(/sig=[^&]+/, 'sig=forged') })).statusCode,
    ).toBe(403)
    h.clock.advance(61_000)
    expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(403)
  })

  it('an unknown route → 404 in the same envelope', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe("local outbox view: the caller's own messages, identity from the header", () => {
  async function outbox(query: string, openid?: string) {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/dev/outbox${query}`,
      headers: openid ? { [DEV_OPENID_HEADER]: openid } : {},
    })
    return { status: res.statusCode, body: res.json() as Ok<{ items: Array<{ to: string }> }> | Err }
  }

  it('lists the messages of the persona in the x-dev-openid header; a recipient in the query is ignored', async () => {
    await h.ok('cases', 'submitReport', report([]), CITIZEN)
    const own = await outbox('', CITIZEN)
    expect(own.status).toBe(200)
    expect((own.body as Ok<{ items: Array<{ to: string }> }>).data.items).toEqual([
      expect.objectContaining({ to: CITIZEN }),
    ])
    // Someone else cannot read the citizen's notices by naming them.
    const other = await outbox(`?to=${CITIZEN}`, 'dev-citizen-anon')
    expect(other).toEqual({ status: 200, body: { ok: true, data: { items: [] } } })
  })

  it('without an identity, or with a malformed one → 401 UNAUTHENTICATED, even when the query names one', async () => {
    for (const openid of [undefined, 'x'.repeat(65)]) {
      const res = await outbox(`?to=${CITIZEN}`, openid)
      expect(res.status).toBe(401)
      expect((res.body as Err).error).toEqual({
        code: 'UNAUTHENTICATED',
        message: expect.stringMatching(/身份/),
      })
    }
  })
})

describe('failures outside the functions, on a real socket: the envelope with a Chinese message', () => {
  const CHINESE = /[\u4e00-\u9fff]/
  let port: number
  let logged: Array<{ level: keyof Logger; message: string; fields?: Record<string, unknown> }>

  beforeEach(async () => {
    logged = []
    const capture = (level: keyof Logger) => (message: string, fields?: Record<string, unknown>) =>
      logged.push({ level, message, fields })
    h.runtime.log = { info: capture('info'), warn: capture('warn'), error: capture('error') }
    port = await listenOnce(h.app)
  })

  function expectEnvelope(res: RawResponse, statusLine: string, code: string, message: RegExp) {
    expect(res.statusLine).toBe(statusLine)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(res.json).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } })
    expect((res.json as Err).error.message).toMatch(CHINESE)
  }

  const head = (lines: string[]) => lines.join('\r\n') + '\r\n\r\n'
  const IDENTITY = `${DEV_OPENID_HEADER}: ${CITIZEN}`

  // Failures Node's HTTP parser detects, before fastify has a request (the `clientError` event).
  it.each([
    [
      'a malformed chunked body',
      head([
        'POST /api/fn/cases HTTP/1.1',
        'Host: 127.0.0.1',
        IDENTITY,
        'Content-Type: application/json',
        'Transfer-Encoding: chunked',
      ]) + 'zz\r\n{"action":"listMine","payload":{}}\r\n0\r\n\r\n',
      'HTTP/1.1 400 Bad Request',
      /^请求格式错误：分块传输的请求体格式不正确$/,
    ],
    [
      'a header line without a colon',
      head(['GET /healthz HTTP/1.1', 'Host: 127.0.0.1', 'ThisLineHasNoColon']),
      'HTTP/1.1 400 Bad Request',
      /^请求格式错误：请求头格式不正确$/,
    ],
    [
      'a garbage request line',
      'HELLO GREENWHISTLE\r\n\r\n',
      'HTTP/1.1 400 Bad Request',
      /^请求格式错误：无法识别的请求行$/,
    ],
    [
      'a header over 16 KB',
      head(['GET /healthz HTTP/1.1', 'Host: 127.0.0.1', `X-Padding: ${'a'.repeat(http.maxHeaderSize + 1)}`]),
      'HTTP/1.1 431 Request Header Fields Too Large',
      /^请求格式错误：请求头过大（超过 16 KB）$/,
    ],
  ])(
    '%s → the envelope, the connection closed, nothing written or logged as an error',
    async (_name, request, statusLine, message) => {
      const before = await h.snapshot()
      const res = await exchange(port, request)
      expectEnvelope(res, statusLine, 'BAD_REQUEST', message)
      expect(res.headers.connection).toBe('close')
      expect(await h.snapshot()).toEqual(before)
      expect(logged.filter((entry) => entry.level === 'error')).toEqual([])
    },
  )

  // Failures fastify, its plugins or Node's request handling detect around a route.
  it.each([
    [
      'an invalid percent-encoding in the address',
      head(['GET /api/fn/%zz HTTP/1.1', 'Host: 127.0.0.1', 'Connection: close']),
      'HTTP/1.1 400 Bad Request',
      'BAD_REQUEST',
      /^请求格式错误：地址中有无效的字符编码$/,
    ],
    [
      'a function name longer than any route parameter',
      head([`POST /api/fn/${'a'.repeat(200)} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close']),
      'HTTP/1.1 414 URI Too Long',
      'BAD_REQUEST',
      /^请求格式错误：地址过长$/,
    ],
    [
      'an HTTP/1.1 request without Host',
      head(['GET /healthz HTTP/1.1', 'Connection: close']),
      'HTTP/1.1 400 Bad Request',
      'BAD_REQUEST',
      /^请求格式错误：缺少 Host 请求头$/,
    ],
    [
      'an Expect header other than 100-continue',
      head(['POST /api/fn/cases HTTP/1.1', 'Host: 127.0.0.1', 'Expect: something-else', 'Content-Length: 0']),
      'HTTP/1.1 417 Expectation Failed',
      'BAD_REQUEST',
      /^请求格式错误：不支持的 Expect 请求头$/,
    ],
    [
      'a multipart upload without a boundary',
      head([
        'POST /api/files HTTP/1.1',
        'Host: 127.0.0.1',
        'Connection: close',
        IDENTITY,
        'Content-Type: multipart/form-data',
        'Content-Length: 4',
      ]) + 'abcd',
      'HTTP/1.1 400 Bad Request',
      'BAD_REQUEST',
      /^上传内容不完整或格式不正确/,
    ],
    [
      'a multipart upload whose file part never ends',
      (() => {
        const part = Buffer.concat([
          Buffer.from(
            '--B\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n',
          ),
          PHOTO.subarray(0, 512),
        ])
        const lines = ['POST /api/files HTTP/1.1', 'Host: 127.0.0.1', 'Connection: close', IDENTITY]
        lines.push('Content-Type: multipart/form-data; boundary=B', `Content-Length: ${part.length}`)
        return Buffer.concat([Buffer.from(head(lines)), part])
      })(),
      'HTTP/1.1 400 Bad Request',
      'BAD_REQUEST',
      /^上传内容不完整或格式不正确/,
    ],
  ])(
    '%s → the envelope, nothing written or logged as an error',
    async (_name, request, statusLine, code, message) => {
      const before = await h.snapshot()
      expectEnvelope(await exchange(port, request), statusLine, code, message)
      expect(await h.snapshot()).toEqual(before)
      expect(logged.filter((entry) => entry.level === 'error')).toEqual([])
    },
  )

  it('paths the static file server refuses (outside its folder, a NUL byte) → the envelope, not an internal error', async () => {
    const staticDir = mkdtempSync(path.join(os.tmpdir(), 'gw-h5-'))
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>绿哨</title>')
    const withApp = await startHarness({ staticDir })
    try {
      withApp.runtime.log = h.runtime.log
      const staticPort = await listenOnce(withApp.app)
      const get = (target: string) =>
        exchange(staticPort, head([`GET ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close']))
      expect((await get('/')).statusLine).toBe('HTTP/1.1 200 OK')
      expectEnvelope(
        await get('/../../etc/passwd'),
        'HTTP/1.1 404 Not Found',
        'NOT_FOUND',
        /^没有这个地址：GET \//,
      )
      expectEnvelope(await get('/index%00.html'), 'HTTP/1.1 400 Bad Request', 'BAD_REQUEST', /^请求格式错误/)
      expect(logged.filter((entry) => entry.level === 'error')).toEqual([])
    } finally {
      await withApp.close()
      rmSync(staticDir, { recursive: true, force: true })
    }
  })

  describe('a client that drops mid-body is not an error of the gateway, which keeps serving', () => {
    async function dropAndSettle(request: string | Buffer) {
      await sendAndDrop(port, request)
      // The gateway notices when the connection closes; wait until it has said what it made of it.
      const said = () =>
        logged.some((entry) => entry.message === 'request ended before its body was complete')
      for (let waited = 0; !said() && waited < 5000; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }

    async function expectStillServing() {
      const health = await exchange(
        port,
        head(['GET /healthz HTTP/1.1', 'Host: 127.0.0.1', 'Connection: close']),
      )
      expect(health.statusLine).toBe('HTTP/1.1 200 OK')
      expect(health.json).toMatchObject({ ok: true, data: { status: 'ok' } })
    }

    it('a function call whose JSON body stops halfway', async () => {
      const before = await h.snapshot()
      const lines = [
        'POST /api/fn/cases HTTP/1.1',
        'Host: 127.0.0.1',
        IDENTITY,
        'Content-Type: application/json',
      ]
      lines.push('Content-Length: 4096')
      await dropAndSettle(head(lines) + '{"action":"submitReport","payload":{"description":"每晚')
      expect(logged).toContainEqual(
        expect.objectContaining({ level: 'info', message: 'request ended before its body was complete' }),
      )
      expect(logged.filter((entry) => entry.level !== 'info')).toEqual([])
      await expectStillServing()
      expect(await h.snapshot()).toEqual(before)
    })

    it('a photo upload that stops halfway: nothing stored', async () => {
      const before = await h.snapshot()
      const start = Buffer.from(
        '--B\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n',
      )
      const lines = ['POST /api/files HTTP/1.1', 'Host: 127.0.0.1', IDENTITY]
      lines.push(
        'Content-Type: multipart/form-data; boundary=B',
        `Content-Length: ${start.length + PHOTO.length + 8}`,
      )
      await dropAndSettle(Buffer.concat([Buffer.from(head(lines)), start, PHOTO.subarray(0, 1024)]))
      expect(logged).toContainEqual(
        expect.objectContaining({ level: 'info', message: 'request ended before its body was complete' }),
      )
      expect(logged.filter((entry) => entry.level !== 'info')).toEqual([])
      await expectStillServing()
      expect(await h.snapshot()).toEqual(before)
    })
  })
})

describe('local mode refuses production', () => {
  it('detects production cloud environment variables', () => {
    expect(productionEnvPresent({ PATH: '/usr/bin' })).toEqual([])
    expect(productionEnvPresent({ TCB_ENV: 'prod-1a2b', TENCENTCLOUD_SECRETID: 'AKID…' })).toEqual([
      'TCB_ENV',
      'TENCENTCLOUD_SECRETID',
    ])
  })
})
