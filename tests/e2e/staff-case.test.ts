// The staff case page in the browser: the leader asked to approve a reply reads everything that led to it — the
// site-visit record field by field, the reason the reply was sent back, the reporter's 复查 grounds — and who
// did each, by name and post; the officer redrafting a sent-back reply starts from the reply sent back; a
// half-typed staff form survives a reload, shows the catalogue's message next to each missing field, and its
// draft goes once the event is accepted.
import type { Page } from 'playwright-core'
import type { StaffCaseDetail } from '../../shared/contracts/staff'
import { formatShanghai } from '../../shared/time'
import { STAFF_ROLES } from '../../shared/vocabulary/units'
import { ACTOR_ROLE_LABELS, EVENT_CATALOGUE, REPLY_FIELDS, SITE_VISIT_FIELDS } from '../../shared/workflow'
import { handleToReply, OFFICER as NAMED_OFFICER, REPLY, reportInput, STAFF } from '../support/reports'
import { field, open, screen, settled, startE2E, type E2E } from './browser'
import { addPhotos, PHOTO, phoneAs, waitForUploads } from './citizen'

jest.setTimeout(90_000)

let e2e: E2E
beforeAll(async () => {
  // Monday 2026-11-23, 09:00 in Shanghai.
  e2e = await startE2E({ now: '2026-11-23T09:00:00+08:00' })
})
afterAll(async () => {
  await e2e?.close()
})

/** Who acted, as the demo deployment names them (deployments/jiaozuo: staff). */
const OFFICER = `王磊（${STAFF_ROLES.officer}）`
const HEAD = `李娜（${STAFF_ROLES['office-head']}）`

const SITE_VISIT = {
  visitedAt: '2026-11-23T23:10:00+08:00',
  reportedEntity: '塔南路某建设工程项目部',
  address: '焦作市山阳区塔南路 88 号',
  productionStatus: '夜间桩基施工，两台打桩机同时作业',
  pollutionControl: '未设置隔声屏障，未采取降噪措施',
  discharge: '施工噪声，厂界噪声实测 68 分贝',
  cause: '未经批准夜间施工',
  findings:
    '经现场核查，该项目部在 22 时后进行桩基施工，未取得夜间施工许可，厂界噪声超过《建筑施工场界环境噪声排放标准》规定的夜间限值，反映情况属实。',
}
const SEND_BACK_REASON = '答复未写明整改期限和复测安排，请补充后重新报送。'
const REVIEW_GROUNDS = '答复后工地仍在夜间打桩，噪声没有减少，请重新调查。'

const label = (fields: Record<string, { form: { label: string } }>, key: string) => fields[key]!.form.label

async function fileReport(openid: string): Promise<string> {
  const filed = await e2e.harness.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), openid)
  return filed.caseId
}

/** Accepted, assigned to 山阳区分局, investigated on site by the officer. */
async function investigated(openid: string): Promise<string> {
  const h = e2e.harness
  const caseId = await fileReport(openid)
  await h.act(STAFF.supervisor, caseId, { type: 'accept' })
  await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: NAMED_OFFICER })
  await h.act(STAFF.officer, caseId, { type: 'start-investigation' })
  await h.act(STAFF.officer, caseId, { type: 'record-site-visit', record: SITE_VISIT })
  return caseId
}

/** The staff case page of `caseId`, loaded (办理记录 is drawn only once the case has arrived). */
async function openCase(page: Page, caseId: string) {
  await open(page, `/staff/case/index?id=${caseId}`, '办理记录')
}

const entry = (page: Page, kind: string) =>
  screen(page).locator(`[data-testid="timeline-entry"][data-kind="${kind}"]`)

/** What the browser keeps of this persona's unsent staff forms. */
async function storedDrafts(page: Page, openid: string): Promise<Record<string, unknown>> {
  const raw = await page.evaluate((key) => window.localStorage.getItem(key), `gw.staffDrafts.${openid}`)
  return raw ? ((JSON.parse(raw) as { data: { drafts: Record<string, unknown> } }).data.drafts ?? {}) : {}
}

