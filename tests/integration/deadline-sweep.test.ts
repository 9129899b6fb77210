// The hourly deadline sweep (timers function) on the embedded store with a controlled clock: reminders and
// overdue supervision appear exactly once over two runs; a backlog larger than a page is worked through across
// runs; a case edited concurrently is not overwritten; replied cases close after the objection window. On a
// generated backlog: a page's work (rows, DocStore calls, index entries passed) is the same at any depth and on
// thousands of cases sharing one date; a backlog drains exactly once over runs cut short by their budget; a run
// keeps a margin of twice its slowest page; a run stopped by its budget starts a follow-up that goes on from
// its cursor; overlapping runs never do a case twice.
import { observeDocStore, type DocStoreCall } from '../../cloudfunctions/common/db/observed'
import { LEASE_GRACE_MS } from '../../cloudfunctions/common/paged-job'
import type { DocStore, FindOptions } from '../../cloudfunctions/common/ports'
import type { TimerEvent } from '../../cloudfunctions/common/router'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { LocalScheduler } from '../../local/scheduler'
import { MAX_FOLLOW_UPS, type TimerReport } from '../../cloudfunctions/timers/handlers'
import { startHarness, type Harness } from '../support/local-harness'
import { OFFICER, REPLY, reportInput } from '../support/reports'
import { runDeadlineSweep } from '../../cloudfunctions/timers/sweep'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import {
  caseStatId,
  contributionDigest,
  type CaseStatDoc,
  type CaseStatFields,
} from '../../cloudfunctions/common/stats/case-stats'
import type { SweepReport } from '../../shared/contracts/timers'

jest.setTimeout(60_000)

const CITIZEN = 'dev-citizen'
type Case = { status: string; version: number; supervised: boolean; timeline: Array<{ kind: string }> }

async function outboxCount(h: Harness, template?: string) {
  return h.runtime.db.count('outbox', template ? { template } : undefined)
}

/** The calls on `case_stats` in the transactions `work` makes (the case writes'; not the monthly summing's finds). */
async function caseStatCalls(h: Harness, work: () => Promise<unknown>): Promise<Record<string, number>> {
  const base = h.runtime.db
  const ops: Record<string, number> = {}
  h.runtime.db = observeDocStore(base, (call) => {
    if (call.inTransaction && call.collection === COLLECTIONS.caseStats)
      ops[call.op] = (ops[call.op] ?? 0) + 1
  })
  try {
    await work()
  } finally {
    h.runtime.db = base
  }
  return ops
}

/** Every contribution a case has stored is the one its digest on the case describes. */
async function expectDigestsMatchStored(h: Harness, caseId: string): Promise<void> {
  const doc = (await h.runtime.db.get<CaseStatFields>(COLLECTIONS.cases, caseId))!
  expect(Object.keys(doc.statDigests)).toEqual(doc.statMonths)
  for (const month of doc.statMonths) {
    const stored = await h.runtime.db.get<CaseStatDoc>(COLLECTIONS.caseStats, caseStatId(caseId, month))
    const { _id: _, _version: __, ...contribution } = stored!
    expect(contributionDigest(contribution)).toBe(doc.statDigests[month])
  }
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
    let first: SweepReport | undefined
    // A reminder changes none of the case's statistics: its contributions are neither read nor written.
    const statCalls = await caseStatCalls(h, async () => {
      first = ((await h.fireTimer('timers')) as { deadlineSweep: SweepReport }).deadlineSweep
    })
    expect(statCalls).toEqual({})
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
    let first: SweepReport | undefined
    // 督办 counts in December, where the case had no contribution (its overdue day is kept on November's, the
    // month it was received in): December's is inserted without a read; November's stays as it was.
    const statCalls = await caseStatCalls(h, async () => {
      first = ((await h.fireTimer('timers')) as { deadlineSweep: SweepReport }).deadlineSweep
    })
    expect(first).toMatchObject({ supervised: 3, reminders: 0 })
    expect(statCalls).toEqual({ insert: 3 })
    for (const id of ids) await expectDigestsMatchStored(h, id)
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

// ---------- a backlog at scale: work per page, exactly once, budgets, follow-ups, overlapping runs ----------

const SWEEP_DAY = '2026-12-09T09:00:00+08:00'

/**
 * A generated backlog: `count` clones of one real case — filed through the functions, never accepted, so on
 * SWEEP_DAY its acceptance notice and assignment are overdue and the sweep owes it one 督办 — each with its own
 * id, reference number and `nextCheckOn` (`dateOf(i)`, on or before SWEEP_DAY).
 */
async function cloneBacklog(
  h: Harness,
  count: number,
  dateOf: (i: number) => string,
  shape: (doc: Record<string, unknown>, i: number) => Record<string, unknown> = (doc) => doc,
): Promise<string[]> {
  const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), CITIZEN)
  const template = (await h.runtime.db.get<Record<string, unknown>>('cases', caseId))!
  await h.runtime.db.remove('cases', caseId)
  const ids = Array.from({ length: count }, (_, i) => `bk${String((i * 7919) % count).padStart(6, '0')}`)
  h.runtime.db.insertMany(
    'cases',
    ids.map((id, i) =>
      shape({ ...template, _id: id, refNo: `${String(template.refNo)}-${i}`, nextCheckOn: dateOf(i) }, i),
    ),
  )
  return ids
}

