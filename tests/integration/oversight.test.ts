// The supervisor's desk and the leaders' work through the real functions on a controlled clock: a 督办单 with its
// own time limit, its result checked and sent back (S3 第十五条); overdue cases on the desk the day after their due
// date with no write in between; a reproducible spot-check sample whose irregular finding is ordered redone (S3
// 第十四条); an early warning told to the supervising unit and shown with its cases (S3 第十六条); a Haidong key
// case's return visit within 5 日 (S4 四(七)) whose finding reopens it; a leader's 包案 (S2 第八条); receptions
// with the petitioners sealed and each leader's monthly count (S2 第七条).
import type { CaseDoc } from '../../shared/cases/case-doc'
import type { CasePage } from '../../shared/contracts/cases'
import type {
  DeskItem,
  ReceptionMonth,
  ReceptionView,
  SpotCheckView,
  WarningView,
} from '../../shared/contracts/oversight'
import type { StaffCaseDetail } from '../../shared/contracts/staff'
import { drawSample, sampleSeed } from '../../shared/oversight'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { demoPlaces } from '../../local/demo-places'
import { handleToReply, northOf, OFFICER, REPLY, reportInput, STAFF } from '../support/reports'
import { startHarness, type Harness } from '../support/local-harness'

jest.setTimeout(120_000)

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string } }

let h: Harness
beforeEach(async () => {
  h = await startHarness({ now: '2026-11-02T09:00:00+08:00' })
})
afterEach(async () => {
  await h.close()
})

async function file(
  openid = `oversight-reporter-${Math.random().toString(36).slice(2, 8)}`,
  input = reportInput(),
) {
  return (await h.ok<{ caseId: string }>('cases', 'submitReport', input, openid)).caseId
}

async function assigned(): Promise<string> {
  const caseId = await file()
  await h.act(STAFF.supervisor, caseId, { type: 'accept' })
  await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
  return caseId
}

const desk = (list: string, openid: string = STAFF.supervisor) =>
  h.ok<CasePage<DeskItem>>('oversight', 'desk', { list }, openid)
const version = async (caseId: string) =>
  (await h.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, STAFF.supervisor)).version
const RESULT = {
  matter: '督办夜间施工噪声问题',
  investigation: '现场核查属实，已立案',
  opinion: '责令停止夜间施工',
}

