// Filing a report in the browser (H5 build, real local gateway): with photos compressed on the device, the
// check before submitting, anonymous reports and their query code, a draft that survives a reload, submits
// retried over a failing network that still give exactly one case, and following a similar case instead.
import { readFileSync } from 'node:fs'
import type { Page, Route } from 'playwright-core'
import { LOCAL_RISKY_IMAGE_MARKER } from '../../local/adapters/keyword-content-check'
import { QUERY_CODE_PATTERN } from '../../shared/contracts/cases'
import { reportInput } from '../support/reports'
import { field, layoutShifts, open, screen, settled, startE2E, until, type E2E } from './browser'
import {
  addPhotos,
  casesOf,
  chooseCategory,
  fillReport,
  largePhoto,
  locate,
  openReportForm,
  PHOTO,
  phoneAs,
  previewOfShownPlace,
  submitAndWaitFiled,
  waitForUploads,
} from './citizen'

jest.setTimeout(60_000)

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

/** Routes `cases` calls: `submit` decides what happens to each submitReport (others pass through). */
async function interceptSubmits(page: Page, submit: (route: Route, attempt: number) => Promise<void>) {
  let attempt = 0
  await page.route('**/api/fn/cases', async (route) => {
    const body = route.request().postDataJSON() as { action?: string }
    if (body.action !== 'submitReport') return route.continue()
    attempt++
    return submit(route, attempt)
  })
  return () => attempt
}

test('on a slow phone the form stays put once it shows, and choosing a category moves nothing below it', async () => {
  const { page } = await phoneAs(e2e, 'e2e-steady-form')
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.goto('/#/pages/report/index')
  const location = screen(page).getByTestId('manual-location')
  await location.waitFor()
  const where = await location.boundingBox()
  // Whatever the page still does after it shows (its components, the root font size, the navigation bar) moves
  // nothing: a tap aimed at it lands there.
  await page.waitForTimeout(1500)
  expect(await layoutShifts(page)).toEqual([])
  // The line under the categories keeps two lines' room, whichever category says what it covers.
  for (const category of ['危险废物', '其他', '大气污染']) {
    await chooseCategory(page, category)
    expect(await location.boundingBox()).toEqual(where)
  }
})

test('a real-name report with two photos (one compressed on the device) and a location', async () => {
  const openid = 'e2e-real-name'
  const { page } = await phoneAs(e2e, openid)
  await openReportForm(page)
  const s = screen(page)

  await fillReport(page, { description: '工地夜间打桩噪声很大，还有违禁测试词。' })
  // A large photo is compressed before upload; the small one is sent as it is.
  const large = await largePhoto(page)
  expect(large.buffer.length).toBeGreaterThan(1024 * 1024)
  await addPhotos(page, [PHOTO, large])
  await waitForUploads(page, 2)

  // Before submitting: the unit that will handle it and the reply date the rules promise.
  const preview = await previewOfShownPlace(page)
  expect(await preview.getByTestId('preview-unit').textContent()).toContain('山阳区分局')
  expect(await preview.getByTestId('preview-due').textContent()).toMatch(/\d{4}-\d{2}-\d{2} 前/)

  // Content security refuses the text: the message stands next to the description, nothing is filed.
  await s.getByTestId('submit').tap()
  await s.getByTestId('error-description').waitFor()
  expect(await s.getByTestId('submit-error').textContent()).toContain('内容未通过安全检查')
  expect(await casesOf(e2e, openid)).toHaveLength(0)

  await field(page, 'description').fill('每晚十一点以后工地还在打桩，噪声很大，影响周边居民休息。')
  const refNo = await submitAndWaitFiled(page)
  expect(refNo).toMatch(/^JZ-\d{8}-\d{4}$/)
  expect(await s.getByTestId('status').textContent()).toContain('已登记')
  await expect(s.locator('[data-testid="case-photos"] .case-photos__photo').count()).resolves.toBe(2)
  expect(await s.getByTestId('query-code').count()).toBe(0)

  const uploads = await e2e.harness.runtime.db.find<{ size: number; contentType: string }>('uploads', {
    filter: { owner: openid },
    limit: 10,
  })
  expect(uploads.items).toHaveLength(2)
  for (const u of uploads.items) expect(u.size).toBeLessThanOrEqual(500 * 1024)
  expect(uploads.items.map((u) => u.contentType).sort()).toEqual(['image/jpeg', 'image/jpeg'])
  const [filed] = await casesOf(e2e, openid)
  expect(filed).toMatchObject({ refNo, status: 'registered', relation: 'reporter' })
})

