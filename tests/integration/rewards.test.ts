// Whistleblower rewards through the functions on the real store: a report's status as the case moves (each change
// told through `reward-result`), the claim (identity and payment sealed), the reward admin's queue, decision,
// payout and refusal; who may read a claimant's identity (reward admins only, every read audited, nowhere else);
// fairness (nobody who handled the case decides); a report found untrue, several reporters, staff and excluded
// claimants, the window, a reopened case, anonymous claims with the query code where allowed.
import type { CaseDoc } from '../../shared/cases/case-doc'
import type { ClaimForRewardAdmin, ClaimOutcome, RewardStatusView } from '../../shared/contracts/rewards'
import type { CasePage } from '../../shared/contracts/cases'
import type { ClaimQueueItem, RewardClaimDoc } from '../../shared/rewards'
import type { Logger } from '../../cloudfunctions/common/ports'
import { demoPlaces } from '../../local/demo-places'
import { startHarness, type Harness } from '../support/local-harness'
import { handleToReply, STAFF } from '../support/reports'
import {
  CLAIMANT_ID_NUMBER,
  claimInput,
  confirmViolation,
  fileReport,
  investigate,
  REWARD_ADMIN,
} from '../support/rewards'

jest.setTimeout(60_000)

const CITIZEN = 'dev-citizen'
type Envelope<T = unknown> = {
  ok: boolean
  data?: T
  error?: { code: string; message: string; fields?: Record<string, string> }
}

let h: Harness
let logged: string[]

beforeEach(async () => {
  h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
  logged = []
  const capture = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void logged.push(JSON.stringify({ level, message, ...fields }))
  h.runtime.log = { info: capture('info'), warn: capture('warn'), error: capture('error') } satisfies Logger
})
afterEach(async () => {
  await h.close()
})

const status = (caseId: string, openid = CITIZEN) =>
  h.ok<RewardStatusView>('rewards', 'status', { caseId }, openid)
const call = <T = unknown>(action: string, payload: unknown, openid: string) =>
  h.call<Envelope<T>>('rewards', action, payload, openid).then((r) => r.body)
const queue = (state = 'submitted') =>
  h.ok<CasePage<ClaimQueueItem>>('rewards', 'queue', { state }, REWARD_ADMIN)
const getClaim = (claimId: string, openid = REWARD_ADMIN) =>
  h.ok<ClaimForRewardAdmin>('rewards', 'getClaim', { claimId }, openid)

/** Time passes between steps (messages are told apart by when they were sent). */
const later = () => h.clock.advance(60_000)

/** The reward messages a person received, oldest first, as (phrase, text). */
async function rewardMessages(openid: string): Promise<string[]> {
  const page = await h.runtime.db.find<{ template: string; data: Record<string, string>; createdAt: string }>(
    'outbox',
    { filter: { to: openid }, orderBy: [['createdAt', 'desc']], limit: 100 },
  )
  return page.items
    .filter((m) => m.template === 'reward-result')
    .map((m) => `${m.data.phrase3}：${m.data.thing2}`)
    .reverse()
}

async function eligibleReport(openid = CITIZEN, overrides: Record<string, unknown> = {}) {
  const filed = await fileReport(h, openid, overrides)
  await investigate(h, filed.caseId)
  await confirmViolation(h, filed.caseId)
  return filed
}

