// The 工作台 tab from the real weapp build: a user who is not yet staff enters an invite code (only the code is
// sent: the identity is WeChat's); a staff member whose notices cannot arrive is told so, and agreement is asked
// from the tap — on the banner and when opening a task — and each agreement is recorded.
import { loadWeappBuild, waitUntil, type SimulatedApp } from './harness'

jest.setTimeout(60_000)

const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx

/** What happened, in order: cloud calls (by action) and subscribe requests. */
const events: string[] = []
const subscribeRequests: string[][] = []

const PROFILE = {
  staffId: 'st-new',
  name: '张伟',
  title: '山阳区分局执法人员',
  roles: ['officer'],
  units: [{ id: 'jz-shanyang', name: '山阳区分局' }],
}

const ITEM = {
  caseId: 'c1',
  refNo: 'JZ-20261123-0001',
  requestType: 'complaint',
  category: 'noise',
  status: 'assigned',
  statusLabel: '已交办',
  statusOpen: true,
  createdAt: '2026-11-23T09:00:00+08:00',
  address: '焦作市山阳区人民路与塔南路交叉口',
  descriptionExcerpt: '每晚十一点以后工地还在打桩',
  photoCount: 0,
  unitId: 'jz-shanyang',
  unitName: '山阳区分局',
  reporter: { mode: 'real-name', name: '张*', phone: '138****8000' },
  important: false,
  urgent: false,
  escalated: false,
  supervised: false,
  leaderCase: false,
  contentHeld: false,
  nextDue: null,
  followers: 1,
}

const consent = (status: string, remaining: number) => ({
  ok: true,
  data: { templateId: 'tmpl-staff', status, remaining, refusedAt: null },
})

let app: SimulatedApp
beforeAll(() => {
  app = loadWeappBuild((w) => {
    w.requestSubscribeMessage = (opts: { tmplIds: string[]; success?: (r: object) => void }) => {
      events.push('subscribe')
      subscribeRequests.push(opts.tmplIds)
      const r = Object.fromEntries(opts.tmplIds.map((id) => [id, 'accept']))
      opts.success?.(r)
      return Promise.resolve(r)
    }
  })
  const callFunction = (wx().cloud as { callFunction: (o: { data: { action: string } }) => unknown })
    .callFunction
  ;(wx().cloud as Record<string, unknown>).callFunction = (opts: { data: { action: string } }) => {
    events.push(opts.data.action)
    return callFunction(opts)
  }
  app.respond({
    'cases.clientConfig': () => ({
      ok: true,
      data: {
        deploymentName: '焦作',
        profileId: 'jiaozuo-12345',
        subscribeTemplates: { 'staff-task': 'tmpl-staff' },
        localMode: false,
        localities: [],
      },
    }),
  })
})

beforeEach(() => {
  events.length = 0
  subscribeRequests.length = 0
  app.cloudCalls.length = 0
})

test('not yet staff: the invite code is sent, nothing else, and the workbench opens', async () => {
  let bound = false
  app.respond({
    'staff.me': () => ({ ok: true, data: bound ? PROFILE : null }),
    'staff.redeemInvite': () => {
      bound = true
      return { ok: true, data: PROFILE }
    },
    'staff.inbox': () => ({ ok: true, data: { items: [], next: null } }),
    'staff.noticeConsent': () => consent('missing', 0),
  })
  const page = await app.renderPage('pages/workbench/index')
  expect(page.text()).toContain('工作人员绑定身份')
  await page.input('wx-input', 0, '7kqm-3wxp-9tda')
  await page.tap('绑定身份')
  await waitUntil(() => page.text().includes('张伟 · 山阳区分局执法人员'), 'the workbench')
  const redeem = app.cloudCalls.find((c) => c.data.action === 'redeemInvite')!
  expect(redeem).toEqual({
    name: 'staff',
    data: { action: 'redeemInvite', payload: { code: '7KQM-3WXP-9TDA' } },
  })
})