describe('督办单 (S3 第十五条)', () => {
  test('ordered with a time limit, reported, sent back for being incomplete, reported again and accepted', async () => {
    const caseId = await assigned()
    const ordered = await h.ok<StaffCaseDetail>(
      'oversight',
      'orderSupervision',
      {
        caseId,
        expectedVersion: await version(caseId),
        reason: 'procedure-violated',
        instructions: '限 11 月 6 日前核实并上报查处情况',
        dueDate: '2026-11-06',
      },
      STAFF.supervisor,
    )
    expect(ordered.supervised).toBe(true)
    const owed = await desk('supervision')
    expect(owed.items.map((i) => [i.caseId, i.supervisionOrder])).toEqual([
      [caseId, { due: '2026-11-06', state: 'open', overdue: false, sendBacks: 0 }],
    ])
    // The handling unit is told and reports from its case page (the catalogue's form).
    const outbox = await h.runtime.db.find<{ to: string; data: Record<string, string> }>(COLLECTIONS.outbox, {
      filter: { to: STAFF.officer },
      orderBy: [['createdAt', 'desc']],
      limit: 5,
    })
    expect(outbox.items.map((m) => m.data.thing2)).toContain('督办单待办理，请按期上报结果')
    await h.act(STAFF.officer, caseId, { type: 'report-supervision-result', result: RESULT })
    expect((await desk('reported')).items.map((i) => i.caseId)).toEqual([caseId])
    expect((await desk('supervision')).items).toEqual([])

    h.clock.set('2026-11-04T10:00:00+08:00')
    await h.ok(
      'oversight',
      'checkSupervision',
      {
        caseId,
        expectedVersion: await version(caseId),
        decision: 'send-back',
        reason: 'incomplete',
        note: '未写明整改期限',
        dueDate: '2026-11-09',
      },
      STAFF.supervisor,
    )
    expect((await desk('supervision')).items[0]?.supervisionOrder).toEqual({
      due: '2026-11-09',
      state: 'open',
      overdue: false,
      sendBacks: 1,
    })
    // Its own clock: the day after the limit it is overdue, with no write in between.
    h.clock.set('2026-11-10T09:00:00+08:00')
    expect((await desk('supervision')).items[0]?.supervisionOrder?.overdue).toBe(true)
    await h.act(STAFF.officer, caseId, { type: 'report-supervision-result', result: RESULT })
    await h.ok(
      'oversight',
      'checkSupervision',
      { caseId, expectedVersion: await version(caseId), decision: 'accept', note: '同意' },
      STAFF.supervisor,
    )
    expect((await desk('supervision')).items).toEqual([])
    expect((await desk('reported')).items).toEqual([])
    expect((await desk('supervised')).items.map((i) => i.caseId)).toEqual([caseId])
  })

  test('a time limit in the past, a result missing a part, a check with nothing reported: refused, nothing written', async () => {
    const caseId = await assigned()
    const before = await h.snapshot()
    const past = await h.call<Answer>(
      'oversight',
      'orderSupervision',
      {
        caseId,
        expectedVersion: await version(caseId),
        reason: 'other',
        instructions: '限期',
        dueDate: '2026-11-01',
      },
      STAFF.supervisor,
    )
    expect(past.body.error).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: '不能下达督办单：期限不能早于今天',
    })
    const noOrder = await h.call<Answer>(
      'oversight',
      'checkSupervision',
      { caseId, expectedVersion: await version(caseId), decision: 'accept' },
      STAFF.supervisor,
    )
    expect(noOrder.body.error?.message).toBe('不能督办结果审核通过：督办结果尚未上报')
    const partial = await h.call<Answer>(
      'staff',
      'act',
      {
        caseId,
        expectedVersion: await version(caseId),
        event: {
          type: 'report-supervision-result',
          result: { matter: '督办事项', investigation: '', opinion: '处理' },
        },
      },
      STAFF.officer,
    )
    expect(partial.body.error).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(await h.snapshot()).toEqual(before)
  })
})

test('an accepted case no one handles is on the desk the day after its due date, with no write in between', async () => {
  const caseId = await file()
  await h.act(STAFF.supervisor, caseId, { type: 'accept' })
  const due = (await desk('overdue')).items
  expect(due).toEqual([])
  const stored = (await h.runtime.db.get<CaseDoc & { oversight: { dutyDue: string } }>(
    COLLECTIONS.cases,
    caseId,
  ))!
  const v = stored._version
  h.clock.set(`${stored.oversight.dutyDue}T18:00:00+08:00`)
  expect((await desk('overdue')).items).toEqual([])
  h.clock.advance(24 * 3_600_000)
  expect((await desk('overdue')).items.map((i) => [i.caseId, i.nextDue?.overdue])).toEqual([[caseId, true]])
  expect((await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId))!._version).toBe(v)
  // Another unit's supervisor-in-all-roles sees none of it.
  await h.runtime.db.insert('staff', {
    _id: 'st-wenxian',
    openid: 'dev-wenxian',
    name: '温县工作人员',
    title: '温县分局',
    roles: ['supervisor', 'leader', 'office-head'],
    unitIds: ['jz-wenxian'],
    active: true,
  })
  expect((await desk('overdue', 'dev-wenxian')).items).toEqual([])
})

