// Open311 GeoReport v2 at /open311/v2/ (the channels function's HTTP access in production): services.json,
// services/<code>.json, requests.json with the standard filters and paging, requests/<id>.json — JSON and XML —
// each valid against the specification's fields (tests/support/open311-spec.ts), and no reporter data in any
// answer: the whole response of every request is searched for every reporter's name, phone, openid and query code.
import type { RegisteredReport } from '../../shared/contracts/channels'
import { orderRow, PLATFORM_SECRET, pushOrders, reporterTraces } from '../support/channels'
import { startHarness, type Harness } from '../support/local-harness'
import {
  ERROR_FIELDS,
  REQUEST_FIELDS,
  SERVICE_DEFINITION_FIELDS,
  SERVICE_FIELDS,
  specProblems,
} from '../support/open311-spec'
import { reportInput, STAFF } from '../support/reports'

jest.setTimeout(60_000)

let h: Harness
/** Every value that identifies a reporter of the cases below. */
const SECRETS: string[] = []
const refNos: Record<string, string> = {}
const bodies: string[] = []

async function get(url: string) {
  const res = await h.app.inject({ method: 'GET', url })
  bodies.push(res.body)
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.body }
}
const json = async (url: string) => {
  const res = await get(url)
  return { ...res, data: JSON.parse(res.body) as Array<Record<string, unknown>> }
}

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T10:00:00+08:00' })
  h.runtime.secrets.platformKeys = { '12345': PLATFORM_SECRET }
  // A real-name report, an anonymous one, a call registered by staff, a platform's order.
  const named = await h.ok<{ refNo: string; caseId: string }>(
    'cases',
    'submitReport',
    reportInput({ reporter: { mode: 'real-name', name: '欧阳娜娜', phone: '13912345678' } }),
    'dev-citizen',
  )
  const anonymous = await h.ok<{ refNo: string; queryCode: string }>(
    'cases',
    'submitReport',
    reportInput({ category: 'air', reporter: { mode: 'anonymous' } }),
    'dev-citizen-anon',
  )
  h.clock.advance(60_000)
  const call = await h.ok<RegisteredReport>(
    'channels',
    'registerReport',
    {
      clientRequestId: 'staff-req-open311',
      channel: 'phone',
      receivedAt: '2026-11-23T09:00:00+08:00',
      requestType: 'report',
      category: 'water',
      description: '来电举报：武陟县某厂夜间向沟渠排放黑色污水，气味刺鼻。',
      location: { address: '武陟县木城街道东沟' },
      contact: { name: '司马长风', phone: '0391-7123456' },
    },
    STAFF.supervisor,
  )
  const order = await pushOrders(
    h,
    '12345',
    JSON.stringify({ orders: [orderRow(1, { 联系人: '上官婉儿', 联系电话: '13600001234' })] }),
  )
  refNos.named = named.refNo
  refNos.anonymous = anonymous.refNo
  refNos.call = call.refNo
  refNos.order = order.body.data!.results[0]!.refNo as string
  SECRETS.push(
    '欧阳娜娜',
    '13912345678',
    'dev-citizen',
    anonymous.queryCode,
    'dev-citizen-anon',
    '司马长风',
    '7123456',
    call.queryCode!,
    '上官婉儿',
    '13600001234',
  )
  // And the sealed and masked forms as stored.
  SECRETS.push(...(await reporterTraces(h)))
  // Closed: the named report, after it was not accepted.
  await h.act(STAFF.supervisor, named.caseId, {
    type: 'not-accept',
    reason: 'legal-proceedings',
    guidance: '请向人民法院起诉',
  })
})

afterAll(async () => {
  // No reporter data in any answer of any test here.
  expect(bodies.length).toBeGreaterThan(10)
  for (const body of bodies) for (const secret of SECRETS) expect(body).not.toContain(secret)
  await h.close()
})

test('services.json and services.xml: the categories, each a valid service', async () => {
  const { status, type, data } = await json('/open311/v2/services.json')
  expect(status).toBe(200)
  expect(type).toContain('application/json')
  expect(data.map((s) => s.service_code)).toContain('noise')
  expect(data.flatMap((s, i) => specProblems(s, SERVICE_FIELDS, `services[${i}]`))).toEqual([])
  const xml = await get('/open311/v2/services.xml')
  expect(xml.type).toContain('application/xml')
  expect(xml.body).toMatch(
    /^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>air<\/service_code>/,
  )
})