test('a real-name report: pending → eligible → claimed → awarded → paid, each change told through reward-result', async () => {
  const { caseId } = await fileReport(h, CITIZEN)
  expect(await status(caseId)).toMatchObject({ status: 'pending', label: '待核查', claim: null })
  await investigate(h, caseId)
  expect((await status(caseId)).status).toBe('pending')

  await confirmViolation(h, caseId)
  expect(await status(caseId)).toMatchObject({
    status: 'eligible',
    claimWith: 'real-name',
    claimUntil: '2027-02-22', // 90 日 (placeholder) from 2026-11-23: 02-21 is a Sunday
  })
  expect(await rewardMessages(CITIZEN)).toEqual(['符合条件：符合奖励条件，可以申领'])

  const claimed = await h.ok<RewardStatusView>(
    'rewards',
    'claim',
    claimInput(caseId, { insider: true }),
    CITIZEN,
  )
  expect(claimed).toMatchObject({ status: 'eligible', claim: { state: 'submitted', stateLabel: '待审核' } })
  // The claimant made that change: nothing is pushed to them for it.
  expect(await rewardMessages(CITIZEN)).toHaveLength(1)

  const [item] = (await queue()).items
  expect(item).toMatchObject({
    caseId,
    state: 'submitted',
    claimedBy: '实名举报人本人',
    amount: null,
    flags: [],
  })
  const claim = await getClaim(item!.claimId)
  // 焦作: 500 (no permit, placeholder) × 2 insider (placeholder).
  expect(claim.awards.insider.amount).toBe(1000)
  expect(claim.awards.notInsider.amount).toBe(500)
  expect(claim.awards.insider.placeholder).toBe(true)
  expect(claim.mayDecide).toEqual({ ok: true })
  expect(claim.case.confirmations).toEqual([
    expect.objectContaining({
      decision: '行政处罚决定',
      decisionNumber: '焦环罚〔2026〕12号',
      fineYuan: 50000,
    }),
  ])

  later()
  const decided = await h.ok<ClaimOutcome>(
    'rewards',
    'decide',
    { claimId: claim.claimId, expectedVersion: claim.version, insider: true },
    REWARD_ADMIN,
  )
  expect(decided).toMatchObject({ state: 'awarded', amount: 1000 })
  expect(await status(caseId)).toMatchObject({ status: 'awarded', claim: { amount: 1000 } })

  later()
  const paid = await h.ok<ClaimOutcome>(
    'rewards',
    'recordPayout',
    {
      claimId: claim.claimId,
      expectedVersion: decided.version,
      paidOn: '2026-11-23',
      reference: 'CMB20261123001',
    },
    REWARD_ADMIN,
  )
  expect(paid.state).toBe('paid')
  expect(await status(caseId)).toMatchObject({
    status: 'paid',
    label: '已发放',
    claim: { paidOn: '2026-11-23' },
  })
  expect(await rewardMessages(CITIZEN)).toEqual([
    '符合条件：符合奖励条件，可以申领',
    '已决定奖励：已决定给予举报奖励',
    '已发放：举报奖励已发放',
  ])
  // Each step audited with the amount, never the identity.
  const audits = await h.runtime.db.find<Record<string, unknown>>('audit', {
    filter: { subject: claim.claimId },
    orderBy: [['at', 'desc']],
    limit: 10,
  })
  expect(audits.items.map((a) => a.action).sort()).toEqual([
    'decide-reward',
    'record-reward-payout',
    'view-reward-claim',
  ])
  expect(audits.items.find((a) => a.action === 'decide-reward')).toMatchObject({
    amount: 1000,
    computedAmount: 1000,
    insider: true,
    overrideReason: null,
    staffName: '刘洋',
  })
})

