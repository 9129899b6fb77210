// Whistleblower rewards in the browser (焦作, where only real-name reports are rewarded): a real-name report whose
// violation the officer confirms on the staff case page with the penalty decision → the reporter sees 符合条件 on
// the report → claims it → the reward admin, from the 工作台, reads the claim and decides → the reporter sees the
// result. An anonymous report here is told why it cannot be rewarded, and so is the self-check before filing.
import {
  claimInput,
  CLAIMANT_ID_NUMBER,
  confirmViolation,
  fileReport,
  investigate,
  REWARD_ADMIN,
} from '../support/rewards'
import { STAFF } from '../support/reports'
import { field, open, screen, startE2E, type E2E } from './browser'
import { openReportForm, phoneAs } from './citizen'
import { decideInBrowser, reward } from './rewards-steps'

jest.setTimeout(120_000)

let e2e: E2E
beforeAll(async () => {
  // Monday 2026-11-23, 09:00 in Shanghai.
  e2e = await startE2E({ now: '2026-11-23T09:00:00+08:00' })
})
afterAll(async () => {
  await e2e?.close()
})

test('real name: the officer records the penalty → 符合条件 → claimed → the reward admin decides → the reporter sees it', async () => {
  const h = e2e.harness
  const reporter = 'e2e-reward-reporter'
  const { caseId, refNo } = await fileReport(h, reporter)
  await investigate(h, caseId)

  // The officer records the penalty decision on the staff case page, from the event catalogue's form.
  const officer = await phoneAs(e2e, STAFF.officer)
  // The phone's calendar shows the same day as the server's (controlled) clock.
  await officer.context.clock.setFixedTime(h.clock.now())
  const o = screen(officer.page)
  await open(officer.page, `/staff/case/index?id=${caseId}`, '办理记录')
  await o.locator('[data-event="confirm-violation"]').tap()
  await o.locator('[data-testid="event-form"][data-type="confirm-violation"]').waitFor()
  await o.locator('[data-testid="field-decisionKind"] [data-value="penalty"]').tap()
  await field(officer.page, 'field-decisionNumber').fill('焦环罚〔2026〕12号')
  // The date picker opens on today: confirming it takes today.
  await o.getByTestId('field-decidedOn').locator('.date-picker__value').tap()
  await officer.page.getByText('确定', { exact: true }).filter({ visible: true }).first().tap()
  await o.locator('[data-testid="field-violationType"] [data-value="no-permit"]').tap()
  await field(officer.page, 'field-fineYuan').fill('50000')
  await o.locator('[data-testid="field-knownBefore"] [data-value="false"]').tap()
  await o.getByTestId('submit-event').tap()
  await o.locator('[data-testid="timeline-entry"][data-kind="confirm-violation"]').waitFor()
  expect(
    await o.locator('[data-testid="timeline-entry"][data-kind="confirm-violation"]').textContent(),
  ).toContain('焦环罚〔2026〕12号')

  // The reporter sees the report is eligible and claims.
  const citizen = await phoneAs(e2e, reporter)
  const c = screen(citizen.page)
  await open(citizen.page, `/pages/case/index?id=${caseId}`, '举报奖励')
  await reward(citizen.page).and(citizen.page.locator('[data-status="eligible"]')).waitFor()
  expect(await c.getByTestId('reward-status').textContent()).toBe('符合条件')
  await c.getByTestId('claim-reward').tap()
  await c.getByTestId('claim-submit').waitFor()
  // Sent empty: each missing answer is named at its field, by the same schema the server checks with.
  await c.getByTestId('claim-submit').tap()
  await c.getByTestId('error-claimant.idNumber').waitFor()
  const input = claimInput(caseId)
  await field(citizen.page, 'claim-name').fill(input.claimant.name)
  await field(citizen.page, 'claim-idNumber').fill(CLAIMANT_ID_NUMBER)
  await field(citizen.page, 'claim-phone').fill(input.claimant.phone)
  await field(citizen.page, 'claim-bankName').fill(input.payment.bankName)
  await field(citizen.page, 'claim-accountNumber').fill(input.payment.accountNumber.replace(/\s/g, ''))
  await c.locator('[data-testid="claim-insider"] [data-value="false"]').tap()
  await c.locator('[data-testid="claim-excluded"] [data-value="false"]').tap()
  await c.getByTestId('claim-consent').tap()
  await c.getByTestId('claim-submit').tap()
  await c.locator('[data-testid="claim-done"]', { hasText: '申领已提交，等待审核' }).waitFor()

  // The reward admin decides: 500 元 for 未取得排污许可证排放污染物 (a placeholder figure here).
  const admin = await phoneAs(e2e, REWARD_ADMIN)
  await decideInBrowser(admin.page, refNo, '500')
  expect(await screen(admin.page).getByTestId('claimant').textContent()).toContain(CLAIMANT_ID_NUMBER)
  expect(await h.runtime.db.count('audit', { subject: `rc-${caseId}` })).toBeGreaterThanOrEqual(2)

  // The reporter sees the result on the report, and was told.
  await open(citizen.page, `/pages/case/index?id=${caseId}`, '举报奖励')
  await reward(citizen.page).and(citizen.page.locator('[data-status="awarded"]')).waitFor()
  expect(await c.getByTestId('reward-claim').textContent()).toContain('奖励金额：500 元')
  await open(citizen.page, '/pages/outbox/index', '已决定给予举报奖励')
})

test('anonymous, where only real-name reports are rewarded: the self-check says so before filing, the report after', async () => {
  const h = e2e.harness
  const anon = 'e2e-reward-anon'
  const { page } = await phoneAs(e2e, anon)
  const s = screen(page)

  await openReportForm(page)
  await s.getByTestId('reward-self-check').tap()
  await s.getByTestId('self-check-result').waitFor()
  await s.locator('[data-testid="self-check-realName"] [data-value="false"]').tap()
  await s.locator('[data-testid="self-check-result"][data-verdict="ruled-out"]').waitFor()
  expect(await s.getByTestId('self-check-result').textContent()).toContain('本地仅奖励实名举报')
  // The rules, each figure marked as provisional where no local text is known.
  expect(await s.getByTestId('reward-tier').first().textContent()).toContain('（暂定）')

  const { caseId } = await fileReport(h, anon, { reporter: { mode: 'anonymous' } })
  await investigate(h, caseId)
  await confirmViolation(h, caseId)
  await open(page, `/pages/case/index?id=${caseId}`, '举报奖励')
  await reward(page).and(page.locator('[data-status="not-eligible"]')).waitFor()
  expect(await s.getByTestId('reward-reason').first().textContent()).toBe(
    '本地仅奖励实名举报，匿名举报不予奖励',
  )
  expect(await s.getByTestId('claim-reward').count()).toBe(0)
})
