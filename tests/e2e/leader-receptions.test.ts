// 领导接访 in the browser (S2 第七条), as the leader persona: the month's receptions and each leader's count on the
// 领导 page; a reception without its matters is refused with the server's message and nothing is recorded; with
// them it is recorded, dated on the wheel's today, counted for the month, and shown with the visitors' names masked.
import { STAFF } from '../support/reports'
import { field, open, screen, startE2E, until, type E2E } from './browser'
import { phoneAs } from './citizen'

jest.setTimeout(120_000)

const NOW = '2026-11-23T15:00:00+08:00'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E({ now: NOW })
})
afterAll(async () => {
  await e2e?.close()
})

test('a leader records a reception: refused without its matters, then counted for the month', async () => {
  const { page, context } = await phoneAs(e2e, STAFF.leader)
  await context.clock.install({ time: new Date(NOW) })
  const s = screen(page)
  await open(page, '/staff/leader/index', '领导接访')
  expect(await s.getByTestId('reception-month').getAttribute('data-value')).toBe('2026-11')
  const leader = s.locator('[data-testid="reception-leader"] [data-value]').first()
  await leader.waitFor()
  const leaderName = (await leader.textContent())!.trim()
  const counted = s.getByTestId('reception-count').filter({ hasText: leaderName })
  expect(await counted.textContent()).toContain('0 次')
  await leader.tap()
  expect(await s.getByTestId('reception-date').getAttribute('data-value')).toBe('2026-11-23')
  await field(page, 'reception-petitioners').fill('张某，李某')

  // No matters: the server's message under the form, and nothing recorded.
  await s.getByText('保存接访记录').tap()
  await s.locator('.desk-form .error-text').waitFor()
  expect(await counted.textContent()).toContain('0 次')

  await field(page, 'reception-matters').fill('反映塔南路工地夜间施工噪声，要求限期整改')
  await s.getByText('保存接访记录').tap()
  await s.getByText(`2026-11-23 · ${leaderName} · 来访 2 人（张*、李*）`).waitFor()
  await until(
    () => counted.textContent(),
    (text) => !!text?.includes('1 次'),
  )
  expect(await field(page, 'reception-matters').inputValue()).toBe('')
})
