// The hourly deadline sweep (timers function) on the embedded store with a controlled clock: reminders and
// overdue supervision appear exactly once over two runs; a backlog larger than a page is worked through across
// runs; a case edited concurrently is not overwritten; replied cases close after the objection window.
import { startHarness, type Harness } from '../support/local-harness'
import { OFFICER, REPLY, reportInput } from '../support/reports'
import { runDeadlineSweep } from '../../cloudfunctions/timers/sweep'
import type { SweepReport } from '../../shared/contracts/timers'

jest.setTimeout(60_000)

const CITIZEN = 'dev-citizen'
type Case = { status: string; version: number; supervised: boolean; timeline: Array<{ kind: string }> }

async function outboxCount(h: Harness, template?: string) {
  return h.runtime.db.count('outbox', template ? { template } : undefined)
}

describe('九龙坡 (S2): a reminder 3 working days before the handling due date, then 督办 when overdue', () => {
  // 九龙坡区 in the demo boundary data.
  const JLP = { lat: 29.61237, lng: 106.47167, coordSystem: 'gcj02', address: '重庆市九龙坡区某工业园' }
  let h: Harness
  const ids: string[] = []
  const ASSIGNEE = 'jlp-brigade'

  beforeAll(async () => {
    h = await startHarness({ deployment: 'jiulongpo', now: '2026-11-23T09:00:00+08:00' })
    for (let i = 0; i < 3; i++) {
      const { caseId } = await h.ok<{ caseId: string }>(
        'cases',
        'submitReport',
        reportInput({ category: 'air', location: { ...JLP, lat: JLP.lat + i * 0.001 } }),
        CITIZEN,
      )
      ids.push(caseId)
      await h.act('dev-office-head', caseId, { type: 'accept' })
      await h.act('dev-office-head', caseId, { type: 'assign', unitIds: [ASSIGNEE], officer: OFFICER })
    }
  })
  afterAll(async () => {
    await h.close()
  })

  test('nothing is due before the reminder date', async () => {
    h.clock.set('2026-12-10T10:00:00+08:00')
    const report = ((await h.fireTimer('timers')) as { deadlineSweep: SweepReport }).deadlineSweep
    expect(report).toMatchObject({ examined: 0, reminders: 0, supervised: 0, complete: true })
  })

  test('on the reminder date (handling due 12-23, S2 第十七条/第十八条) each case is reminded once', async () => {
    h.clock.set('2026-12-18T10:00:00+08:00')
    const before = await outboxCount(h, 'staff-task')
    const first = ((await h.fireTimer('timers')) as { deadlineSweep: SweepReport }).deadlineSweep
    expect(first).toMatchObject({
      examined: 3,
      reminders: 3,
      supervised: 0,
      conflicts: 0,
      failures: 0,
      complete: true,
    })
    const sent = (await outboxCount(h, 'staff-task')) - before
    expect(sent).toBeGreaterThan(0)

    h.clock.set('2026-12-18T11:00:00+08:00') // the next hourly run
    const second = ((await h.fireTimer('timers')) as { deadlineSweep: SweepReport }).deadlineSweep
    expect(second).toMatchObject({ examined: 0, reminders: 0 })
    expect((await outboxCount(h, 'staff-task')) - before).toBe(sent)
  })

  test('the day after the due date each case is supervised (督办) once, and the flag shows in the inbox', async () => {
    h.clock.set('2026-12-24T09:00:00+08:00')
    const first = ((await h.fireTimer('timers')) as { deadlineSweep: SweepReport }).deadlineSweep
    expect(first).toMatchObject({ supervised: 3, reminders: 0 })
    const second = ((await h.fireTimer('timers')) as { deadlineSweep: SweepReport }).deadlineSweep
    expect(second).toMatchObject({ supervised: 0, reminders: 0 })
    const detail = await h.ok<Case>('staff', 'getCase', { caseId: ids[0] }, 'dev-office-head')
    expect(detail.supervised).toBe(true)
    expect(detail.timeline.filter((t) => t.kind === 'supervise')).toHaveLength(1)
    expect(detail.timeline.filter((t) => t.kind === 'remind')).toHaveLength(1)
  })
})

