// The vertical slice in the browser: a citizen files a report with a photo and location → sees it in
// My reports → an officer sees it in the staff inbox.
import path from 'node:path'
import { field, open, screen, startE2E, type E2E } from './browser'
import { chooseCategory } from './citizen'

jest.setTimeout(60_000)

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

test('file a report with a photo and location, see it in My reports, see it as the officer', async () => {
  const { page } = await e2e.newPhone()
  await open(page, '/pages/report/index', '问题类别')

  await chooseCategory(page, '噪声污染')
  await field(page, 'description').fill('每晚十一点以后工地还在打桩，噪声很大，影响周边居民休息。')

  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('add-photo').tap()
  await (await chooser).setFiles(path.join(__dirname, '..', 'fixtures', 'photo.jpg'))
  await page.getByText('已上传').waitFor()

  await page.getByTestId('locate').tap()
  // The first location request is explained before the browser asks for the position.
  await page.getByTestId('location-consent').tap()
  await page.getByTestId('coords').waitFor()
  await field(page, 'address').fill('焦作市山阳区人民路与塔南路交叉口东北角工地')
  await field(page, 'reporter-name').fill('张三')
  await field(page, 'reporter-phone').fill('13800138000')
  await page.getByTestId('consent').tap()
  await page.getByTestId('submit').tap()

  await page.getByTestId('filed-banner').waitFor()
  const refNo = (await page.getByTestId('ref-no').textContent())?.trim()
  expect(refNo).toBe('JZ-20261121-0001')
  await expect(page.getByTestId('status').textContent()).resolves.toContain('已登记')

  await open(page, '/pages/mine/index', refNo!)
  expect(await screen(page).getByTestId('my-case').first().textContent()).toContain(refNo)

  await open(page, '/pages/workbench/index', '工作台仅供环保部门工作人员使用')
  await screen(page).getByText('切换身份').tap()
  await screen(page).locator('[data-persona="officer"]').tap()
  await screen(page).getByTestId('staff-name').waitFor()
  expect(await screen(page).getByTestId('staff-name').textContent()).toContain('王磊')
  // Not his to do yet (nobody assigned it to him): among his unit's cases in progress.
  await screen(page).locator('[data-testid="scope"] [data-value="open"]').tap()
  await screen(page).getByTestId('inbox-item').first().waitFor()
  const inbox = await screen(page).getByTestId('inbox-item').first().textContent()
  expect(inbox).toContain(refNo)
  // The officer sees the reporter masked.
  expect(inbox).toContain('张*')
  expect(inbox).not.toContain('13800138000')
})
