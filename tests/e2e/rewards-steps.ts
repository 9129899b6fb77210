// Whistleblower-reward steps in the browser, shared by the reward tests of each deployment.
import type { Page } from 'playwright-core'
import { open, screen } from './browser'

/** The reward card on the reporter's own case page. */
export const reward = (page: Page) => screen(page).getByTestId('reward')

/** The reward admin reads the claim of `refNo` from the queue and decides the tier table's amount. */
export async function decideInBrowser(page: Page, refNo: string, amount: string) {
  const s = screen(page)
  await open(page, '/pages/workbench/index', '奖励审核')
  await s.getByTestId('reward-queue').tap()
  await s.locator('[data-testid="claim-item"]', { hasText: refNo }).tap()
  await s.getByTestId('claimant').waitFor()
  expect(await s.getByTestId('computed-amount').textContent()).toContain(`按标准计算：${amount} 元`)
  await s.getByTestId('decide').tap()
  await s.locator('[data-testid="claim-state"]', { hasText: '已决定奖励' }).waitFor()
}