interface PageWork {
  /** Due index entries on the cursor's date at or before the cursor: what the range scan passes. */
  passed: number
  /** Cases the page returned. */
  rows: number
  /** DocStore calls from this page's query to the next page's (the work on its cases, saving the cursor). */
  calls: DocStoreCall[]
}

/** Due entries that the page query after `cursor` passes before its first row (the index range starts at v). */
async function passedBefore(db: DocStore, cursor: string | null): Promise<number> {
  if (!cursor) return 0
  const [date, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string]
  return db.count('cases', { nextCheckOn: date, _id: { $lte: id } })
}

/** Puts an observer between the sweep and the store that splits its DocStore calls into pages. */
function watchPages(h: Harness): { pages: PageWork[]; restore: () => void } {
  const base = h.runtime.db
  const pages: PageWork[] = []
  const observed = observeDocStore(base, (call) => pages.at(-1)?.calls.push(call))
  h.runtime.db = new Proxy(observed, {
    get(target, property, receiver) {
      if (property !== 'find') return Reflect.get(target, property, receiver) as unknown
      return async (collection: string, options: FindOptions) => {
        const sweep = collection === 'cases' && options.filter?.nextCheckOn !== undefined
        if (sweep) pages.push({ passed: await passedBefore(base, options.after ?? null), rows: 0, calls: [] })
        const page = await target.find(collection, options)
        if (sweep) pages.at(-1)!.rows = page.items.length
        return page
      }
    },
  })
  return { pages, restore: () => (h.runtime.db = base) }
}

/** A page's DocStore calls on cases and what their steps write (not the job's own bookkeeping in `jobs`). */
const caseWork = (page: PageWork) => page.calls.filter((c) => c.collection !== 'jobs').length

async function supervisions(h: Harness, ids: readonly string[]): Promise<number[]> {
  const counts: number[] = []
  for (const id of ids) {
    const doc = await h.runtime.db.get<{ history: Array<{ event: { type: string } }> }>('cases', id)
    counts.push(doc!.history.filter((e) => e.event.type === 'supervise').length)
  }
  return counts
}