test('services/<code>.json: the definition with the request type attribute', async () => {
  const res = await get('/open311/v2/services/noise.json')
  const definition = JSON.parse(res.body) as Record<string, unknown>
  expect(specProblems(definition, SERVICE_DEFINITION_FIELDS, 'definition')).toEqual([])
  expect((await get('/open311/v2/services/nothing.json')).status).toBe(404)
})

test('requests.json: every public case as a valid request, newest first, the reporter nowhere', async () => {
  const { data } = await json('/open311/v2/requests.json')
  expect(data.map((r) => r.service_request_id).sort()).toEqual(Object.values(refNos).sort())
  expect(data.flatMap((r, i) => specProblems(r, REQUEST_FIELDS, `requests[${i}]`))).toEqual([])
  const byId = Object.fromEntries(data.map((r) => [r.service_request_id, r]))
  expect(byId[refNos.named!]).toMatchObject({ status: 'closed', status_notes: '不予受理' })
  expect(byId[refNos.named!]).not.toHaveProperty('expected_datetime')
  expect(byId[refNos.anonymous!]).toMatchObject({
    status: 'open',
    service_code: 'air',
    agency_responsible: '山阳区分局',
    expected_datetime: expect.stringMatching(/T23:59:59\+08:00$/) as unknown,
  })
  // The call was placed only by its county: published without a position.
  expect(byId[refNos.call!]).not.toHaveProperty('lat')
  expect(byId[refNos.anonymous!]).toHaveProperty('lat')
  // The platform's deadline is the expected date of its order (S2 第十七条).
  expect(byId[refNos.order!]).toMatchObject({ expected_datetime: '2026-03-09T23:59:59+08:00' })
})

test('the standard filters: service_code, status, start_date and end_date; page and page_size', async () => {
  expect(
    (await json('/open311/v2/requests.json?service_code=water')).data.map((r) => r.service_request_id),
  ).toEqual([refNos.call])
  const closed = await json('/open311/v2/requests.json?status=closed')
  expect(closed.data.map((r) => r.service_request_id)).toEqual([refNos.named])
  const open = await json('/open311/v2/requests.json?status=open&service_code=noise,air,water')
  expect(open.data).toHaveLength(3)
  const none = await json(
    '/open311/v2/requests.json?start_date=2026-11-24T00:00:00%2B08:00&end_date=2026-11-30T00:00:00%2B08:00',
  )
  expect(none.data).toEqual([])
  const all = (await json('/open311/v2/requests.json')).data.map((r) => r.service_request_id)
  const pages = await Promise.all(
    [1, 2, 3, 4, 5].map(
      async (page) => (await json(`/open311/v2/requests.json?page_size=1&page=${page}`)).data,
    ),
  )
  expect(pages.map((p) => p.map((r) => r.service_request_id))).toEqual([...all.map((id) => [id]), []])
})

test('requests/<id>.json and .xml, and service_request_id=: by the public reference number', async () => {
  const one = await json(`/open311/v2/requests/${refNos.order}.json`)
  expect(one.data).toHaveLength(1)
  expect(specProblems(one.data[0]!, REQUEST_FIELDS, 'request')).toEqual([])
  const xml = await get(`/open311/v2/requests/${refNos.order}.xml`)
  expect(xml.body).toContain(
    `<service_requests><request><service_request_id>${refNos.order}</service_request_id>`,
  )
  const two = await json(`/open311/v2/requests.json?service_request_id=${refNos.order},${refNos.call}`)
  expect(two.data.map((r) => r.service_request_id)).toEqual([refNos.order, refNos.call])
})

test('errors answer in the specification’s error document', async () => {
  for (const [url, status] of [
    ['/open311/v2/requests/JZ-20000101-0001.json', 404],
    ['/open311/v2/requests.json?status=pending', 400],
    ['/open311/v2/requests.json?service_code=garbage', 400],
    ['/open311/v2/requests.json?start_date=yesterday', 400],
    ['/open311/v2/requests.json?page_size=1000', 400],
    ['/open311/v2/discovery.json', 404],
  ] as const) {
    const res = await json(url)
    expect(res.status).toBe(status)
    expect(res.data.flatMap((e) => specProblems(e, ERROR_FIELDS, url))).toEqual([])
  }
  const post = await h.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    payload: 'service_code=noise',
  })
  expect(post.statusCode).toBe(405)
  bodies.push(post.body)
})
