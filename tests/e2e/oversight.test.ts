// The supervisor's desk in the browser, as the supervisor persona: a 督办单 ordered on an overdue case, its result
// sent back and then accepted (S3 第十五条); a spot check drawn for a unit and month, an irregular finding ordered
// redone (S3 第十四条); an early warning shown with its cases and handled (S3 第十六条); and, in 海东, a key case's
// return visit within 5 日 (S4 四(七)) whose relapse reopens it.
import type { Page } from 'playwright-core'
import type { CaseDoc } from '../../shared/cases/case-doc'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { demoPlaces } from '../../local/demo-places'
import { handleToReply, northOf, OFFICER, REPLY, reportInput, STAFF } from '../support/reports'
import { field, open, pickDate, screen, startE2E, type E2E } from './browser'
import { phoneAs } from './citizen'

jest.setTimeout(120_000)

const item = (page: Page, caseId: string) =>
  screen(page).locator(`[data-testid="desk-item"][data-case="${caseId}"]`)
const tab = (page: Page, value: string) =>
  screen(page).locator(`[data-testid="desk-tabs"] [data-value="${value}"]`).tap()

describe('焦作', () => {
  let e2e: E2E
  beforeAll(async () => {
    e2e = await startE2E({ now: '2026-10-05T09:00:00+08:00' })
  })
  afterAll(async () => {
    await e2e?.close()
  })

  const stored = (caseId: string) => e2e.harness.runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId)

  test('spot check: a reproducible sample of a unit’s closed cases; an irregular finding is ordered redone', async () => {
    const h = e2e.harness
    // Three cases closed by 山阳区分局 in October.
    const closed: string[] = []
    for (let i = 0; i < 3; i++) {
      const { caseId } = await h.ok<{ caseId: string }>(
        'cases',
        'submitReport',
        reportInput(),
        `e2e-spot-${i}`,
      )
      await handleToReply(h, caseId)
      closed.push(caseId)
    }
    h.clock.set('2026-11-23T09:00:00+08:00')

    const { page, context } = await phoneAs(e2e, STAFF.supervisor)
    await context.clock.install({ time: new Date('2026-11-23T09:00:00+08:00') })
    const s = screen(page)
    await open(page, '/staff/oversight/index?tab=spot-checks', '抽取样本')
    await s.locator('[data-testid="spot-unit"] [data-value="jz-shanyang"]').tap()
    // Last month is offered: picked on the wheel, not typed.
    expect(await s.getByTestId('spot-period').textContent()).toBe('2026-10')
    await s.getByTestId('spot-draw').tap()
    await s.getByTestId('sample-summary').getByText('办结 3 件，抽取 3 件', { exact: false }).waitFor()
    expect(await s.getByTestId('sample-summary').textContent()).toContain('jz-shanyang|2026-10')
    const first = s.getByTestId('sample-item').first()
    const caseId = (await first.getAttribute('data-case'))!
    expect(closed).toContain(caseId)
    await first.locator('[data-testid="sample-finding-choice"] [data-value="irregular"]').tap()
    await first.locator('[data-testid="sample-recurred"] [data-value="false"]').tap()
    await field(page, 'sample-note').first().fill('现场检查记录未附监测数据，答复依据不足')
    await first.getByTestId('sample-submit').tap()
    await first.getByTestId('sample-finding').getByText('办理不规范', { exact: false }).waitFor()
    await first.locator('[data-testid="redo-reason"] textarea').fill('补充监测数据后重新答复')
    await first.getByTestId('redo-submit').tap()
    await first.getByTestId('sample-finding').getByText('已责令重新办理', { exact: false }).waitFor()
    expect((await stored(caseId))!.status).toBe('assigned')
  })

  test('supervision order: ordered on an overdue case, its result sent back as incomplete, then accepted', async () => {
    const h = e2e.harness
    h.clock.set('2026-11-23T09:00:00+08:00')
    const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'e2e-order')
    await h.act(STAFF.supervisor, caseId, { type: 'accept' })
    await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
    // Nobody handles it: three weeks later it is overdue.
    h.clock.set('2026-12-14T09:00:00+08:00')

    const { page, context } = await phoneAs(e2e, STAFF.supervisor)
    await context.clock.install({ time: new Date('2026-12-14T09:00:00+08:00') })
    const s = screen(page)
    await open(page, '/staff/oversight/index', '逾期未办')
    const overdue = item(page, caseId)
    await overdue.getByTestId('desk-action').tap()
    await overdue.locator('[data-testid="supervision-reason"] [data-value="overdue"]').tap()
    await overdue
      .locator('[data-testid="supervision-instructions"] textarea')
      .fill('限 12 月 18 日前办结并上报查处情况')
    // Four days on from the phone's today, on the wheel.
    await pickDate(page, 'supervision-due', 4)
    expect(await overdue.getByTestId('supervision-due').getAttribute('data-value')).toBe('2026-12-18')
    await overdue.getByTestId('supervision-submit').tap()
    await item(page, caseId).getByTestId('order-due').getByText('督办期限 2026-12-18').waitFor()
    expect((await stored(caseId))!.flags.supervisionOrder).toMatchObject({
      state: 'open',
      dueDate: '2026-12-18',
    })

    // The handling unit reports its result from the case page (the catalogue's form).
    const result = { matter: '督办夜间施工噪声', investigation: '现场核查属实', opinion: '责令停止夜间施工' }
    await h.act(STAFF.officer, caseId, { type: 'report-supervision-result', result })

    await tab(page, 'reported')
    const reported = item(page, caseId)
    await reported.getByTestId('desk-action').tap()
    await reported.locator('[data-testid="check-decision"] [data-value="send-back"]').tap()
    await reported.locator('[data-testid="check-reason"] [data-value="incomplete"]').tap()
    await reported.locator('[data-testid="check-note"] textarea').fill('未写明整改期限和复测安排')
    await pickDate(page, 'check-due', 8)
    expect(await reported.getByTestId('check-due').getAttribute('data-value')).toBe('2026-12-22')
    await reported.getByTestId('check-submit').tap()
    await s.getByText('暂无案件').waitFor()
    await tab(page, 'supervision')
    await item(page, caseId).getByTestId('order-due').getByText('已退回 1 次', { exact: false }).waitFor()

    await h.act(STAFF.officer, caseId, {
      type: 'report-supervision-result',
      result: { ...result, opinion: '责令停止夜间施工，12 月 20 日前整改完毕并复测' },
    })
    await tab(page, 'reported')
    const again = item(page, caseId)
    await again.getByTestId('desk-action').tap()
    await again.locator('[data-testid="check-note"] textarea').fill('结果完整，同意办结督办')
    await again.getByTestId('check-submit').tap()
    await s.getByText('暂无案件').waitFor()
    expect((await stored(caseId))!.flags.supervisionOrder).toMatchObject({ state: 'closed', sendBacks: 1 })
  })
  test('early warning: the cluster is shown with its cases, and marked handled with what was done (S3 第十六条)', async () => {
    const h = e2e.harness
    h.clock.set('2026-12-15T21:00:00+08:00')
    const filed: string[] = []
    for (let i = 0; i < 8; i++) {
      const location = { ...northOf(i * 40), coordSystem: 'gcj02', address: '焦作市山阳区塔南路' }
      const { caseId } = await h.ok<{ caseId: string }>(
        'cases',
        'submitReport',
        reportInput({ location }),
        `e2e-warning-${i}`,
      )
      filed.push(caseId)
    }

    const { page } = await phoneAs(e2e, STAFF.supervisor)
    const s = screen(page)
    await open(page, '/staff/oversight/index?tab=warnings', '集中举报预警')
    const card = s.getByTestId('warning')
    expect(await card.count()).toBe(1)
    expect(await card.textContent()).toContain('待处置')
    // The cases behind it are tonight's reports on the street (at least the three that make a cluster).
    const refNos = await Promise.all(filed.map(async (id) => (await stored(id))!.refNo))
    const shown = await card.locator('.ref-no').allTextContents()
    expect(shown.length).toBeGreaterThanOrEqual(3)
    expect(shown.every((refNo) => refNos.includes(refNo))).toBe(true)
    await card.locator('[data-testid="warning-note"] textarea').fill('已组织山阳区分局夜间巡查')
    await card.getByTestId('warning-submit').tap()
    await s.getByText('暂无待处置的预警').waitFor()
    const handled = await h.runtime.db.find<{ status: string; handledNote?: string }>(COLLECTIONS.warnings, {
      filter: { status: 'handled' },
      limit: 5,
    })
    expect(handled.items).toMatchObject([{ handledNote: '已组织山阳区分局夜间巡查' }])
  })
})

