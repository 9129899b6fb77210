// Results fed back (S0 第七条(三) 双反馈): a platform's order that closes produces a feedback record in the same
// write as its closing step; the timers function's hourly run pushes it, signed, to the platform's configured
// address, retries a failing endpoint with a growing pause and shows every attempt; a failing push never blocks
// the case. Returns of orders not the bureau's go the same way (S0 第五条, S2 第十五条). The files for the
// platforms — feedback per platform, the national 12369 record (S3 第四条) — hold no reporter data.
import { signPush } from '../../cloudfunctions/common/channels/push'
import type { FeedbackDoc } from '../../cloudfunctions/common/channels/feedback'
import {
  FEEDBACK_JOB_ID,
  FEEDBACK_RETRY_HOURS,
  runFeedbackDelivery,
} from '../../cloudfunctions/common/channels/feedback-outbox'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { HttpAnswer } from '../../cloudfunctions/common/ports'
import type { StaffDoc } from '../../cloudfunctions/common/staff-records'
import type { CaseDoc } from '../../shared/cases/case-doc'
import { toShanghaiIso } from '../../shared/time'
import type { CasePage } from '../../shared/contracts/cases'
import type {
  ExportFile,
  FeedbackView,
  ImportBatchView,
  RegisteredReport,
} from '../../shared/contracts/channels'
import {
  csvOf,
  orderRow,
  PLATFORM_SECRET,
  pushOrders,
  reporterTraces,
  uploadChannelFile,
} from '../support/channels'
import { startHarness, type Harness } from '../support/local-harness'
import { handleToReply, STAFF } from '../support/reports'

jest.setTimeout(120_000)

const FEEDBACK_URL = 'https://12345.example.gov.cn/api/orders/feedback'
const INTAKE = STAFF.supervisor

let h: Harness
interface Sent {
  url: string
  body: string
  headers: Record<string, string>
}
let sent: Sent[]
let answers: Array<HttpAnswer | Error>

beforeEach(async () => {
  h = await startHarness({ now: '2026-03-05T10:00:00+08:00' })
  h.runtime.secrets.platformKeys = { '12345': PLATFORM_SECRET }
  h.runtime.deployment.platforms!.find((p) => p.id === '12345')!.feedbackUrl = FEEDBACK_URL
  sent = []
  answers = []
  h.runtime.http = {
    async post(url, body, headers) {
      sent.push({ url, body, headers })
      const next = answers.shift() ?? { status: 200, body: 'ok' }
      if (next instanceof Error) throw next
      return next
    },
  }
})
afterEach(async () => {
  await h.close()
})

/** A pushed order in 山阳区, its case id. */
async function pushedOrder(n: number, overrides = {}): Promise<string> {
  const res = await pushOrders(h, '12345', JSON.stringify({ orders: [orderRow(n, overrides)] }))
  const refNo = res.body.data!.results[0]!.refNo as string
  const page = await h.runtime.db.find<CaseDoc>(COLLECTIONS.cases, { filter: { refNo }, limit: 1 })
  return page.items[0]!._id
}

const feedbackDocs = async () =>
  (
    await h.runtime.db.find<{ state: string; attempts: number; record: object }>(
      COLLECTIONS.platformFeedback,
      { limit: 100 },
    )
  ).items

/**
 * Nothing of any reporter in `text`: neither what they gave (`given`) nor anything stored of them — openid, sealed
 * and masked name and phone, query code hash and seal, repeat key.
 */
async function expectNoReporter(text: string, given: readonly string[]) {
  const traces = [...given, ...(await reporterTraces(h))]
  expect(traces.length).toBeGreaterThan(given.length)
  for (const trace of traces) expect(text).not.toContain(trace)
}

async function closeByIntake(caseId: string) {
  await handleToReply(h, caseId)
  // The caller told by phone accepts the reply; intake records it (S0 第七条(三) 征求意见).
  return h.act(INTAKE, caseId, { type: 'accept-reply', rating: null, comment: '' })
}

test('a closed order produces its feedback record: what S0 第七条(三) names, no reporter data', async () => {
  const caseId = await pushedOrder(1)
  await handleToReply(h, caseId)
  expect(await feedbackDocs()).toEqual([])
  await h.act(INTAKE, caseId, { type: 'accept-reply', rating: null, comment: '' })
  const [doc] = await feedbackDocs()
  expect(doc).toMatchObject({
    state: 'pending',
    attempts: 0,
    record: {
      platform: '12345',
      externalNo: 'JZ12345-20260302-0001',
      kind: 'result',
      investigation: '11 月 24 日 23 时到现场核查，工地正在夜间打桩，未取得夜间施工许可。',
      opinion: '已责令立即停止夜间施工，并依法立案查处。',
      result: expect.stringContaining('反映人认可答复，已办结') as unknown,
      unit: { id: 'jz-shanyang', name: '山阳区分局' },
      officer: { id: 'st-officer', name: '王磊', title: '山阳区分局执法人员' },
    },
  })
  await expectNoReporter(JSON.stringify(doc), ['13903910001', '来电人0001', '已电话告知反映人核查情况'])
  // A step that does not end the case again owes nothing more.
  await h.act(STAFF.officer, caseId, {
    type: 'record-return-visit',
    kind: 'return-visit',
    problemRecurred: false,
    note: '电话回访，夜间已无施工',
  })
  expect(await feedbackDocs()).toHaveLength(1)
})

