// The staff workbench on the real store (issue 13): to-do lists with filters, search and badges; an urgent case
// told at once to those on duty and first in their list (S2 第十二条, S0 第五条); assignment to a named officer;
// transfers to a listed region or department; merging by reference number into a candidate; co-handling units
// (S2 第十六条); reply templates merged with the case's facts; the approval chain and the extension request as the
// approver reads them; mediation (S2 第十一条); recusal (S2 第六条); the disclosure log.
import { auditExport } from '../../cloudfunctions/common/workbench/audit-log'
import { WORK_INDEX_DONE_ID, type WorkIndexReport } from '../../cloudfunctions/timers/work-index'
import type { StoredCase } from '../../shared/cases/case-doc'
import type { InboxItem, StaffCaseDetail } from '../../shared/contracts/staff'
import { AUDIT_ACTIONS } from '../../shared/contracts/staff-admin'
import { startHarness, type Harness } from '../support/local-harness'
import { northOf, OFFICER, REPLY, reportInput, SHANYANG, STAFF } from '../support/reports'

let h: Harness
afterEach(async () => {
  await h.close()
})

type Message = { to: string; data: Record<string, string> }
async function told(openid: string): Promise<string[]> {
  const page = await h.runtime.db.find<Message>('outbox', { filter: { to: openid }, limit: 100 })
  return page.items.map((m) => m.data.thing2 ?? '')
}

const file = async (openid: string, overrides: Record<string, unknown> = {}) =>
  (await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(overrides), openid)).caseId
const detail = (caseId: string, openid: string) =>
  h.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, openid)
const list = (payload: object, openid: string) =>
  h.ok<{ items: InboxItem[]; next: string | null }>('staff', 'inbox', payload, openid)

/** Night-time construction noise, filed at 23:10 (S2 第十二条: 立即组织现场核实处置). */
const NIGHT_NOISE = {
  source: 'construction',
  description: '工地深夜还在打桩，噪声很大，无法入睡，请尽快处理。',
}

describe('an urgent case at night', () => {
  test('tells the officer and the leader on duty at once, and heads their duty list', async () => {
    h = await startHarness({ now: '2026-11-23T15:00:00+08:00' })
    // 山阳区分局's shift of 11-23 (until 08:30 on the 24th): 王磊 on duty, 赵国强 leads it.
    const shift = await h.ok<{ officers: Array<{ name: string }> }>(
      'staff',
      'setDuty',
      { unitId: 'jz-shanyang', date: '2026-11-23', officerIds: ['st-officer'], leaderId: 'st-leader' },
      STAFF.head,
    )
    expect(shift.officers.map((o) => o.name)).toEqual(['王磊'])
    expect(await h.runtime.db.count('audit', { action: 'set-duty' })).toBe(1)
    const ordinary = await file('citizen-a', {
      category: 'water',
      description: '河道有不明污水排入，颜色发黑，有异味。',
    })
    h.clock.set('2026-11-24T01:10:00+08:00')
    const urgent = await file('dev-citizen', NIGHT_NOISE)

    for (const onDuty of [STAFF.officer, STAFF.leader]) {
      expect(await told(onDuty)).toContain('紧急案件，请立即到现场处置')
    }
    // The head is not on duty: not told.
    expect(await told(STAFF.head)).not.toContain('紧急案件，请立即到现场处置')
    const roster = await h.ok<{ today: string; mine: Array<{ unitId: string; leads: boolean }> }>(
      'staff',
      'duty',
      {},
      STAFF.leader,
    )
    expect(roster).toMatchObject({ today: '2026-11-23', mine: [{ unitId: 'jz-shanyang', leads: true }] })

    const duty = await list({ scope: 'todo', list: 'duty' }, STAFF.officer)
    expect(duty.items.map((i) => i.caseId)).toEqual([urgent])
    // First on the intake's list too, before the older ordinary report.
    const intake = await list({ scope: 'todo', list: 'intake' }, STAFF.supervisor)
    expect(intake.items.map((i) => i.caseId)).toEqual([urgent, ordinary])
    expect(intake.items[0]).toMatchObject({
      urgent: true,
      waitsFor: '待受理',
      responseTime: { minutes: null },
    })
  })

  test('with no roster kept, the unit’s officers and leaders are told', async () => {
    h = await startHarness({ now: '2026-11-23T23:10:00+08:00' })
    await file('dev-citizen', NIGHT_NOISE)
    expect(await told(STAFF.officer)).toContain('紧急案件，请立即到现场处置')
    expect(await told(STAFF.leader)).toContain('紧急案件，请立即到现场处置')
  })

  test('a shift is set by a head of the unit, with its officers and a leader of it or above it', async () => {
    h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
    const set = (payload: object) => h.call('staff', 'setDuty', payload, STAFF.head)
    const base = {
      unitId: 'jz-shanyang',
      date: '2026-11-24',
      officerIds: ['st-officer'],
      leaderId: 'st-leader',
    }
    expect((await set(base)).status).toBe(200)
    // A leader is not an officer on duty; a supervisor is no leader; yesterday is past.
    expect((await set({ ...base, officerIds: ['st-leader'] })).body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: { 'officerIds.0': expect.stringContaining('赵国强') } },
    })
    expect((await set({ ...base, leaderId: 'st-supervisor' })).body).toMatchObject({
      error: { fields: { leaderId: expect.any(String) } },
    })
    expect((await set({ ...base, date: '2026-11-22' })).body).toMatchObject({
      error: { fields: { date: expect.any(String) } },
    })
  })
})

