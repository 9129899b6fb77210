// Cases stored before statistics existed (no `statMonths`, no desk fields, no `case_stats`) are given their
// monthly contributions by the timers run before it sums a month (common/stats/backfill.ts): the monthly report
// counts them exactly once — over runs cut short by their budget, with an action writing one of them in between,
// and when the job runs again — they get the same contributions and desk fields they would have had, the months
// before November are summed too, and once the job is done a run costs one read.
import type { CaseDoc } from '../../shared/cases/case-doc'
import type { MonthlyReportView, StatsFigures } from '../../shared/contracts/stats'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { observeDocStore, type DocStoreCall } from '../../cloudfunctions/common/db/observed'
import type { WithId } from '../../cloudfunctions/common/ports'
import {
  BACKFILL_RECORD_ID,
  backfillCaseStats,
  type BackfillRecord,
} from '../../cloudfunctions/common/stats/backfill'
import {
  caseStatId,
  type CaseStatDoc,
  type CaseStatFields,
} from '../../cloudfunctions/common/stats/case-stats'
import { runMonthlyReport } from '../../cloudfunctions/common/stats/monthly-report'
import { run as runStatsCli } from '../../scripts/cli/stats'
import { handleToReply, reportInput, STAFF } from '../support/reports'
import { startHarness, type Harness } from '../support/local-harness'

jest.setTimeout(180_000)

type StoredCase = WithId<CaseDoc & Partial<CaseStatFields>>

let h: Harness
/** What the cases stored before statistics would have had: their contributions and desk fields. */
let expected: { stats: Map<string, CaseStatDoc>; fields: Map<string, CaseStatFields> }
let oldCases: string[]
/** Those of them not yet accepted. */
let unaccepted: string[]
let newCases: string[]

const getCase = async (id: string) => (await h.runtime.db.get<StoredCase>(COLLECTIONS.cases, id))!

/** Every stored contribution of the cases, by id. */
async function contributionsOf(caseIds: readonly string[]): Promise<Map<string, CaseStatDoc>> {
  const found = new Map<string, CaseStatDoc>()
  for (const id of caseIds) {
    for (const month of (await getCase(id)).statMonths ?? []) {
      const {
        _id,
        _version: _,
        ...doc
      } = (await h.runtime.db.get<CaseStatDoc>(COLLECTIONS.caseStats, caseStatId(id, month)))!
      found.set(_id, doc)
    }
  }
  return found
}

/** Stores a case as it was before statistics existed: no months, no desk fields, no contributions. */
async function storeAsBeforeStatistics(id: string): Promise<void> {
  const doc = await getCase(id)
  for (const month of doc.statMonths ?? [])
    await h.runtime.db.remove(COLLECTIONS.caseStats, caseStatId(id, month))
  await h.runtime.db.update<CaseStatFields>(
    COLLECTIONS.cases,
    id,
    { statMonths: undefined, statDigests: undefined, oversight: undefined },
    doc._version,
  )
}

const report = () => h.ok<MonthlyReportView>('stats', 'monthlyReport', { month: '2026-11' }, STAFF.supervisor)
const record = () => h.runtime.db.get<BackfillRecord>(COLLECTIONS.jobs, BACKFILL_RECORD_ID)

beforeEach(async () => {
  // One case in October and five in November (two replied), all stored before statistics existed; two more
  // in November filed with statistics.
  h = await startHarness({ now: '2026-10-28T09:00:00+08:00' })
  const file = async (key: string) =>
    (await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), key)).caseId
  oldCases = [await file('old-october')]
  h.clock.set('2026-11-02T09:00:00+08:00')
  for (let i = 0; i < 5; i++) {
    const caseId = await file(`old-${i}`)
    if (i < 2) await handleToReply(h, caseId)
    oldCases.push(caseId)
    h.clock.advance(24 * 3_600_000)
  }
  unaccepted = oldCases.filter((_, i) => i === 0 || i > 2)
  expected = { stats: await contributionsOf(oldCases), fields: new Map() }
  for (const id of oldCases) {
    const { statMonths, statDigests, oversight } = await getCase(id)
    expected.fields.set(id, { statMonths: statMonths!, statDigests: statDigests!, oversight: oversight! })
    await storeAsBeforeStatistics(id)
  }
  newCases = [await file('new-0'), await file('new-1')]
})
afterEach(async () => {
  await h.close()
})

/** What the operator CLI prints for November (in-process). */
const cli = () =>
  runStatsCli(['--data-dir', h.dataDir, '--deployment', 'jiaozuo', '--month', '2026-11']) as Promise<{
    complete: boolean
    total: { received: number }
  }>