test('a case closed after import produces its feedback record, like a pushed one', async () => {
  const fileId = await uploadChannelFile(h, INTAKE, csvOf([orderRow(11)]), 'orders')
  const batch = await h.ok<ImportBatchView>(
    'channels',
    'startImport',
    { platform: '12345', fileId, fileName: 'orders.csv' },
    INTAKE,
  )
  const { caseId } = batch.createdCases[0]!
  await closeByIntake(caseId)
  const [view] = (await h.ok<CasePage<FeedbackView>>('channels', 'listFeedback', {}, INTAKE)).items
  expect(view).toMatchObject({
    caseId,
    state: 'pending',
    record: { externalNo: 'JZ12345-20260302-0011', kind: 'result', unit: { id: 'jz-shanyang' } },
  })
  await expectNoReporter(JSON.stringify(view), ['13903910011', '来电人0011'])
})

test('the hourly run pushes it signed; a failing endpoint is retried with a pause, and every attempt shown', async () => {
  const caseId = await pushedOrder(2)
  answers = [{ status: 503, body: '系统维护中' }, new Error('connect ECONNREFUSED')]
  await closeByIntake(caseId)
  const closed = await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId)
  expect(closed!.status).toBe('closed')

  await h.fireTimer('timers')
  let [view] = (await h.ok<CasePage<FeedbackView>>('channels', 'listFeedback', {}, INTAKE)).items
  expect(view).toMatchObject({
    state: 'pending',
    stateLabel: '待推送',
    attempts: 1,
    lastError: '平台答复 HTTP 503：系统维护中',
    // An hour after the attempt (FEEDBACK_RETRY_HOURS[0]).
    nextAttemptAt: toShanghaiIso(h.clock.now().getTime() + 3600_000),
  })
  // A run within the pause does not try again.
  h.clock.advance(30 * 60_000)
  await h.fireTimer('timers')
  expect(sent).toHaveLength(1)
  h.clock.advance(31 * 60_000)
  await h.fireTimer('timers')
  ;[view] = (await h.ok<CasePage<FeedbackView>>('channels', 'listFeedback', {}, INTAKE)).items
  expect(view).toMatchObject({
    state: 'pending',
    attempts: 2,
    lastError: expect.stringContaining('ECONNREFUSED') as unknown,
  })
  h.clock.advance(2 * 3600_000)
  await h.fireTimer('timers')
  ;[view] = (await h.ok<CasePage<FeedbackView>>('channels', 'listFeedback', {}, INTAKE)).items
  expect(view).toMatchObject({ state: 'delivered', stateLabel: '已推送', attempts: 3, lastError: null })

  // What the platform received: the record, signed with the shared secret, to its address.
  const last = sent[sent.length - 1]!
  expect(last.url).toBe(FEEDBACK_URL)
  const { 'x-gw-timestamp': ts, 'x-gw-nonce': nonce, 'x-gw-signature': sig } = last.headers
  expect(sig).toBe(signPush(PLATFORM_SECRET, '12345', ts!, nonce!, last.body))
  expect(JSON.parse(last.body)).toMatchObject({
    feedback: { externalNo: 'JZ12345-20260302-0002', kind: 'result' },
  })
  await expectNoReporter(last.body, ['13903910002', '来电人0002'])
  // The case was never touched by any of it.
  expect((await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId))!._version).toBe(closed!._version)
})

test('an endpoint that keeps failing: given up after the last retry, shown as failed, retried by hand', async () => {
  const caseId = await pushedOrder(3)
  await closeByIntake(caseId)
  answers = Array(FEEDBACK_RETRY_HOURS.length + 1).fill({ status: 500, body: '' })
  for (let i = 0; i <= FEEDBACK_RETRY_HOURS.length; i++) {
    await h.fireTimer('timers')
    h.clock.advance(25 * 3600_000)
  }
  let [view] = (await h.ok<CasePage<FeedbackView>>('channels', 'listFeedback', {}, INTAKE)).items
  expect(view).toMatchObject({
    state: 'failed',
    stateLabel: '推送失败',
    attempts: FEEDBACK_RETRY_HOURS.length + 1,
  })
  expect(view!.nextAttemptAt).toBeNull()
  const attempts = sent.length
  await h.fireTimer('timers')
  expect(sent).toHaveLength(attempts)

  answers = [{ status: 200, body: '{"code":0}' }]
  view = await h.ok<FeedbackView>('channels', 'retryFeedback', { feedbackId: view!.feedbackId }, INTAKE)
  expect(view).toMatchObject({ state: 'delivered', attempts: 1 })
})