describe('抽查 (S3 第十四条)', () => {
  test('a reproducible sample of the cases a unit closed in a month; an irregular finding is ordered redone', async () => {
    const closed: string[] = []
    for (let i = 0; i < 4; i++) {
      const caseId = await file()
      await handleToReply(h, caseId)
      closed.push(caseId)
    }
    h.clock.set('2026-12-02T09:00:00+08:00')
    const drawn = await h.ok<SpotCheckView>(
      'oversight',
      'drawSpotCheck',
      { unitId: 'jz-shanyang', period: '2026-11' },
      STAFF.supervisor,
    )
    expect(drawn).toMatchObject({ seed: 'jz-shanyang|2026-11', population: 4, unitName: '山阳区分局' })
    // Anyone can check the draw: the seeded PRNG over the closed cases in id order.
    expect(drawn.items.map((i) => i.caseId)).toEqual(drawSample(closed, sampleSeed('jz-shanyang', '2026-11')))
    expect(drawn.items).toHaveLength(3)
    const again = await h.ok<SpotCheckView>(
      'oversight',
      'drawSpotCheck',
      { unitId: 'jz-shanyang', period: '2026-11' },
      STAFF.supervisor,
    )
    expect(again).toEqual(drawn)
    const [first, second] = drawn.items.map((i) => i.caseId) as [string, string]
    await h.ok(
      'oversight',
      'recordSpotCheck',
      {
        sampleId: drawn.id,
        caseId: first,
        expectedVersion: await version(first),
        finding: 'irregular',
        problemRecurred: false,
        note: '现场检查记录缺少监测数据',
      },
      STAFF.supervisor,
    )
    await h.ok(
      'oversight',
      'recordSpotCheck',
      {
        sampleId: drawn.id,
        caseId: second,
        expectedVersion: await version(second),
        finding: 'compliant',
        problemRecurred: false,
        note: '办理规范',
      },
      STAFF.supervisor,
    )
    const redone = await h.ok<StaffCaseDetail>(
      'oversight',
      'orderRedo',
      { caseId: first, expectedVersion: await version(first), reason: '补充监测数据后重新答复' },
      STAFF.supervisor,
    )
    expect(redone.status).toBe('assigned')
    const refused = await h.call<Answer>(
      'oversight',
      'orderRedo',
      { caseId: second, expectedVersion: await version(second), reason: '重新办理' },
      STAFF.supervisor,
    )
    expect(refused.body.error?.code).toBe('ILLEGAL_TRANSITION')
    const view = await h.ok<SpotCheckView>('oversight', 'spotCheck', { sampleId: drawn.id }, STAFF.supervisor)
    expect(view.items.map((i) => [i.caseId, i.finding, i.redoOrdered])).toEqual([
      [first, 'irregular', true],
      [second, 'compliant', false],
      [drawn.items[2]!.caseId, null, false],
    ])
    // A case outside the sample is not recorded through it.
    const outside = closed.find((id) => !drawn.items.some((i) => i.caseId === id))!
    const notInSample = await h.call<Answer>(
      'oversight',
      'recordSpotCheck',
      {
        sampleId: drawn.id,
        caseId: outside,
        expectedVersion: await version(outside),
        finding: 'compliant',
        problemRecurred: false,
        note: '抽查',
      },
      STAFF.supervisor,
    )
    expect(notInSample.body.error).toEqual({ code: 'NOT_FOUND', message: '该案件不在本次抽查的样本中' })
  })
})

