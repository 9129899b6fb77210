// Staff registration of a phone report in the browser (staff/register): the intake officer opens it from the
// workbench, records the call — channel, time, what was said, where, the caller's name and number — registers it,
// reads out the query code, and is offered the same matter already open for merging. The case is the same as a
// mini-program report's: routed to the county's branch, the caller's contact sealed.
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { CaseDoc } from '../../shared/cases/case-doc'
import { reportInput, STAFF } from '../support/reports'
import { field, open, screen, startE2E, type E2E } from './browser'
import { chooseCategory, phoneAs } from './citizen'

jest.setTimeout(90_000)

let e2e: E2E
beforeAll(async () => {
  // Monday 2026-11-23, 10:00 in Shanghai.
  e2e = await startE2E({ now: '2026-11-23T10:00:00+08:00' })
})
afterAll(async () => {
  await e2e?.close()
})

test('the intake officer registers a phone report, reads out its query code and merges it with the open one', async () => {
  // A citizen already reported the same noise in 山阳区.
  const opened = await e2e.harness.ok<{ caseId: string; refNo: string }>(
    'cases',
    'submitReport',
    reportInput({ reportedEntity: '塔南路某建设工程项目部' }),
    'dev-citizen',
  )

  const { page } = await phoneAs(e2e, STAFF.supervisor)
  // The phone's clock agrees with the server's: the call came in at 09:50, just before it is registered.
  await page.clock.setFixedTime(new Date('2026-11-23T09:50:00+08:00'))
  const s = screen(page)
  await open(page, '/pages/workbench/index', '陈静')
  await s.getByTestId('open-register').tap()
  await s.getByText('来源渠道').first().waitFor()

  // Nothing filled: the messages come from the shared schema, next to the fields.
  await s.getByTestId('register-submit').tap()
  await s.getByTestId('error-description').waitFor()
  await s.getByTestId('error-category').waitFor()

  await s.getByTestId('channel-phone').tap()
  expect(await s.getByTestId('received-clock').textContent()).toBe('09:50')
  await chooseCategory(page, '噪声污染')
  await field(page, 'description').fill(
    '来电反映：塔南路工地每晚十一点后仍在打桩，噪声很大，老人孩子无法休息。',
  )
  await field(page, 'address').fill('焦作市山阳区人民路与塔南路交叉口东侧工地')
  await field(page, 'reported-entity').fill('塔南路某建设工程项目部')
  await field(page, 'contact-name').fill('刘建国')
  await field(page, 'contact-phone').fill('0391-3568899')
  await s.getByTestId('register-submit').tap()

  await s.getByTestId('registered').waitFor()
  const refNo = (await s.getByTestId('registered-ref-no').textContent())!.trim()
  expect(refNo).toMatch(/^JZ-20261123-\d{4}$/)
  expect((await s.getByTestId('registered-query-code').textContent())!.trim()).toMatch(/^[0-9A-Z]{10}$/)
  expect(await s.getByTestId('registered-tell').textContent()).toContain('电话告知反映人')

  const page1 = await e2e.harness.runtime.db.find<CaseDoc>(COLLECTIONS.cases, { filter: { refNo }, limit: 1 })
  const doc = page1.items[0]!
  expect(doc.history[0]!.event).toMatchObject({ channel: 'phone', reporterId: null })
  expect(doc).toMatchObject({ unitId: 'jz-shanyang', reporter: { mode: 'real-name', nameMasked: '刘*国' } })
  expect(JSON.stringify(doc)).not.toContain('刘建国')

  // The same matter, open: offered, and merged through the workflow.
  const similar = s.getByTestId('similar-case')
  await similar.first().waitFor()
  expect(await similar.first().textContent()).toContain(opened.refNo)
  await similar.first().getByText('合并到此案件').tap()
  await s.getByTestId('merged').waitFor()
  expect((await e2e.harness.runtime.db.get<CaseDoc>(COLLECTIONS.cases, doc._id))!.status).toBe('merged')
})
