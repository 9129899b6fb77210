// Duty and integrity in the browser, switching personas: the office head arranges tonight's shift on 值班表; the
// officer on it finds an urgent night-noise report on 值班紧急; he looks up the reporter's phone, giving a reason,
// and the supervisor finds that look on 查阅导出记录; he then declares a conflict of interest (回避, S2 第六条) and
// the case is gone from his lists and his reach.
import type { Page } from 'playwright-core'
import { RECUSAL_GROUNDS } from '../../shared/workflow'
import { OFFICER, reportInput, STAFF } from '../support/reports'
import { field, open, screen, startE2E, until, type E2E } from './browser'
import { phoneAs } from './citizen'

jest.setTimeout(120_000)

let e2e: E2E
beforeAll(async () => {
  // Monday 2026-11-23, 22:40 in Shanghai: night-time, construction noise is urgent.
  e2e = await startE2E({ now: '2026-11-23T22:40:00+08:00' })
})
afterAll(async () => {
  await e2e?.close()
})

const refNos = async (page: Page) =>
  (await screen(page).getByTestId('inbox-item').locator('.ref-no').allTextContents()).map((t) => t.trim())

test('the head arranges tonight’s duty; the officer on it works the urgent case, looks up the reporter (logged) and steps aside', async () => {
  const h = e2e.harness

  // 李娜 arranges today's shift of 山阳区分局 on 值班表: 王磊 on duty, 赵国强 leading it.
  const head = await phoneAs(e2e, STAFF.head)
  const hs = screen(head.page)
  await open(head.page, '/pages/workbench/index', '值班表')
  await hs.getByTestId('open-duty').tap()
  const today = hs.locator('[data-testid="duty-day"]').first()
  await today.waitFor()
  expect(await today.textContent()).toContain('尚未排班')
  await today.getByTestId('edit-duty').first().tap()
  const form = hs.getByTestId('duty-form')
  await form.locator('[data-testid="duty-officers"] [data-value="st-officer"]').tap()
  await form.locator('[data-testid="duty-leader"] [data-value="st-leader"]').tap()
  await hs.getByTestId('save-duty').tap()
  await until(
    () => today.textContent(),
    (text) => !!text && text.includes('值班：王磊') && text.includes('带班领导：赵国强'),
  )

  // An urgent report comes in: night-time construction noise.
  const { caseId } = await h.ok<{ caseId: string }>(
    'cases',
    'submitReport',
    reportInput({ source: 'construction', reportedEntity: '塔南路某建设工程项目部' }),
    'e2e-duty-reporter',
  )
  const { refNo } = await h.ok<{ refNo: string }>('staff', 'getCase', { caseId }, STAFF.supervisor)

  // 王磊 is on tonight's roster, and the report heads his 值班紧急 list.
  const officer = await phoneAs(e2e, STAFF.officer)
  const os = screen(officer.page)
  await open(officer.page, '/staff/duty/index', '今日值班')
  expect(await os.getByTestId('my-duty').textContent()).toContain('山阳区分局：值班人员')
  await open(officer.page, '/pages/workbench/index', '值班紧急')
  await until(
    () => refNos(officer.page),
    (r) => r[0] === refNo,
  )
  // Accepted and assigned to him (the to-do test walks that in the browser).
  await h.act(STAFF.supervisor, caseId, { type: 'accept' })
  await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
  await os.getByTestId('inbox-item').first().tap()
  await os.getByTestId('work-summary').filter({ hasText: '承办人：王磊' }).waitFor()

  // He looks up the reporter's phone, giving a reason: the supervisor sees it on 查阅导出记录.
  const reason = '需电话联系反映人确认施工位置'
  await os.getByText('查看联系方式').tap()
  await officer.page
    .locator('.taro_page:visible input[placeholder="如：需电话联系核实现场位置"]')
    .fill(reason)
  await os.getByText('确认查看').tap()
  await os.getByText('13800138000').waitFor()

  const supervisor = await phoneAs(e2e, STAFF.supervisor)
  const ss = screen(supervisor.page)
  await open(supervisor.page, '/pages/workbench/index', '查阅导出记录')
  await ss.getByTestId('open-audit').tap()
  const look = ss.getByTestId('disclosure').first()
  await look.waitFor()
  const logged = (await look.textContent())!
  for (const part of ['王磊', refNo, `理由：${reason}`]) expect(logged).toContain(part)
  expect(logged).not.toContain('13800138000')

  // The reporter turns out to be his neighbour: he steps aside (回避), and the case leaves his reach.
  await os.locator('[data-testid="allowed-events"] [data-event="recuse"]').tap()
  await os.locator('[data-testid="field-ground"] [data-value="interest-in-reporter"]').tap()
  await field(officer.page, 'field-note').fill('反映人是本人邻居')
  await os.getByTestId('submit-event').tap()
  // Back on his to-do lists, without it; the case itself answers like one that is not his.
  await os.getByTestId('todo-list').waitFor()
  await os.getByText('暂无案件').waitFor()
  expect(await refNos(officer.page)).toEqual([])
  await open(officer.page, `/staff/case/index?id=${caseId}`, '没有找到这个案件，或它不在您的办理范围内。')

  // The head sees it waits for another officer, with the ground given.
  await open(head.page, `/staff/case/index?id=${caseId}`, '办理记录')
  const recusal = hs.locator('[data-testid="timeline-entry"][data-kind="recuse"]')
  expect(await recusal.textContent()).toContain(RECUSAL_GROUNDS['interest-in-reporter'].label)
})