describe('assignment, the to-do lists and what a case waits for', () => {
  test('the head assigns to a named officer with instructions: it is that officer’s, who is told', async () => {
    h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
    const caseId = await file('dev-citizen')
    await h.act(STAFF.supervisor, caseId, { type: 'accept' })
    const officers = await h.ok<Array<{ id: string; name: string }>>(
      'staff',
      'listColleagues',
      { unitId: 'jz-shanyang', role: 'officer', caseId },
      STAFF.head,
    )
    expect(officers).toEqual([{ id: 'st-officer', name: '王磊', title: '山阳区分局执法人员' }])
    const legal = (await detail(caseId, STAFF.head)).clocks.find((c) => c.clock === 'handling')!.due!
    const tooLate = await h.call(
      'staff',
      'act',
      {
        caseId,
        expectedVersion: (await detail(caseId, STAFF.head)).version,
        event: { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER, dueDate: '2027-12-31' },
      },
      STAFF.head,
    )
    expect(tooLate.body).toMatchObject({
      error: { code: 'ILLEGAL_TRANSITION', message: expect.stringContaining('法定办结期限') },
    })
    const assigned = await h.act<StaffCaseDetail>(STAFF.head, caseId, {
      type: 'assign',
      unitIds: ['jz-shanyang'],
      // The name the client sends is not trusted: the record's is kept.
      officer: { id: 'st-officer', name: '别人' },
      instructions: '今晚到现场核查',
      dueDate: legal,
    })
    expect(assigned).toMatchObject({
      officerName: '王磊',
      unitName: '山阳区分局',
      waitsFor: '待承办人开始调查',
      assignment: {
        officer: { id: 'st-officer', name: '王磊' },
        instructions: '今晚到现场核查',
        dueDate: legal,
      },
    })
    expect(await told(STAFF.officer)).toContain('新交办案件')
    const mine = await list({ scope: 'todo', list: 'officer' }, STAFF.officer)
    expect(mine.items.map((i) => i.caseId)).toEqual([caseId])
    expect((await list({ scope: 'todo', list: 'dispatcher' }, STAFF.head)).items).toEqual([])
  })

  test('filters, search by reference number or reported party, and due badges', async () => {
    h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
    const noise = await file('dev-citizen', { reportedEntity: '焦作市恒通建设工程有限公司' })
    const water = await file('citizen-b', {
      category: 'water',
      description: '河道有不明污水排入，颜色发黑，有异味。',
      location: { ...northOf(900), coordSystem: 'gcj02', address: '焦作市山阳区某河道' },
    })
    const intake = (payload: object) => list({ scope: 'todo', list: 'intake', ...payload }, STAFF.supervisor)
    expect((await intake({})).items.map((i) => i.caseId).sort()).toEqual([noise, water].sort())
    expect((await intake({ filters: { category: 'water' } })).items.map((i) => i.caseId)).toEqual([water])
    expect((await intake({ filters: { status: 'accepted' } })).items).toEqual([])
    expect(
      (await intake({ filters: { regionCode: '410811', requestType: 'complaint' } })).items,
    ).toHaveLength(2)
    const refNo = (await detail(noise, STAFF.supervisor)).refNo
    expect(
      (await list({ search: refNo.toLowerCase() }, STAFF.supervisor)).items.map((i) => i.caseId),
    ).toEqual([noise])
    expect((await list({ search: '恒通建设' }, STAFF.supervisor)).items.map((i) => i.caseId)).toEqual([noise])
    // Due badges from the working-day calendar: today, then overdue (the sweep supervises it, S2 第十八条).
    const due = (await intake({})).items.find((i) => i.caseId === noise)!.nextDue!.date
    h.clock.set(`${due}T10:00:00+08:00`)
    expect((await intake({})).items.find((i) => i.caseId === noise)!.dueBadge).toBe('today')
    h.clock.advance(24 * 3600_000)
    expect((await intake({ filters: { overdue: true } })).items.map((i) => i.caseId).sort()).toEqual(
      [noise, water].sort(),
    )
    await h.fireTimer('timers')
    const supervised = await list({ scope: 'todo', list: 'supervisor' }, STAFF.supervisor)
    expect(supervised.items.map((i) => i.caseId).sort()).toEqual([noise, water].sort())
    expect(supervised.items[0]!.dueBadge).toBe('overdue')
  })

  test('several units: the lead office’s officer replies for all, the others find it among their co-handled cases', async () => {
    h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
    const caseId = await file('dev-citizen')
    await h.runtime.db.insert('staff', {
      _id: 'st-jiefang',
      openid: 'dev-jiefang',
      name: '解放区工作人员',
      title: '解放区分局',
      roles: ['office-head', 'dispatcher'],
      unitIds: ['jz-jiefang'],
      active: true,
    })
    await h.act(STAFF.supervisor, caseId, { type: 'accept' })
    await h.act(STAFF.supervisor, caseId, {
      type: 'assign',
      unitIds: ['jz-jiefang', 'jz-shanyang'],
      leadUnitId: 'jz-shanyang',
      officer: OFFICER,
    })
    expect(await told('dev-jiefang')).toContain('新协办案件')
    const shared = await list({ scope: 'co-handling' }, 'dev-jiefang')
    expect(shared.items.map((i) => i.caseId)).toEqual([caseId])
    expect(shared.items[0]).toMatchObject({ unitName: '山阳区分局', officerName: '王磊' })
    // Not the co-handling unit's move: not on its lists.
    expect((await list({ scope: 'todo', list: 'dispatcher' }, 'dev-jiefang')).items).toEqual([])
    // Once ended, no longer shared.
    await h.act(STAFF.officer, caseId, { type: 'start-investigation' })
    await h.act(STAFF.officer, caseId, {
      type: 'record-mediation',
      matter: 'pollution-damages',
      parties: ['反映人', '某建设工程项目部'],
      consent: true,
      agreement: '项目部停止夜间施工，并向周边居民致歉。',
      agreedOn: '2026-11-23',
    })
    expect((await list({ scope: 'co-handling' }, 'dev-jiefang')).items).toEqual([])
  })
})