test('the monthly report counts the cases stored before statistics, once; running again changes nothing', async () => {
  expect(await contributionsOf(oldCases)).toEqual(new Map())
  // Before the backfill, the CLI says its figures lack them.
  expect(await cli()).toMatchObject({ complete: false, total: { received: 2 } })
  const newVersions = await Promise.all(newCases.map(async (id) => (await getCase(id))._version))

  // The job alone (a timers run would first have the sweep write the overdue cases, with their statistics).
  h.clock.set('2026-12-01T00:05:00+08:00')
  expect(await runMonthlyReport(h.runtime)).toMatchObject({
    report: 'produced',
    backfill: { examined: 6, written: 6, failures: 0, done: true },
    // As every timer job reports: nothing left for a follow-up run.
    complete: true,
    busy: false,
    failures: 0,
  })
  const produced = await report()
  expect(produced.report.total.received).toBe(7)
  expect(produced.report.total.closed).toBe(2)

  // Each case stored before statistics has the contributions and desk fields a write would have given it; the
  // cases filed with statistics were not written again.
  expect(await contributionsOf(oldCases)).toEqual(expected.stats)
  for (const id of oldCases) {
    const { statMonths, statDigests, oversight } = await getCase(id)
    expect({ statMonths, statDigests, oversight }).toEqual(expected.fields.get(id))
  }
  expect(await Promise.all(newCases.map(async (id) => (await getCase(id))._version))).toEqual(newVersions)
  expect(await record()).toMatchObject({ done: true, months: ['2026-10', '2026-11'], casesFailed: 0 })
  expect(await cli()).toMatchObject({ complete: true, total: { received: 7 } })

  // October, summed before nothing had its contributions, now holds its case.
  const october = await h.ok<StatsFigures>(
    'stats',
    'figures',
    { from: '2026-10', to: '2026-10' },
    STAFF.supervisor,
  )
  expect(october.pending).toEqual([])
  expect(october.breakdown.total.received).toBe(1)

  // The job run again from scratch finds nothing to do; the month summed again counts the same.
  await h.runtime.db.remove(COLLECTIONS.jobs, BACKFILL_RECORD_ID)
  await h.runtime.db.remove(COLLECTIONS.reports, 'monthly-2026-11')
  await h.runtime.db.remove(COLLECTIONS.statsMonths, 'month-2026-11')
  const versions = await Promise.all(oldCases.map(async (id) => (await getCase(id))._version))
  h.clock.set('2026-12-01T01:05:00+08:00')
  const again = await runMonthlyReport(h.runtime)
  expect(again).toMatchObject({ report: 'produced', backfill: { examined: 0, written: 0 } })
  expect(await Promise.all(oldCases.map(async (id) => (await getCase(id))._version))).toEqual(versions)
  expect((await report()).report).toEqual(produced.report)
})

test('over runs cut short by their budget, with an action writing a case in between, each case counts once', async () => {
  h.clock.set('2026-12-01T00:05:00+08:00')
  // Each run may work through one page of one item; the report waits until every case has its contributions.
  const cutRun = () => {
    let pages = 0
    return runMonthlyReport(h.runtime, { pageSize: 1, budgetMs: 1, elapsedMs: () => (pages++ < 1 ? 0 : 10) })
  }
  const first = await cutRun()
  expect(first).toMatchObject({ report: 'summing', backfill: { written: 1, complete: false } })
  // Work done and left: the timers run starts a follow-up (timers/handlers.ts workLeft).
  expect(first).toMatchObject({ complete: false, busy: false, examined: 1, pages: 1 })
  // An officer takes up a case not yet given its contributions: that write stores them itself.
  const left = (await Promise.all(oldCases.map(getCase))).filter((c) => c.statMonths === undefined)
  expect(left).toHaveLength(oldCases.length - 1)
  const taken = left.find((c) => unaccepted.includes(c._id))!._id
  await h.act(STAFF.supervisor, taken, { type: 'accept' })
  const takenVersion = (await getCase(taken))._version

  let runs = 1
  let outcome = first.report
  while (outcome === 'summing' && runs < 60) {
    outcome = (await cutRun()).report
    runs++
  }
  expect(outcome).toBe('produced')
  expect((await getCase(taken))._version).toBe(takenVersion)
  const resumed = await report()
  expect(resumed.report.total.received).toBe(7)
  expect(resumed.report.total.accepted).toBe(2) // the third acceptance is December's

  // The same month summed in one go, in one run, gives the same report.
  await h.runtime.db.remove(COLLECTIONS.reports, 'monthly-2026-11')
  await h.runtime.db.remove(COLLECTIONS.statsMonths, 'month-2026-11')
  h.clock.set('2026-12-01T01:05:00+08:00')
  expect((await runMonthlyReport(h.runtime)).report).toBe('produced')
  expect((await report()).report).toEqual(resumed.report)
})

test('a case an action writes after the backfill read its page is left to that write', async () => {
  h.clock.set('2026-12-01T00:05:00+08:00')
  const db = h.runtime.db
  const versions = new Map(
    await Promise.all(oldCases.map(async (id) => [id, (await getCase(id))._version] as const)),
  )
  let raced: string | undefined
  const racing = Object.create(db) as typeof db
  racing.find = async (collection, options) => {
    const page = await db.find(collection, options)
    if (collection === COLLECTIONS.cases && options.filter?.statMonths === null && !raced) {
      raced = page.items.find((c) => unaccepted.includes(c._id))!._id
      await h.act(STAFF.supervisor, raced, { type: 'accept' })
    }
    return page as never
  }
  const run = await backfillCaseStats({ ...h.runtime, db: racing })
  expect(run).toMatchObject({ examined: 6, written: 5, failures: 0, complete: true })
  const after = await getCase(raced!)
  expect(after.history.at(-1)!.event.type).toBe('accept')
  expect(after._version).toBe(versions.get(raced!)! + 1) // accepted, and nothing more
  expect((await runMonthlyReport(h.runtime)).report).toBe('produced')
  expect((await report()).report.total.received).toBe(7)
})

test('once done, a run of the backfill costs one read', async () => {
  h.clock.set('2026-12-01T00:05:00+08:00')
  await h.fireTimer('timers')
  expect(await record()).toMatchObject({ done: true })
  const calls: DocStoreCall[] = []
  const observed = { ...h.runtime, db: observeDocStore(h.runtime.db, (call) => calls.push(call)) }
  expect(await backfillCaseStats(observed)).toMatchObject({ done: true, examined: 0 })
  expect(calls).toEqual([{ op: 'get', inTransaction: false, collection: COLLECTIONS.jobs }])
})
