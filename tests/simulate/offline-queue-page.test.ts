// The staff case page of the real weapp build without a network: an action whose call gets no answer is kept in
// the phone's storage (wx storage) with its request id, is still there when the page is opened again (the app
// restarted), and is sent — with the same request id — when the officer syncs, after which nothing is left.
import { loadWeappBuild, waitUntil, type SimulatedApp, useMemoryStorage } from './harness'

jest.setTimeout(60_000)

const QUEUE_KEY = 'gw.offlineQueue'
const stored: Record<string, unknown> = {}

let app: SimulatedApp
beforeAll(() => {
  app = loadWeappBuild((wx) => useMemoryStorage(wx, stored))
})

const PLACE = { lat: 35.29958, lng: 113.27638 }

function detail(version: number) {
  return {
    caseId: 'c1',
    refNo: 'JZ-20261123-0001',
    requestType: 'complaint',
    category: 'noise',
    status: 'investigating',
    statusLabel: '调查处理中',
    createdAt: '2026-11-23T23:05:00+08:00',
    address: '焦作市山阳区人民路与塔南路交叉口',
    descriptionExcerpt: '每晚十一点以后工地还在打桩。',
    photoCount: 0,
    unitId: 'jz-shanyang',
    unitName: '山阳区分局',
    reporter: { mode: 'anonymous', name: null, phone: null },
    important: false,
    urgent: true,
    escalated: false,
    supervised: false,
    leaderCase: false,
    contentHeld: false,
    nextDue: null,
    followers: 1,
    version,
    description: '每晚十一点以后工地还在打桩，噪声很大。',
    photos: [],
    heldContent: [],
    location: { ...PLACE, coordSystem: 'gcj02', address: '焦作市山阳区人民路与塔南路交叉口' },
    occurredAt: null,
    reportedEntity: '塔南路某建设工程项目部',
    routing: { outcome: 'assigned', cite: 'S0 第三条', guidance: null, department: null },
    findings: [],
    timeline: [],
    clocks: [],
    replyRemedies: '',
    allowedEvents: [{ type: 'link-penalty-case', label: '关联行政处罚案件' }],
    mergedInto: null,
    dueBadge: null,
    officerName: '王磊',
    waitsFor: '待承办人调查处理',
    responseTime: null,
    assignment: null,
    replyDraft: null,
    replyChain: [],
    pendingExtension: null,
    onSite: {
      place: { address: '焦作市山阳区人民路与塔南路交叉口', gcj02: PLACE, wgs84: PLACE },
      farThresholdMetres: 500,
      checkIns: [],
      photos: [],
      readings: [],
      rectifications: [],
      penaltyCases: [],
    },
  }
}

type Queue = { items: Array<{ id: string; event: { type: string; penaltyCaseNo: string } }> }
const queue = () => stored[QUEUE_KEY] as Queue | undefined

test('an action without a network is kept on the phone, survives reopening, and is sent once with its id', async () => {
  const acts: Array<{ clientRequestId: string; expectedVersion: number }> = []
  let network = false
  app.respond({
    'staff.getCase': () => ({ ok: true, data: detail(7) }),
    'staff.units': () => ({ ok: true, data: [] }),
    'staff.act': (payload) => {
      acts.push(payload as (typeof acts)[number])
      return network
        ? { ok: true, data: detail(8) }
        : { ok: false, error: { code: 'NETWORK', message: '网络不给力，请检查网络后重试' } }
    },
  })
  const page = await app.renderPage('staff/case/index', { id: 'c1' })
  await waitUntil(() => page.text().includes('办理记录'), 'the case')
  expect(page.text()).toContain('导航到现场')

  await page.tapSelector('[class*="chip-picker"] > *', 0)
  await waitUntil(() => page.text().includes('处罚案件编号'), 'the form')
  await page.input('wx-input', 0, '焦环罚〔2026〕12号')
  await page.tap('确认关联行政处罚案件')
  await waitUntil(() => (queue()?.items.length ?? 0) === 1, 'the action kept on the phone')
  const kept = queue()!.items[0]!
  expect(kept.event).toMatchObject({ type: 'link-penalty-case', penaltyCaseNo: '焦环罚〔2026〕12号' })
  expect(acts[0]).toMatchObject({ clientRequestId: kept.id, expectedVersion: 7 })
  await waitUntil(() => page.text().includes('待同步的操作（1）'), 'the queue on the page')

  // The app is opened again: the page reads the queue from the phone's storage.
  const reopened = await app.renderPage('staff/case/index', { id: 'c1' })
  await waitUntil(() => reopened.text().includes('待同步的操作（1）'), 'the queue after reopening')
  expect(reopened.text()).toContain('焦环罚〔2026〕12号')

  // The network is back: sent once more, with the same request id; nothing is left.
  network = true
  await reopened.tap('立即同步')
  await waitUntil(() => (queue()?.items.length ?? 0) === 0, 'the queue emptied')
  // (The back-off may have tried once more meanwhile: every attempt carries the one id.)
  expect(acts.length).toBeGreaterThanOrEqual(2)
  expect(new Set(acts.map((a) => a.clientRequestId))).toEqual(new Set([kept.id]))
  await waitUntil(() => !reopened.text().includes('待同步的操作'), 'the page without the queue')
})
