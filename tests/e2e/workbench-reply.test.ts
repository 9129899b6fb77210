// Reply templates and the approval chain in the browser, switching personas: the office head keeps her unit's
// templates on 答复模板 (adds, edits, removes one); the officer starts his draft from a template merged with the
// case's site visit and fills in what it left open; the head approves with a comment; the leader reads the draft
// beside the buttons and sends it back with a reason; the officer sees every comment in the chain and revises the
// kept draft; approved and sent, the reporter reads the reply and rates it.
import type { Page } from 'playwright-core'
import type { StaffCaseDetail } from '../../shared/contracts/staff'
import { REPLY_OUTCOMES } from '../../shared/cases/reply-templates'
import { CASE_STATES } from '../../shared/workflow'
import { reportInput, OFFICER, STAFF } from '../support/reports'
import { field, open, screen, startE2E, until, type E2E } from './browser'
import { phoneAs } from './citizen'

jest.setTimeout(150_000)

let e2e: E2E
beforeAll(async () => {
  // Monday 2026-11-23, 21:30 in Shanghai.
  e2e = await startE2E({ now: '2026-11-23T21:30:00+08:00' })
})
afterAll(async () => {
  await e2e?.close()
})

const SITE_VISIT = {
  visitedAt: '2026-11-23T22:20:00+08:00',
  reportedEntity: '塔南路某建设工程项目部',
  address: '焦作市山阳区塔南路 88 号',
  productionStatus: '夜间桩基施工，两台打桩机同时作业',
  pollutionControl: '未设置隔声屏障',
  discharge: '施工噪声',
  cause: '未经批准夜间施工',
  findings: '该项目部 22 时后仍在桩基施工，未取得夜间施工许可，反映属实',
}

const TEMPLATE = {
  title: '夜间施工噪声（属实）',
  investigation: '我局执法人员于{现场检查时间}到{地址}现场核查：{核查结论}。',
  handlingOpinion: '已责令{被反映对象}立即停止夜间施工，整改期限：{整改期限}。',
  remedies: '{救济渠道}',
}
/** What the officer types where the template leaves nothing, or a fact is still missing. */
const TYPED = {
  matter: '反映塔南路工地夜间打桩噪声扰民。',
  entityFacts: '被反映对象为塔南路某建设工程项目部，正在进行桩基施工。',
  violations: '未经批准夜间施工，违反《噪声污染防治法》第四十三条。',
  communication: '已电话告知反映人核查情况。',
}
const APPROVAL_COMMENT = '同意，请领导审批。'
const SEND_BACK_REASON = '请写明整改完成后的复测安排。'

const byKey = (page: Page, key: string) => field(page, `field-reply.${key}`)
const caseOpen = (page: Page, caseId: string) => open(page, `/staff/case/index?id=${caseId}`, '办理记录')

