// A case from filing to the review decision, through the cloud functions on the real SQLite store: the staff
// act through the workflow, the citizen reads the reply, rates it and asks for a review; notifications land in
// the outbox; illegal and concurrent actions are refused without changing anything.
import { handleToReply as handleToReplyOn, REPLY, reportInput, STAFF } from '../support/reports'
import { startHarness, type Harness } from '../support/local-harness'

const CITIZEN = 'dev-citizen'
const { supervisor: SUPERVISOR, officer: OFFICER, leader: LEADER } = STAFF

type Detail = {
  status: string
  statusLabel: string
  version: number
  timeline: Array<{
    kind: string
    label: string
    detail?: string
    sections?: Array<{ title: string; body: string }>
  }>
  unread: number
  actions: { rate: boolean; review: { until: string } | null; reReview: { until: string } | null }
  rating: { stars: number } | null
  allowedEvents?: Array<{ type: string }>
  clocks: Array<{ clock: string; due: string | null; basis: string }>
}
type Err = { ok: false; error: { code: string; message: string } }

let h: Harness
let caseId: string

beforeEach(async () => {
  // Monday 2026-11-23, 09:00 in Shanghai.
  h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
  caseId = (await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), CITIZEN)).caseId
})
afterEach(async () => {
  await h.close()
})

const later = (hours: number) => h.clock.advance(hours * 3600_000)

const handleToReply = () => handleToReplyOn<Detail>(h, caseId)

test('the staff tab shows the workflow buttons this person may use', async () => {
  const asIntake = await h.ok<Detail>('staff', 'getCase', { caseId }, SUPERVISOR)
  expect(asIntake.allowedEvents!.map((e) => e.type)).toEqual(expect.arrayContaining(['accept', 'not-accept']))
  const asOfficer = await h.ok<Detail>('staff', 'getCase', { caseId }, OFFICER)
  expect(asOfficer.allowedEvents!.map((e) => e.type)).not.toContain('accept')
  // Jiaozuo (S0 第七条(四)): a complaint is answered within 10 working days of receipt → Mon 12-07.
  expect(asIntake.clocks.find((c) => c.clock === 'handling')).toMatchObject({
    due: '2026-12-07',
    basis: 'S0 第七条(四)',
  })
})

test('from filing to the reply: the citizen reads it, rates it, asks for a review, gets the decision', async () => {
  const sent = await handleToReply()
  expect(sent.status).toBe('replied')

  const seen = await h.ok<Detail>('cases', 'getMine', { caseId }, CITIZEN)
  expect(seen.statusLabel).toBe('已答复')
  const reply = seen.timeline.find((t) => t.kind === 'send-reply')
  expect(reply?.sections?.map((s) => s.title)).toEqual([
    '反映事项',
    '被反映对象基本情况',
    '调查核实情况',
    '发现的环境违法问题',
    '处理意见',
    '与反映人沟通情况',
    '救济渠道',
  ])
  expect(reply?.sections?.[4]?.body).toBe(REPLY.handlingOpinion)
  // Internal steps (approvals, drafts) are not shown to the citizen.
  expect(seen.timeline.map((t) => t.kind)).not.toContain('approve-reply')
  expect(seen.timeline.map((t) => t.kind)).toEqual(
    expect.arrayContaining(['register', 'accept', 'assign', 'record-site-visit', 'send-reply']),
  )
  // 条例 第三十五条: 复查 within 30 日 of the written reply (sent 11-24 → 12-24).
  expect(seen.actions.review).toMatchObject({ until: '2026-12-24' })
  expect(seen.unread).toBe(2) // accepted, replied
  await h.ok('cases', 'markRead', { caseId }, CITIZEN)
  expect((await h.ok<Detail>('cases', 'getMine', { caseId }, CITIZEN)).unread).toBe(0)

  const rated = await h.ok<Detail>(
    'cases',
    'rateReply',
    { caseId, stars: 2, comment: '噪声仍未停止' },
    CITIZEN,
  )
  expect(rated.rating).toMatchObject({ stars: 2 })
  expect(rated.status).toBe('replied') // rating alone does not close the case
  const review = await h.ok<Detail>(
    'cases',
    'requestReview',
    { caseId, grounds: '工地仍在夜间施工' },
    CITIZEN,
  )
  expect(review.status).toBe('under-review')

  later(48)
  await h.act(LEADER, caseId, {
    type: 'decide-review',
    outcome: 'revised',
    opinion: '责令停工整改，加强夜间巡查。',
  })
  const decided = await h.ok<Detail>('cases', 'getMine', { caseId }, CITIZEN)
  expect(decided.timeline.at(-1)).toMatchObject({ label: '复查意见：变更原处理意见' })
  expect(decided.actions.reReview).not.toBeNull()

  // Subscribe messages (local outbox) for registration, acceptance, the reply and the review decision.
  const outbox = await h.runtime.db.find<{ to: string; data: Record<string, string> }>('outbox', {
    filter: { to: CITIZEN },
    orderBy: [['createdAt', 'asc']],
    limit: 50,
  })
  expect(outbox.items.map((m) => m.data.thing2)).toEqual([
    '已登记',
    '已受理',
    '已答复，请查看并评价',
    '复查意见已出',
  ])
})

