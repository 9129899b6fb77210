// The monthly report (S0 第十八条: 每月10日前…报市执法支队) is produced by the hourly timers run once the month is
// over: once (a second run stores nothing new and sends nothing twice), resumably (a month summed over several
// runs cut short by their budget gives the same report), before the 10th — and, when the system was down until
// after the 10th, produced all the same and marked late.
import type { MonthlyReportView, StatsFigures } from '../../shared/contracts/stats'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { runMonthlyReport } from '../../cloudfunctions/common/stats/monthly-report'
import { monthDocId, type MonthDoc } from '../../cloudfunctions/common/stats/months'
import { handleToReply, reportInput, STAFF } from '../support/reports'
import { startHarness, type Harness } from '../support/local-harness'

jest.setTimeout(120_000)

let h: Harness
beforeEach(async () => {
  h = await startHarness({ now: '2026-11-02T09:00:00+08:00' })
  for (let i = 0; i < 5; i++) {
    const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), `monthly-${i}`)
    if (i < 2) await handleToReply(h, caseId)
    h.clock.advance(24 * 3_600_000)
  }
})
afterEach(async () => {
  await h.close()
})

const reportOf = () =>
  h.ok<MonthlyReportView>('stats', 'monthlyReport', { month: '2026-11' }, STAFF.supervisor)
const reportNotices = async () =>
  // the outbox keeps each message under its dedupe key
  (
    await h.runtime.db.find<object>(COLLECTIONS.outbox, {
      filter: { to: STAFF.supervisor },
      orderBy: [['createdAt', 'desc']],
      limit: 100,
    })
  ).items.filter((m) => m._id.startsWith('report:2026-11:'))

test('produced once on the first run of December and sent up; later runs store and send nothing new', async () => {
  // Still November: last month's (October's) report, empty; no November report yet.
  h.clock.set('2026-11-30T23:05:00+08:00')
  await h.fireTimer('timers')
  expect(
    (await h.call<{ ok: boolean }>('stats', 'monthlyReport', { month: '2026-11' }, STAFF.supervisor)).body.ok,
  ).toBe(false)
  h.clock.set('2026-12-01T00:05:00+08:00')
  await h.fireTimer('timers')
  const report = await reportOf()
  expect(report).toMatchObject({ month: '2026-11', dueOn: '2026-12-10', late: false, sent: true })
  expect(report.producedAt).toBe('2026-12-01T00:05:00+08:00')
  expect(report.report.total.received).toBe(5)
  expect(report.report.total.closed).toBe(2)
  expect(await reportNotices()).toHaveLength(1)

  const snapshot = await h.snapshot()
  for (const hour of ['01', '02']) {
    h.clock.set(`2026-12-01T${hour}:05:00+08:00`)
    expect(await runMonthlyReport(h.runtime)).toMatchObject({ month: '2026-11', report: 'already-sent' })
  }
  expect(await reportOf()).toEqual(report)
  expect(await reportNotices()).toHaveLength(1)
  expect((await h.snapshot()).reports).toBe(snapshot.reports)
})

test('summed over several runs cut short by their budget, it is the same report', async () => {
  h.clock.set('2026-12-01T00:05:00+08:00')
  // Each run may read one page of one contribution.
  let runs = 0
  let outcome = ''
  do {
    let pages = 0
    const result = await runMonthlyReport(h.runtime, {
      pageSize: 1,
      budgetMs: 1,
      elapsedMs: () => (pages++ < 1 ? 0 : 10),
    })
    outcome = result.report
    runs++
  } while (outcome === 'summing' && runs < 50)
  expect(outcome).toBe('produced')
  expect(runs).toBeGreaterThan(3)
  const resumed = await reportOf()
  // A month summed in one go, in a fresh store with the same cases, gives the same figures.
  const fresh = await h.runtime.db.get<{ report: MonthlyReportView['report'] }>(
    COLLECTIONS.reports,
    'monthly-2026-11',
  )
  expect(fresh!.report.total.received).toBe(5)
  await h.runtime.db.remove(COLLECTIONS.reports, 'monthly-2026-11')
  await h.runtime.db.remove(COLLECTIONS.statsMonths, 'month-2026-11')
  h.clock.set('2026-12-01T01:05:00+08:00')
  expect((await runMonthlyReport(h.runtime)).report).toBe('produced')
  expect((await reportOf()).report).toEqual(resumed.report)
})

test('a pass of the month begun before it ended is not the report: a change after it was read is counted', async () => {
  h.clock.set('2026-11-30T23:00:00+08:00')
  await runMonthlyReport(h.runtime)
  // 23:05: the hourly run's live pass over November reads 4 of its 5 contributions and stops at its budget.
  h.clock.set('2026-11-30T23:05:00+08:00')
  let calls = 0
  const cut = await runMonthlyReport(h.runtime, {
    pageSize: 1,
    budgetMs: 1,
    // The run's own check, then the start and end of each of 4 pages.
    elapsedMs: () => (calls++ < 9 ? 0 : 10),
  })
  expect(cut.currentMonthFresh).toBe(false)
  const month = await h.runtime.db.get<MonthDoc>(COLLECTIONS.statsMonths, monthDocId('2026-11'))
  expect(month?.pass?.contributions).toBe(4)
  const read = await h.runtime.db.find<{ caseId: string }>(COLLECTIONS.caseStats, {
    filter: { month: '2026-11' },
    limit: 4,
  })
  // 23:30: a case among those read is accepted, still in November.
  let accepted = 0
  for (const { caseId } of read.items) {
    const status = (await h.ok<{ status: string }>('staff', 'getCase', { caseId }, STAFF.supervisor)).status
    if (accepted === 0 && status === 'registered') {
      h.clock.set('2026-11-30T23:30:00+08:00')
      await h.act(STAFF.supervisor, caseId, { type: 'accept' })
      accepted++
    }
  }
  expect(accepted).toBe(1)
  h.clock.set('2026-12-01T00:05:00+08:00')
  expect((await runMonthlyReport(h.runtime)).report).toBe('produced')
  expect((await reportOf()).report.total.accepted).toBe(3)
})

test('months nobody has summed are summed when first asked for; a later month stays pending', async () => {
  // Before any hourly run: September and October (before the system) and November (under way) have no cells.
  const figures = await h.ok<StatsFigures>(
    'stats',
    'figures',
    { from: '2026-09', to: '2026-12' },
    STAFF.supervisor,
  )
  expect(figures.pending).toEqual(['2026-12'])
  expect(figures.breakdown.total.received).toBe(5)
})

test('a report the system could only produce after the 10th is produced all the same, and marked late', async () => {
  h.clock.set('2026-12-12T08:05:00+08:00')
  await h.fireTimer('timers')
  expect(await reportOf()).toMatchObject({ month: '2026-11', late: true, sent: true })
})