test('the approving leader reads the site visit, the send-back reason and the 复查 grounds, and who acted', async () => {
  const h = e2e.harness
  // A reply drafted, sent back by the office head, redrafted and approved by her: the leader must approve it.
  const caseId = await investigated('e2e-staff-reporter')
  await h.act(STAFF.officer, caseId, { type: 'draft-reply', reply: REPLY })
  await h.act(STAFF.head, caseId, { type: 'send-back-reply', reason: SEND_BACK_REASON })
  const redrafted = {
    ...REPLY,
    handlingOpinion: '已责令立即停止夜间施工，限 11 月 30 日前完成整改，届时复测。',
  }
  await h.act(STAFF.officer, caseId, { type: 'draft-reply', reply: redrafted })
  await h.act(STAFF.head, caseId, { type: 'approve-reply' })

  const { page } = await phoneAs(e2e, STAFF.leader)
  const s = screen(page)
  await openCase(page, caseId)
  // The state asserted: the leader's turn to approve.
  await s.locator('[data-event="approve-reply"]').waitFor()

  const visit = (await entry(page, 'record-site-visit').textContent())!
  expect(visit).toContain(EVENT_CATALOGUE['record-site-visit'].label)
  expect(visit).toContain(OFFICER)
  for (const [key, value] of Object.entries(SITE_VISIT)) {
    expect(visit).toContain(label(SITE_VISIT_FIELDS, key))
    expect(visit).toContain(key === 'visitedAt' ? formatShanghai(value) : value)
  }

  const sentBack = (await entry(page, 'send-back-reply').textContent())!
  expect(sentBack).toContain(
    `${label(EVENT_CATALOGUE['send-back-reply'].fields, 'reason')}：${SEND_BACK_REASON}`,
  )
  expect(sentBack).toContain(HEAD)

  // Both drafts, each in full: what was sent back and what is to be approved.
  const drafts = entry(page, 'draft-reply')
  expect(await drafts.count()).toBe(2)
  expect(await drafts.nth(0).textContent()).toContain(REPLY.handlingOpinion)
  expect(await drafts.nth(1).textContent()).toContain(redrafted.handlingOpinion)
  expect(await drafts.nth(1).textContent()).toContain(label(REPLY_FIELDS, 'handlingOpinion'))
  expect(await entry(page, 'approve-reply').textContent()).toContain(HEAD)

  // Another case, replied to: the reporter asks for a 复查, which the leader decides.
  const reviewed = await fileReport('e2e-staff-reviewer')
  await handleToReply(h, reviewed)
  await h.ok('cases', 'requestReview', { caseId: reviewed, grounds: REVIEW_GROUNDS }, 'e2e-staff-reviewer')
  await openCase(page, reviewed)
  await s.locator('[data-event="decide-review"]').waitFor()
  const grounds = (await entry(page, 'request-review').textContent())!
  expect(grounds).toContain(
    `${label(EVENT_CATALOGUE['request-review'].fields, 'grounds')}：${REVIEW_GROUNDS}`,
  )
  expect(grounds).toContain(ACTOR_ROLE_LABELS.reporter)
  // Every entry says who acted.
  const entries = await s.getByTestId('timeline-entry').allTextContents()
  expect(entries.length).toBeGreaterThan(8)
  for (const text of entries) expect(text).toMatch(/ · \S/)
})

test('after a send-back the officer’s 拟写答复 starts from the reply sent back; the edit survives a reload', async () => {
  const h = e2e.harness
  const caseId = await investigated('e2e-staff-redraft')
  // A long section (the 处理意见) and short lines (the rest), as the staff timeline carries them.
  const sent = {
    ...REPLY,
    handlingOpinion:
      '已责令该项目部立即停止夜间施工，并依据《中华人民共和国噪声污染防治法》第四十三条、第七十七条立案调查，拟处以罚款；同时要求其在施工场界设置隔声屏障，合理安排施工时间。',
  }
  await h.act(STAFF.officer, caseId, { type: 'draft-reply', reply: sent })
  await h.act(STAFF.head, caseId, { type: 'send-back-reply', reason: SEND_BACK_REASON })

  const { page } = await phoneAs(e2e, STAFF.officer)
  const s = screen(page)
  await openCase(page, caseId)
  await s.locator('[data-event="draft-reply"]').tap()
  const prefilled = s.getByTestId('form-prefilled')
  await prefilled.waitFor()
  expect(await prefilled.textContent()).toContain(SEND_BACK_REASON)
  for (const [key, value] of Object.entries(sent)) {
    expect(await field(page, `field-reply.${key}`).inputValue()).toBe(value)
  }

  // Corrected as the office head asked; saved on the device as it is typed.
  const corrected = `${sent.handlingOpinion}限 11 月 30 日前完成整改，届时复测。`
  await field(page, 'field-reply.handlingOpinion').fill(corrected)
  await s.getByTestId('form-saved').waitFor()
  await page.reload()
  // The form comes back open, with what was typed (not the reply sent back).
  await s.getByTestId('form-restored').waitFor()
  await settled(page)
  expect(await field(page, 'field-reply.handlingOpinion').inputValue()).toBe(corrected)
  expect(await field(page, 'field-reply.matter').inputValue()).toBe(sent.matter)

  await s.getByTestId('submit-event').tap()
  await entry(page, 'draft-reply').nth(1).waitFor()
  expect(await entry(page, 'draft-reply').nth(1).textContent()).toContain(corrected)
  expect(await s.getByTestId('event-form').count()).toBe(0)
  const detail = await h.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, STAFF.officer)
  expect(detail.status).toBe('pending-head-approval')
  expect(Object.keys(await storedDrafts(page, STAFF.officer))).not.toContain(`${caseId}/draft-reply`)
})

