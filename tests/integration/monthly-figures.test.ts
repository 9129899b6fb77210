// The monthly figures the public page, the trends and the quarterly report read (monthlyFiguresFor,
// common/analysis/monthly-figures.ts) are the months' statistics summed by county × category. Checked here through
// the real functions on the SQLite store against a recount from the stored cases that uses nothing of shared/stats
// or shared/analysis — each event counted in the Shanghai month it happened in, so a report received in November
// and replied to in December is November's received and December's closed — for a finished month (published once
// it is over, S1 第十三条; only from a pass begun after it ended) and for the month under way (from its latest pass).
import { shanghaiDateOf } from '../../shared/calendar'
import type { CaseDoc } from '../../shared/cases/case-doc'
import type { QuarterlyReportState, TrendFigures } from '../../shared/contracts/analysis'
import type { PublicDisclosure } from '../../shared/contracts/public'
import type { MonthlyReportView } from '../../shared/contracts/stats'
import { caseClocks } from '../../shared/deadlines'
import { getPolicyProfile } from '../../shared/policy'
import type { MonthlyFigureRow, MonthlyFigures } from '../../shared/analysis/figures'
import { monthlyFiguresFor } from '../../cloudfunctions/common/analysis/monthly-figures'
import { calendarFor } from '../../cloudfunctions/common/calendar'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { emptyMeter } from '../../cloudfunctions/common/resumable-count'
import { BACKFILL_RECORD_ID } from '../../cloudfunctions/common/stats/backfill'
import { monthDocId, type MonthDoc } from '../../cloudfunctions/common/stats/months'
import { startHarness, type Harness } from '../support/local-harness'
import { fileMonthOfReports, type MonthOfReports } from '../support/disclosure'
import { handleToReply, reportInput, STAFF } from '../support/reports'

jest.setTimeout(60_000)

let h: Harness
let month: MonthOfReports

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
  month = await fileMonthOfReports(h)
})
afterAll(async () => {
  await h?.close()
})

const MEASURES = ['received', 'accepted', 'closed', 'closedOnTime', 'rated', 'satisfied'] as const
type Counts = Record<(typeof MEASURES)[number], number>
const none = (): Counts => ({ received: 0, accepted: 0, closed: 0, closedOnTime: 0, rated: 0, satisfied: 0 })

/** Every case document, page by page (the test reads the store directly; the functions never do this). */
async function allCases(): Promise<CaseDoc[]> {
  const docs: CaseDoc[] = []
  let after: string | null = null
  do {
    const page: { items: CaseDoc[]; next: string | null } = await h.runtime.db.find<CaseDoc>(
      COLLECTIONS.cases,
      { limit: 100, after },
    )
    docs.push(...page.items)
    after = page.next
  } while (after)
  return docs
}

/**
 * A month's figures recounted from the stored histories, by `<division code>|<category>`: received on the day of
 * receipt, accepted on the day of the (first) acceptance, closed on the day the written reply completed the handling
 * clock (on time: its metDeadline), rated and 满意 (4 or 5 stars) on the day of the rating.
 */
async function recount(m: string): Promise<Record<string, Counts>> {
  const calendar = await calendarFor(h.runtime)
  const inMonth = (iso: string) => shanghaiDateOf(iso).startsWith(m)
  const out: Record<string, Counts> = {}
  for (const doc of await allCases()) {
    const c = none()
    const first = doc.history[0]!
    if (first.event.type === 'register' && inMonth(first.event.receivedAt)) c.received++
    const accept = doc.history.find((e) => e.event.type === 'accept')
    if (accept && inMonth(accept.at)) c.accepted++
    const profile = getPolicyProfile(doc.profile.id, doc.profile.version)
    const clocks = caseClocks({ profile, calendar, history: doc.history, asOf: null })
    const handling = clocks.find((k) => k.clock === 'handling')
    if (handling?.state === 'completed' && inMonth(handling.completedAt!)) {
      c.closed++
      if (handling.metDeadline) c.closedOnTime++
    }
    for (const { at, event } of doc.history) {
      if (
        (event.type === 'rate-reply' || event.type === 'accept-reply') &&
        event.rating !== null &&
        inMonth(at)
      ) {
        c.rated++
        if (event.rating >= 4) c.satisfied++
      }
    }
    if (MEASURES.every((k) => c[k] === 0)) continue
    const key = `${doc.regionCode ?? ''}|${doc.category}`
    const into = (out[key] ??= none())
    for (const k of MEASURES) into[k] += c[k]
  }
  return out
}

