// Pickers, not ids, in the browser: merging shows the similar open cases of my scope beside this one (nearby, the
// same reported party) and merges into the one tapped; transferring offers the bureau's units, the neighbouring
// regions and the departments as lists — nobody types an internal id or a name.
import { CASE_STATES, TRANSFER_TARGETS } from '../../shared/workflow'
import { northOf, reportInput, STAFF } from '../support/reports'
import { field, open, screen, startE2E, type E2E } from './browser'
import { phoneAs } from './citizen'

jest.setTimeout(120_000)

let e2e: E2E
beforeAll(async () => {
  // Monday 2026-11-23, 10:00 in Shanghai.
  e2e = await startE2E({ now: '2026-11-23T10:00:00+08:00' })
})
afterAll(async () => {
  await e2e?.close()
})

async function file(openid: string, overrides: Record<string, unknown> = {}) {
  const h = e2e.harness
  const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(overrides), openid)
  const { refNo } = await h.ok<{ refNo: string }>('staff', 'getCase', { caseId }, STAFF.supervisor)
  return { caseId, refNo }
}

test('merge into a similar case chosen side by side; transfer to a department chosen from the list', async () => {
  const h = e2e.harness
  const entity = '塔南路某建设工程项目部'
  const first = await file('e2e-merge-first', { reportedEntity: entity })
  await h.act(STAFF.supervisor, first.caseId, { type: 'accept' })
  h.clock.advance(30 * 60_000)
  // The same site, reported again from 200 m away.
  const again = await file('e2e-merge-again', {
    reportedEntity: entity,
    location: { ...northOf(200), coordSystem: 'gcj02', address: '焦作市山阳区塔南路北段' },
    description: '塔南路工地白天晚上都在打桩，噪声非常大。',
  })

  // 陈静 (intake) opens the new report and merges it: the earlier case stands beside it.
  const { page } = await phoneAs(e2e, STAFF.supervisor)
  const s = screen(page)
  await open(page, `/staff/case/index?id=${again.caseId}`, '办理记录')
  await s.locator('[data-testid="allowed-events"] [data-event="merge"]').tap()
  const candidate = s.locator(`[data-testid="merge-candidate"][data-ref="${first.refNo}"]`)
  await candidate.waitFor()
  const side = (await candidate.getByTestId('candidate-side').textContent())!
  expect(side).toContain(first.refNo)
  expect(side).toContain(entity)
  const why = (await candidate.textContent())!
  expect(why).toMatch(/相距约 \d+ 米/)
  await candidate.tap()
  expect(await field(page, 'field-intoCaseId').inputValue()).toBe(first.refNo)
  await s.getByTestId('submit-event').tap()
  await s.getByTestId('status').filter({ hasText: CASE_STATES.merged.label }).waitFor()

  // A report for another department: transferred to it, picked from the list.
  const water = await file('e2e-transfer', {
    category: 'water',
    description: '小区二次供水水箱有异味，自来水发黄。',
  })
  await h.act(STAFF.supervisor, water.caseId, {
    type: 'find-out-of-remit',
    finding: 'other-department',
    note: '二次供水水质属卫生健康部门职责',
  })
  await open(page, `/staff/case/index?id=${water.caseId}`, '办理记录')
  await s.locator('[data-testid="allowed-events"] [data-event="transfer"]').tap()
  const form = s.locator('[data-testid="event-form"][data-type="transfer"]')
  await form.getByText('请先选择转办给谁').waitFor()
  await form.getByText(TRANSFER_TARGETS.department).tap()
  const department = '焦作市卫生健康委员会'
  await form.locator(`[data-testid="transfer-target"] [data-value="${department}"]`).tap()
  await form.locator(`[data-testid="transfer-target"] [data-value="${department}"].active`).waitFor()
  // Another kind of target: the department picked no longer applies.
  await form.getByText(TRANSFER_TARGETS.region).tap()
  await form
    .locator(`[data-testid="transfer-target"] [data-value="${department}"]`)
    .waitFor({ state: 'detached' })
  expect(await form.locator('[data-testid="transfer-target"] .chip.active').count()).toBe(0)
  expect(await form.locator('[data-testid="transfer-target"] .chip').count()).toBeGreaterThan(0)
  await form.getByText(TRANSFER_TARGETS.department).tap()
  await form.locator(`[data-testid="transfer-target"] [data-value="${department}"]`).tap()
  await field(page, 'field-reason').fill('二次供水水质问题属卫生健康部门职责')
  await s.getByTestId('submit-event').tap()
  await s.getByTestId('status').filter({ hasText: CASE_STATES['transferred-out'].label }).waitFor()
  expect(await s.getByTestId('staff-timeline').textContent()).toContain(department)
})
