// Maps, trends and the quarterly analysis report through the real functions: the map of open cases follows each
// staff member's units and colours each case by its clocks; the quarterly report (S0 第十五条, S3 第十九条) is made
// on demand for a running quarter and by the timer once the quarter is over — once, resumable, counting every
// report exactly once however often the count is cut short — and its document holds nothing of a reporter.
import type {
  MapPoint,
  QuarterlyReportState,
  ReportDocumentLink,
  TrendFigures,
} from '../../shared/contracts/analysis'
import type { CasePage } from '../../shared/contracts/cases'
import { quarterlyReportFor } from '../../cloudfunctions/common/analysis/quarterly'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { PublicationsReport } from '../../cloudfunctions/timers/publications'
import { startHarness, type Harness } from '../support/local-harness'
import { fileMonthOfReports, reporterValuesIn, type MonthOfReports } from '../support/disclosure'
import { STAFF } from '../support/reports'

jest.setTimeout(60_000)

type Err = { ok: false; error: { code: string; message: string } }
let h: Harness
let month: MonthOfReports

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
  month = await fileMonthOfReports(h)
})
afterAll(async () => {
  await h?.close()
})

async function allPoints(openid: string): Promise<MapPoint[]> {
  const points: MapPoint[] = []
  let cursor: string | null = null
  do {
    const page: CasePage<MapPoint> = await h.ok('analysis', 'openCaseMap', { cursor, limit: 1 }, openid)
    points.push(...page.items)
    cursor = page.next
  } while (cursor)
  return points
}

/** What every count job has folded so far, by id. */
async function countedByCountJobs(): Promise<Map<string, number>> {
  const jobs = await h.runtime.db.find<{ kind?: string; counted?: number }>(COLLECTIONS.jobs, { limit: 100 })
  return new Map(jobs.items.filter((j) => j.kind === 'count').map((j) => [j._id, j.counted ?? 0]))
}

describe('the map of open cases', () => {
  test('each staff member sees the open cases of their units, page by page, with tone and due date', async () => {
    const supervisor = await allPoints(STAFF.supervisor)
    // The noise case is closed (rated and accepted): only the water and air reports are open.
    expect(supervisor.map((p) => p.refNo).sort()).toEqual([month.water.refNo, month.air.refNo].sort())
    const officer = await allPoints(STAFF.officer)
    expect(officer.map((p) => p.refNo)).toEqual([month.air.refNo])
    expect(officer[0]).toMatchObject({ category: 'air', tone: 'on-track', statusLabel: '已登记' })
    expect(officer[0]!.due).toMatch(/^2026-1[12]-\d\d$/)
  })

  test('posts without case duty (系统管理员, 奖励管理员 of the bureau above every unit) see no case on the map', async () => {
    for (const openid of ['dev-admin', 'dev-reward-admin']) {
      expect({ openid, points: await allPoints(openid) }).toEqual({ openid, points: [] })
    }
  })

  test('a case past its acceptance date is overdue on the map', async () => {
    h.clock.set('2026-12-20T09:00:00+08:00')
    const [air] = await allPoints(STAFF.officer)
    expect(air).toMatchObject({ refNo: month.air.refNo, tone: 'overdue' })
    h.clock.set('2026-11-24T12:00:00+08:00')
  })

  test('the analysis is for the posts that answer for the work', async () => {
    const res = await h.call<Err>('analysis', 'trends', {}, STAFF.officer)
    expect(res.body.error.code).toBe('FORBIDDEN')
  })
})

