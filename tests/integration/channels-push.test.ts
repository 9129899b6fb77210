// A platform pushes its orders over HTTP (POST /api/channels/<platform>/orders; the channels function's HTTP access
// in production), signed with the secret it shares with the bureau, with a timestamp and a nonce. A bad signature,
// an old timestamp or a reused nonce is refused and changes nothing; a good push goes the import's way (one case
// per order number however often it is sent; a malformed order answered with its reason, the others filed).
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { CaseDoc } from '../../shared/cases/case-doc'
import { orderRow, PLATFORM_SECRET, pushOrders } from '../support/channels'
import { startHarness, type Harness } from '../support/local-harness'

jest.setTimeout(60_000)

let h: Harness

beforeEach(async () => {
  h = await startHarness({ now: '2026-03-05T10:00:00+08:00' })
  h.runtime.secrets.platformKeys = { '12345': PLATFORM_SECRET }
})
afterEach(async () => {
  await h.close()
})

const body = (...orders: unknown[]) => JSON.stringify({ orders })

test('a signed push files its orders as cases, once however often they are sent', async () => {
  const res = await pushOrders(h, '12345', body(orderRow(1), orderRow(2)))
  expect(res.status).toBe(200)
  expect(res.body.data!.results).toEqual([
    {
      externalNo: 'JZ12345-20260302-0001',
      status: 'created',
      refNo: expect.stringMatching(/^JZ-20260305-/),
      reason: null,
    },
    {
      externalNo: 'JZ12345-20260302-0002',
      status: 'created',
      refNo: expect.stringMatching(/^JZ-20260305-/),
      reason: null,
    },
  ])
  const doc = (await h.runtime.db.find<CaseDoc>(COLLECTIONS.cases, { limit: 10 })).items[0]!
  expect(doc.history[0]).toMatchObject({
    actor: { kind: 'system', id: 'platform-push' },
    event: {
      channel: 'hotline-12345',
      externalNo: expect.stringMatching(/^JZ12345-/),
      platformDue: '2026-03-09',
    },
  })

  const again = await pushOrders(h, '12345', body(orderRow(2), orderRow(3)))
  expect(again.body.data!.results.map((r) => [r.externalNo, r.status])).toEqual([
    ['JZ12345-20260302-0002', 'existing'],
    ['JZ12345-20260302-0003', 'created'],
  ])
  expect((await h.snapshot()).cases).toBe(3)
})

test('a malformed order is answered with its reason; the others of the push are filed', async () => {
  const res = await pushOrders(
    h,
    '12345',
    body(orderRow(1), { ...orderRow(2), 事发地址: '' }, 'not an order'),
  )
  expect(res.body.data!.results).toEqual([
    expect.objectContaining({ externalNo: 'JZ12345-20260302-0001', status: 'created' }),
    { externalNo: 'JZ12345-20260302-0002', status: 'failed', refNo: null, reason: '「事发地址」为空' },
    { externalNo: null, status: 'failed', refNo: null, reason: '工单须为字段名到文字或数字的对象' },
  ])
  expect((await h.snapshot()).cases).toBe(1)
})

describe('refused, and nothing changes', () => {
  const now = () => Math.floor(h.clock.now().getTime() / 1000)

  test.each([
    [
      'a bad signature (another secret)',
      { secret: 'not-the-shared-secret-0123456789abcdef' },
      401,
      'UNAUTHENTICATED',
    ],
    ['a body changed after signing', { signedBody: body(orderRow(9)) }, 401, 'UNAUTHENTICATED'],
    ['an old timestamp (6 minutes)', { timestamp: -360 }, 401, 'UNAUTHENTICATED'],
    ['a timestamp from the future (6 minutes)', { timestamp: 360 }, 401, 'UNAUTHENTICATED'],
  ])('%s', async (_why, options, status, code) => {
    const before = await h.snapshot()
    const timestamp = 'timestamp' in options ? now() + options.timestamp : undefined
    const res = await pushOrders(h, '12345', body(orderRow(1)), { ...options, timestamp })
    expect(res.status).toBe(status)
    expect(res.body).toMatchObject({ ok: false, error: { code } })
    expect(await h.snapshot()).toEqual(before)
  })

  test('a reused nonce: the replay of a push that was accepted', async () => {
    const nonce = 'nonce-of-the-first-push-0001'
    const first = await pushOrders(h, '12345', body(orderRow(1)), { nonce })
    expect(first.status).toBe(200)
    const before = await h.snapshot()
    // The very same request again, and a new body under the used nonce.
    const timestamp = now()
    for (const replay of [body(orderRow(1)), body(orderRow(2))]) {
      const res = await pushOrders(h, '12345', replay, { nonce, timestamp })
      expect(res.status).toBe(409)
      expect(res.body.error!.message).toContain('随机数重复')
    }
    expect(await h.snapshot()).toEqual(before)
  })

  test('missing headers, a platform without a shared secret, an unknown platform, another method', async () => {
    const before = await h.snapshot()
    const unsigned = await h.app.inject({
      method: 'POST',
      url: '/api/channels/12345/orders',
      payload: body(orderRow(1)),
      headers: { 'content-type': 'application/json' },
    })
    expect(unsigned.statusCode).toBe(401)
    // 12369 is configured in the deployment but has no secret here: it cannot push.
    expect((await pushOrders(h, '12369', body(orderRow(1)))).status).toBe(403)
    expect((await pushOrders(h, 'nope', body(orderRow(1)))).status).toBe(404)
    const get = await h.app.inject({ method: 'GET', url: '/api/channels/12345/orders' })
    expect(get.statusCode).toBe(405)
    expect(await h.snapshot()).toEqual(before)
  })

  test('a body that is not the push format', async () => {
    const before = await h.snapshot()
    for (const bad of [
      '{"orders":[]}',
      '[]',
      'not json',
      JSON.stringify({ orders: Array(101).fill(orderRow(1)) }),
    ]) {
      const res = await pushOrders(h, '12345', bad)
      expect(res.status).toBe(400)
    }
    expect(await h.snapshot()).toEqual(before)
  })
})

test('the nonces of accepted pushes expire with their window (the hourly run removes them)', async () => {
  await pushOrders(h, '12345', body(orderRow(1)))
  expect((await h.snapshot()).channel_nonces).toBe(1)
  await h.fireTimer('timers')
  expect((await h.snapshot()).channel_nonces).toBe(1)
  h.clock.advance(11 * 60_000)
  await h.fireTimer('timers')
  expect((await h.snapshot()).channel_nonces).toBe(0)
})