describe('the claimant’s identity', () => {
  test('is readable only by reward admins, and every read is audited first', async () => {
    const { caseId } = await eligibleReport()
    await h.ok('rewards', 'claim', claimInput(caseId), CITIZEN)
    const claimId = `rc-${caseId}`
    for (const openid of [CITIZEN, STAFF.officer, STAFF.leader, STAFF.supervisor, 'dev-admin']) {
      for (const [action, payload] of [
        ['getClaim', { claimId }],
        ['queue', {}],
        ['decide', { claimId, expectedVersion: 1, insider: false }],
      ] as const) {
        const answer = await call(action, payload, openid)
        expect({ openid, action, code: answer.error?.code }).toEqual({ openid, action, code: 'FORBIDDEN' })
      }
    }
    expect(await h.runtime.db.count('audit', { subject: claimId })).toBe(0)

    const first = await getClaim(claimId)
    const second = await getClaim(claimId)
    expect(first.identity).toEqual({
      name: '张三',
      idNumber: CLAIMANT_ID_NUMBER,
      phone: '13912345678',
      bankName: '招商银行焦作解放路支行',
      accountNumber: '6225880123456789',
    })
    const reads = await h.runtime.db.find<Record<string, unknown>>('audit', {
      filter: { subject: claimId },
      orderBy: [['at', 'desc']],
      limit: 10,
    })
    expect(reads.items.map((r) => [r.action, r.staffName])).toEqual([
      ['view-reward-claim', '刘洋'],
      ['view-reward-claim', '刘洋'],
    ])
    expect(new Set(reads.items.map((r) => r._id))).toEqual(new Set([first.auditId, second.auditId]))
  })

  test('appears in no other view, record, message or log', async () => {
    const { caseId } = await eligibleReport()
    await h.ok('rewards', 'claim', claimInput(caseId), CITIZEN)
    const claim = await getClaim(`rc-${caseId}`)
    await h.ok(
      'rewards',
      'decide',
      { claimId: claim.claimId, expectedVersion: claim.version, insider: false },
      REWARD_ADMIN,
    )
    const secrets = [
      CLAIMANT_ID_NUMBER,
      '13912345678',
      '招商银行焦作解放路支行',
      '6225880123456789',
      '6225 8801',
    ]

    const views = [
      await status(caseId),
      await h.ok('cases', 'getMine', { caseId }, CITIZEN),
      await h.ok('staff', 'getCase', { caseId }, STAFF.officer),
      await h.ok('staff', 'inbox', { scope: 'all' }, STAFF.officer),
      await queue('awarded'),
    ]
    const stored: unknown[] = []
    for (const collection of h.runtime.db.collections()) {
      const page = await h.runtime.db.find<Record<string, unknown>>(collection, { limit: 100 })
      // The claim holds the identity sealed only.
      stored.push(...page.items)
    }
    const everything = JSON.stringify([views, stored, logged])
    for (const secret of secrets)
      expect({ secret, found: everything.includes(secret) }).toEqual({ secret, found: false })
    const doc = (await h.runtime.db.get<RewardClaimDoc>('reward_claims', `rc-${caseId}`))!
    expect(doc.identitySealed).toMatch(/^v1\./)
  })
})