describe('pickers', () => {
  test('transfer to a region of the boundary data or a listed department, not to a typed name', async () => {
    h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
    const options = await h.ok<{ regions: Array<{ name: string }>; departments: string[]; units: unknown[] }>(
      'staff',
      'transferOptions',
      {},
      STAFF.supervisor,
    )
    expect(options.regions.map((r) => r.name)).toContain('河南省新乡市')
    expect(options.departments).toEqual(expect.arrayContaining(['焦作市住房和城乡建设局', '公安机关']))
    // Every unit of 焦作: the bureau, the brigade, 10 branches and the zone centre, 5 sections of the bureau.
    expect(options.units).toHaveLength(18)
    const caseId = await file('dev-citizen')
    await h.act(STAFF.supervisor, caseId, {
      type: 'find-out-of-remit',
      finding: 'other-region',
      note: '位于新乡市',
    })
    const version = (await detail(caseId, STAFF.supervisor)).version
    const typed = await h.call(
      'staff',
      'act',
      {
        caseId,
        expectedVersion: version,
        event: { type: 'transfer', target: 'region', to: '新乡', reason: '属新乡市' },
      },
      STAFF.supervisor,
    )
    expect(typed.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: { 'event.to': expect.any(String) } },
    })
    const done = await h.act<StaffCaseDetail>(STAFF.supervisor, caseId, {
      type: 'transfer',
      target: 'region',
      to: '河南省新乡市',
      reason: '位于新乡市辖区',
    })
    expect(done.status).toBe('transferred-out')
  })

  test('merge into a candidate shown side by side, named by its reference number', async () => {
    h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
    const first = await file('citizen-a')
    h.clock.advance(3600_000)
    const second = await file('citizen-b', {
      location: { ...northOf(60), coordSystem: 'gcj02', address: '塔南路口' },
    })
    const offered = await h.ok<{
      case: { caseId: string }
      candidates: Array<{ caseId: string; refNo: string; description: string; reasons: string[] }>
    }>('staff', 'mergeCandidates', { caseId: second }, STAFF.supervisor)
    expect(offered.case.caseId).toBe(second)
    expect(offered.candidates.map((c) => c.caseId)).toEqual([first])
    expect(offered.candidates[0]!.reasons.length).toBeGreaterThan(0)
    const merged = await h.act<StaffCaseDetail>(STAFF.supervisor, second, {
      type: 'merge',
      intoCaseId: offered.candidates[0]!.refNo,
    })
    expect(merged).toMatchObject({ status: 'merged', mergedInto: first })
    const stored = await h.runtime.db.get<{ history: Array<{ event: { intoCaseId?: string } }> }>(
      'cases',
      second,
    )
    expect(stored!.history.at(-1)!.event.intoCaseId).toBe(first)
  })
})