describe('the quarterly analysis report', () => {
  test('on demand for the running quarter: counted to date, stored, its document audited and clean', async () => {
    // The figures are the months' statistics, kept by the hourly run: its last run in November summed the month so
    // far; on 1 December November is summed afresh (a pass from before the month ended may lack its last hours) and
    // December so far.
    h.clock.set('2026-11-30T23:05:00+08:00')
    await h.fireTimer('timers')
    h.clock.set('2026-12-01T10:00:00+08:00')
    const state = await h.ok<QuarterlyReportState>(
      'analysis',
      'generateQuarterlyReport',
      { quarter: '2026Q4' },
      STAFF.leader,
    )
    expect(state.status).toBe('ready')
    const report = state.status === 'ready' ? state.report : null
    expect(report).toMatchObject({
      quarter: '2026Q4',
      title: '2026年第四季度生态环境举报投诉分析报告',
      complete: false,
      totals: { received: 3, closed: 1, closedOnTime: 1 },
    })
    expect(report!.hotspots.reduce((n, s) => n + s.count, 0)).toBe(3)
    expect(report!.charts.map((c) => c.key)).toEqual(['trend', 'rates', 'by-category', 'by-county'])

    h.clock.advance(60_000)
    const link = await h.ok<ReportDocumentLink>(
      'analysis',
      'quarterlyReportDocument',
      { quarter: '2026Q4' },
      STAFF.head,
    )
    const file = await h.app.inject({ method: 'GET', url: link.url })
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toContain('text/html')
    expect(file.body).toContain('<svg')
    expect(file.body).toContain('2026年第四季度生态环境举报投诉分析报告')
    expect(reporterValuesIn(file.body, month.reporterValues)).toEqual([])
    expect(reporterValuesIn(report, month.reporterValues)).toEqual([])

    const audits = await h.runtime.db.find<{ action: string; staffName: string }>(COLLECTIONS.audit, {
      filter: { subject: 'quarter-2026Q4' },
      orderBy: [['at', 'desc']],
      limit: 10,
    })
    expect(audits.items.map((a) => [a.action, a.staffName])).toEqual([
      ['download-analysis-report', '李娜'],
      ['generate-analysis-report', '赵国强'],
    ])
  })

  test('a quarter not begun is refused; an officer may not generate', async () => {
    const early = await h.call<Err>(
      'analysis',
      'generateQuarterlyReport',
      { quarter: '2027Q2' },
      STAFF.leader,
    )
    expect(early.body.error.code).toBe('VALIDATION_FAILED')
    const officer = await h.call<Err>(
      'analysis',
      'generateQuarterlyReport',
      { quarter: '2026Q4' },
      STAFF.officer,
    )
    expect(officer.body.error.code).toBe('FORBIDDEN')
  })

  test('the timer publishes the months and produces the finished quarter once', async () => {
    h.clock.set('2027-01-01T00:05:00+08:00')
    // November and December were never published (no run since): both are now (October, before the first report,
    // is not), and the quarter's report is made.
    const countedBefore = await countedByCountJobs()
    const first = (await h.fireTimer('timers')) as { publications: PublicationsReport }
    expect(first.publications).toMatchObject({
      disclosures: { '2026-10': 'before-first-report', '2026-11': 'published', '2026-12': 'published' },
      quarter: '2026Q4',
      quarterlyReport: 'produced',
      complete: true,
      busy: false,
      failures: 0,
      conflicts: 0,
    })
    // Reported like every paged job: what its counts folded in this run, as their stored counts tell (the
    // quarter's tally of the three reports at least, counted afresh now that the quarter is over). The months'
    // statistics were all summed since each ended (November on demand, December by the monthly report's job), so
    // the publications summed none again.
    const countedAfter = await countedByCountJobs()
    const folded = [...countedAfter].reduce((n, [id, c]) => n + c - (countedBefore.get(id) ?? 0), 0)
    expect(countedAfter.get('quarter-tally-2026Q4')).toBe(3)
    expect(first.publications.examined).toBe(folded)
    expect(first.publications.pages).toBeGreaterThanOrEqual(1)
    const again = (await h.fireTimer('timers')) as { publications: PublicationsReport }
    expect(again.publications).toEqual({
      disclosures: {
        '2026-10': 'before-first-report',
        '2026-11': 'already-published',
        '2026-12': 'already-published',
      },
      quarter: '2026Q4',
      quarterlyReport: 'already-produced',
      examined: 0,
      conflicts: 0,
      failures: 0,
      complete: true,
      busy: false,
      pages: 0,
      slowestPageMs: 0,
    })
    const report = await h.ok<{ complete: boolean; totals: { received: number } }>(
      'analysis',
      'quarterlyReport',
      { quarter: '2026Q4' },
      STAFF.supervisor,
    )
    expect(report).toMatchObject({ complete: true })
    const trends = await h.ok<TrendFigures>('analysis', 'trends', { months: 12 }, STAFF.supervisor)
    expect(trends.months.map((m) => m.month)).toEqual(['2026-11', '2026-12'])
    expect(trends.months[0]!.rows.reduce((n, r) => n + r.received, 0)).toBe(3)
  })

  test('a count cut short after every page resumes where it stopped and counts every report once', async () => {
    // Back in the running quarter on a new day: its tally is counted afresh (quarter-tally-2026Q4@2026-12-02),
    // here with a budget that allows one page of one report per call.
    h.clock.set('2026-12-02T10:00:00+08:00')
    await h.runtime.db.remove(COLLECTIONS.analysisReports, 'quarter-2026Q4')
    let pages = 0
    let state: QuarterlyReportState = { status: 'counting', counted: 0 }
    for (let call = 0; call < 20 && state.status === 'counting'; call++) {
      let spent = 0
      state = await quarterlyReportFor(h.runtime, '2026Q4', {
        pageSize: 1,
        budgetMs: 1,
        elapsedMs: () => spent++,
      })
      pages++
    }
    expect(state.status).toBe('ready')
    // One page of one report per call at least: three reports take three calls or more.
    expect(pages).toBeGreaterThanOrEqual(3)
    const report = state.status === 'ready' ? state.report : null
    expect(report!.hotspots.reduce((n, s) => n + s.count, 0)).toBe(3)
    expect(report!.totals.received).toBe(3)
  })
})