describe('fairness', () => {
  test('a reward admin who handled the case cannot decide, refuse or be shown as able to', async () => {
    await h.runtime.db.insert('staff', {
      _id: 'st-both',
      openid: 'dev-both',
      name: '吴双',
      title: '山阳区分局',
      roles: ['officer', 'reward-admin'],
      unitIds: ['jz-shanyang'],
      active: true,
    })
    const { caseId } = await fileReport(h, CITIZEN)
    await investigate(h, caseId)
    // 吴双 records the site visit and the penalty decision.
    await h.act('dev-both', caseId, {
      type: 'record-site-visit',
      record: {
        visitedAt: '2026-11-23T08:00:00+08:00',
        reportedEntity: '某化工厂',
        address: '山阳区某路',
        productionStatus: '生产',
        pollutionControl: '未运行',
        discharge: '直排',
        cause: '无证排污',
        findings: '属实',
      },
    })
    await confirmViolation(h, caseId)
    await h.ok('rewards', 'claim', claimInput(caseId), CITIZEN)
    const claimId = `rc-${caseId}`
    const seen = await getClaim(claimId, 'dev-both')
    expect(seen.mayDecide).toEqual({ ok: false, reason: expect.stringContaining('您经办过本案') })
    expect(seen.case.handledBy).toContain('吴双（承办人员）')
    const before = await h.snapshot()
    for (const [action, payload] of [
      ['decide', { claimId, expectedVersion: 1, insider: false }],
      ['refuse', { claimId, expectedVersion: 1, reasons: ['no-contribution'] }],
    ] as const) {
      const answer = await call(action, payload, 'dev-both')
      expect(answer.error).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('您经办过本案'),
      })
    }
    expect(await h.snapshot()).toEqual(before)
    expect((await h.runtime.db.get<RewardClaimDoc>('reward_claims', claimId))!.state).toBe('submitted')
    // Another reward admin, who did not handle it, decides.
    expect(
      (
        await h.ok<ClaimOutcome>(
          'rewards',
          'decide',
          { claimId, expectedVersion: 1, insider: false },
          REWARD_ADMIN,
        )
      ).state,
    ).toBe('awarded')
  })

  test('an amount other than the tier table’s needs a reason, never exceeds the cap, and is audited', async () => {
    const { caseId } = await eligibleReport()
    await h.ok('rewards', 'claim', claimInput(caseId), CITIZEN)
    const claimId = `rc-${caseId}`
    const before = await h.snapshot()
    const noReason = await call(
      'decide',
      { claimId, expectedVersion: 1, insider: false, amount: 800 },
      REWARD_ADMIN,
    )
    expect(noReason.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { overrideReason: '请填写改定金额的理由' },
    })
    const overCap = await call(
      'decide',
      { claimId, expectedVersion: 1, insider: false, amount: 20000, overrideReason: '线索价值极高' },
      REWARD_ADMIN,
    )
    expect(overCap.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '奖励金额不能超过单笔上限 10000 元',
    })
    expect(await h.snapshot()).toEqual(before)

    const decided = await h.ok<ClaimOutcome>(
      'rewards',
      'decide',
      {
        claimId,
        expectedVersion: 1,
        insider: false,
        amount: 800,
        overrideReason: '举报人提供了关键监测数据',
      },
      REWARD_ADMIN,
    )
    expect(decided.amount).toBe(800)
    const record = await h.runtime.db.find<Record<string, unknown>>('audit', {
      filter: { subject: claimId },
      orderBy: [['at', 'desc']],
      limit: 5,
    })
    expect(record.items.find((a) => a.action === 'decide-reward')).toMatchObject({
      amount: 800,
      computedAmount: 500,
      overrideReason: '举报人提供了关键监测数据',
    })
    // A decision made cannot be made again.
    const again = await call(
      'decide',
      { claimId, expectedVersion: decided.version, insider: false },
      REWARD_ADMIN,
    )
    expect(again.error?.code).toBe('ILLEGAL_TRANSITION')
  })

  test('a refusal gives the claimant its reasons; a stale version is a conflict', async () => {
    const { caseId } = await eligibleReport()
    await h.ok('rewards', 'claim', claimInput(caseId), CITIZEN)
    const claimId = `rc-${caseId}`
    const noNote = await call('refuse', { claimId, expectedVersion: 1, reasons: ['other'] }, REWARD_ADMIN)
    expect(noNote.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { note: '请写明说明' } })
    await h.ok(
      'rewards',
      'refuse',
      { claimId, expectedVersion: 1, reasons: ['no-contribution'], note: '线索与查处的违法行为无关' },
      REWARD_ADMIN,
    )
    expect(await status(caseId)).toMatchObject({
      status: 'not-eligible',
      reasons: ['举报内容不具体，对查处违法行为未起作用', '线索与查处的违法行为无关'],
      claim: { state: 'refused' },
    })
    expect((await rewardMessages(CITIZEN)).at(-1)).toBe('不符合条件：不符合奖励条件，请查看原因')
    const stale = await call('decide', { claimId, expectedVersion: 1, insider: false }, REWARD_ADMIN)
    expect(stale.error?.code).toBe('CONFLICT')
  })
})