describe('焦作: a backlog larger than one page', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
    for (let i = 0; i < 230; i++) {
      await h.ok(
        'cases',
        'submitReport',
        reportInput({ clientRequestId: `backlog-${String(i).padStart(4, '0')}` }),
        CITIZEN,
      )
    }
  })
  afterAll(async () => {
    await h.close()
  })

  test('is worked through in pages of ≤ 100 over several runs, each stopping at its budget', async () => {
    // Registered and never accepted: the acceptance notice (S3 第九条, 15 日) was due 12-08.
    h.clock.set('2026-12-09T09:00:00+08:00')
    // A budget that allows one page per run.
    let pages = 0
    const onePage = { pageSize: 100, budgetMs: 1, elapsedMs: () => (pages++ === 0 ? 0 : 10) }
    const runs: SweepReport[] = []
    for (let i = 0; i < 5; i++) {
      pages = 0
      runs.push(await runDeadlineSweep(h.runtime, onePage))
      if (runs.at(-1)!.complete) break
    }
    expect(runs.map((r) => r.examined)).toEqual([100, 100, 30])
    expect(runs.map((r) => r.complete)).toEqual([false, false, true])
    // One 督办 per case, naming every overdue duty (acceptance notice and assignment).
    expect(runs.reduce((n, r) => n + r.supervised, 0)).toBe(230)
    // Nothing is left for today, and nothing is done twice.
    expect(await h.runtime.db.count('cases', { nextCheckOn: { $lte: '2026-12-09' } })).toBe(0)
    const again = await runDeadlineSweep(h.runtime)
    expect(again).toMatchObject({ examined: 0, supervised: 0, complete: true })
  })
})

describe('concurrency', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
  })
  afterEach(async () => {
    await h.close()
  })

  test('a case edited while the sweep works on it is skipped, not overwritten, and handled on the next run', async () => {
    const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), CITIZEN)
    h.clock.set('2026-12-09T09:00:00+08:00')
    // Between the sweep reading the page and writing the case, an officer of the city brigade accepts it.
    const realFind = h.runtime.db.find.bind(h.runtime.db)
    let edited = false
    h.runtime.db.find = (async (collection: string, options: Parameters<typeof realFind>[1]) => {
      const page = await realFind(collection, options)
      if (collection === 'cases' && !edited && page.items.length) {
        edited = true
        await h.act('dev-supervisor', caseId, { type: 'accept' })
      }
      return page
    }) as typeof h.runtime.db.find
    const first = await runDeadlineSweep(h.runtime)
    h.runtime.db.find = realFind
    expect(first).toMatchObject({ examined: 1, conflicts: 1, supervised: 0 })
    const after = await h.ok<Case>('staff', 'getCase', { caseId }, 'dev-supervisor')
    expect(after.status).toBe('accepted') // the concurrent edit stands

    const second = await runDeadlineSweep(h.runtime)
    expect(second.conflicts).toBe(0)
  })

  test('after the objection window a replied case is deemed closed (S2 第二十条 / 条例 第三十五条)', async () => {
    // A consultation: answered without a site visit.
    const { caseId } = await h.ok<{ caseId: string }>(
      'cases',
      'submitReport',
      reportInput({ requestType: 'consult' }),
      CITIZEN,
    )
    await h.act('dev-supervisor', caseId, { type: 'accept' })
    await h.act('dev-office-head', caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
    await h.act('dev-officer', caseId, { type: 'start-investigation' })
    await h.act('dev-officer', caseId, { type: 'draft-reply', reply: REPLY })
    await h.act('dev-office-head', caseId, { type: 'approve-reply' })
    await h.act('dev-leader', caseId, { type: 'approve-reply' })
    await h.act('dev-officer', caseId, { type: 'send-reply' })
    h.clock.set('2026-12-23T12:00:00+08:00') // review window ends 12-23: still open
    expect(await runDeadlineSweep(h.runtime)).toMatchObject({ deemedClosed: 0 })
    h.clock.set('2026-12-24T09:00:00+08:00')
    expect(await runDeadlineSweep(h.runtime)).toMatchObject({ deemedClosed: 1 })
    const closed = await h.ok<{ status: string; timeline: Array<{ kind: string }> }>(
      'cases',
      'getMine',
      { caseId },
      CITIZEN,
    )
    expect(closed.status).toBe('closed')
    expect(closed.timeline.at(-1)?.kind).toBe('deem-closed')
    expect(await runDeadlineSweep(h.runtime)).toMatchObject({ deemedClosed: 0 })
  })
})