test('a failing push never blocks the case: the step is taken, the record waits', async () => {
  h.runtime.http = {
    post: () => Promise.reject(new Error('network down')),
  }
  const caseId = await pushedOrder(4)
  await closeByIntake(caseId)
  await h.fireTimer('timers')
  expect((await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId))!.status).toBe('closed')
  expect((await feedbackDocs())[0]).toMatchObject({ state: 'pending', attempts: 1 })
})

test('a returned order (S0 第五条) goes back the same way, with the objection period of S2 第十五条', async () => {
  const caseId = await pushedOrder(5)
  await h.act(INTAKE, caseId, {
    type: 'find-out-of-remit',
    finding: 'other-department',
    note: '餐饮油烟属城市管理部门职责',
  })
  await h.act(INTAKE, caseId, {
    type: 'transfer',
    target: 'department',
    to: '焦作市城市管理局',
    reason: '餐饮油烟由城管处理',
  })
  expect((await feedbackDocs())[0]).toMatchObject({
    record: {
      kind: 'returned',
      result: '退回：属其他部门职责，应由焦作市城市管理局办理',
      objection: { due: '2026-03-09', withinPeriod: true },
    },
  })
})

describe('the delivery job pages like every timer job (paged-job.ts)', () => {
  /** Records waiting for their first attempt, as a step writes them. */
  async function waiting(n: number) {
    const at = toShanghaiIso(h.clock.now())
    for (let i = 1; i <= n; i++) {
      await h.runtime.db.insert<FeedbackDoc>(COLLECTIONS.platformFeedback, {
        _id: `fb-c${i}-9`,
        platform: '12345',
        externalNo: `JZ12345-20260302-01${i}`,
        caseId: `c${i}`,
        unitId: 'jz-shanyang',
        record: { externalNo: `JZ12345-20260302-01${i}`, evidence: [] } as unknown as FeedbackDoc['record'],
        state: 'pending',
        attempts: 0,
        nextAttemptAt: at,
        lastAttemptAt: null,
        lastError: null,
        deliveredAt: null,
        createdAt: at,
      })
    }
  }

  test('stopped by its budget it reports work left; the next runs go on, each record pushed once', async () => {
    await waiting(3)
    let ticks = 0
    // A budget of one page of one record: each run pushes one, then saves its cursor.
    const first = await runFeedbackDelivery(h.runtime, { pageSize: 1, budgetMs: 1, elapsedMs: () => ticks++ })
    expect(first).toMatchObject({
      examined: 1,
      delivered: 1,
      complete: false,
      busy: false,
      pages: 1,
      failures: 0,
    })
    for (let run = 2; run <= 3; run++) {
      ticks = 0
      const next = await runFeedbackDelivery(h.runtime, {
        pageSize: 1,
        budgetMs: 1,
        elapsedMs: () => ticks++,
      })
      expect({ run, delivered: next.delivered }).toEqual({ run, delivered: 1 })
    }
    expect(await runFeedbackDelivery(h.runtime)).toMatchObject({ delivered: 0, complete: true })
    expect(
      sent
        .map((s) => (JSON.parse(s.body) as { feedback: { externalNo: string } }).feedback.externalNo)
        .sort(),
    ).toEqual(['JZ12345-20260302-011', 'JZ12345-20260302-012', 'JZ12345-20260302-013'])
  })

  test('a run that finds another holding the job does nothing', async () => {
    await waiting(1)
    const until = toShanghaiIso(h.clock.now().getTime() + 60_000)
    await h.runtime.db.insert(COLLECTIONS.jobs, {
      _id: FEEDBACK_JOB_ID,
      sweepDate: '2026-03-05',
      cursor: null,
      updatedAt: toShanghaiIso(h.clock.now()),
      lease: { runId: 'another-run', until },
    })
    expect(await runFeedbackDelivery(h.runtime)).toMatchObject({ busy: true, examined: 0, complete: false })
    expect(sent).toEqual([])
  })
})

test('a platform without a push address: the record is for the file export only', async () => {
  h.runtime.deployment.platforms!.find((p) => p.id === '12345')!.feedbackUrl = null
  const caseId = await pushedOrder(6)
  await closeByIntake(caseId)
  await h.fireTimer('timers')
  expect(sent).toHaveLength(0)
  const [view] = (await h.ok<CasePage<FeedbackView>>('channels', 'listFeedback', {}, INTAKE)).items
  expect(view).toMatchObject({ state: 'export-only', attempts: 0 })
  const retry = await h.call<{ error: { message: string } }>(
    'channels',
    'retryFeedback',
    { feedbackId: view!.feedbackId },
    INTAKE,
  )
  expect(retry.body.error.message).toContain('未配置推送地址')
})