describe('the reply', () => {
  async function investigated(): Promise<string> {
    const caseId = await file('dev-citizen', { reportedEntity: '某建设工程项目部' })
    await h.act(STAFF.supervisor, caseId, { type: 'accept' })
    await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
    await h.act(STAFF.officer, caseId, { type: 'start-investigation' })
    await h.act(STAFF.officer, caseId, {
      type: 'record-site-visit',
      record: {
        visitedAt: '2026-11-23T23:10:00+08:00',
        reportedEntity: '塔南路某建设工程项目部',
        address: '焦作市山阳区塔南路',
        productionStatus: '夜间桩基施工',
        pollutionControl: '无降噪措施',
        discharge: '施工噪声',
        cause: '未经批准夜间施工',
        findings: '情况属实，已责令停止夜间施工',
      },
    })
    return caseId
  }

  test('drafted from a template of the unit, merged with the case’s facts; an unknown fact is refused', async () => {
    h = await startHarness({ now: '2026-11-24T09:00:00+08:00' })
    const caseId = await investigated()
    const bad = await h.call(
      'staff',
      'saveReplyTemplate',
      {
        unitId: 'jz-shanyang',
        category: 'noise',
        outcome: 'substantiated',
        title: '错的模板',
        texts: { matter: '{投诉人电话}' },
      },
      STAFF.head,
    )
    expect(bad.body).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        fields: { 'texts.matter': expect.stringContaining('{投诉人电话}') },
      },
    })
    await h.ok(
      'staff',
      'saveReplyTemplate',
      {
        unitId: 'jz-shanyang',
        category: 'noise',
        outcome: 'substantiated',
        title: '夜间施工噪声属实',
        texts: {
          entityFacts: '被反映对象为{被反映对象}，位于{地址}。',
          investigation: '我局于{现场检查时间}到现场核查：{核查结论}。',
          handlingOpinion: '已责令整改，整改措施：{整改措施}。',
          remedies: '{救济渠道}',
        },
      },
      STAFF.head,
    )
    expect(await h.runtime.db.count('audit', { action: 'save-reply-template' })).toBe(1)
    // Another category's template is not offered.
    await h.ok(
      'staff',
      'saveReplyTemplate',
      {
        unitId: 'jz-shanyang',
        category: 'water',
        outcome: 'other',
        title: '水污染其他',
        texts: { matter: '{反映事项}' },
      },
      STAFF.head,
    )
    const drafts = await h.ok<Array<{ title: string; reply: Record<string, string> }>>(
      'staff',
      'replyTemplates',
      { caseId },
      STAFF.officer,
    )
    expect(drafts.map((d) => d.title)).toEqual(['夜间施工噪声属实'])
    const reply = drafts[0]!.reply
    expect(reply.entityFacts).toBe('被反映对象为塔南路某建设工程项目部，位于焦作市山阳区塔南路。')
    expect(reply.investigation).toBe('我局于2026年11月23日23时10分到现场核查：情况属实，已责令停止夜间施工。')
    expect(reply.handlingOpinion).toBe('已责令整改，整改措施：【待补充：整改措施】。')
    expect(reply.remedies).toBe((await detail(caseId, STAFF.officer)).replyRemedies)

    // Sent with the fact still missing, the draft is refused (S1 第十条) and nothing changes; filled in, it goes.
    const merged = Object.fromEntries(Object.entries(reply).filter(([, text]) => text))
    const before = await detail(caseId, STAFF.officer)
    const refused = await h.call(
      'staff',
      'act',
      {
        caseId,
        expectedVersion: before.version,
        event: { type: 'draft-reply', reply: { ...REPLY, ...merged } },
      },
      STAFF.officer,
    )
    expect(refused.body).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', message: expect.stringContaining('【待补充') },
    })
    expect((await detail(caseId, STAFF.officer)).version).toBe(before.version)
    const filled = { ...merged, handlingOpinion: '已责令整改，整改措施：设置隔声屏障，22 时后停止施工。' }
    const drafted = await h.act<StaffCaseDetail>(STAFF.officer, caseId, {
      type: 'draft-reply',
      reply: { ...REPLY, ...filled },
    })
    expect(drafted.status).toBe('pending-head-approval')
  })

  test('the approver reads the chain of comments and the extension request; a send-back keeps the draft', async () => {
    h = await startHarness({ now: '2026-11-24T09:00:00+08:00' })
    const caseId = await investigated()
    await h.act(STAFF.officer, caseId, { type: 'request-extension', days: 10, reason: '等待噪声监测报告' })
    const asked = await detail(caseId, STAFF.leader)
    expect(asked.pendingExtension).toMatchObject({
      days: 10,
      reason: '等待噪声监测报告',
      requestedBy: { name: '王磊' },
    })
    expect((await list({ scope: 'todo', list: 'leader' }, STAFF.leader)).items.map((i) => i.caseId)).toEqual([
      caseId,
    ])
    await h.act(STAFF.leader, caseId, { type: 'approve-extension', days: 10 })
    await h.act(STAFF.officer, caseId, { type: 'draft-reply', reply: REPLY })
    await h.act(STAFF.head, caseId, { type: 'approve-reply', comment: '同意' })
    await h.act(STAFF.leader, caseId, { type: 'send-back-reply', reason: '请补充监测数据' })
    const back = await detail(caseId, STAFF.officer)
    expect(back.replyDraft).toEqual(REPLY)
    expect(back.replyChain.map((s) => [s.kind, s.actor.name, s.comment])).toEqual([
      ['draft-reply', '王磊', null],
      ['approve-reply', '李娜', '同意'],
      ['send-back-reply', '赵国强', '请补充监测数据'],
    ])
  })
})