test('an anonymous report shows its query code once; another account looks it up by code', async () => {
  const { page } = await phoneAs(e2e, 'e2e-anonymous')
  await openReportForm(page)
  await fillReport(page, {
    anonymous: true,
    category: '大气污染',
    description: '化工厂晚上排放刺鼻的异味，开窗就能闻到。',
  })
  const refNo = await submitAndWaitFiled(page)
  const code = (await screen(page).getByTestId('query-code').textContent())!.trim()
  expect(code).toMatch(QUERY_CODE_PATTERN)
  // Not part of any address: the code is not left in the browser history.
  expect(page.url()).not.toContain(code)

  const { page: other } = await phoneAs(e2e, 'e2e-lookup')
  await open(other, '/pages/index/index', '查询匿名反映')
  await screen(other).getByTestId('open-lookup').tap()
  await screen(other).getByTestId('lookup-code').waitFor()
  await field(other, 'lookup-code').fill('ABC')
  await screen(other).getByTestId('lookup-submit').tap()
  await screen(other).getByText('查询码是 10 位字母和数字').waitFor()

  // Typed as people copy it: lower case, in two groups, O and L where the code has 0 and 1.
  const typed = `${code.slice(0, 5)} ${code.slice(5)}`.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l')
  await field(other, 'lookup-code').fill(typed)
  await screen(other).getByTestId('lookup-submit').tap()
  await screen(other).getByTestId('lookup-result').waitFor()
  expect(await screen(other).getByTestId('ref-no').textContent()).toContain(refNo)
  expect(await screen(other).getByTestId('status').textContent()).toContain('已登记')
  // The report's words are not shown by code; the holder is told it is the code's anonymous report.
  const result = await screen(other).getByTestId('lookup-result').textContent()
  expect(result).not.toContain('刺鼻的异味')
  expect(result).toContain('该查询码对应的匿名反映')
  expect(result).not.toContain('他人反映')

  // Lookups are limited (10 per 10 minutes): the limit is explained, not a blank failure.
  for (let i = 0; i < 10; i++) await e2e.harness.call('cases', 'lookupByCode', { code }, 'e2e-lookup')
  await screen(other).getByTestId('lookup-submit').tap()
  await screen(other).getByTestId('lookup-error').filter({ hasText: '查询次数过多' }).waitFor()
})

test('the draft survives a reload: text, place, reporter and uploaded photos', async () => {
  const openid = 'e2e-draft'
  const { page } = await phoneAs(e2e, openid)
  await openReportForm(page)
  const s = screen(page)
  await chooseCategory(page, '水污染')
  await field(page, 'description').fill('河边排污口夜里排黑水，有很重的臭味。')
  await addPhotos(page, [PHOTO])
  await waitForUploads(page, 1)
  await locate(page)
  await field(page, 'address').fill('焦作市山阳区新河桥下排污口')
  await field(page, 'reporter-name').fill('李四')
  await s.getByText('草稿已自动保存').waitFor()
  // The autosave runs after typing stops; make sure the last field is in the saved copy.
  await page.waitForFunction(() =>
    (window.localStorage.getItem('gw.reportDraft.e2e-draft') ?? '').includes('李四'),
  )

  await page.reload()
  await s.getByTestId('draft-restored').waitFor()
  await settled(page)
  await expect(field(page, 'description').inputValue()).resolves.toBe('河边排污口夜里排黑水，有很重的臭味。')
  await expect(field(page, 'address').inputValue()).resolves.toBe('焦作市山阳区新河桥下排污口')
  await expect(field(page, 'reporter-name').inputValue()).resolves.toBe('李四')
  expect(await s.locator('[data-testid="categories"] .active').textContent()).toContain('水污染')
  await s.getByTestId('coords').waitFor()
  // The photo was uploaded before the reload: kept as its fileId, previewed from the server.
  await waitForUploads(page, 1)
  await s.locator('[data-testid="photo-slot"] img[src*="/files/"]').waitFor()

  await field(page, 'reporter-phone').fill('13900139000')
  await s.getByTestId('consent').tap()
  await submitAndWaitFiled(page)
  const cases = await casesOf(e2e, openid)
  expect(cases).toHaveLength(1)
  const detail = await e2e.harness.ok<{ photos: unknown[] }>(
    'cases',
    'getMine',
    { caseId: cases[0]!.caseId },
    openid,
  )
  expect(detail.photos).toHaveLength(1)

  // Filed: the draft is gone, the next report starts empty.
  await openReportForm(page)
  await expect(field(page, 'description').inputValue()).resolves.toBe('')
  expect(await s.getByTestId('draft-restored').count()).toBe(0)
})

