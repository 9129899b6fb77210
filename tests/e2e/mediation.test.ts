// 行政调解 in the browser (S2 第十一条), switching personas: the officer handling a noise dispute records the
// mediation on the case page. Without the parties' consent it is refused, saying why, and the case stays as it
// was; with it the case is closed. The reporter reads the agreement on the case; someone who only follows the
// case reads that it was settled by mediation, not what was agreed.
import type { Page } from 'playwright-core'
import { MEDIATION_MATTERS } from '../../shared/workflow/grounds'
import { CASE_STATES } from '../../shared/workflow'
import { reportInput, OFFICER, STAFF } from '../support/reports'
import { field, open, screen, startE2E, type E2E } from './browser'
import { phoneAs } from './citizen'

jest.setTimeout(120_000)

const NOW = '2026-11-23T10:00:00+08:00'

let e2e: E2E
beforeAll(async () => {
  // Monday 2026-11-23, 10:00 in Shanghai.
  e2e = await startE2E({ now: NOW })
})
afterAll(async () => {
  await e2e?.close()
})

const PARTIES = ['反映人张某', '塔南路某建设工程项目部']
const AGREEMENT = '项目部赔偿张某隔音窗费用 3000 元，并自即日起停止夜间施工。'
const REFUSED = '当事人同意调解并已达成协议的，才能调解结案'

const caseOpen = (page: Page, caseId: string) => open(page, `/staff/case/index?id=${caseId}`, '办理记录')

test('the officer records a mediation: refused without consent, then closes the case; the reporter reads the agreement', async () => {
  const h = e2e.harness
  const reporter = 'e2e-mediation-reporter'
  const follower = 'e2e-mediation-follower'
  const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), reporter)
  await h.ok('cases', 'follow', { caseId }, follower)
  await h.act(STAFF.supervisor, caseId, { type: 'accept' })
  await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
  await h.act(STAFF.officer, caseId, { type: 'start-investigation' })

  // 王磊's phone shows the server's date, so the agreement can be dated today.
  const officer = await phoneAs(e2e, STAFF.officer)
  await officer.context.clock.install({ time: new Date(NOW) })
  const os = screen(officer.page)
  await caseOpen(officer.page, caseId)
  await os.locator('[data-testid="allowed-events"] [data-event="record-mediation"]').tap()
  const form = os.locator('[data-testid="event-form"][data-type="record-mediation"]')
  await form.waitFor()
  const matter = os.locator('[data-testid="field-matter"] [data-value="pollution-damages"]')
  expect(await matter.textContent()).toContain(MEDIATION_MATTERS['pollution-damages'].label)
  await matter.tap()
  await field(officer.page, 'field-parties').fill(PARTIES.join('\n'))
  await os.locator('[data-testid="field-consent"] [data-value="false"]').tap()
  await field(officer.page, 'field-agreement').fill(AGREEMENT)
  // The date picker: confirm today (the phone's date).
  await os.getByTestId('field-agreedOn').locator('.date-picker__value').tap()
  await officer.page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true }).tap()
  await os.getByTestId('field-agreedOn').filter({ hasText: '2026-11-23' }).waitFor()

  // Not agreed to by the parties: refused, saying why; the case is still under investigation.
  await os.getByTestId('submit-event').tap()
  expect(await os.getByTestId('form-error').textContent()).toContain(REFUSED)
  expect(await os.getByTestId('status').textContent()).toContain(CASE_STATES.investigating.label)
  expect((await h.runtime.db.get<{ status: string }>('cases', caseId))?.status).toBe('investigating')

  // Agreed: the case is closed by the mediation.
  await os.locator('[data-testid="field-consent"] [data-value="true"]').tap()
  await os.getByTestId('submit-event').tap()
  await form.waitFor({ state: 'detached' })
  await os.getByTestId('status').filter({ hasText: CASE_STATES.closed.label }).waitFor()
  await os.locator('[data-testid="timeline-entry"][data-kind="record-mediation"]').waitFor()

  // The reporter reads the agreement on the case.
  const citizen = await phoneAs(e2e, reporter)
  const cs = screen(citizen.page)
  await open(citizen.page, `/pages/case/index?id=${caseId}`, '调解结案')
  await cs.getByText(AGREEMENT).waitFor()
  expect(await cs.getByText('经调解，当事人于 2026-11-23 达成协议，本案办结。').count()).toBeGreaterThan(0)

  // Someone who follows the case reads that it was settled, not the agreement.
  const other = await phoneAs(e2e, follower)
  const fs = screen(other.page)
  await open(other.page, `/pages/case/index?id=${caseId}`, '调解结案')
  await fs.getByText('经调解，当事人于 2026-11-23 达成协议，本案办结。').first().waitFor()
  expect(await fs.getByText(AGREEMENT).count()).toBe(0)
  expect(await other.page.content()).not.toContain('3000 元')
})
