// The report page, rendered from the real weapp build: it shows the form, checks it before submitting,
// explains the first location request, previews the handling unit and similar cases, and submitting calls the
// `cases` cloud function (through wx.cloud) with the payload the contract expects.
import { submitReportInput } from '../../shared/contracts/cases'
import { loadWeappBuild, previewAnswer, waitUntil } from './harness'

// Loading miniprogram-simulate and the Taro runtime under jest takes seconds on a busy runner.
jest.setTimeout(60_000)
beforeAll(() => {
  loadWeappBuild()
})

const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx

const PICKED = {
  latitude: 35.29958,
  longitude: 113.27638,
  name: '塔南路工地',
  address: '河南省焦作市山阳区人民路',
}

function stubNavigation() {
  const redirects: string[] = []
  const navigations: string[] = []
  const picks: object[] = []
  Object.assign(wx(), {
    chooseLocation: (opts: { success?: (r: object) => void }) => {
      picks.push(opts)
      opts.success?.(PICKED)
      return Promise.resolve(PICKED)
    },
    redirectTo: (opts: { url: string; success?: () => void }) => {
      redirects.push(opts.url)
      opts.success?.()
    },
    navigateTo: (opts: { url: string; success?: () => void }) => {
      navigations.push(opts.url)
      opts.success?.()
    },
  })
  return { redirects, navigations, picks }
}

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
    '发生时间（选填）',
    '污染来源（选填）',
    '建筑施工',
    '反映方式',
    '我已阅读并同意《举报须知与保密说明》',
    '提交前确认',
    '提交反映',
  ]) {
    expect(text).toContain(label)
  }
})

test('an incomplete form is checked on the device: nothing is sent, the fields say what is missing', async () => {
  const app = loadWeappBuild()
  const before = app.cloudCalls.filter((c) => c.data.action === 'submitReport').length
  const page = await app.renderPage('pages/report/index')
  await page.input('wx-textarea', 0, '太吵了')
  await page.tap('提交反映')
  const text = page.text()
  expect(text).toContain('请选择问题类别')
  expect(text).toContain('请把问题描述清楚（至少 10 个字）')
  expect(text).toContain('请选择问题发生的位置')
  expect(text).toContain('请阅读并同意《举报须知与保密说明》')
  expect(app.cloudCalls.filter((c) => c.data.action === 'submitReport').length).toBe(before)
})

test('the first location request is explained; then the map opens and the preview shows unit, date and similar cases', async () => {
  const app = loadWeappBuild()
  const { picks, navigations } = stubNavigation()
  app.respond({
    'cases.previewReport': () => ({
      ok: true,
      data: {
        routing: {
          inJurisdiction: true,
          outcome: 'assigned',
          region: { code: '410811', name: '山阳区' },
          county: { code: '410811', name: '山阳区' },
          placeName: '河南省焦作市山阳区',
          unit: { id: 'jz-shanyang', name: '山阳区分局' },
          guidance: null,
          cite: 'S0 第三条',
        },
        expectedReplyBy: {
          date: '2026-12-04',
          basis: 'S0 第七条(四)',
          provisional: false,
          estimate: {
            composition: 'handling',
            steps: [
              {
                clock: 'handling',
                label: '办结答复',
                days: 10,
                unit: 'working',
                due: '2026-12-04',
                basis: 'S0 第七条(四)',
              },
            ],
            summary: '办结答复 10 个工作日（自收到之日起）',
          },
        },
        urgent: true,
        similarCases: [
          {
            caseId: 'c-near',
            refNo: 'JZ-20261120-0007',
            category: 'noise',
            statusLabel: '已受理',
            address: '塔南路工地',
            createdAt: '2026-11-20T23:10:00+08:00',
            distanceMetres: 120,
            verdict: 'likely-duplicate',
            reasons: ['同类问题，相距 120 米'],
            following: false,
            followers: 3,
          },
        ],
      },
    }),
    'cases.follow': () => ({ ok: true, data: { caseId: 'c-near' } }),
  })
  const page = await app.renderPage('pages/report/index', { category: 'noise' })
  await page.tap('在地图上选择位置')
  expect(page.text()).toContain('为什么需要位置')
  expect(picks).toHaveLength(0) // nothing is asked before the explanation is answered
  await page.tap('好的，选择位置')
  expect(picks).toHaveLength(1)
  expect(page.text()).toContain('已定位：35.29958, 113.27638')

  await waitUntil(() => page.text().includes('山阳区分局'), 'the preview')
  const preview = app.cloudCalls.filter((c) => c.data.action === 'previewReport').at(-1)!
  expect(preview.data.payload).toMatchObject({
    category: 'noise',
    location: { lat: 35.29958, lng: 113.27638, coordSystem: 'gcj02' },
  })
  const text = page.text()
  expect(text).toContain('2026-12-04 前')
  expect(text).toContain('期限：办结答复 10 个工作日（自收到之日起）')
  // The basis names the document (S0 is a draft, and says so), not the seed label.
  expect(text).toContain('依据《焦作市12345热线生态环境问题举报投诉管理办法（征求意见稿）》第七条（四）')
  expect(text).not.toContain('S0 第')
  // Chosen on the map, and said so; the preview names the county the position lies in.
  expect(text).toContain('已定位：35.29958, 113.27638（地图选点）')
  expect(text).toContain('位置所在')
  expect(text).toContain('紧急')
  expect(text).toContain('JZ-20261120-0007')
  expect(text).toContain('很可能是同一问题')

  await page.tap('关注该问题')
  await waitUntil(() => navigations.length > 0, 'navigation to the followed case')
  expect(app.cloudCalls.at(-1)).toMatchObject({
    name: 'cases',
    data: { action: 'follow', payload: { caseId: 'c-near' } },
  })
  expect(navigations).toEqual(['/pages/case/index?id=c-near&followed=1'])
})