describe('海东', () => {
  let e2e: E2E
  beforeAll(async () => {
    e2e = await startE2E({ now: '2026-11-23T09:00:00+08:00', deployment: 'haidong' })
  })
  afterAll(async () => {
    await e2e?.close()
  })

  test('return visit: a key case within 5 日 of its reply; the relapse found reopens it', async () => {
    const h = e2e.harness
    const place = demoPlaces(h.runtime).find((p) => p.name.includes('平安'))!
    const { caseId } = await h.ok<{ caseId: string }>(
      'cases',
      'submitReport',
      reportInput({ location: { ...place, address: '海东市平安区某路' } }),
      'e2e-hd-reporter',
    )
    const act = (openid: string, event: Record<string, unknown>) => h.act(openid, caseId, event)
    await act('dev-office-head', { type: 'accept' })
    await act('dev-office-head', { type: 'mark-important', ground: 'major-pollution' })
    await act('dev-office-head', { type: 'assign', unitIds: ['hd-pingan'], officer: OFFICER })
    await act('dev-officer', { type: 'start-investigation' })
    await act('dev-officer', {
      type: 'record-site-visit',
      record: {
        visitedAt: '2026-11-23T10:00:00+08:00',
        reportedEntity: '某企业',
        address: '平安区',
        productionStatus: '生产',
        pollutionControl: '无',
        discharge: '废水',
        cause: '偷排',
        findings: '属实',
      },
    })
    await act('dev-officer', { type: 'draft-reply', reply: REPLY })
    await act('dev-office-head', { type: 'approve-reply' })
    await act('dev-leader', { type: 'approve-reply' })
    await act('dev-officer', { type: 'send-reply' })

    const { page } = await phoneAs(e2e, 'dev-supervisor')
    await open(page, '/staff/oversight/index?tab=return-visits', '待回访')
    const due = item(page, caseId)
    // 5 日 after the reply of Monday 23 November ends on a Saturday: the next working day (民法典 第二百零三条).
    await due.getByText('回访期限 2026-11-30').waitFor()
    await due.getByTestId('desk-action').tap()
    await due.locator('[data-testid="visit-recurred"] [data-value="true"]').tap()
    await due.locator('[data-testid="visit-satisfied"] [data-value="false"]').tap()
    await due.locator('[data-testid="visit-note"] textarea').fill('电话回访：企业夜间仍有偷排')
    await due.getByTestId('visit-submit').tap()
    await due.locator('[data-testid="redo-reason"] textarea').fill('回访发现问题反弹，重新办理')
    await due.getByTestId('redo-submit').tap()
    await screen(page).getByText('暂无案件').waitFor()
    const doc = (await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId))!
    expect(doc.status).toBe('assigned')
    expect(doc.history.map((e) => e.event.type).slice(-2)).toEqual(['record-return-visit', 'reopen'])
  })
})