describe('a report later found untrue', () => {
  test('refuses a claim not yet paid: it cannot be decided', async () => {
    const { caseId } = await eligibleReport()
    await h.ok('rewards', 'claim', claimInput(caseId), CITIZEN)
    await h.act(STAFF.officer, caseId, {
      type: 'find-report-untrue',
      finding: 'untrue',
      note: '复核发现处罚决定已被撤销',
    })
    expect(await status(caseId)).toMatchObject({
      status: 'not-eligible',
      reasons: ['经核查，反映的情况不属实'],
    })
    const claim = (await h.runtime.db.get<RewardClaimDoc>('reward_claims', `rc-${caseId}`))!
    expect(claim).toMatchObject({
      state: 'refused',
      refusal: { reasons: ['untrue'], by: { kind: 'system' } },
    })
    const answer = await call(
      'decide',
      { claimId: claim._id, expectedVersion: claim._version, insider: false },
      REWARD_ADMIN,
    )
    expect(answer.error?.code).toBe('ILLEGAL_TRANSITION')
  })

  test('marks a paid reward for recovery; the recovery is recorded', async () => {
    const { caseId } = await eligibleReport()
    await h.ok('rewards', 'claim', claimInput(caseId), CITIZEN)
    const claimId = `rc-${caseId}`
    const decided = await h.ok<ClaimOutcome>(
      'rewards',
      'decide',
      { claimId, expectedVersion: 1, insider: false },
      REWARD_ADMIN,
    )
    await h.ok(
      'rewards',
      'recordPayout',
      { claimId, expectedVersion: decided.version, paidOn: '2026-11-23', reference: 'CMB001' },
      REWARD_ADMIN,
    )
    await h.act(STAFF.officer, caseId, {
      type: 'find-report-untrue',
      finding: 'fabricated',
      note: '举报人伪造现场照片',
    })
    expect(await status(caseId)).toMatchObject({
      status: 'not-eligible',
      reasons: ['经核查，反映的情况不属实', '已发放的奖励依法追回'],
      claim: { state: 'recovery', stateLabel: '已发放，待追回' },
    })
    const [due] = (await queue('recovery')).items
    expect(due).toMatchObject({ claimId, state: 'recovery', amount: 500 })
    const claim = await getClaim(claimId)
    expect(claim.actions).toEqual(['record-recovery'])
    await h.ok(
      'rewards',
      'recordRecovery',
      { claimId, expectedVersion: claim.version, recoveredOn: '2026-11-23', reference: 'ZH-2026-01' },
      REWARD_ADMIN,
    )
    expect((await status(caseId)).claim?.state).toBe('recovered')
  })

  test('repeated fabricated reports from one account flag its claims', async () => {
    for (const note of ['伪造照片', '虚构排污事实']) {
      const { caseId } = await fileReport(h, CITIZEN)
      await investigate(h, caseId)
      await h.act(STAFF.officer, caseId, { type: 'find-report-untrue', finding: 'fabricated', note })
    }
    const { caseId } = await eligibleReport()
    await h.ok('rewards', 'claim', claimInput(caseId), CITIZEN)
    const [item] = (await queue()).items
    expect(item!.flags).toEqual(['该举报账号已有 2 件举报被认定捏造、歪曲事实'])
    expect((await getClaim(item!.claimId)).flags).toEqual(item!.flags)
  })
})

test('several reporters on a merged case: the first valid report wins, the others are told why', async () => {
  const first = await fileReport(h, 'dev-first', {
    reporter: { mode: 'real-name', name: '李四', phone: '13700137000' },
  })
  h.clock.advance(60_000)
  const later = await fileReport(h, CITIZEN)
  await h.act(STAFF.supervisor, later.caseId, { type: 'merge', intoCaseId: first.caseId })
  await investigate(h, first.caseId)
  await confirmViolation(h, first.caseId)
  expect((await status(first.caseId, 'dev-first')).status).toBe('eligible')
  expect(await status(later.caseId)).toMatchObject({
    status: 'not-eligible',
    reasons: ['同一违法行为已有他人更早有效举报，奖励给予最先有效举报的人'],
  })
  expect(await rewardMessages(CITIZEN)).toEqual(['不符合条件：不符合奖励条件，请查看原因'])
  expect(await rewardMessages('dev-first')).toEqual(['符合条件：符合奖励条件，可以申领'])
  const before = await h.snapshot()
  const refused = await call('claim', claimInput(later.caseId), CITIZEN)
  expect(refused.error).toMatchObject({
    code: 'ILLEGAL_TRANSITION',
    message: expect.stringContaining('更早有效举报'),
  })
  expect(await h.snapshot()).toEqual(before)
})

