// The public page in the browser, as an anonymous visitor — no persona chosen, no identity sent: the month's figures
// per county and category (S1 第十三条), a typical case with its handling summary (S0 第十四条), the ways to report and
// the reward rules (their placeholders marked 暂定); nothing on the page or in any answer it received names a
// reporter (S4 四(六)). Then the staff side: the map of open cases (the H5 schematic of the clusters) and the
// quarterly report read in the app.
import type { Page } from 'playwright-core'
import { fileMonthOfReports, reporterValuesIn, type MonthOfReports } from '../support/disclosure'
import { STAFF } from '../support/reports'
import { open, screen, startE2E, until, type E2E } from './browser'
import { phoneAs } from './citizen'

jest.setTimeout(120_000)

const SUMMARY =
  '群众反映塔南路工地夜间施工噪声扰民。执法人员当晚到场核查，工地未取得夜间施工许可，已责令停止夜间施工并立案查处。'

let e2e: E2E
let month: MonthOfReports

beforeAll(async () => {
  e2e = await startE2E({ now: '2026-11-23T09:00:00+08:00' })
  const h = e2e.harness
  month = await fileMonthOfReports(h)
  await h.ok(
    'public',
    'chooseTypicalCase',
    { caseId: month.noise.caseId, kind: 'positive', summary: SUMMARY },
    STAFF.head,
  )
  // The hourly run after the month ended publishes November.
  h.clock.set('2026-12-01T00:05:00+08:00')
  await h.fireTimer('timers')
})
afterAll(async () => {
  await e2e?.close()
})

/** What the page asked the backend and what it was told. */
function recordCalls(page: Page) {
  const calls: Array<{ url: string; identity: string | undefined; body: Promise<string> }> = []
  page.on('response', (response) => {
    if (!response.url().includes('/api/fn/')) return
    calls.push({
      url: response.url(),
      identity: response.request().headers()['x-dev-openid'],
      body: response.text(),
    })
  })
  return calls
}

test('an anonymous visitor reads the month’s figures and a typical case, and nothing of a reporter', async () => {
  const { context, page } = await e2e.newPhone()
  const calls = recordCalls(page)
  await open(page, '/disclosure/index', '举报投诉办理情况公开')
  const view = screen(page)
  const figures = view.getByTestId('disclosure-figures')
  await figures.waitFor()
  expect(await figures.getAttribute('data-month')).toBe('2026-11')
  expect(await view.getByTestId('total-received').textContent()).toBe('3')
  expect(await view.getByTestId('total-closed').textContent()).toBe('1')
  const shanyang = view.locator('[data-testid="county-row"][data-name="山阳区"]')
  expect(await shanyang.locator('.disclosure__num').first().textContent()).toBe('2')
  const noise = view.locator('[data-testid="category-row"][data-name="噪声污染"]')
  expect(await noise.locator('.disclosure__num').first().textContent()).toBe('1')

  const typical = view.locator(`[data-testid="typical-case"][data-ref="${month.noise.refNo}"]`)
  await typical.waitFor()
  expect(await typical.getByTestId('typical-summary').textContent()).toBe(SUMMARY)
  expect(await view.getByTestId('channels').textContent()).toContain('12345')
  // The reward policy is 焦作's reward rules: the offer cited (S0 第十二条), every amount marked 暂定 under the
  // banner that it is not law.
  const reward = view.getByTestId('reward-policy')
  expect(await reward.textContent()).toContain('焦作市生态环境违法行为有奖举报')
  expect(await reward.textContent()).toContain('第十二条')
  expect(await reward.getByTestId('reward-tier').first().textContent()).toContain('（暂定）')
  expect(await reward.getByTestId('reward-provisional').textContent()).toContain('不是法定标准')

  // The page asked the public function only, never with an identity, and no answer named a reporter.
  expect(calls.length).toBeGreaterThan(0)
  for (const call of calls) {
    expect(call.url).toContain('/api/fn/public')
    expect(call.identity).toBeUndefined()
    expect(reporterValuesIn(await call.body, month.reporterValues)).toEqual([])
  }
  expect(reporterValuesIn(await view.innerText(), month.reporterValues)).toEqual([])
  await context.close()
})

test('the home page leads to the public page', async () => {
  const { context, page } = await e2e.newPhone()
  await open(page, '/pages/index/index', '信息公开')
  await screen(page).getByTestId('open-disclosure').tap()
  await screen(page).getByTestId('disclosure-figures').waitFor()
  await context.close()
})

test('the supervisor’s map clusters the open cases and lists them; the quarterly report reads in the app', async () => {
  const { context, page } = await phoneAs(e2e, STAFF.supervisor)
  await open(page, '/staff/maps/index', '在办案件')
  const view = screen(page)
  const map = view.getByTestId('case-map')
  await map.waitFor()
  // The noise case is closed; the water and air reports are open, in two counties.
  expect(await map.getAttribute('data-count')).toBe('2')
  await view.getByTestId('cluster-plot').waitFor()
  const clusters = view.getByTestId('cluster')
  expect(await clusters.count()).toBeGreaterThan(0)
  // Only what is overdue: every cluster left is overdue, and the count follows the filter.
  await view.getByTestId('tone-filter').locator('[data-value="overdue"]').tap()
  const tones = await until(
    () => view.getByTestId('cluster').evaluateAll((els) => els.map((e) => e.getAttribute('data-tone'))),
    (t) => t.length > 0 && t.every((tone) => tone === 'overdue'),
  )
  const counts = await view
    .getByTestId('cluster')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))))
  expect(String(counts.reduce((a, b) => a + b, 0))).toBe(await map.getAttribute('data-count'))
  expect(tones.length).toBeGreaterThan(0)

  await open(page, '/staff/maps/report/index', '季度分析报告')
  await screen(page).getByTestId('generate-report').tap()
  const report = screen(page).getByTestId('report')
  await report.waitFor()
  expect(await report.getAttribute('data-quarter')).toBe('2026Q4')
  expect(await screen(page).getByTestId('report-summary').first().textContent()).toContain(
    '本季度收到反映 3 件',
  )
  expect(await screen(page).getByTestId('hotspot').count()).toBeGreaterThan(0)
  expect(
    await screen(page)
      .locator('[data-testid="chart"][data-key="by-category"] [data-testid="chart-row"]')
      .count(),
  ).toBe(3)
  await context.close()
})