test('a refused code is explained on the card', async () => {
  app.respond({
    'staff.me': () => ({ ok: true, data: null }),
    'staff.redeemInvite': () => ({
      ok: false,
      error: { code: 'CONFLICT', message: '该邀请码已经使用过，每个邀请码只能使用一次。请联系系统管理员' },
    }),
  })
  const page = await app.renderPage('pages/workbench/index')
  await page.input('wx-input', 0, '7KQM3WXP9TDA')
  await page.tap('绑定身份')
  await waitUntil(() => page.text().includes('该邀请码已经使用过'), 'the refusal')
})

test('notices that cannot arrive: the banner says so and asks from the tap; the agreement is recorded', async () => {
  app.respond({
    'staff.me': () => ({ ok: true, data: PROFILE }),
    'staff.inbox': () => ({ ok: true, data: { items: [ITEM], next: null } }),
    'staff.noticeConsent': () => consent('missing', 0),
    'staff.recordNoticeConsent': () => consent('granted', 1),
  })
  const page = await app.renderPage('pages/workbench/index')
  await waitUntil(() => page.text().includes('待办提醒未开启'), 'the banner')
  await page.tap('待办提醒未开启')
  await waitUntil(() => page.text().includes('待办提醒已开启，还可接收 1 条'), 'the banner after agreeing')
  expect(subscribeRequests).toEqual([['tmpl-staff']])
  expect(events.indexOf('subscribe')).toBeLessThan(events.indexOf('recordNoticeConsent'))

  // Opening a task with few notices left asks again, first thing.
  events.length = 0
  await page.tap('JZ-20261123-0001')
  await waitUntil(() => events.includes('recordNoticeConsent'), 'the second agreement')
  expect(events[0]).toBe('subscribe')
})

test('a post without case duties sees no inbox', async () => {
  app.respond({
    'staff.me': () => ({ ok: true, data: { ...PROFILE, roles: ['admin'], title: '系统管理员' } }),
    'staff.noticeConsent': () => consent('missing', 0),
  })
  const page = await app.renderPage('pages/workbench/index')
  await waitUntil(() => page.text().includes('您的岗位没有办案职责'), 'the explanation')
  expect(page.text()).toContain('人员管理')
  expect(app.cloudCalls.some((c) => c.data.action === 'inbox')).toBe(false)
})

test('a list is shown only as the answer to the view on screen: a slow answer for an earlier scope never lands', async () => {
  const row = (n: number) => ({ ...ITEM, caseId: `c${n}`, refNo: `JZ-20261123-000${n}`, officerName: null })
  const held: Array<() => void> = []
  app.respond({
    'staff.me': () => ({ ok: true, data: PROFILE }),
    'staff.noticeConsent': () => consent('not-applicable', 0),
    'staff.duty': () => ({ ok: true, data: { today: '2026-11-23', handover: '08:30', days: [], mine: [] } }),
    'staff.counties': () => ({ ok: true, data: [] }),
    'staff.inbox': (payload) => {
      const scope = (payload as { scope?: string }).scope
      const answer = {
        ok: true,
        data: { items: [row(scope === 'todo' ? 1 : scope === 'all' ? 2 : 3)], next: null },
      }
      // 全部 answers late: only when released.
      return scope === 'all' ? new Promise((resolve) => held.push(() => resolve(answer))) : answer
    },
  })
  const page = await app.renderPage('pages/workbench/index')
  await waitUntil(() => page.text().includes('JZ-20261123-0001'), 'my to-do list')

  // 全部 is slow: meanwhile neither the to-do list nor "暂无案件" stands for it.
  await page.tap('全部')
  await waitUntil(() => held.length === 1, 'the request for 全部')
  expect(page.text()).not.toContain('JZ-20261123-0001')
  expect(page.text()).not.toContain('暂无案件')
  expect(page.text()).toContain('加载中')

  // 在办 is chosen before 全部 answers; 全部's answer then arrives and is not shown.
  await page.tap('在办')
  await waitUntil(() => page.text().includes('JZ-20261123-0003'), 'the cases in progress')
  held[0]!()
  await new Promise((r) => setTimeout(r, 200))
  expect(page.text()).toContain('JZ-20261123-0003')
  expect(page.text()).not.toContain('JZ-20261123-0002')
})
