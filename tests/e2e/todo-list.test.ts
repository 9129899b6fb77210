// The 工作台 as a to-do list, in the browser, switching personas: intake finds the urgent night-noise report first
// on 待受理 with its badge; filters narrow the list; a reference number finds the case; the officer on duty finds it
// on 值班紧急; the office head assigns it to a named officer chosen from the unit's officers, with instructions;
// it is then on the officer's own list, saying who holds it and what it waits for.
import type { InboxItem } from '../../shared/contracts/staff'
import { DUE_BADGES } from '../../shared/cases/todo-lists'
import { reportInput, STAFF } from '../support/reports'
import { open, screen, settled, startE2E, until, type E2E } from './browser'
import { phoneAs } from './citizen'

jest.setTimeout(120_000)

let e2e: E2E
beforeAll(async () => {
  // Monday 2026-11-23, 22:40 in Shanghai: after the night-time limit for construction.
  e2e = await startE2E({ now: '2026-11-23T22:40:00+08:00' })
})
afterAll(async () => {
  await e2e?.close()
})

async function file(
  openid: string,
  overrides: Record<string, unknown>,
): Promise<{ caseId: string; refNo: string }> {
  const h = e2e.harness
  const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(overrides), openid)
  const { refNo } = await h.ok<{ refNo: string }>('staff', 'getCase', { caseId }, STAFF.supervisor)
  return { caseId, refNo }
}

const rows = (page: Parameters<typeof screen>[0]) => screen(page).getByTestId('inbox-item')
const refNos = async (page: Parameters<typeof screen>[0]) =>
  (await rows(page).locator('.ref-no').allTextContents()).map((t) => t.trim())

test('to-do lists per post: urgent first with its badge, filters, search by reference number, assignment to a named officer', async () => {
  const h = e2e.harness
  // Tonight's shift of 山阳区分局: 王磊 on duty, 赵国强 leading it.
  await h.ok(
    'staff',
    'setDuty',
    { unitId: 'jz-shanyang', date: '2026-11-23', officerIds: ['st-officer'], leaderId: 'st-leader' },
    STAFF.head,
  )
  const water = await file('citizen-water', {
    category: 'water',
    description: '河道里有不明污水排入，颜色发黑，有明显异味。',
  })
  h.clock.advance(10 * 60_000)
  const noise = await file('dev-citizen', {
    source: 'construction',
    reportedEntity: '塔南路某建设工程项目部',
    description: '工地深夜还在打桩，噪声很大，无法入睡，请尽快处理。',
  })

  // 陈静 (intake, dispatcher, supervisor): 待受理 is her first list; the urgent report heads it, due today.
  const { page } = await phoneAs(e2e, STAFF.supervisor)
  const s = screen(page)
  await open(page, '/pages/workbench/index', noise.refNo)
  expect(await s.locator('[data-testid="todo-list"] .chip.active').textContent()).toBe('待受理')
  expect(await refNos(page)).toEqual([noise.refNo, water.refNo])
  const first = rows(page).first()
  expect(await first.textContent()).toContain('紧急')
  expect(await first.getByTestId('due-badge').getAttribute('data-badge')).toBe('today')
  expect(await first.getByTestId('due-badge').textContent()).toContain(DUE_BADGES.today)
  expect(await first.getByTestId('waits-for').textContent()).toContain('待受理')
  expect(await first.getByTestId('holder').textContent()).toContain('未指定承办人')

  // Filters: only water pollution.
  await s.getByTestId('toggle-filters').tap()
  await s.locator('[data-testid="filter-category"] [data-value="water"]').tap()
  await until(
    () => refNos(page),
    (r) => r.length === 1 && r[0] === water.refNo,
  )
  await s.locator('[data-testid="filter-category"] [data-value="water"]').tap()
  await until(
    () => refNos(page),
    (r) => r.length === 2,
  )

  // Search by the reference number people read out on the phone.
  const search = s.locator('[data-testid="search"] input')
  await search.fill(noise.refNo)
  await s.getByTestId('search-go').tap()
  await s.getByTestId('searching').waitFor()
  await until(
    () => refNos(page),
    (r) => r.length === 1 && r[0] === noise.refNo,
  )
  // …or by the reported party.
  await search.fill('塔南路某建设')
  await s.getByTestId('search-go').tap()
  await until(
    () => refNos(page),
    (r) => r.length === 1 && r[0] === noise.refNo,
  )

  // Intake accepts (through the case page is the staff-case test's): it moves to 待交办.
  await h.act(STAFF.supervisor, noise.caseId, { type: 'accept' })

  // 王磊, on duty tonight: 值班紧急 is his first list, and the report is on it.
  const officer = await phoneAs(e2e, STAFF.officer)
  await open(officer.page, '/pages/workbench/index', '值班紧急')
  const o = screen(officer.page)
  expect(await o.locator('[data-testid="todo-list"] .chip.active').textContent()).toBe('值班紧急')
  await until(
    () => refNos(officer.page),
    (r) => r.length === 1 && r[0] === noise.refNo,
  )
  expect(await rows(officer.page).first().getByTestId('response-time').textContent()).toContain(
    '尚未到达现场',
  )
  // Nothing is assigned to him yet.
  await o.locator('[data-testid="todo-list"] [data-list="officer"]').tap()
  await o.getByText('暂无案件').waitFor()

  // 李娜 (office head, dispatcher): on 待交办; she assigns it to 王磊 from the unit's officers.
  const head = await phoneAs(e2e, STAFF.head)
  const hs = screen(head.page)
  await open(head.page, '/pages/workbench/index', '待交办')
  await hs.locator('[data-testid="todo-list"] [data-list="dispatcher"]').tap()
  await until(
    () => refNos(head.page),
    (r) => r[0] === noise.refNo,
  )
  await rows(head.page).first().tap()
  await hs.getByTestId('staff-actions').waitFor()
  await hs.locator('[data-testid="allowed-events"] [data-event="assign"]').tap()
  const form = hs.locator('[data-testid="event-form"][data-type="assign"]')
  await form.locator('[data-testid="field-unitIds"] [data-value="jz-shanyang"]').tap()
  await form.locator('[data-testid="pick-officer"] [data-value="st-officer"]').tap()
  await form.locator('[data-testid="field-instructions"] textarea').fill('立即到现场核查，测量厂界噪声')
  await form.getByTestId('submit-event').tap()
  await hs.getByTestId('status').filter({ hasText: '已交办' }).waitFor()
  expect(await hs.getByTestId('work-summary').textContent()).toContain('承办人：王磊')

  // Now it is on 王磊's own list, saying who holds it and what it waits for (he pulls to refresh: reloads).
  await officer.page.reload()
  await o.getByText('值班紧急').first().waitFor()
  await settled(officer.page)
  await o.locator('[data-testid="todo-list"] [data-list="officer"]').tap()
  await until(
    () => refNos(officer.page),
    (r) => r.length === 1 && r[0] === noise.refNo,
  )
  const mine = rows(officer.page).first()
  expect(await mine.getByTestId('holder').textContent()).toContain('山阳区分局 · 王磊')
  expect(await mine.getByTestId('waits-for').textContent()).toContain('待承办人开始调查')

  // The API agrees with what was shown.
  const list = await h.ok<{ items: InboxItem[] }>(
    'staff',
    'inbox',
    { scope: 'todo', list: 'officer' },
    STAFF.officer,
  )
  expect(list.items.map((i) => i.refNo)).toEqual([noise.refNo])
})