const byKey = (rows: readonly MonthlyFigureRow[]): Record<string, Counts> =>
  Object.fromEntries(
    rows.map((r) => [
      `${r.regionCode ?? ''}|${r.category}`,
      Object.fromEntries(MEASURES.map((k) => [k, r[k]])),
    ]),
  ) as Record<string, Counts>

const totals = (cells: Record<string, Counts>): Counts =>
  Object.values(cells).reduce((sum, c) => {
    for (const k of MEASURES) sum[k] += c[k]
    return sum
  }, none())

const storedMonth = (m: string) => h.runtime.db.get<MonthDoc>(COLLECTIONS.statsMonths, monthDocId(m))

describe('a finished month', () => {
  test('is summed afresh when its stored pass began before it ended: a report of its last half hour counts', async () => {
    // The last hourly run of November sums the month so far.
    h.clock.set('2026-11-30T23:05:00+08:00')
    await h.fireTimer('timers')
    h.clock.set('2026-11-30T23:30:00+08:00')
    await h.ok(
      'cases',
      'submitReport',
      reportInput({
        category: 'solid-waste',
        description: '小区北侧空地夜里有人倾倒建筑垃圾，已经堆了好几车。',
        reporter: { mode: 'anonymous' },
      }),
      'rep-late-november',
    )
    // Just after midnight, before the hourly run: the stored pass is from before the month ended.
    h.clock.set('2026-12-01T00:01:00+08:00')
    expect(await storedMonth('2026-11')).toMatchObject({ passStartedAt: '2026-11-30T23:05:00+08:00' })

    const figures = (await monthlyFiguresFor(h.runtime, '2026-11'))!
    expect(figures).toMatchObject({
      month: '2026-11',
      source: 'monthly-report',
      countedAt: '2026-12-01T00:01:00+08:00',
    })
    const recounted = await recount('2026-11')
    expect(byKey(figures.rows)).toEqual(recounted)
    expect(totals(recounted)).toEqual({
      received: 4,
      accepted: 2,
      closed: 1,
      closedOnTime: 1,
      rated: 1,
      satisfied: 1,
    })
  })

  test('waits while cases stored before statistics have not been given theirs', async () => {
    const record = (await h.runtime.db.get<object>(COLLECTIONS.jobs, BACKFILL_RECORD_ID))!
    await h.runtime.db.remove(COLLECTIONS.jobs, BACKFILL_RECORD_ID)
    try {
      expect(await monthlyFiguresFor(h.runtime, '2026-11')).toBeNull()
    } finally {
      const { _id, _version, ...fields } = record as { _id: string; _version: number }
      void _version
      await h.runtime.db.insert(COLLECTIONS.jobs, { _id, ...fields })
    }
    expect(await monthlyFiguresFor(h.runtime, '2026-11')).not.toBeNull()
  })

  test('is published by the hourly run with the figures of the monthly report sent up', async () => {
    h.clock.set('2026-12-01T00:05:00+08:00')
    const run = (await h.fireTimer('timers')) as { publications: { disclosures: Record<string, string> } }
    expect(run.publications.disclosures['2026-11']).toBe('published')
    const page = await h.ok<PublicDisclosure>('public', 'disclosure', { month: '2026-11' }, null)
    const recounted = totals(await recount('2026-11'))
    expect(page.figures!.totals).toMatchObject(recounted)
    const report = await h.ok<MonthlyReportView>(
      'stats',
      'monthlyReport',
      { month: '2026-11' },
      STAFF.supervisor,
    )
    expect(report.report.total).toMatchObject({
      received: recounted.received,
      accepted: recounted.accepted,
      closed: recounted.closed,
      closedOnTime: recounted.closedOnTime,
      satisfaction: { rated: recounted.rated, satisfied: recounted.satisfied },
    })
  })

  test('a pass cut short by the budget answers null, goes on where it stopped and reads each contribution once', async () => {
    await h.runtime.db.remove(COLLECTIONS.statsMonths, monthDocId('2026-11'))
    const meter = emptyMeter()
    let figures: MonthlyFigures | null = null
    let calls = 0
    while (!figures && calls < 20) {
      let spent = 0
      figures = await monthlyFiguresFor(h.runtime, '2026-11', {
        pageSize: 1,
        budgetMs: 1,
        elapsedMs: () => spent++,
        meter,
      })
      calls++
    }
    const contributions = await h.runtime.db.count(COLLECTIONS.caseStats, { month: '2026-11' })
    expect(contributions).toBe(4)
    // One page of one contribution per call at most.
    expect(calls).toBeGreaterThanOrEqual(contributions)
    expect(meter.examined).toBe(contributions)
    expect(byKey(figures!.rows)).toEqual(await recount('2026-11'))
  })
})