test('moving the pin hides the previous answer: the preview shows loading until the new place is answered', async () => {
  const app = loadWeappBuild()
  const places = [
    { latitude: 35.29958, longitude: 113.27638, name: '塔南路工地', address: '河南省焦作市山阳区人民路' },
    { latitude: 35.09, longitude: 113.4, name: '木城镇', address: '河南省焦作市武陟县木城镇' },
  ]
  let pick = 0
  Object.assign(wx(), {
    chooseLocation: (opts: { success?: (r: object) => void }) => {
      const place = places[pick++ % places.length]!
      opts.success?.(place)
      return Promise.resolve(place)
    },
  })
  // The second place's answer is held back until the test releases it.
  let release: () => void = () => undefined
  app.respond({
    'cases.previewReport': (payload) => {
      const { location } = payload as { location: { lat: number } }
      if (location.lat === places[0]!.latitude) return previewAnswer('山阳区分局', '山阳区')
      return new Promise((resolve) => {
        release = () => resolve(previewAnswer('武陟县分局', '武陟县'))
      })
    },
  })
  const page = await app.renderPage('pages/report/index', { category: 'noise' })
  await page.tap('在地图上选择位置')
  if (page.text().includes('好的，选择位置')) await page.tap('好的，选择位置')
  await waitUntil(() => page.text().includes('山阳区分局'), 'the first place answered')

  // Every state the page goes through is recorded, not only where it settles: the old answer must not show
  // beside the new coordinates even for one render.
  const seen: string[] = []
  const observer = new MutationObserver(() => seen.push(page.text()))
  observer.observe(page.root, { subtree: true, childList: true, characterData: true, attributes: true })
  await page.tap('在地图上重新选择')
  if (page.text().includes('好的，选择位置')) await page.tap('好的，选择位置')
  expect(page.text()).toContain('已定位：35.09000, 113.40000')
  const withNewPlace = seen.filter((t) => t.includes('已定位：35.09000, 113.40000'))
  expect(withNewPlace.length).toBeGreaterThan(0)
  for (const t of withNewPlace) expect(t).not.toContain('山阳区分局')
  // Right away, and for as long as the new place is not answered: no unit of the old place, only loading.
  expect(page.text()).not.toContain('山阳区分局')
  expect(page.text()).toContain('正在查询办理单位')
  await waitUntil(
    () =>
      app.cloudCalls.some((c) => (c.data.payload as { location?: { lat: number } })?.location?.lat === 35.09),
    'the preview request for the new place',
  )
  expect(page.text()).not.toContain('山阳区分局')
  expect(page.text()).toContain('正在查询办理单位')

  release()
  await waitUntil(() => page.text().includes('武陟县分局'), 'the new place answered')
  observer.disconnect()
  for (const t of seen.filter((x) => x.includes('已定位：35.09000, 113.40000'))) {
    expect(t).not.toContain('山阳区分局')
  }
})

test('submitting calls cases.submitReport through wx.cloud with the expected payload', async () => {
  const app = loadWeappBuild()
  const { redirects } = stubNavigation()
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
        contentPending: false,
      },
    }),
  })
  const page = await app.renderPage('pages/report/index', { category: 'noise' })
  await page.tap('举报')
  await page.input('wx-textarea', 0, '每晚十一点后工地打桩，噪声很大，影响周边居民休息。')
  await page.tap('在地图上选择位置')
  if (page.text().includes('好的，选择位置')) await page.tap('好的，选择位置')
  // wx-input order on the page: address, reported entity, name, phone
  await page.input('wx-input', 1, '塔南路某建设工程项目部')
  await page.tap('建筑施工')
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
    source: 'construction',
    description: '每晚十一点后工地打桩，噪声很大，影响周边居民休息。',
    photos: [],
    location: {
      lat: 35.29958,
      lng: 113.27638,
      coordSystem: 'gcj02',
      address: '河南省焦作市山阳区人民路 塔南路工地',
    },
    reportedEntity: '塔南路某建设工程项目部',
    reporter: { mode: 'real-name', name: '张三', phone: '13800138000' },
    consent: true,
  })
  expect(payload.occurredAt).toBeUndefined()
  expect(payload.clientRequestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  // What the client sends is exactly what the server's schema accepts.
  expect(submitReportInput.safeParse(payload).success).toBe(true)
  expect(redirects).toEqual(['/pages/case/index?id=c1&new=1'])
})

test('a refusal from the server keeps the form and puts its field message next to the field', async () => {
  const app = loadWeappBuild()
  stubNavigation()
  let sent: Record<string, unknown> | null = null
  app.respond({
    'cases.submitReport': (payload) => {
      sent = payload as Record<string, unknown>
      return {
        ok: false,
        error: {
          code: 'CONTENT_REJECTED',
          message: '内容未通过安全检查，请删除不当用语后重新提交',
          fields: { description: '含有不适宜的内容' },
        },
      }
    },
  })
  const page = await app.renderPage('pages/report/index', { category: 'air' })
  await page.input('wx-textarea', 0, '工厂晚上排放刺鼻的气体，附近居民都闻得到。')
  await page.tap('在地图上选择位置')
  if (page.text().includes('好的，选择位置')) await page.tap('好的，选择位置')
  await page.tap('匿名')
  await page.tap('我已阅读并同意')
  await page.tap('提交反映')
  const text = page.text()
  expect(sent).toMatchObject({ reporter: { mode: 'anonymous' } })
  expect(text).toContain('含有不适宜的内容')
  expect(text).toContain('内容未通过安全检查')
  expect(text).toContain('重新提交')
})