test('the files for the platforms: feedback per platform and the national record, without reporter data', async () => {
  const caseId = await pushedOrder(7)
  await closeByIntake(caseId)
  const feedback = await h.ok<ExportFile>(
    'channels',
    'exportFeedback',
    { platform: '12345', from: '2026-03-01', to: '2026-03-31' },
    INTAKE,
  )
  expect(feedback).toMatchObject({ count: 1, truncated: false })
  const feedbackCsv = Buffer.from((await h.runtime.blobs.read(feedback.fileId))!).toString('utf8')
  expect(feedbackCsv.split('\r\n')[0]).toBe(
    '\uFEFF工单编号,本局编号,反馈类型,依据,调查情况,处理意见,办理结果,佐证材料,承办单位,承办人,办结（决定）时间,答复时间,异议期限,是否在异议期限内,推送状态',
  )
  expect(feedbackCsv).toContain('JZ12345-20260302-0007')
  await expectNoReporter(feedbackCsv, ['13903910007', '来电人0007'])

  await h.ok(
    'cases',
    'submitReport',
    {
      clientRequestId: 'req-national-1',
      requestType: 'report',
      category: 'air',
      description: '化工厂夜间排放刺鼻气味，持续一周，周边居民无法开窗。',
      photos: [],
      location: { lat: 35.29958, lng: 113.27638, coordSystem: 'gcj02', address: '焦作市山阳区焦东路化工厂' },
      reporter: { mode: 'real-name', name: '赵秀兰', phone: '13700001111' },
      consent: true,
    },
    'dev-citizen',
  )
  const call = await h.ok<RegisteredReport>(
    'channels',
    'registerReport',
    {
      clientRequestId: 'staff-req-national-1',
      channel: 'phone',
      receivedAt: '2026-03-06T12:30:00+08:00',
      requestType: 'complaint',
      category: 'noise',
      description: '来电反映：山阳区塔南路工地每晚十一点后仍在打桩，噪声很大。',
      location: { address: '焦作市山阳区塔南路与人民路交叉口' },
      contact: { name: '诸葛明月', phone: '0391-3568899' },
    },
    INTAKE,
  )
  const national = await h.ok<ExportFile>(
    'channels',
    'exportNationalRecords',
    { from: '2026-03-01', to: '2026-03-31' },
    INTAKE,
  )
  expect(national.count).toBe(3)
  const csv = Buffer.from((await h.runtime.blobs.read(national.fileId))!).toString('utf8')
  expect(csv.split('\r\n')[0]).toContain('举报件编号,来源工单编号,举报渠道')
  await expectNoReporter(csv, [
    '赵秀兰',
    '13700001111',
    '来电人0007',
    '13903910007',
    '诸葛明月',
    '3568899',
    call.queryCode!,
  ])
  expect(csv).toContain('化工厂夜间排放刺鼻气味')
  expect(csv).toContain('来电反映：山阳区塔南路工地')
})

test('who sees and retries feedback: platform staff of the case’s units; anyone else is refused or told it is missing', async () => {
  const caseId = await pushedOrder(8)
  await closeByIntake(caseId)
  const [view] = (await h.ok<CasePage<FeedbackView>>('channels', 'listFeedback', {}, INTAKE)).items
  for (const openid of [STAFF.officer, 'dev-citizen']) {
    const res = await h.call<{ error: { code: string } }>('channels', 'listFeedback', {}, openid)
    expect(res.body.error.code).toBe('FORBIDDEN')
  }
  await h.runtime.db.insert<StaffDoc>(COLLECTIONS.staff, {
    _id: 'st-wuzhi-intake',
    openid: 'dev-wuzhi-intake',
    name: '孙悦',
    title: '武陟县分局受理员',
    roles: ['intake'],
    unitIds: ['jz-wuzhi'],
    active: true,
  })
  expect(
    (await h.ok<CasePage<FeedbackView>>('channels', 'listFeedback', {}, 'dev-wuzhi-intake')).items,
  ).toEqual([])
  const retry = await h.call<{ error: { code: string; message: string } }>(
    'channels',
    'retryFeedback',
    { feedbackId: view!.feedbackId },
    'dev-wuzhi-intake',
  )
  expect(retry.body.error).toEqual({
    code: 'NOT_FOUND',
    message: '没有找到这条平台反馈，或不在您的办理范围内',
  })
  const missing = await h.call<{ error: { code: string; message: string } }>(
    'channels',
    'retryFeedback',
    { feedbackId: 'fb-nothing-1' },
    INTAKE,
  )
  expect(missing.body.error).toEqual(retry.body.error)
})