test('an early warning is told to the supervising unit and shown with the cases behind it (S3 第十六条)', async () => {
  const ids: string[] = []
  for (let i = 0; i < 8; i++) {
    ids.push(
      await file(
        `warning-reporter-${i}`,
        reportInput({
          location: { ...northOf(i * 40), coordSystem: 'gcj02', address: '焦作市山阳区塔南路' },
        }),
      ),
    )
  }
  const page = await h.ok<CasePage<WarningView>>('oversight', 'warnings', {}, STAFF.supervisor)
  expect(page.items).toHaveLength(1)
  const warning = page.items[0]!
  expect(warning.status).toBe('open')
  expect(warning.cases.length + warning.hiddenCases).toBeGreaterThanOrEqual(3)
  expect(warning.cases.every((c) => ids.includes(c.caseId))).toBe(true)
  const told = await h.runtime.db.find<{ data: Record<string, string> }>(COLLECTIONS.outbox, {
    filter: { to: STAFF.supervisor },
    orderBy: [['createdAt', 'desc']],
    limit: 50,
  })
  expect(told.items.map((m) => m.data.thing2)).toContain('集中举报预警：噪声污染')
  const handled = await h.ok<WarningView>(
    'oversight',
    'handleWarning',
    { warningId: warning.id, note: '已组织山阳区分局夜间巡查' },
    STAFF.supervisor,
  )
  expect(handled).toMatchObject({ status: 'handled', handledNote: '已组织山阳区分局夜间巡查' })
  expect((await h.ok<CasePage<WarningView>>('oversight', 'warnings', {}, STAFF.supervisor)).items).toEqual([])
  const audits = await h.runtime.db.find<{ action: string }>(COLLECTIONS.audit, {
    filter: { subject: warning.id },
    orderBy: [['at', 'desc']],
    limit: 5,
  })
  expect(audits.items.map((a) => a.action)).toEqual(['handle-warning'])
})

test('a leader takes a key case in personal charge; it is on their list with its clocks (S2 第八条)', async () => {
  const caseId = await assigned()
  const refused = await h.call<Answer>(
    'oversight',
    'takeLeaderCase',
    { caseId, expectedVersion: await version(caseId) },
    STAFF.leader,
  )
  expect(refused.body.error?.message).toBe('不能领导包案：只有重点案件或已列入领导包案的案件可以包案')
  await h.act(STAFF.leader, caseId, { type: 'mark-important', ground: 'major-pollution' })
  await h.ok(
    'oversight',
    'takeLeaderCase',
    { caseId, expectedVersion: await version(caseId), note: '亲自督导' },
    STAFF.leader,
  )
  const mine = await h.ok<CasePage<DeskItem>>('oversight', 'leaderCases', {}, STAFF.leader)
  expect(mine.items.map((i) => [i.caseId, i.leaderCase, i.leaderStaffId])).toEqual([
    [caseId, true, 'st-leader'],
  ])
  expect(mine.items[0]!.nextDue).not.toBeNull()
})

describe('领导接访 (S2 第七条)', () => {
  test('recorded with the petitioners sealed; each leader counted for the month', async () => {
    const recorded = await h.ok<ReceptionView>(
      'oversight',
      'recordReception',
      {
        date: '2026-11-02',
        leaderStaffId: 'st-leader',
        petitioners: ['王小明', '欧阳娜娜'],
        matters: '塔南路工地夜间施工噪声扰民',
        assignments: [{ unitId: 'jz-shanyang', task: '三日内夜间巡查并答复' }],
      },
      STAFF.supervisor,
    )
    expect(recorded).toMatchObject({
      petitioners: ['王*明', '欧**娜'],
      petitionerCount: 2,
      leaderName: '赵国强',
    })
    const stored = JSON.stringify(await h.runtime.db.get(COLLECTIONS.receptions, recorded.id))
    expect(stored).not.toContain('王小明')
    expect(stored).not.toContain('欧阳娜娜')
    const month = await h.ok<ReceptionMonth>(
      'oversight',
      'receptions',
      { month: '2026-11' },
      STAFF.supervisor,
    )
    expect(month.minimum).toBeNull() // 焦作 sets no minimum
    expect(month.counts).toEqual([
      { leaderStaffId: 'st-leader', leaderName: '赵国强', count: 1, belowMinimum: null },
    ])
    const outsider = await h.call<Answer>(
      'oversight',
      'recordReception',
      {
        date: '2026-11-02',
        leaderStaffId: 'st-leader',
        petitioners: ['张三'],
        matters: '反映噪声',
        assignments: [],
      },
      STAFF.head,
    )
    expect(outsider.body.error?.code).toBe('FORBIDDEN')
  })

  test('九龙坡: a leader with no reception in the month is below the minimum of once a month', async () => {
    const local = await startHarness({ deployment: 'jiulongpo', now: '2026-11-20T10:00:00+08:00' })
    try {
      const month = await local.ok<ReceptionMonth>(
        'oversight',
        'receptions',
        { month: '2026-11' },
        'dev-leader',
      )
      expect(month.minimum).toEqual({ perMonth: 1, basis: 'S2 第七条' })
      expect(month.counts).toEqual([expect.objectContaining({ count: 0, belowMinimum: true })])
      await local.ok(
        'oversight',
        'recordReception',
        {
          date: '2026-11-20',
          leaderStaffId: 'st-leader',
          petitioners: ['刘某'],
          matters: '反映企业异味',
          assignments: [],
        },
        'dev-leader',
      )
      const after = await local.ok<ReceptionMonth>(
        'oversight',
        'receptions',
        { month: '2026-11' },
        'dev-leader',
      )
      expect(after.counts).toEqual([expect.objectContaining({ count: 1, belowMinimum: false })])
    } finally {
      await local.close()
    }
  })
})