test('a reporter who is staff is refused, and the next reporter becomes the first valid one', async () => {
  // The officer reports from their own account, before a citizen reports the same.
  const staffReport = await fileReport(h, STAFF.officer, {
    reporter: { mode: 'real-name', name: '王磊', phone: '13600136000' },
  })
  h.clock.advance(60_000)
  const citizenReport = await fileReport(h, CITIZEN)
  await h.act(STAFF.supervisor, citizenReport.caseId, { type: 'merge', intoCaseId: staffReport.caseId })
  await investigate(h, staffReport.caseId)
  await confirmViolation(h, staffReport.caseId)
  expect((await status(citizenReport.caseId)).status).toBe('not-eligible')
  later()

  const answer = await h.ok<RewardStatusView>(
    'rewards',
    'claim',
    claimInput(staffReport.caseId, {
      claimant: { name: '王磊', idNumber: CLAIMANT_ID_NUMBER, phone: '13600136000' },
    }),
    STAFF.officer,
  )
  expect(answer).toMatchObject({ status: 'not-eligible', reasons: ['生态环境部门工作人员不属于奖励对象'] })
  // Nothing of a refused claimant's identity is kept.
  expect(
    (await h.runtime.db.get<RewardClaimDoc>('reward_claims', `rc-${staffReport.caseId}`))!.identitySealed,
  ).toBeNull()
  expect((await status(citizenReport.caseId)).status).toBe('eligible')
  expect((await rewardMessages(CITIZEN)).at(-1)).toBe('符合条件：符合奖励条件，可以申领')
})

test('a claimant who declares being an excluded person is refused; their identity is not kept', async () => {
  const { caseId } = await eligibleReport()
  const answer = await h.ok<RewardStatusView>(
    'rewards',
    'claim',
    claimInput(caseId, { excluded: true }),
    CITIZEN,
  )
  expect(answer).toMatchObject({
    status: 'not-eligible',
    reasons: ['负有生态环境监管职责的工作人员及其近亲属不属于奖励对象'],
  })
  expect((await h.runtime.db.get<RewardClaimDoc>('reward_claims', `rc-${caseId}`))!.identitySealed).toBeNull()
  expect((await queue()).items).toEqual([])
})

test('a claimant with a staff member’s name is flagged for the reward admin', async () => {
  const { caseId } = await eligibleReport(CITIZEN, {
    reporter: { mode: 'real-name', name: '李娜', phone: '13800138000' },
  })
  await h.ok(
    'rewards',
    'claim',
    claimInput(caseId, { claimant: { name: '李娜', idNumber: CLAIMANT_ID_NUMBER, phone: '13912345678' } }),
    CITIZEN,
  )
  expect((await queue()).items[0]!.flags).toEqual([
    '申领人姓名与在职工作人员同名，请核实是否为本人或其近亲属',
  ])
})

test('a claim after the window is refused and changes nothing', async () => {
  const { caseId } = await eligibleReport()
  h.clock.set('2027-02-23T09:00:00+08:00')
  const before = await h.snapshot()
  const answer = await call('claim', claimInput(caseId), CITIZEN)
  expect(answer.error).toMatchObject({
    code: 'ILLEGAL_TRANSITION',
    message: '不能申领奖励：未在领奖期限内申领（期限至 2027-02-22，逾期视为放弃）',
  })
  expect(await h.snapshot()).toEqual(before)
})