describe('a generated backlog', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
  })
  afterEach(async () => {
    h.runtime.followUps = undefined
    jest.restoreAllMocks()
    await h.close()
  })

  test('pages deep in the backlog cost what the first costs: same rows, same DocStore calls, no entries passed', async () => {
    // 1,200 due cases over 12 dates (100 a day, in id order unrelated to the date).
    const ids = await cloneBacklog(h, 1200, (i) => `2026-11-${String(24 + (i % 12)).padStart(2, '0')}`)
    h.clock.set(SWEEP_DAY)
    const { pages, restore } = watchPages(h)
    const report = await runDeadlineSweep(h.runtime).finally(restore)
    expect(report).toMatchObject({
      examined: 1200,
      supervised: 1200,
      conflicts: 0,
      failures: 0,
      complete: true,
    })

    expect(pages.map((p) => p.rows)).toEqual(pages.map(() => 100))
    expect(pages).toHaveLength(12)
    // The first page also builds the working calendar; every later page makes exactly the same calls.
    const counts = pages.map(caseWork)
    for (const n of counts.slice(1)) expect(n).toBe(counts[1])
    expect(counts[1]).toBeLessThanOrEqual(counts[0]!)
    expect(pages.map((p) => p.passed)).toEqual(pages.map(() => 0))
    expect(await supervisions(h, ids)).toEqual(ids.map(() => 1))
  })

  test('5,000 cases on one date drain with the same work per page; the cases that fail are passed once a pass, never re-read in it', async () => {
    const broken = new Set([7, 1500, 2501, 3999, 4998])
    const ids = await cloneBacklog(
      h,
      5000,
      () => '2026-12-01',
      // A profile version no release has: processing these fails (logged, counted), and they stay due.
      (doc, i) => (broken.has(i) ? { ...doc, profile: { id: 'jiaozuo-12345', version: 999 } } : doc),
    )
    h.clock.set(SWEEP_DAY)
    const { pages, restore } = watchPages(h)
    const report = await runDeadlineSweep(h.runtime).finally(restore)
    expect(report).toMatchObject({
      examined: 5000,
      supervised: 4995,
      failures: 5,
      conflicts: 0,
      complete: true,
    })
    expect(pages).toHaveLength(50)
    const counts = pages.map(caseWork)
    const steady = counts[1]!
    expect(counts.every((n) => n <= counts[0]!)).toBe(true)
    // A page holding a failing case makes fewer calls; every other page the same number, at any depth.
    const clean = counts.slice(1).filter((n) => n === steady)
    expect(clean.length).toBeGreaterThanOrEqual(49 - broken.size)
    // The range after the cursor passes only the cases this pass left due (the failures), never the done ones.
    for (const page of pages) expect(page.passed).toBeLessThanOrEqual(broken.size)
    expect(Math.max(...pages.map((p) => p.passed))).toBeGreaterThan(0)

    // The next pass (the next run after a complete one) looks at the five again, and only at them.
    expect(await runDeadlineSweep(h.runtime)).toMatchObject({ examined: 5, failures: 5, complete: true })
    const done = ids.filter((_, i) => !broken.has(i))
    expect(await supervisions(h, done)).toEqual(done.map(() => 1))
  })

  test('drains exactly once over runs cut short by their budget: every step once, every case looked at once', async () => {
    // 300 cases owed a 督办, and 200 whose steps were done before but whose stored date is stale (an import).
    const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), CITIZEN)
    h.clock.set(SWEEP_DAY)
    expect(await runDeadlineSweep(h.runtime)).toMatchObject({ examined: 1, supervised: 1 })
    const doneCase = (await h.runtime.db.get<Record<string, unknown>>('cases', caseId))!
    await h.runtime.db.remove('cases', caseId)
    h.clock.set('2026-11-23T09:00:00+08:00')
    const owed = await cloneBacklog(h, 300, (i) => `2026-12-0${1 + (i % 9)}`)
    h.clock.set(SWEEP_DAY)
    const stale = Array.from({ length: 200 }, (_, i) => ({
      ...doneCase,
      _id: `stale${String(i).padStart(4, '0')}`,
      refNo: `${String(doneCase.refNo)}-s${i}`,
      nextCheckOn: `2026-12-0${1 + (i % 9)}`,
    }))
    h.runtime.db.insertMany('cases', stale)
    const outboxBefore = await h.runtime.db.count('outbox')

    const looked = new Map<string, number>()
    const base = h.runtime.db
    const runs: SweepReport[] = []
    // Each run has room for two pages of 30 (the fake clock moves 10 ms per page; the budget is 35 ms).
    for (let run = 0; run < 20; run++) {
      let t = 0
      h.runtime.db = new Proxy(base, {
        get(target, property, receiver) {
          if (property !== 'find') return Reflect.get(target, property, receiver) as unknown
          return async (collection: string, options: FindOptions) => {
            const page = await target.find<{ _id: string }>(collection, options)
            if (collection === 'cases' && options.filter?.nextCheckOn !== undefined) {
              t += 10
              for (const doc of page.items) looked.set(doc._id, (looked.get(doc._id) ?? 0) + 1)
            }
            return page
          }
        },
      })
      runs.push(await runDeadlineSweep(h.runtime, { pageSize: 30, budgetMs: 35, elapsedMs: () => t }))
      h.runtime.db = base
      if (runs.at(-1)!.complete) break
    }
    expect(runs.length).toBeGreaterThan(5)
    expect(runs.slice(0, -1).every((r) => !r.complete && r.pages === 2)).toBe(true)
    const total = (key: 'examined' | 'supervised' | 'conflicts' | 'failures') =>
      runs.reduce((n, r) => n + r[key], 0)
    expect([total('examined'), total('supervised'), total('conflicts'), total('failures')]).toEqual([
      500, 300, 0, 0,
    ])
    expect([...looked.values()].every((n) => n === 1)).toBe(true)
    expect(looked.size).toBe(500)
    expect(await supervisions(h, owed)).toEqual(owed.map(() => 1))
    expect(
      await supervisions(
        h,
        stale.map((s) => s._id),
      ),
    ).toEqual(stale.map(() => 1)) // unchanged: done before
    // One 督办 notice per case owed one (the unit's staff are told once per case), none for the stale ones.
    const sent = (await h.runtime.db.count('outbox')) - outboxBefore
    expect(sent % 300).toBe(0)
    expect(sent).toBeGreaterThan(0)
    expect(await h.runtime.db.count('cases', { nextCheckOn: { $lte: '2026-12-09' } })).toBe(0)
    expect(await runDeadlineSweep(h.runtime)).toMatchObject({ examined: 0, complete: true })
  })

  test('a run starts a page only with room for twice its slowest page: the batch ends inside its budget', async () => {
    await cloneBacklog(h, 100, () => '2026-12-01')
    h.clock.set(SWEEP_DAY)
    // Pages of 10 cases taking 10, 30, 10, 10, 10, 10, 30 … ms on a fake clock; a budget of 100 ms.
    const durations = [10, 30, 10, 10, 10, 10, 30, 10, 10, 10]
    let t = 0
    let page = 0
    const base = h.runtime.db
    h.runtime.db = new Proxy(base, {
      get(target, property, receiver) {
        if (property !== 'find') return Reflect.get(target, property, receiver) as unknown
        return async (collection: string, options: FindOptions) => {
          if (collection === 'cases' && options.filter?.nextCheckOn !== undefined) t += durations[page++]!
          return target.find(collection, options)
        }
      },
    })
    const report = await runDeadlineSweep(h.runtime, { pageSize: 10, budgetMs: 100, elapsedMs: () => t })
    h.runtime.db = base
    // 0–10, 10–40 (slowest: 30), 40–50; at 50 only 50 ms are left, less than 2 × 30: stop.
    expect(report).toMatchObject({ pages: 3, examined: 30, complete: false, slowestPageMs: 30 })
    expect(t).toBeLessThanOrEqual(100)
  })

  test('a run stopped by its budget starts a follow-up, which goes on from the saved cursor until the work is done', async () => {
    await cloneBacklog(h, 250, (i) => `2026-12-0${1 + (i % 3)}`)
    h.clock.set(SWEEP_DAY)
    const started: number[] = []
    h.runtime.followUps = { start: async (_fn, n) => void started.push(n) }
    // Every page appears to take 20 s of real time, so a run of the hourly trigger (45 s) does two pages of 100.
    let offset = 0
    const now = Date.now.bind(Date)
    jest.spyOn(Date, 'now').mockImplementation(() => now() + offset)
    const firstFinds: Array<string | null> = []
    let firstOfRun = true
    const base = h.runtime.db
    h.runtime.db = new Proxy(base, {
      get(target, property, receiver) {
        if (property !== 'find') return Reflect.get(target, property, receiver) as unknown
        return async (collection: string, options: FindOptions) => {
          if (collection === 'cases' && options.filter?.nextCheckOn !== undefined) {
            offset += 20_000
            if (firstOfRun) firstFinds.push(options.after ?? null)
            firstOfRun = false
          }
          return target.find(collection, options)
        }
      },
    })
    const timers = FUNCTIONS.timers!.onTimer!
    const run = async (followUp?: number) => {
      firstOfRun = true
      const event = {
        Type: 'Timer' as const,
        TriggerName: followUp ? 'follow-up' : 'hourly',
        Time: SWEEP_DAY,
      }
      return (await timers(followUp ? { ...event, followUp } : event, h.runtime)) as TimerReport
    }
    const hourly = await run()
    expect(hourly.deadlineSweep).toMatchObject({ examined: 100, pages: 1, complete: false })
    expect(hourly.followUp).toBe(1)
    expect(started).toEqual([1])
    const saved = (await base.get<{ cursor: string }>('jobs', 'deadline-sweep'))!.cursor
    expect(saved).not.toBeNull()

    const second = await run(1)
    expect(firstFinds[1]).toBe(saved) // where the last run stopped, not from the start
    expect(second.deadlineSweep).toMatchObject({ examined: 100, complete: false })
    expect(second.followUp).toBe(2)
    const third = await run(2)
    h.runtime.db = base
    expect(third.deadlineSweep).toMatchObject({ examined: 50, complete: true })
    expect(third.followUp).toBeNull()
    expect(started).toEqual([1, 2])
    expect(await h.runtime.db.count('cases', { nextCheckOn: { $lte: '2026-12-09' } })).toBe(0)
  })

  test('in local mode the scheduler fires the follow-ups, one run after another, until the backlog is drained', async () => {
    const ids = await cloneBacklog(h, 250, (i) => `2026-12-0${1 + (i % 3)}`)
    h.clock.set(SWEEP_DAY)
    let offset = 0
    const now = Date.now.bind(Date)
    jest.spyOn(Date, 'now').mockImplementation(() => now() + offset)
    const base = h.runtime.db
    h.runtime.db = new Proxy(base, {
      get(target, property, receiver) {
        if (property !== 'find') return Reflect.get(target, property, receiver) as unknown
        return async (collection: string, options: FindOptions) => {
          if (collection === 'cases' && options.filter?.nextCheckOn !== undefined) offset += 20_000
          return target.find(collection, options)
        }
      },
    })
    const events: TimerEvent[] = []
    let running = 0
    let overlapped = false
    let chainDone!: () => void
    const drained = new Promise<void>((resolve) => (chainDone = resolve))
    const timers = FUNCTIONS.timers!
    const scheduler = new LocalScheduler(
      {
        timers: {
          ...timers,
          onTimer: async (event, runtime) => {
            events.push(event)
            overlapped ||= running++ > 0
            const report = (await timers.onTimer!(event, runtime).finally(() => running--)) as TimerReport
            if (report.followUp === null) chainDone()
            return report
          },
        },
      },
      h.runtime,
    )
    scheduler.start()
    try {
      await scheduler.fire('timers', 'hourly')
      await drained
    } finally {
      scheduler.stop()
      h.runtime.db = base
    }
    expect(events.map((e) => [e.TriggerName, e.followUp])).toEqual([
      ['hourly', undefined],
      ['follow-up', 1],
      ['follow-up', 2],
    ])
    expect(overlapped).toBe(false)
    expect(h.runtime.followUps).toBeUndefined()
    expect(await supervisions(h, ids)).toEqual(ids.map(() => 1))
  })

  test('a follow-up asked for and not started yet is dropped when the scheduler stops', async () => {
    await cloneBacklog(h, 150, () => '2026-12-01')
    h.clock.set(SWEEP_DAY)
    const events: TimerEvent[] = []
    const timers = FUNCTIONS.timers!
    const scheduler = new LocalScheduler(
      { timers: { ...timers, onTimer: async (event) => void events.push(event) } },
      h.runtime,
    )
    scheduler.start()
    await h.runtime.followUps!.start('timers', 1)
    scheduler.stop()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(events).toEqual([])
  })

  test('a chain of follow-ups stops at its limit; the next trigger starts a new one', async () => {
    await cloneBacklog(h, 250, () => '2026-12-01')
    h.clock.set(SWEEP_DAY)
    const started: number[] = []
    h.runtime.followUps = { start: async (_fn, n) => void started.push(n) }
    // Every page appears to take 20 s: each run does one page and leaves work.
    let offset = 0
    const now = Date.now.bind(Date)
    jest.spyOn(Date, 'now').mockImplementation(() => now() + offset)
    const base = h.runtime.db
    h.runtime.db = new Proxy(base, {
      get(target, property, receiver) {
        if (property !== 'find') return Reflect.get(target, property, receiver) as unknown
        return async (collection: string, options: FindOptions) => {
          if (collection === 'cases' && options.filter?.nextCheckOn !== undefined) offset += 20_000
          return target.find(collection, options)
        }
      },
    })
    const timers = FUNCTIONS.timers!.onTimer!
    const last = (await timers(
      { Type: 'Timer', TriggerName: 'follow-up', Time: SWEEP_DAY, followUp: MAX_FOLLOW_UPS },
      h.runtime,
    )) as TimerReport
    expect(last.deadlineSweep.complete).toBe(false)
    expect(last.followUp).toBeNull()
    const hourly = (await timers(
      { Type: 'Timer', TriggerName: 'hourly', Time: SWEEP_DAY },
      h.runtime,
    )) as TimerReport
    h.runtime.db = base
    expect(hourly.followUp).toBe(1)
    expect(started).toEqual([1])
  })

  test('a second run while one works finds the job busy and does nothing', async () => {
    const ids = await cloneBacklog(h, 150, () => '2026-12-01')
    h.clock.set(SWEEP_DAY)
    const base = h.runtime.db
    let second: SweepReport | undefined
    h.runtime.db = new Proxy(base, {
      get(target, property, receiver) {
        if (property !== 'find') return Reflect.get(target, property, receiver) as unknown
        return async (collection: string, options: FindOptions) => {
          const page = await target.find(collection, options)
          if (collection === 'cases' && options.filter?.nextCheckOn !== undefined && !second) {
            h.runtime.db = base
            second = await runDeadlineSweep(h.runtime)
          }
          return page
        }
      },
    })
    const first = await runDeadlineSweep(h.runtime)
    h.runtime.db = base
    expect(second).toMatchObject({ busy: true, examined: 0, pages: 0 })
    expect(first).toMatchObject({ busy: false, examined: 150, supervised: 150, complete: true })
    expect(await supervisions(h, ids)).toEqual(ids.map(() => 1))
    // The lease was given back: the next run works.
    expect(await runDeadlineSweep(h.runtime)).toMatchObject({ busy: false, examined: 0, complete: true })
  })

  test('a run that outlives its lease is taken over; nothing is done twice and it stops at its next page', async () => {
    const ids = await cloneBacklog(h, 250, () => '2026-12-01')
    h.clock.set(SWEEP_DAY)
    const outboxBefore = await h.runtime.db.count('outbox')
    const base = h.runtime.db
    let takeover: SweepReport | undefined
    h.runtime.db = new Proxy(base, {
      get(target, property, receiver) {
        if (property !== 'find') return Reflect.get(target, property, receiver) as unknown
        return async (collection: string, options: FindOptions) => {
          const page = await target.find(collection, options)
          if (collection === 'cases' && options.filter?.nextCheckOn !== undefined && !takeover) {
            // The first run stalls with its first page in hand, past its lease: another run takes over.
            h.clock.advance(LEASE_GRACE_MS + 60_000)
            h.runtime.db = base
            takeover = await runDeadlineSweep(h.runtime, { budgetMs: 10_000 })
            h.runtime.db = target
          }
          return page
        }
      },
    })
    const stalled = await runDeadlineSweep(h.runtime, { budgetMs: 10_000 })
    h.runtime.db = base
    expect(takeover).toMatchObject({ busy: false, examined: 250, supervised: 250, complete: true })
    // Its page's cases were done meanwhile: each write fails its version check; then saving the cursor fails.
    expect(stalled).toMatchObject({ busy: true, examined: 100, supervised: 0, conflicts: 100, pages: 1 })
    expect(await supervisions(h, ids)).toEqual(ids.map(() => 1))
    const sent = (await h.runtime.db.count('outbox')) - outboxBefore
    expect(sent % 250).toBe(0)
  })
})