test('海东: a key case is on the return-visit list for 5 日 after its reply; a relapse found reopens it (S4 四(七))', async () => {
  const local = await startHarness({ deployment: 'haidong', now: '2026-11-02T09:00:00+08:00' })
  try {
    const place = demoPlaces(local.runtime).find((p) => p.name.includes('平安'))!
    const caseId = (
      await local.ok<{ caseId: string }>(
        'cases',
        'submitReport',
        reportInput({ location: { ...place, address: '海东市平安区某路' } }),
        'hd-reporter',
      )
    ).caseId
    const act = (openid: string, event: Record<string, unknown>) => local.act(openid, caseId, event)
    await act('dev-office-head', { type: 'accept' })
    await act('dev-office-head', { type: 'mark-important', ground: 'major-pollution' })
    await act('dev-office-head', { type: 'assign', unitIds: ['hd-pingan'], officer: OFFICER })
    await act('dev-officer', { type: 'start-investigation' })
    await act('dev-officer', {
      type: 'record-site-visit',
      record: {
        visitedAt: '2026-11-02T10:00:00+08:00',
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
    for (const openid of ['dev-office-head', 'dev-leader']) {
      const detail = await local.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, openid)
      if (detail.allowedEvents.some((e) => e.type === 'approve-reply'))
        await act(openid, { type: 'approve-reply' })
    }
    await act('dev-officer', { type: 'send-reply' })
    const list = await local.ok<CasePage<DeskItem>>(
      'oversight',
      'desk',
      { list: 'return-visits' },
      'dev-supervisor',
    )
    expect(list.items.map((i) => [i.caseId, i.returnVisitDue])).toEqual([[caseId, '2026-11-09']])
    const v = (await local.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, 'dev-supervisor')).version
    await local.ok(
      'oversight',
      'recordReturnVisit',
      { caseId, expectedVersion: v, problemRecurred: true, satisfied: false, note: '电话回访：夜间仍有偷排' },
      'dev-supervisor',
    )
    expect(
      (await local.ok<CasePage<DeskItem>>('oversight', 'desk', { list: 'return-visits' }, 'dev-supervisor'))
        .items,
    ).toEqual([])
    const v2 = (await local.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, 'dev-supervisor')).version
    const reopened = await local.ok<StaffCaseDetail>(
      'oversight',
      'orderRedo',
      { caseId, expectedVersion: v2, reason: '回访发现问题反弹' },
      'dev-supervisor',
    )
    expect(reopened.status).toBe('assigned')
  } finally {
    await local.close()
  }
})
