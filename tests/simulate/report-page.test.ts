// The report page, rendered from the real weapp build: it shows the form, and submitting calls the
// `cases` cloud function (through wx.cloud) with the payload the contract expects.
import { submitReportInput } from '../../shared/contracts/cases'
import { loadWeappBuild } from './harness'

// Loading miniprogram-simulate and the Taro runtime under jest takes seconds on a busy runner.
jest.setTimeout(60_000)
beforeAll(() => {
  loadWeappBuild()
})

const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx

test('renders the report form from the weapp build', async () => {
  const app = loadWeappBuild()
  const page = await app.renderPage('pages/report/index')
  const text = page.text()
  for (const label of [
    '诉求类型',
    '投诉',
    '举报',
    '问题类别',
    '噪声污染',
    '问题描述',
    '现场照片',
    '问题位置',
    '在地图上选择位置',
    '提交反映',
  ]) {
    expect(text).toContain(label)
  }
})

test('submitting calls cases.submitReport through wx.cloud with the expected payload', async () => {
  const app = loadWeappBuild()
  const redirects: string[] = []
  Object.assign(wx(), {
    chooseLocation: (opts: { success?: (r: object) => void }) => {
      const r = {
        latitude: 35.2152,
        longitude: 113.2543,
        name: '塔南路工地',
        address: '河南省焦作市山阳区人民路',
      }
      opts.success?.(r)
      return Promise.resolve(r)
    },
    redirectTo: (opts: { url: string; success?: () => void }) => {
      redirects.push(opts.url)
      opts.success?.()
    },
  })
  app.respond({
    'cases.submitReport': () => ({
      ok: true,
      data: {
        caseId: 'c1',
        refNo: 'JZ-20261121-0001',
        status: 'registered',
        statusLabel: '已登记',
        createdAt: '2026-11-21T10:00:00+08:00',
        queryCode: null,
        replayed: false,
      },
    }),
  })
  const page = await app.renderPage('pages/report/index', { category: 'noise' })
  await page.tap('举报')
  await page.input('wx-textarea', 0, '每晚十一点后工地打桩，噪声很大，影响周边居民休息。')
  await page.tap('在地图上选择位置')
  // wx-input order on the page: address, reported entity, name, phone
  await page.input('wx-input', 2, '张三')
  await page.input('wx-input', 3, '13800138000')
  await page.tap('我已阅读并同意')
  expect(page.root.innerHTML).toContain('✓')
  await page.tap('提交反映')

  const call = app.cloudCalls.find((c) => c.name === 'cases' && c.data.action === 'submitReport')
  expect(call).toBeDefined()
  const payload = call!.data.payload as Record<string, unknown>
  expect(payload).toMatchObject({
    requestType: 'report',
    category: 'noise',
    description: '每晚十一点后工地打桩，噪声很大，影响周边居民休息。',
    photos: [],
    location: {
      lat: 35.2152,
      lng: 113.2543,
      coordSystem: 'gcj02',
      address: '河南省焦作市山阳区人民路 塔南路工地',
    },
    reporter: { mode: 'real-name', name: '张三', phone: '13800138000' },
    consent: true,
  })
  expect(payload.clientRequestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  // What the client sends is exactly what the server's schema accepts.
  expect(submitReportInput.safeParse(payload).success).toBe(true)
  expect(redirects).toEqual(['/pages/case/index?id=c1&new=1'])
})