test('a template kept by the head drafts the officer’s reply; sent back with a reason, revised, approved, rated', async () => {
  const h = e2e.harness

  // 李娜 keeps her unit's templates: from the 工作台 to 答复模板.
  const head = await phoneAs(e2e, STAFF.head)
  const hs = screen(head.page)
  await open(head.page, '/pages/workbench/index', '答复模板')
  await hs.getByTestId('open-templates').tap()
  await hs.getByTestId('new-template').waitFor()
  await hs.getByText('还没有答复模板').waitFor()

  const addTemplate = async (title: string, outcome: keyof typeof REPLY_OUTCOMES, texts: object) => {
    await hs.getByTestId('new-template').tap()
    const form = hs.getByTestId('template-form')
    await form.locator('[data-testid="template-category"] [data-value="noise"]').tap()
    await form.locator(`[data-testid="template-outcome"] [data-value="${outcome}"]`).tap()
    await field(head.page, 'template-title').fill(title)
    for (const [key, text] of Object.entries(texts)) await field(head.page, `template-${key}`).fill(text)
    await hs.getByTestId('save-template').tap()
    await hs.getByTestId('template').filter({ hasText: title }).waitFor()
  }
  const { title, ...texts } = TEMPLATE
  await addTemplate('夜间施工噪声', 'substantiated', texts)
  await addTemplate('噪声不属实', 'unsubstantiated', { investigation: '经核查，{核查结论}。' })
  // A fact no case has is refused, next to its section, and nothing is saved.
  await hs.getByTestId('new-template').tap()
  await hs.locator('[data-testid="template-category"] [data-value="noise"]').tap()
  await hs.locator('[data-testid="template-outcome"] [data-value="other"]').tap()
  await field(head.page, 'template-title').fill('错的模板')
  await field(head.page, 'template-matter').fill('{反映人电话}')
  await hs.getByTestId('save-template').tap()
  await hs.getByText('没有这项案件信息：{反映人电话}').first().waitFor()
  await hs.getByText('返回列表').tap()
  await hs.getByTestId('template-form').waitFor({ state: 'detached' })
  expect(await hs.getByTestId('template').count()).toBe(2)

  // Edited: a clearer name.
  await hs.getByTestId('template').filter({ hasText: '夜间施工噪声' }).first().tap()
  expect(await field(head.page, 'template-investigation').inputValue()).toBe(TEMPLATE.investigation)
  await field(head.page, 'template-title').fill(title)
  await hs.getByTestId('save-template').tap()
  await hs.getByTestId('template').filter({ hasText: title }).waitFor()
  // Retired: the other one, after asking once more.
  await hs.getByTestId('template').filter({ hasText: '噪声不属实' }).tap()
  await hs.getByTestId('remove-template').tap()
  await hs.getByTestId('remove-template-confirm').tap()
  await until(
    () => hs.getByTestId('template').allTextContents(),
    (list) =>
      list.length === 1 && list[0]!.includes(title) && list[0]!.includes(REPLY_OUTCOMES.substantiated),
  )

  // Tonight's report, investigated on site by 王磊.
  const reporter = 'e2e-template-reporter'
  const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), reporter)
  await h.act(STAFF.supervisor, caseId, { type: 'accept' })
  await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
  await h.act(STAFF.officer, caseId, { type: 'start-investigation' })
  h.clock.advance(60 * 60_000)
  await h.act(STAFF.officer, caseId, { type: 'record-site-visit', record: SITE_VISIT })

  // 王磊 drafts the reply from the template: the site visit is filled in, the missing deadline is marked.
  const officer = await phoneAs(e2e, STAFF.officer)
  const os = screen(officer.page)
  await caseOpen(officer.page, caseId)
  await os.locator('[data-testid="allowed-events"] [data-event="draft-reply"]').tap()
  await os.getByTestId('apply-template').filter({ hasText: title }).tap()
  expect(await byKey(officer.page, 'investigation').inputValue()).toBe(
    `我局执法人员于2026年11月23日22时20分到${SITE_VISIT.address}现场核查：${SITE_VISIT.findings}。`,
  )
  expect(await byKey(officer.page, 'handlingOpinion').inputValue()).toBe(
    `已责令${SITE_VISIT.reportedEntity}立即停止夜间施工，整改期限：【待补充：整改期限】。`,
  )
  const remedies = await byKey(officer.page, 'remedies').inputValue()
  expect(remedies).toContain('申请复查')
  for (const [key, text] of Object.entries(TYPED)) await byKey(officer.page, key).fill(text)
  // Sent with the deadline still missing: refused, saying why.
  await os.getByTestId('submit-event').tap()
  expect(await os.getByTestId('form-error').textContent()).toContain('【待补充')
  const opinion = `已责令${SITE_VISIT.reportedEntity}立即停止夜间施工，整改期限：2026年11月30日。`
  await byKey(officer.page, 'handlingOpinion').fill(opinion)
  await os.getByTestId('submit-event').tap()
  await os.getByTestId('status').filter({ hasText: CASE_STATES['pending-head-approval'].label }).waitFor()

  // 李娜 approves, with a comment.
  await caseOpen(head.page, caseId)
  await hs.getByTestId('reply-draft').waitFor()
  await hs.locator('[data-testid="allowed-events"] [data-event="approve-reply"]').tap()
  await field(head.page, 'field-comment').fill(APPROVAL_COMMENT)
  await hs.getByTestId('submit-event').tap()
  await hs.getByTestId('status').filter({ hasText: CASE_STATES['pending-leader-approval'].label }).waitFor()

  // 赵国强 reads the draft beside his buttons and the head's comment, and sends it back.
  const leader = await phoneAs(e2e, STAFF.leader)
  const ls = screen(leader.page)
  await caseOpen(leader.page, caseId)
  expect(await ls.getByTestId('reply-draft').textContent()).toContain(opinion)
  expect(await ls.getByTestId('chain-comment').textContent()).toContain(APPROVAL_COMMENT)
  await ls.locator('[data-testid="allowed-events"] [data-event="send-back-reply"]').tap()
  await field(leader.page, 'field-reason').fill(SEND_BACK_REASON)
  await ls.getByTestId('submit-event').tap()
  await ls.getByTestId('status').filter({ hasText: CASE_STATES.investigating.label }).waitFor()

  // 王磊 sees every step with its comment, and revises the draft that was kept.
  await caseOpen(officer.page, caseId)
  const chain = os.getByTestId('reply-chain')
  expect(
    await chain.locator('[data-kind]').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-kind'))),
  ).toEqual(['draft-reply', 'approve-reply', 'send-back-reply'])
  const comments = await chain.getByTestId('chain-comment').allTextContents()
  expect(comments).toEqual([`审核意见：${APPROVAL_COMMENT}`, `退回理由：${SEND_BACK_REASON}`])
  await os.locator('[data-testid="allowed-events"] [data-event="draft-reply"]').tap()
  await os.getByTestId('form-prefilled').waitFor()
  expect(await byKey(officer.page, 'handlingOpinion').inputValue()).toBe(opinion)
  expect(await byKey(officer.page, 'matter').inputValue()).toBe(TYPED.matter)
  const revised = `${opinion}整改完成后由我局复测厂界噪声。`
  await byKey(officer.page, 'handlingOpinion').fill(revised)
  await os.getByTestId('submit-event').tap()
  await os.getByTestId('status').filter({ hasText: CASE_STATES['pending-head-approval'].label }).waitFor()

  // Approved by both, and sent.
  await h.act(STAFF.head, caseId, { type: 'approve-reply' })
  await h.act(STAFF.leader, caseId, { type: 'approve-reply' })
  const sent = await h.act<StaffCaseDetail>(STAFF.officer, caseId, { type: 'send-reply' })
  expect(sent.status).toBe('replied')

  // The reporter reads the reply as merged and revised, and rates it.
  const citizen = await phoneAs(e2e, reporter)
  const cs = screen(citizen.page)
  await open(citizen.page, `/pages/case/index?id=${caseId}`, '答复意见')
  const reply = (await cs.getByTestId('reply').textContent())!
  expect(reply).toContain(revised)
  expect(reply).toContain(SITE_VISIT.findings)
  expect(reply).toContain(remedies)
  expect(reply).not.toContain('【待补充')
  await cs.getByTestId('star-5').tap()
  await cs.getByTestId('accept-reply').tap()
  await cs.getByText('您已确认答复，办理结束').waitFor()
})