describe('integrity', () => {
  test('an officer who steps aside leaves the case without one; the dispatchers are told', async () => {
    h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
    const caseId = await file('dev-citizen')
    await h.act(STAFF.supervisor, caseId, { type: 'accept' })
    await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
    await h.act(STAFF.officer, caseId, {
      type: 'recuse',
      ground: 'interest-in-reporter',
      note: '反映人是本人邻居',
    })
    expect(await told(STAFF.head)).toContain('承办人已回避，请重新指定')
    const now = await detail(caseId, STAFF.head)
    expect(now).toMatchObject({ officerName: null, waitsFor: '待指定承办人' })
    expect(now.timeline.at(-1)).toMatchObject({ kind: 'recuse', actor: { name: '王磊' } })
    expect(
      (await list({ scope: 'todo', list: 'dispatcher' }, STAFF.head)).items.map((i) => i.caseId),
    ).toEqual([caseId])
  })

  test('mediation closes a dispute with the parties’ agreement; the reporter reads it, a follower only that it was settled', async () => {
    h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
    const caseId = await file('dev-citizen')
    await h.ok('cases', 'follow', { caseId }, 'citizen-f')
    await h.act(STAFF.supervisor, caseId, { type: 'accept' })
    await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
    await h.act(STAFF.officer, caseId, { type: 'start-investigation' })
    const agreement = '项目部赔偿张某隔音窗费用 3000 元，并停止夜间施工。'
    const closed = await h.act<StaffCaseDetail>(STAFF.officer, caseId, {
      type: 'record-mediation',
      matter: 'pollution-damages',
      parties: ['反映人张某', '某建设工程项目部'],
      consent: true,
      agreement,
      agreedOn: '2026-11-23',
    })
    expect(closed).toMatchObject({ status: 'closed', waitsFor: null })
    expect(closed.clocks.find((c) => c.clock === 'handling')).toMatchObject({ state: 'completed' })
    expect(await told('dev-citizen')).toContain('经调解达成协议，已办结')
    const own = await h.ok<{ timeline: Array<{ kind: string; sections?: Array<{ body: string }> }> }>(
      'cases',
      'getMine',
      { caseId },
      'dev-citizen',
    )
    expect(JSON.stringify(own.timeline)).toContain(agreement)
    const follower = await h.ok('cases', 'getMine', { caseId }, 'citizen-f')
    expect(JSON.stringify(follower)).toContain('调解结案')
    expect(JSON.stringify(follower)).not.toContain(agreement)
  })

  test('supervisors see every reveal and export of their scope, newest first', async () => {
    h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
    const caseId = await file('dev-citizen')
    const refNo = (await detail(caseId, STAFF.officer)).refNo
    await h.ok('staff', 'revealReporter', { caseId, reason: '电话核实现场位置' }, STAFF.officer)
    h.clock.advance(60_000)
    await auditExport(
      h.runtime.db,
      { _id: 'st-supervisor', name: '陈静' },
      {
        unitId: 'jz-shanyang',
        what: '2026年11月案件统计表',
        reason: '月度报表',
        at: '2026-11-23T09:01:00+08:00',
      },
    )
    const log = await h.ok<{ items: Array<Record<string, unknown>> }>(
      'staff',
      'auditLog',
      {},
      STAFF.supervisor,
    )
    expect(log.items).toMatchObject([
      { action: 'export', staffName: '陈静', unitName: '山阳区分局', subject: '2026年11月案件统计表' },
      {
        action: 'reveal-reporter',
        actionLabel: AUDIT_ACTIONS['reveal-reporter'],
        staffName: '王磊',
        subject: refNo,
        reason: '电话核实现场位置',
      },
    ])
    // Nothing of the reporter's identity is in it.
    expect(JSON.stringify(log)).not.toMatch(/张三|13800138000/)
  })
})

