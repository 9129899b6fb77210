// Whistleblower rewards for an anonymous report where the jurisdiction rewards anonymous reports (重庆九龙坡:
// 渝环规〔2025〕1号, as reported): the report's violation is confirmed → the reporter sees 符合条件 → claims with the
// query code shown when it was filed (a wrong code is refused) → the reward admin decides → the reporter sees it,
// and so does anyone holding the code, on the lookup page of another phone.
import { demoPlaces } from '../../local/demo-places'
import {
  CLAIMANT_ID_NUMBER,
  confirmViolation,
  fileReport,
  investigate,
  REWARD_ADMIN,
} from '../support/rewards'
import { field, open, screen, startE2E, type E2E } from './browser'
import { phoneAs } from './citizen'
import { decideInBrowser, reward } from './rewards-steps'

jest.setTimeout(120_000)

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E({ now: '2026-11-23T09:00:00+08:00', deployment: 'jiulongpo' })
})
afterAll(async () => {
  await e2e?.close()
})

test('anonymous, claimed with the query code → decided → the reporter sees the result', async () => {
  const h = e2e.harness
  const anon = 'e2e-jlp-anon'
  const [place] = demoPlaces(h.runtime)
  const { caseId, refNo, queryCode } = await fileReport(h, anon, {
    reporter: { mode: 'anonymous' },
    location: { lat: place!.lat, lng: place!.lng, coordSystem: 'wgs84', address: '重庆市九龙坡区杨家坪某厂' },
  })
  await investigate(h, caseId, 'jiulongpo')
  await confirmViolation(
    h,
    caseId,
    { decisionNumber: '渝九环罚〔2026〕3号', violationType: 'evading-supervision', fineYuan: 0 },
    'jiulongpo',
  )

  const { page } = await phoneAs(e2e, anon)
  const s = screen(page)
  await open(page, `/pages/case/index?id=${caseId}`, '举报奖励')
  await reward(page).and(page.locator('[data-status="eligible"]')).waitFor()
  await s.getByTestId('claim-reward').tap()
  await s.getByTestId('claim-claimCode').waitFor()
  await field(page, 'claim-claimCode').fill('ABCDEFGHJK')
  await field(page, 'claim-name').fill('赵六')
  await field(page, 'claim-idNumber').fill(CLAIMANT_ID_NUMBER)
  await field(page, 'claim-phone').fill('13912345678')
  await field(page, 'claim-bankName').fill('重庆农村商业银行九龙坡支行')
  await field(page, 'claim-accountNumber').fill('6228480012345678901')
  await s.locator('[data-testid="claim-insider"] [data-value="true"]').tap()
  await s.locator('[data-testid="claim-excluded"] [data-value="false"]').tap()
  await s.getByTestId('claim-consent').tap()
  await s.getByTestId('claim-submit').tap()
  // A code that is not this report's is refused, and nothing is claimed.
  await s.locator('[data-testid="claim-error"]', { hasText: '查询码不正确' }).waitFor()
  expect(await h.runtime.db.count('reward_claims')).toBe(0)
  await field(page, 'claim-claimCode').fill(queryCode!)
  await s.getByTestId('claim-submit').tap()
  await s.locator('[data-testid="claim-done"]', { hasText: '申领已提交，等待审核' }).waitFor()

  // 2,000 元 (逃避监管, 渝环规〔2025〕1号 as reported) × 2 for an insider (placeholder).
  const admin = await phoneAs(e2e, REWARD_ADMIN)
  await decideInBrowser(admin.page, refNo, '4000')

  await open(page, `/pages/case/index?id=${caseId}`, '举报奖励')
  await reward(page).and(page.locator('[data-status="awarded"]')).waitFor()
  expect(await s.getByTestId('reward-claim').textContent()).toContain('奖励金额：4000 元')

  // On another phone, the query code alone shows where the reward stands.
  const other = await phoneAs(e2e, 'e2e-jlp-other-phone')
  await open(other.page, '/pages/lookup/index', '查询码')
  await field(other.page, 'lookup-code').fill(queryCode!)
  await screen(other.page).getByTestId('lookup-submit').tap()
  await reward(other.page).and(other.page.locator('[data-status="awarded"]')).waitFor()
})
