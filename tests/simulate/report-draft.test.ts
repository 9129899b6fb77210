// A draft left in the weapp's storage (the app was closed mid-report): the form comes back with its text,
// place and uploaded photo, keeps saving as it is edited, and submitting reuses the draft's clientRequestId —
// so a submit that may already have reached the server never files a second case. Also: the WeChat privacy
// consent is asked, with an explanation, before the first location request.
import { loadWeappBuild, waitUntil, type SimulatedApp } from './harness'

jest.setTimeout(60_000)

const DRAFT_KEY = 'gw.reportDraft'
const stored: Record<string, unknown> = {
  [DRAFT_KEY]: {
    version: 1,
    clientRequestId: 'rdraft0001kept',
    requestType: 'complaint',
    category: 'water',
    source: null,
    description: '河边排污口夜里排黑水，有很重的臭味。',
    photos: [
      {
        key: 'p1',
        localPath: 'wxfile://usr/gw-draft-photos/p1.jpg',
        fileId: 'cloud://env-1/uploads/p1.jpg',
        size: 182_000,
        originalSize: 2_400_000,
      },
    ],
    position: { lat: 35.29958, lng: 113.27638, coordSystem: 'gcj02' },
    address: '焦作市山阳区新河桥下排污口',
    occurredAt: null,
    reportedEntity: '',
    reporterMode: 'anonymous',
    name: '',
    phone: '',
    consent: true,
    savedAt: '22:41',
  },
}
const writes: Array<{ key: string; data: unknown }> = []
const picks: object[] = []

let app: SimulatedApp
beforeAll(() => {
  app = loadWeappBuild((wx) => {
    wx.getStorageSync = (key: string) => stored[key] ?? ''
    wx.setStorageSync = (key: string, data: unknown) => {
      writes.push({ key, data })
      stored[key] = data
    }
    // The user has not agreed to the privacy guide yet.
    wx.getPrivacySetting = (opts: { success?: (r: object) => void }) =>
      opts.success?.({ needAuthorization: true, privacyContractName: '《绿哨隐私保护指引》' })
    wx.onNeedPrivacyAuthorization = () => undefined
    wx.chooseLocation = (opts: { success?: (r: object) => void }) => {
      picks.push(opts)
    }
  })
})

test('the draft comes back, keeps saving, and is submitted with its own clientRequestId and photo', async () => {
  let sent: Record<string, unknown> | null = null
  app.respond({
    'cases.submitReport': (payload) => {
      sent = payload as Record<string, unknown>
      return { ok: false, error: { code: 'NETWORK', message: '网络不给力，请检查网络后重试' } }
    },
  })
  const page = await app.renderPage('pages/report/index')
  const text = page.text()
  expect(text).toContain('已恢复您上次未填完的内容（22:41 保存）')
  expect(text).toContain('18/1000') // the description's length: its text is back in the textarea
  expect(text).toContain('已定位：35.29958, 113.27638')
  expect(text).toContain('已上传 · 178 KB')

  await page.input('wx-textarea', 0, '河边排污口夜里排黑水，有很重的臭味，已经三天了。')
  await waitUntil(
    () => writes.some((w) => w.key === DRAFT_KEY && JSON.stringify(w.data).includes('已经三天了')),
    'the autosave',
  )

  await page.tap('提交反映')
  await waitUntil(() => sent !== null, 'submitReport')
  expect(sent).toMatchObject({
    clientRequestId: 'rdraft0001kept',
    category: 'water',
    photos: ['cloud://env-1/uploads/p1.jpg'],
    reporter: { mode: 'anonymous' },
  })
  // NETWORK: retried automatically with the same request (2 retries), then the retry button is offered.
  await waitUntil(() => page.text().includes('重新提交'), 'the retry button', 15_000)
  const submits = app.cloudCalls.filter((c) => c.data.action === 'submitReport')
  expect(submits).toHaveLength(3)
  expect(
    new Set(submits.map((c) => (c.data.payload as { clientRequestId: string }).clientRequestId)),
  ).toEqual(new Set(['rdraft0001kept']))
  expect(page.text()).toContain('不会重复提交')
})

test('before the first location request: an explanation and the privacy consent, nothing asked before', async () => {
  const page = await app.renderPage('pages/report/index')
  await page.tap('在地图上重新选择')
  await waitUntil(() => page.text().includes('为什么需要位置'), 'the explanation')
  const text = page.text()
  expect(text).toContain('《绿哨隐私保护指引》')
  expect(text).toContain('同意并选择位置')
  expect(text).toContain('暂不定位，手动填写')
  expect(picks).toHaveLength(0)
})