describe('open cases stored before the to-do lists', () => {
  test('get their work index from the hourly run, once per version of the derivation', async () => {
    h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
    const caseId = await file('dev-citizen')
    // As stored before the workbench: no work index.
    const stored = (await h.runtime.db.get<{ _version: number }>('cases', caseId))!
    await h.runtime.db.update(
      'cases',
      caseId,
      { assigneeStaffId: undefined, dueOn: undefined, urgent: undefined, todo: undefined },
      stored._version,
    )
    expect((await list({ scope: 'todo', list: 'intake' }, STAFF.supervisor)).items).toEqual([])
    const run = async () =>
      (
        (await h.fireTimer('timers')) as {
          workIndex: WorkIndexReport
        }
      ).workIndex
    expect(await run()).toMatchObject({ examined: 1, updated: 1, complete: true })
    expect(
      (await list({ scope: 'todo', list: 'intake' }, STAFF.supervisor)).items.map((i) => i.caseId),
    ).toEqual([caseId])
    // Done for this version: the next runs read nothing.
    expect(await run()).toEqual({
      examined: 0,
      updated: 0,
      conflicts: 0,
      failures: 0,
      complete: true,
      busy: false,
      pages: 0,
      slowestPageMs: 0,
    })
  })

  test('an urgent case checked in before check-ins were counted leaves the duty list when re-derived (S2 第十二条)', async () => {
    h = await startHarness({ now: '2026-11-23T23:05:00+08:00' })
    await h.ok(
      'staff',
      'setDuty',
      { unitId: 'jz-shanyang', date: '2026-11-23', officerIds: ['st-officer'], leaderId: 'st-leader' },
      STAFF.head,
    )
    const caseId = await file('dev-citizen', NIGHT_NOISE)
    await h.act(STAFF.supervisor, caseId, { type: 'accept' })
    await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
    h.clock.set('2026-11-23T23:30:00+08:00')
    const position = { ...SHANYANG, coordSystem: 'gcj02', accuracy: 15, takenAt: '2026-11-23T23:29:00+08:00' }
    await h.act(STAFF.officer, caseId, { type: 'check-in', position })
    const duty = async () =>
      (await list({ scope: 'todo', list: 'duty' }, STAFF.officer)).items.map((i) => i.caseId)
    expect(await duty()).toEqual([])
    // As stored under the first derivation (version 1): the check-in not counted, the case still on the duty list,
    // and every open case through that version.
    const doc = (await h.runtime.db.get<StoredCase>('cases', caseId))!
    const { checkIns, ...flags } = doc.flags
    expect(checkIns).toBe(1)
    await h.runtime.db.update<StoredCase>(
      'cases',
      caseId,
      { flags, todo: { ...doc.todo, duty: `A${doc.dueOn}` } },
      doc._version,
    )
    await h.runtime.db.insert('jobs', {
      _id: WORK_INDEX_DONE_ID,
      version: 1,
      updatedAt: '2026-11-23T09:00:00+08:00',
    })
    expect(await duty()).toEqual([caseId])
    const run = (await h.fireTimer('timers')) as { workIndex: WorkIndexReport }
    expect(run.workIndex).toMatchObject({ updated: 1, complete: true })
    expect(await duty()).toEqual([])
    // Still on the officer's own list, urgent.
    const mine = await list({ scope: 'todo', list: 'officer' }, STAFF.officer)
    expect(mine.items.map((i) => [i.caseId, i.urgent])).toEqual([[caseId, true]])
  })
})