describe('the month under way', () => {
  test('reads its latest pass, and December’s reply to a November report is December’s', async () => {
    h.clock.set('2026-12-01T09:00:00+08:00')
    await handleToReply(h, month.air.caseId)
    // The hourly run of 00:05 summed December before the reply: the figures stand as of that pass.
    expect(await monthlyFiguresFor(h.runtime, '2026-12')).toEqual({
      month: '2026-12',
      rows: [],
      source: 'monthly-report',
      countedAt: '2026-12-01T00:05:00+08:00',
    })
    await h.fireTimer('timers')
    const figures = (await monthlyFiguresFor(h.runtime, '2026-12'))!
    expect(Date.parse(figures.countedAt)).toBe(h.runtime.clock.now().getTime())
    const recounted = await recount('2026-12')
    expect(byKey(figures.rows)).toEqual(recounted)
    expect(totals(recounted)).toEqual({
      received: 0,
      accepted: 1,
      closed: 1,
      closedOnTime: 1,
      rated: 0,
      satisfied: 0,
    })
  })

  test('is summed on first asking when it has no pass yet', async () => {
    await h.runtime.db.remove(COLLECTIONS.statsMonths, monthDocId('2026-12'))
    const figures = (await monthlyFiguresFor(h.runtime, '2026-12'))!
    expect(byKey(figures.rows)).toEqual(await recount('2026-12'))
  })

  test('the quarter’s report reads November as published and December so far', async () => {
    const state = await h.ok<QuarterlyReportState>(
      'analysis',
      'generateQuarterlyReport',
      { quarter: '2026Q4' },
      STAFF.leader,
    )
    const report = state.status === 'ready' ? state.report : null
    const recounted = totals({ ...(await recount('2026-11')), ...prefixed(await recount('2026-12')) })
    expect(report!.totals).toMatchObject(recounted)
    expect(report!.totals).toMatchObject({ received: 4, accepted: 3, closed: 2 })
  })
})

describe('the month after', () => {
  test('December is published at the new year and the trend reads both months as recounted', async () => {
    h.clock.set('2027-01-01T00:05:00+08:00')
    await h.fireTimer('timers')
    const page = await h.ok<PublicDisclosure>('public', 'disclosure', { month: '2026-12' }, null)
    expect(page.figures!.totals).toMatchObject(totals(await recount('2026-12')))
    expect(page.figures!.byCounty.find((c) => c.name === '山阳区')).toMatchObject({ received: 0, closed: 1 })
    const trends = await h.ok<TrendFigures>('analysis', 'trends', { months: 12 }, STAFF.supervisor)
    expect(trends.months.map((m) => m.month)).toEqual(['2026-11', '2026-12'])
    for (const figures of trends.months) expect(byKey(figures.rows)).toEqual(await recount(figures.month))
  })
})

/** The same cells under other keys, so two months' recounts add up instead of replacing each other. */
function prefixed(cells: Record<string, Counts>): Record<string, Counts> {
  return Object.fromEntries(Object.entries(cells).map(([k, v]) => [`next:${k}`, v]))
}