test('the request is lost on the way: retried automatically, exactly one case', async () => {
  const openid = 'e2e-lost-request'
  const { page } = await phoneAs(e2e, openid)
  const attempts = await interceptSubmits(page, (route, attempt) =>
    attempt === 1 ? route.abort('internetdisconnected') : route.continue(),
  )
  await openReportForm(page)
  await fillReport(page)
  await submitAndWaitFiled(page)
  expect(attempts()).toBe(2)
  expect(await casesOf(e2e, openid)).toHaveLength(1)
  expect(await screen(page).getByTestId('replayed').count()).toBe(0)
})

test('the answer is lost after the server filed it: the retry gets the same case, not a second one', async () => {
  const openid = 'e2e-lost-answer'
  const { page } = await phoneAs(e2e, openid)
  const attempts = await interceptSubmits(page, async (route, attempt) => {
    if (attempt > 1) return route.continue()
    await route.fetch() // the server files the report…
    await route.abort('connectionreset') // …and the phone never hears back
  })
  await openReportForm(page)
  await fillReport(page)
  const refNo = await submitAndWaitFiled(page)
  expect(attempts()).toBe(2)
  await screen(page).getByTestId('replayed').waitFor()
  const cases = await casesOf(e2e, openid)
  expect(cases).toHaveLength(1)
  expect(cases[0]!.refNo).toBe(refNo)
})

test('when the automatic retries run out, 重新提交 files it — once', async () => {
  const openid = 'e2e-offline'
  const { page } = await phoneAs(e2e, openid)
  let offline = true
  const attempts = await interceptSubmits(page, (route) =>
    offline ? route.abort('internetdisconnected') : route.continue(),
  )
  await openReportForm(page)
  await fillReport(page)
  await screen(page).getByTestId('submit').tap()
  await screen(page).getByTestId('retry-submit').waitFor({ timeout: 20_000 })
  expect(attempts()).toBe(3) // the first try and two automatic retries
  const message = await screen(page).getByTestId('submit-error').textContent()
  expect(message).toContain('已自动重试 2 次')
  expect(message).toContain('不会重复提交')
  expect(await casesOf(e2e, openid)).toHaveLength(0)

  offline = false
  await screen(page).getByTestId('retry-submit').tap()
  await screen(page).getByTestId('filed-banner').waitFor()
  expect(await casesOf(e2e, openid)).toHaveLength(1)
})

test('a second citizen sees the open case nearby before submitting and follows it instead', async () => {
  const first = await e2e.harness.ok<{ caseId: string; refNo: string }>(
    'cases',
    'submitReport',
    reportInput({ description: '塔南路工地凌晨还在施工，电锯声音很大，吵得睡不着。' }),
    'e2e-first-reporter',
  )
  const openid = 'e2e-second-citizen'
  const { page } = await phoneAs(e2e, openid)
  await openReportForm(page)
  const s = screen(page)
  await chooseCategory(page, '噪声污染')
  await locate(page)
  const similar = s.locator('[data-testid="similar-case"]', { hasText: first.refNo })
  await similar.waitFor()
  await similar.getByTestId('follow-similar').tap()

  await s.getByTestId('followed-banner').waitFor()
  expect(await s.getByTestId('ref-no').textContent()).toContain(first.refNo)
  expect(await s.getByText('我关注的问题').count()).toBe(1)
  const mine = await casesOf(e2e, openid)
  expect(mine).toEqual([expect.objectContaining({ caseId: first.caseId, relation: 'follower' })])

  await open(page, '/pages/mine/index', first.refNo)
  expect(await screen(page).getByTestId('my-case').first().textContent()).toContain('关注')
})