test('a case reopened after the reward decision keeps the award', async () => {
  const { caseId } = await fileReport(h, CITIZEN)
  await handleToReply(h, caseId)
  await confirmViolation(h, caseId)
  await h.ok('rewards', 'claim', claimInput(caseId), CITIZEN)
  await h.ok(
    'rewards',
    'decide',
    { claimId: `rc-${caseId}`, expectedVersion: 1, insider: false },
    REWARD_ADMIN,
  )
  const messages = (await rewardMessages(CITIZEN)).length
  await h.act(STAFF.officer, caseId, {
    type: 'record-return-visit',
    kind: 'return-visit',
    problemRecurred: true,
    note: '夜间又在施工',
  })
  await h.act(STAFF.head, caseId, { type: 'reopen', reason: '回访发现反弹' })
  expect((await h.runtime.db.get<CaseDoc>('cases', caseId))!.status).toBe('assigned')
  expect(await status(caseId)).toMatchObject({ status: 'awarded', claim: { amount: 500 } })
  expect((await getClaim(`rc-${caseId}`)).case).toMatchObject({ reopenCount: 1, statusLabel: '已交办' })
  expect(await rewardMessages(CITIZEN)).toHaveLength(messages)
})

test('a report closed without a confirmed violation: not eligible, and no reward message (the case’s notices say it)', async () => {
  const { caseId } = await fileReport(h, CITIZEN)
  await handleToReply(h, caseId)
  await h.ok('cases', 'rateReply', { caseId, stars: 5, accept: true }, CITIZEN)
  expect(await status(caseId)).toMatchObject({
    status: 'not-eligible',
    reasons: ['办理结束时未认定环境违法行为（未作出行政处罚或处理决定）'],
  })
  expect(await rewardMessages(CITIZEN)).toEqual([])
  // A decision confirming the violation after the closing (a penalty takes longer than the reply) makes it eligible.
  await confirmViolation(h, caseId)
  expect((await status(caseId)).status).toBe('eligible')
  expect(await rewardMessages(CITIZEN)).toEqual(['符合条件：符合奖励条件，可以申领'])
})

describe('bad input and other people’s reports change nothing', () => {
  test.each([
    [
      'a wrong ID number',
      { claimant: { name: '张三', idNumber: '110105194912310021', phone: '13912345678' } },
      'claimant.idNumber',
      '身份证号码有误，请核对',
    ],
    [
      'a bank account with letters',
      { payment: { bankName: '招商银行', accountNumber: '6225-abc' } },
      'payment.accountNumber',
      '银行账号应为 12–30 位数字',
    ],
    ['no consent', { consent: false }, 'consent', '请阅读并同意《奖励申领须知》'],
    [
      'a name other than the report’s',
      { claimant: { name: '张四', idNumber: CLAIMANT_ID_NUMBER, phone: '13912345678' } },
      'claimant.name',
      '姓名与举报时登记的不一致',
    ],
  ])('%s', async (_name, overrides, field, message) => {
    const { caseId } = await eligibleReport()
    const before = await h.snapshot()
    const answer = await call('claim', claimInput(caseId, overrides), CITIZEN)
    expect(answer.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { [field]: message } })
    expect(await h.snapshot()).toEqual(before)
  })

  test('another citizen’s report answers exactly like a missing one; a claim twice is a conflict', async () => {
    const { caseId } = await eligibleReport()
    const missing = await h.call(
      'rewards',
      'status',
      { caseId: 'c0000000000000000000000000000000' },
      'dev-stranger',
    )
    expect(missing.status).toBe(404)
    for (const action of ['status', 'claim']) {
      const payload = action === 'claim' ? claimInput(caseId) : { caseId }
      const theirs = await h.call('rewards', action, payload, 'dev-stranger')
      const none = await h.call(
        'rewards',
        action,
        action === 'claim'
          ? claimInput('c0000000000000000000000000000000')
          : { caseId: 'c0000000000000000000000000000000' },
        'dev-stranger',
      )
      expect(theirs).toEqual(none)
    }
    await h.ok('rewards', 'claim', claimInput(caseId), CITIZEN)
    const twice = await call('claim', claimInput(caseId), CITIZEN)
    expect(twice.error).toEqual({ code: 'CONFLICT', message: '这条举报已经申领过奖励' })
  })
})