test('a half-typed site visit survives a reload; missing fields are named next to them; sent, its draft goes', async () => {
  const h = e2e.harness
  const caseId = await fileReport('e2e-staff-visit')
  await h.act(STAFF.supervisor, caseId, { type: 'accept' })
  await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: NAMED_OFFICER })
  await h.act(STAFF.officer, caseId, { type: 'start-investigation' })

  const { page } = await phoneAs(e2e, STAFF.officer)
  const s = screen(page)
  await openCase(page, caseId)
  await s.locator('[data-event="record-site-visit"]').tap()
  await s.locator('[data-testid="event-form"][data-type="record-site-visit"]').waitFor()
  // The visit time starts at now and can be changed.
  expect(await s.getByTestId('field-record.visitedAt').textContent()).toMatch(
    /\d{4}-\d{2}-\d{2}\s*\d{2}:\d{2}/,
  )
  // S0 第七条(一): the record starts from what was reported — the address (to correct on site).
  expect(await field(page, 'field-record.address').inputValue()).toBe(
    (reportInput().location as { address: string }).address,
  )

  await field(page, 'field-record.reportedEntity').fill(SITE_VISIT.reportedEntity)
  await field(page, 'field-record.findings').fill(SITE_VISIT.findings)
  // A photo taken on site, uploaded as soon as it is chosen.
  await addPhotos(page, [PHOTO])
  await waitForUploads(page, 1)
  await s.getByTestId('form-saved').waitFor()
  await page.reload()
  await s.getByTestId('form-restored').waitFor()
  await settled(page)
  expect(await field(page, 'field-record.reportedEntity').inputValue()).toBe(SITE_VISIT.reportedEntity)
  expect(await field(page, 'field-record.findings').inputValue()).toBe(SITE_VISIT.findings)
  await waitForUploads(page, 1)

  // Sent half done: each missing field says so, in the catalogue's words; the filled ones say nothing.
  await s.getByTestId('submit-event').tap()
  const missing = s.getByTestId('error-record.cause')
  await missing.waitFor()
  expect(await missing.textContent()).toBe(
    SITE_VISIT_FIELDS.cause.schema.safeParse('').error?.issues[0]?.message,
  )
  for (const key of ['productionStatus', 'pollutionControl', 'discharge']) {
    await s.getByTestId(`error-record.${key}`).waitFor()
  }
  expect(await s.getByTestId('error-record.findings').count()).toBe(0)
  expect(await s.getByTestId('error-record.visitedAt').count()).toBe(0)
  expect(await s.getByTestId('error-record.address').count()).toBe(0)

  for (const key of ['address', 'productionStatus', 'pollutionControl', 'discharge', 'cause'] as const) {
    await field(page, `field-record.${key}`).fill(SITE_VISIT[key])
  }
  // Typing into a field takes its message away.
  await s.getByTestId('error-record.cause').waitFor({ state: 'detached' })
  await s.getByTestId('submit-event').tap()
  await entry(page, 'record-site-visit').waitFor()
  expect(await entry(page, 'record-site-visit').textContent()).toContain(SITE_VISIT.findings)
  expect(await entry(page, 'record-site-visit').textContent()).toContain(OFFICER)
  expect(await entry(page, 'record-site-visit').textContent()).toContain(
    `${label(SITE_VISIT_FIELDS, 'fileIds')}：1 个`,
  )
  expect(Object.keys(await storedDrafts(page, STAFF.officer))).not.toContain(`${caseId}/record-site-visit`)
})