test('without a position from the browser, a demo place is chosen or coordinates typed in (local mode)', async () => {
  const { page } = await phoneAs(e2e, 'e2e-manual-place')
  await openReportForm(page)
  const s = screen(page)
  await chooseCategory(page, '固体废物')
  await s.getByTestId('manual-location').tap()
  // A place inside each county of the demo jurisdiction (GET /api/dev/places), routed to that county.
  await s.getByTestId('demo-place').filter({ hasText: '武陟县' }).tap()
  await until(
    () => field(page, 'address').inputValue(),
    (v) => v.includes('武陟县'),
  )
  expect(await (await previewOfShownPlace(page)).getByTestId('preview-unit').textContent()).toContain(
    '武陟县',
  )

  await field(page, 'manual-lat').fill('95')
  await field(page, 'manual-lng').fill('113.27638')
  await s.getByTestId('use-manual').tap()
  await s.getByText('请填写有效的纬度和经度').waitFor()
  await field(page, 'manual-lat').fill('35.29958')
  await s.getByTestId('use-manual').tap()
  await s.getByTestId('coords').filter({ hasText: '35.29958, 113.27638' }).waitFor()
  // The preview of *these* coordinates, not the one still answering for the demo place.
  const preview = await previewOfShownPlace(page)
  expect(await preview.getAttribute('data-position')).toBe('35.29958, 113.27638')
  expect(await preview.getByTestId('preview-unit').textContent()).toContain('山阳区分局')
})

test('how the position was obtained is said; an address naming another county than the position is pointed out', async () => {
  const { page } = await phoneAs(e2e, 'e2e-place-mismatch')
  await openReportForm(page)
  const s = screen(page)
  await chooseCategory(page, '大气污染')
  await s.getByTestId('manual-location').tap()
  // A demo place is not the phone's position.
  await s.getByTestId('demo-place').filter({ hasText: '武陟县' }).tap()
  await s.getByTestId('coords').filter({ hasText: '演示地点' }).waitFor()
  expect(await s.getByTestId('coords').textContent()).not.toContain('手机定位')
  const first = await previewOfShownPlace(page)
  expect(await first.getByTestId('preview-place').textContent()).toContain('武陟县')
  expect(await first.getByTestId('preview-place-mismatch').count()).toBe(0)

  // Coordinates typed in 山阳区 while the address (from the demo place) still says 武陟县: filed by the
  // coordinates, and the preview says where they are and that the address names another county.
  await field(page, 'manual-lat').fill('35.29958')
  await field(page, 'manual-lng').fill('113.27638')
  await s.getByTestId('use-manual').tap()
  await s.getByTestId('coords').filter({ hasText: '35.29958, 113.27638（手动输入的坐标）' }).waitFor()
  const preview = await previewOfShownPlace(page)
  expect(await preview.getByTestId('preview-place').textContent()).toContain('山阳区')
  const hint = preview.getByTestId('preview-place-mismatch')
  await hint.waitFor()
  expect(await hint.textContent()).toContain('武陟县')
  expect(await hint.textContent()).toContain('山阳区')

  // Correcting the address takes the hint away (checked on the phone, no new query); it never blocks.
  await field(page, 'address').fill('焦作市山阳区人民路与塔南路交叉口')
  await until(
    () => hint.count(),
    (n) => n === 0,
  )
})

test('a file that is not a photo, or cannot be read, says why on its slot instead of vanishing', async () => {
  const { page } = await phoneAs(e2e, 'e2e-not-a-photo')
  await openReportForm(page)
  await addPhotos(page, [
    PHOTO,
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('现场情况：晚上十一点还在施工') },
    { name: 'broken.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not really a jpeg') },
  ])
  await waitForUploads(page, 1)
  const refused = screen(page).locator('[data-testid="photo-slot"][data-status="refused"]')
  await expect(refused.count()).resolves.toBe(2)
  const byName = (name: string) => screen(page).locator(`[data-testid="photo-slot"][data-name="${name}"]`)
  expect(await byName('notes.txt').textContent()).toContain('不是照片')
  expect(await byName('broken.jpg').textContent()).toContain('无法读取这张照片')
  // Not part of the report: the count is of photos, and submitting is not held up by them.
  expect(await screen(page).getByTestId('add-photo').textContent()).toContain('1/9')
  await byName('notes.txt').locator('.photo-grid__remove').tap()
  await byName('notes.txt').waitFor({ state: 'detached' })
  expect(await refused.count()).toBe(1)
  expect(await byName('broken.jpg').count()).toBe(1)
})