test('a satisfied reporter closes the case with the rating; it leaves the open inbox', async () => {
  type Inbox = { items: Array<{ caseId: string }> }
  const inInbox = async (scope: 'open' | 'all') =>
    (await h.ok<Inbox>('staff', 'inbox', { scope }, OFFICER)).items.some((c) => c.caseId === caseId)
  await handleToReply()
  expect(await inInbox('open')).toBe(true)
  const closed = await h.ok<Detail>('cases', 'rateReply', { caseId, stars: 5, accept: true }, CITIZEN)
  expect(closed).toMatchObject({ status: 'closed', rating: { stars: 5 } })
  expect(await inInbox('open')).toBe(false)
  expect(await inInbox('all')).toBe(true)
})

test('a follower reads the reply but not how the reporter was contacted, nor the reporter’s rating', async () => {
  await handleToReply()
  await h.ok('cases', 'follow', { caseId }, 'dev-neighbour')
  await h.ok('cases', 'rateReply', { caseId, stars: 2, comment: '我是张三，噪声仍未停止' }, CITIZEN)
  const mine = await h.ok<Detail>('cases', 'getMine', { caseId }, CITIZEN)
  const theirs = await h.ok<Detail>('cases', 'getMine', { caseId }, 'dev-neighbour')
  const titles = (d: Detail) => d.timeline.find((t) => t.kind === 'send-reply')?.sections?.map((x) => x.title)
  expect(titles(mine)).toContain('与反映人沟通情况')
  expect(titles(theirs)).toContain('处理意见')
  expect(titles(theirs)).not.toContain('与反映人沟通情况')
  expect(mine.rating).toMatchObject({ stars: 2 })
  expect(theirs.rating).toBeNull()
  expect(JSON.stringify(theirs)).not.toContain('张三')
})

describe('refused, and nothing changes', () => {
  test('an illegal event names the state and the reason', async () => {
    const before = await h.snapshot()
    const res = await h.call<Err>(
      'cases',
      'requestReview',
      { caseId, grounds: '还没答复就申请复查' },
      CITIZEN,
    )
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('ILLEGAL_TRANSITION')
    expect(res.body.error.message).toMatch(/已登记|复查/)
    expect(await h.snapshot()).toEqual(before)
  })

  test('a role that may not send the event is refused', async () => {
    const version = (await h.ok<Detail>('staff', 'getCase', { caseId }, OFFICER)).version
    const res = await h.call<Err>(
      'staff',
      'act',
      { caseId, expectedVersion: version, event: { type: 'accept' } },
      OFFICER,
    )
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('ILLEGAL_TRANSITION')
  })

  test('a stale version (someone else acted meanwhile) → CONFLICT, the other edit is kept', async () => {
    const seenByHead = (await h.ok<Detail>('staff', 'getCase', { caseId }, SUPERVISOR)).version
    await h.act(SUPERVISOR, caseId, { type: 'accept' })
    const res = await h.call<Err>(
      'staff',
      'act',
      {
        caseId,
        expectedVersion: seenByHead,
        event: { type: 'not-accept', reason: 'outside-remit', guidance: '请向公安机关反映' },
      },
      SUPERVISOR,
    )
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('CONFLICT')
    expect((await h.ok<Detail>('staff', 'getCase', { caseId }, SUPERVISOR)).status).toBe('accepted')
  })

  test('a malformed event → 400 with a Chinese message', async () => {
    const version = (await h.ok<Detail>('staff', 'getCase', { caseId }, SUPERVISOR)).version
    const res = await h.call<Err>(
      'staff',
      'act',
      {
        caseId,
        expectedVersion: version,
        event: { type: 'not-accept', reason: 'i-dont-like-it', guidance: 'x' },
      },
      SUPERVISOR,
    )
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/不予受理理由不在法定理由之列|至少/)
  })

  test('staff outside the case’s units see it as missing', async () => {
    await h.runtime.db.insert('staff', {
      _id: 'st-wenxian',
      openid: 'dev-wenxian',
      name: '温县执法员',
      title: '温县分局执法人员',
      roles: ['officer'],
      unitIds: ['jz-wenxian'],
      active: true,
    })
    const res = await h.call<Err>('staff', 'getCase', { caseId }, 'dev-wenxian')
    expect(res.status).toBe(404)
    const inbox = await h.ok<{ items: unknown[] }>('staff', 'inbox', {}, 'dev-wenxian')
    expect(inbox.items).toEqual([])
  })
})

describe('confidentiality', () => {
  test('revealing a reporter needs a reason and leaves an audit record', async () => {
    const revealed = await h.ok<{ name: string; phone: string; auditId: string }>(
      'staff',
      'revealReporter',
      { caseId, reason: '需电话联系核实现场位置' },
      OFFICER,
    )
    expect(revealed).toMatchObject({ name: '张三', phone: '13800138000' })
    const audit = await h.runtime.db.get<{ staffId: string; reason: string }>('audit', revealed.auditId)
    expect(audit).toMatchObject({ staffId: 'st-officer', reason: '需电话联系核实现场位置' })
    const noReason = await h.call<Err>('staff', 'revealReporter', { caseId, reason: '' }, OFFICER)
    expect(noReason.status).toBe(400)
  })

  test('no staff view carries the reporter in clear', async () => {
    const detail = JSON.stringify(await h.ok('staff', 'getCase', { caseId }, OFFICER))
    const inbox = JSON.stringify(await h.ok('staff', 'inbox', {}, OFFICER))
    for (const text of [detail, inbox]) {
      expect(text).not.toContain('13800138000')
      expect(text).not.toContain('张三')
      expect(text).not.toContain(CITIZEN)
    }
  })
})
