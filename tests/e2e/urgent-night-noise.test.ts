// One urgent night-noise case walked in the browser, persona by persona (issue 13, "Done when"): the report of
// night-time construction noise is urgent (S2 第十二条 立即组织现场核实处置; 噪声污染防治法 第四十三条) → the officer and
// the leader on tonight's duty roster are told at once and find it first on 值班紧急 (S0 第五条) → intake accepts →
// the head assigns it to the named officer 王磊, picked from the unit's officers, with instructions and a date
// inside the legal one (S2 第十六条) → the officer checks in on site (position and both clocks), and the case
// leaves 值班紧急 → he adds a stamped photo and a noise reading (against the 夜间 limit of GB 12523-2011), records
// the site visit (started from the report), orders rectification with a deadline (S0 第七条(二)) and checks it the
// same night → drafts the reply from his unit's template for noise found substantiated, merged with the case's
// facts → the head approves → the leader sends it back with a comment → the officer revises the kept draft →
// approved → sent → the citizen reads the reply and rates it. (The 值班表 and 答复模板 pages themselves are walked in
// workbench-duty.test.ts and workbench-reply.test.ts; here the head keeps both through the staff function.)
import type { BrowserContext, Page } from 'playwright-core'
import type { StaffCaseDetail } from '../../shared/contracts/staff'
import { TODO_LISTS } from '../../shared/cases/todo-lists'
import { gcj02, toWgs84 } from '../../shared/geo/coordinates'
import { STAFF_NOTICES } from '../../shared/workflow'
import { OFFICER, REPLY, reportInput, SHANYANG, STAFF } from '../support/reports'
import { field, open, pickDate, screen, startE2E, until, type E2E } from './browser'
import { actAs, addPhotos, PHOTO, phoneAs } from './citizen'

jest.setTimeout(180_000)

const CITIZEN = 'e2e-night-citizen'
/** Server and phones agree: Monday 2026-11-23, 23:05 in Shanghai. */
const FILED_AT = '2026-11-23T23:05:00+08:00'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E({ now: FILED_AT })
})
afterAll(async () => {
  await e2e?.close()
})

/** A persona's phone, its clock set to the server's; the officer's stands where the noise was reported. */
async function phone(openid: string, at: string, where?: { latitude: number; longitude: number }) {
  const { context, page } = where
    ? await e2e.newPhone({ geolocation: where })
    : await phoneAs(e2e, openid).then((p) => p)
  if (where) await actAs(context, openid)
  await context.clock.install({ time: new Date(at) })
  return { context, page }
}

const openCase = (page: Page, caseId: string) => open(page, `/staff/case/index?id=${caseId}`, '办理记录')

/** Takes one workflow step on the page on screen: opens its form, fills it, confirms, waits for the answer. */
async function take(page: Page, type: string, fill: () => Promise<void> = async () => undefined) {
  const s = screen(page)
  await s.locator(`[data-event="${type}"]`).tap()
  const form = s.locator(`[data-testid="event-form"][data-type="${type}"]`)
  await form.waitFor()
  await fill()
  await s.getByTestId('submit-event').tap()
  await form.waitFor({ state: 'detached' })
}

const entry = (page: Page, kind: string) =>
  screen(page).locator(`[data-testid="timeline-entry"][data-kind="${kind}"]`)

async function status(caseId: string) {
  return (await e2e.harness.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, STAFF.officer)).status
}

/** The rows of the 工作台 list on screen, by reference number, as shown only once the list's answer is in. */
const refNos = async (page: Page) =>
  (await screen(page).getByTestId('inbox-item').locator('.ref-no').allTextContents()).map((t) => t.trim())

/** A staff message in the persona's 通知箱 (what a subscribe message would bring), for this case. */
async function told(page: Page, refNo: string, text: string) {
  await open(page, '/pages/outbox/index', refNo)
  await screen(page).getByTestId('outbox-item').filter({ hasText: text }).filter({ hasText: refNo }).waitFor()
}

/** What 值班紧急 shows once its answer is in: the active list and the reference numbers on it. */
async function dutyList(page: Page): Promise<{ list: string | null; rows: string[]; empty: boolean }> {
  const s = screen(page)
  const list = await s
    .locator('[data-testid="todo-list"] .chip.active')
    .textContent({ timeout: 100 })
    .catch(() => null)
  return { list, rows: await refNos(page), empty: (await s.getByText('暂无案件').count()) > 0 }
}