test('a photo the server will not take says why and offers no pointless retry', async () => {
  const { page } = await phoneAs(e2e, 'e2e-refused-upload')
  // What the gateway answers a file that is not an image after all (cloudfunctions/common/uploads.ts).
  await page.route('**/api/files', (route) =>
    route.fulfill({
      status: 415,
      json: {
        ok: false,
        error: { code: 'UNSUPPORTED_FILE_TYPE', message: '只能上传 JPG、PNG、WebP 或 GIF 格式的照片' },
      },
    }),
  )
  await openReportForm(page)
  await addPhotos(page, [PHOTO])
  const slot = screen(page).locator('[data-testid="photo-slot"][data-status="rejected"]')
  await slot.waitFor()
  expect(await slot.textContent()).toContain('只能上传 JPG、PNG、WebP 或 GIF 格式的照片')
  expect(await slot.textContent()).not.toContain('重试')
})

test('tags stay on one line at 375 px (紧急 in the preview, statuses of similar cases)', async () => {
  const { page } = await phoneAs(e2e, 'e2e-narrow')
  await page.setViewportSize({ width: 375, height: 812 })
  // An urgent preview with a similar case, as the cases function answers it for night-time construction noise.
  await page.route('**/api/fn/cases', async (route) => {
    const body = route.request().postDataJSON() as { action?: string }
    if (body.action !== 'previewReport') return route.continue()
    const real = (await (await route.fetch()).json()) as { ok: true; data: Record<string, unknown> }
    real.data.urgent = true
    real.data.similarCases = [
      {
        caseId: 'c-near',
        refNo: 'JZ-20261120-0007',
        category: 'noise',
        statusLabel: '办理中',
        address: '焦作市山阳区人民路与塔南路交叉口东北角工地',
        createdAt: '2026-11-20T23:10:00+08:00',
        distanceMetres: 120,
        verdict: 'likely-duplicate',
        reasons: ['同类问题，相距约 120 米，昨天反映'],
        following: false,
        followers: 3,
      },
    ]
    return route.fulfill({ json: real })
  })
  await openReportForm(page)
  await chooseCategory(page, '噪声污染')
  await locate(page)
  const preview = await previewOfShownPlace(page)
  await preview.getByTestId('preview-urgent').waitFor()
  // The test browser has no CJK font: its glyphs render narrow, so a row never runs out of room as it does on a
  // phone. Squeeze every box holding a tag instead: a tag that may shrink or wrap breaks into one character per
  // line, as 紧急 did beside the urgent notice at 375 px.
  await page.addStyleTag({ content: ':has(> .tag) { width: 24px !important; }' })
  const tags = await preview.locator('.tag').evaluateAll((els) =>
    els.map((el) => {
      const box = el.getBoundingClientRect()
      return { text: el.textContent, height: box.height, fontSize: parseFloat(getComputedStyle(el).fontSize) }
    }),
  )
  expect(tags.map((t) => t.text)).toEqual(['紧急', '办理中'])
  // One line of text plus padding; a tag broken into one character per line is twice as high or more.
  expect(tags.filter((t) => t.height >= t.fontSize * 2.2)).toEqual([])
})

test('a photo refused by the content check says so on the photo and is not attached', async () => {
  const { page } = await phoneAs(e2e, 'e2e-risky-photo')
  await openReportForm(page)
  // The local content check refuses images carrying this marker (local/adapters/keyword-content-check.ts).
  const risky = Buffer.concat([readFileSync(PHOTO), Buffer.from(LOCAL_RISKY_IMAGE_MARKER)])
  await addPhotos(page, [{ name: 'risky.jpg', mimeType: 'image/jpeg', buffer: risky }])
  const slot = screen(page).locator('[data-testid="photo-slot"][data-status="rejected"]')
  await slot.waitFor()
  expect(await slot.textContent()).toContain('未通过内容安全检查')
  await fillReport(page)
  await screen(page).getByTestId('submit').tap()
  await screen(page).getByTestId('form-error').waitFor()
  expect(await screen(page).getByTestId('form-error').textContent()).toContain('有照片没有上传成功')
})