describe('anonymous reports', () => {
  test('焦作: not rewarded — the status says why and a claim with the code is refused', async () => {
    const { caseId, queryCode } = await eligibleReport('dev-citizen-anon', {
      reporter: { mode: 'anonymous' },
    })
    expect(await status(caseId, 'dev-citizen-anon')).toMatchObject({
      status: 'not-eligible',
      reasons: ['本地仅奖励实名举报，匿名举报不予奖励'],
    })
    const answer = await call('claim', claimInput(caseId, { claimCode: queryCode }), 'dev-citizen-anon')
    expect(answer.error).toMatchObject({ code: 'ILLEGAL_TRANSITION' })
  })

  test('重庆九龙坡: claimed with the query code (渝环规〔2025〕1号, as reported)', async () => {
    await h.close()
    h = await startHarness({ now: '2026-11-23T09:00:00+08:00', deployment: 'jiulongpo' })
    const anon = 'dev-citizen-anon'
    const [place] = demoPlaces(h.runtime)
    const { caseId, queryCode } = await fileReport(h, anon, {
      reporter: { mode: 'anonymous' },
      location: { lat: place!.lat, lng: place!.lng, coordSystem: 'wgs84', address: '重庆市九龙坡区杨家坪' },
    })
    await investigate(h, caseId, 'jiulongpo')
    await confirmViolation(
      h,
      caseId,
      { decisionNumber: '渝九环罚〔2026〕3号', violationType: 'evading-supervision', fineYuan: 100000 },
      'jiulongpo',
    )
    expect(await status(caseId, anon)).toMatchObject({ status: 'eligible', claimWith: 'claim-code' })
    expect(
      await h.ok<RewardStatusView>('rewards', 'statusByCode', { code: queryCode }, 'another-phone'),
    ).toMatchObject({
      caseId,
      status: 'eligible',
    })

    const noCode = await call('claim', claimInput(caseId), anon)
    expect(noCode.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { claimCode: '请填写查询码' } })
    const wrong = await call('claim', claimInput(caseId, { claimCode: 'ABCDEFGHJK' }), anon)
    expect(wrong.error).toMatchObject({ code: 'NOT_FOUND' })

    // The code is the proof: any name may claim (the identity is given now, for the payment).
    const claimed = await h.ok<RewardStatusView>(
      'rewards',
      'claim',
      claimInput(caseId, {
        claimCode: queryCode!.toLowerCase(),
        claimant: { name: '赵六', idNumber: CLAIMANT_ID_NUMBER, phone: '13912345678' },
      }),
      anon,
    )
    expect(claimed.claim?.state).toBe('submitted')
    const [item] = (await queue()).items
    expect(item).toMatchObject({ claimedBy: '凭查询码（匿名举报）' })
    const claim = await getClaim(item!.claimId)
    // 渝环规〔2025〕1号 (as reported): 2,000 by type, or 5% of a 100,000 fine = 5,000: the higher.
    expect(claim.awards.notInsider.amount).toBe(5000)
    expect(claim.identity?.name).toBe('赵六')
    await h.ok(
      'rewards',
      'decide',
      { claimId: item!.claimId, expectedVersion: claim.version, insider: false },
      REWARD_ADMIN,
    )
    expect(await status(caseId, anon)).toMatchObject({ status: 'awarded', claim: { amount: 5000 } })
  })
})

test('the rules of the deployment, as the self-check reads them', async () => {
  const rules = await h.ok<{ name: string; anonymousClaims: boolean; provisional: boolean }>(
    'rewards',
    'rules',
    {},
    'anyone',
  )
  expect(rules).toMatchObject({
    name: '焦作市生态环境违法行为有奖举报',
    anonymousClaims: false,
    provisional: true,
  })
})