const TEMPLATE = {
  title: '夜间施工噪声（属实）',
  investigation: '我局执法人员于{现场检查时间}到{地址}现场核查：{核查结论}',
  handlingOpinion: '已责令{整改责任单位}：{整改措施}，整改期限：{整改期限}。',
  remedies: '{救济渠道}',
}
const MEASURES = '立即停止夜间打桩；设置隔声屏障；调整高噪声设备作业时间'

test('an urgent night-noise case from the report to the rated reply, persona by persona', async () => {
  const h = e2e.harness
  // 李娜, head of 山阳区分局, keeps tonight's roster — 王磊 on duty, 赵国强 leading the shift — and her unit's reply
  // template for noise found substantiated.
  await h.ok(
    'staff',
    'setDuty',
    { unitId: 'jz-shanyang', date: '2026-11-23', officerIds: [OFFICER.id], leaderId: 'st-leader' },
    STAFF.head,
  )
  const { title, ...texts } = TEMPLATE
  await h.ok(
    'staff',
    'saveReplyTemplate',
    { unitId: 'jz-shanyang', category: 'noise', outcome: 'substantiated', title, texts },
    STAFF.head,
  )

  // The citizen reports night-time construction noise at 23:05 (the report form itself: report.test.ts).
  const filed = await h.ok<{ caseId: string; refNo: string }>(
    'cases',
    'submitReport',
    reportInput({ source: 'construction', reportedEntity: '塔南路某建设工程项目部' }),
    CITIZEN,
  )
  const caseId = filed.caseId

  // Those on duty are told at once (S2 第十二条, S0 第五条), and the report heads their 值班紧急 list, not yet reached.
  const reported = toWgs84(gcj02(SHANYANG.lat, SHANYANG.lng))
  const officer = await phone(STAFF.officer, FILED_AT, { latitude: reported.lat, longitude: reported.lng })
  const leader = await phone(STAFF.leader, FILED_AT)
  const o = screen(officer.page)
  for (const onDuty of [officer, leader]) {
    await told(onDuty.page, filed.refNo, STAFF_NOTICES['urgent-case'])
    await open(onDuty.page, '/pages/workbench/index', TODO_LISTS.duty.label)
    const shown = await until(
      () => dutyList(onDuty.page),
      (d) => d.list === TODO_LISTS.duty.label && d.rows.length > 0,
    )
    expect(shown.rows[0]).toBe(filed.refNo)
    const first = screen(onDuty.page).getByTestId('inbox-item').first()
    expect(await first.textContent()).toContain('紧急')
    expect(await first.getByTestId('response-time').textContent()).toContain('尚未到达现场')
  }

  // Intake (the supervisor persona) is told too, and accepts it; the case page says it is urgent.
  const intake = await phone(STAFF.supervisor, FILED_AT)
  await told(intake.page, filed.refNo, STAFF_NOTICES['new-case'])
  await openCase(intake.page, caseId)
  expect(await screen(intake.page).getByText('紧急：立即现场处置').count()).toBe(1)
  await take(intake.page, 'accept')
  await entry(intake.page, 'accept').waitFor()

  // The head assigns it to 山阳区分局 and its officer 王磊, picked from the unit's officers, with instructions and
  // a date inside the legal one: tomorrow (S2 第十六条 注明办理时限).
  const instructions = '立即到现场核查，测量场界噪声，责令停止夜间施工'
  const head = await phone(STAFF.head, FILED_AT)
  const hs = screen(head.page)
  await openCase(head.page, caseId)
  await take(head.page, 'assign', async () => {
    await hs.locator('[data-testid="field-unitIds"] [data-value="jz-shanyang"]').tap()
    const picked = hs.locator(`[data-testid="pick-officer"] [data-value="${OFFICER.id}"]`)
    expect(await picked.textContent()).toContain(OFFICER.name)
    await picked.tap()
    await field(head.page, 'field-instructions').fill(instructions)
    await pickDate(head.page, 'field-dueDate', 1)
    await until(
      () => hs.getByTestId('field-dueDate').textContent(),
      (t) => !!t?.includes('2026-11-24'),
    )
  })
  await entry(head.page, 'assign').waitFor()
  const summary = (await hs.getByTestId('work-summary').textContent())!
  for (const part of [`承办人：${OFFICER.name}`, `交办意见：${instructions}`, '办理时限：2026-11-24'])
    expect(summary).toContain(part)

  // The officer is told (the notice a subscribe message would bring), and goes.
  h.clock.set('2026-11-23T23:30:00+08:00')
  await officer.context.clock.setSystemTime(new Date('2026-11-23T23:30:00+08:00'))
  await told(officer.page, filed.refNo, STAFF_NOTICES.assigned)
  await openCase(officer.page, caseId)
  expect(await o.getByTestId('work-summary').textContent()).toContain(`交办意见：${instructions}`)
  // Navigate from the case: the map app opens at the reported place (GCJ-02, what map apps in China take).
  const navigate = await o.getByTestId('navigate').getAttribute('data-href')
  expect(navigate).toContain(`position=${SHANYANG.lng.toFixed(6)},${SHANYANG.lat.toFixed(6)}`)

  // On site: check in — the position is read as the form opens, with the phone's clock.
  await take(officer.page, 'check-in', async () => {
    await o.locator('[data-testid="device-fix"][data-status="ready"]').waitFor()
    expect(await o.getByTestId('device-fix-text').textContent()).toContain('WGS-84')
  })
  const checkIn = o.getByTestId('check-in').first()
  await checkIn.waitFor()
  expect(await checkIn.getAttribute('data-far')).toBe('false')
  expect(await checkIn.textContent()).toContain('距反映地点 就在附近')
  expect(await checkIn.textContent()).toMatch(/服务器时间 2026-11-23 23:30:00 · 手机时间 2026-11-23 23:3\d/)
  expect(await o.getByTestId('status').textContent()).toContain('调查处理中')
  // From the report to the check-in: the response time is recorded.
  await o.getByTestId('response-time').filter({ hasText: '到场用时' }).waitFor()

  // Someone is on site: the case leaves 值班紧急 (the leader pulls to refresh: reloads).
  await leader.page.reload()
  await until(
    () => dutyList(leader.page),
    (d) => d.list === TODO_LISTS.duty.label && d.empty && d.rows.length === 0,
  )

  // A photo taken on site, stamped with the time and place; a noise reading at the site boundary.
  await take(officer.page, 'add-site-photos', async () => {
    await addPhotos(officer.page, [PHOTO])
    await o.locator('[data-testid="photo-slot"]').first().waitFor()
  })
  await o.getByTestId('site-photo').waitFor()
  await take(officer.page, 'record-measurement', async () => {
    await o.locator('[data-testid="field-item"] [data-value="noise-construction"]').tap()
    await field(officer.page, 'field-value').fill('68')
    await field(officer.page, 'field-point').fill('工地北侧场界外 1 米，噪声敏感建筑物方向')
  })
  const reading = o.getByTestId('reading').first()
  await reading.waitFor()
  expect(await reading.getByTestId('limit').textContent()).toContain('夜间限值 55 dB(A)（GB 12523-2011')
  expect(await reading.getByTestId('exceeds').textContent()).toBe('超标 13 dB(A)')

  // The site-visit record starts from the report (S0 第七条(一)): the reported party and the address.
  await take(officer.page, 'record-site-visit', async () => {
    expect(await field(officer.page, 'field-record.reportedEntity').inputValue()).toBe(
      '塔南路某建设工程项目部',
    )
    await field(officer.page, 'field-record.address').fill('焦作市山阳区塔南路 88 号')
    await field(officer.page, 'field-record.productionStatus').fill('夜间桩基施工，两台打桩机作业')
    await field(officer.page, 'field-record.pollutionControl').fill('未设置隔声屏障')
    await field(officer.page, 'field-record.discharge').fill('施工噪声，场界实测 68 dB(A)')
    await field(officer.page, 'field-record.cause').fill('未取得夜间施工证明，夜间连续施工')
    await field(officer.page, 'field-record.findings').fill(
      '反映情况属实：夜间施工噪声超过 GB 12523-2011 夜间限值 13 dB(A)。',
    )
  })

  // Rectification with a deadline (S0 第七条(二)): stop tonight; the 整改期限 runs on the case.
  await take(officer.page, 'order-rectification', async () => {
    await field(officer.page, 'field-target').fill('夜间 22 时至次日 6 时不再进行产生噪声的施工作业')
    await field(officer.page, 'field-measures').fill(MEASURES)
    expect(await field(officer.page, 'field-responsibleParty').inputValue()).toBe('塔南路某建设工程项目部')
    // The date picker: confirm today (the phone's date).
    await o.getByTestId('field-dueDate').locator('.date-picker__value').tap()
    // (Taro's H5 picker draws its wheel outside the page.)
    await officer.page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true }).tap()
  })
  const plan = o.getByTestId('rectification').first()
  await plan.waitFor()
  expect(await plan.textContent()).toContain('整改期限 2026-11-23')
  expect(await o.getByTestId('clocks').textContent()).toContain('整改期限')

  // Checked the same night: the site is quiet; the rectification is done.
  h.clock.set('2026-11-23T23:55:00+08:00')
  await officer.context.clock.setSystemTime(new Date('2026-11-23T23:55:00+08:00'))
  await take(officer.page, 'complete-rectification', async () => {
    await field(officer.page, 'field-verification').fill('23:50 复查，工地已停止施工，打桩机已断电')
  })
  await o.getByTestId('follow-up').waitFor()
  expect(await status(caseId)).toBe('investigating')

  // The next morning the officer drafts the reply from his unit's template for noise found substantiated, merged
  // with the case's facts (the site visit, the rectification ordered, the remedies of the case's policy).
  h.clock.set('2026-11-24T09:00:00+08:00')
  await officer.context.clock.setSystemTime(new Date('2026-11-24T09:00:00+08:00'))
  const opinion = `已责令塔南路某建设工程项目部：${MEASURES}，整改期限：2026年11月23日。`
  await openCase(officer.page, caseId)
  await take(officer.page, 'draft-reply', async () => {
    await o.getByTestId('apply-template').filter({ hasText: title }).tap()
    await until(
      () => field(officer.page, 'field-reply.handlingOpinion').inputValue(),
      (v) => v === opinion,
    )
    expect(await field(officer.page, 'field-reply.investigation').inputValue()).toMatch(
      /^我局执法人员于2026年11月23日23时\d\d分到焦作市山阳区塔南路 88 号现场核查：反映情况属实/,
    )
    expect(await field(officer.page, 'field-reply.remedies').inputValue()).toContain('复查')
    // What the template leaves to him.
    for (const key of ['matter', 'entityFacts', 'violations', 'communication'] as const)
      await field(officer.page, `field-reply.${key}`).fill(REPLY[key])
  })

  // The head approves; the leader sends it back with a comment.
  await openCase(head.page, caseId)
  await take(head.page, 'approve-reply')
  await leader.context.clock.setSystemTime(new Date('2026-11-24T09:30:00+08:00'))
  const comment = '请写明已责令整改的期限和复查结果，并说明是否立案查处。'
  await openCase(leader.page, caseId)
  await take(leader.page, 'send-back-reply', async () => {
    await field(leader.page, 'field-reason').fill(comment)
  })
  await entry(leader.page, 'send-back-reply').waitFor()

  // The officer revises the kept draft: the form starts from the reply sent back, with the comment.
  await openCase(officer.page, caseId)
  const revised = `${opinion}11 月 23 日 23 时 50 分复查，已停止施工；对未经批准夜间施工的行为依法立案查处。`
  await take(officer.page, 'draft-reply', async () => {
    const prefilled = o.getByTestId('form-prefilled')
    await prefilled.waitFor()
    expect(await prefilled.textContent()).toContain(comment)
    expect(await field(officer.page, 'field-reply.matter').inputValue()).toBe(REPLY.matter)
    expect(await field(officer.page, 'field-reply.handlingOpinion').inputValue()).toBe(opinion)
    await field(officer.page, 'field-reply.handlingOpinion').fill(revised)
  })

  // Approved by both; the officer sends it.
  await openCase(head.page, caseId)
  await take(head.page, 'approve-reply')
  await openCase(leader.page, caseId)
  await take(leader.page, 'approve-reply')
  await openCase(officer.page, caseId)
  await take(officer.page, 'send-reply')
  expect(await status(caseId)).toBe('replied')

  // The citizen reads the reply — the revised one — and rates it.
  const citizen = await phone(CITIZEN, '2026-11-24T10:00:00+08:00')
  const c = screen(citizen.page)
  await open(citizen.page, `/pages/case/index?id=${caseId}`, filed.refNo)
  await c.getByTestId('reply').waitFor()
  const reply = (await c.getByTestId('reply').textContent())!
  expect(reply).toContain(revised)
  expect(reply).toContain('现场核查：反映情况属实')
  expect(reply).not.toContain(comment)
  expect(await c.getByTestId('timeline').textContent()).toContain('工作人员已到达现场')
  await c.getByTestId('star-5').tap()
  await field(citizen.page, 'rate-comment').fill('当晚就来处理了，谢谢')
  await c.getByTestId('submit-rating').tap()
  await c.getByTestId('rating').waitFor()
  expect(await c.getByTestId('rating').textContent()).toContain('当晚就来处理了')

  for (const p of [intake, head, officer, leader, citizen] as Array<{ context: BrowserContext }>)
    await p.context.close()
})
