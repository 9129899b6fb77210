// The statistics of a month, checked figure by figure against an independent recount. A month of cases is filed
// and handled through the real functions on a controlled clock — on time, replied late, extended, not accepted
// (two reasons), reviewed (upheld and revised), rated, left open past their due date — then the timers function
// produces November's report on 1 December; every figure of the report (in total, and by category and by unit) is
// recounted here from the stored case histories with nothing of shared/stats: the events' days, the working-day
// calendar and the clocks of shared/deadlines (the same clocks staff see). The CLI prints the same figures, and the
// live figures of the stats function agree.
import { spawnSync } from 'node:child_process'
import ExcelJS from 'exceljs'
import path from 'node:path'
import { createWorkingCalendar, shanghaiDateOf, workingDaysBetween } from '../../shared/calendar'
import type { CaseDoc } from '../../shared/cases/case-doc'
import type { MonthlyReportView, StatsFigures } from '../../shared/contracts/stats'
import { caseClocks } from '../../shared/deadlines'
import { CLOCK_KINDS, getPolicyProfile } from '../../shared/policy'
import type { Figures } from '../../shared/stats'
import { addLocalDays } from '../../shared/time'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { calendarFor } from '../../cloudfunctions/common/calendar'
import { OFFICER, REPLY, reportInput, STAFF } from '../support/reports'
import { startHarness, type Harness } from '../support/local-harness'

jest.setTimeout(240_000)

const root = path.resolve(__dirname, '../..')
const MONTH = '2026-11'
const SITE_VISIT = {
  type: 'record-site-visit',
  record: {
    visitedAt: '2026-11-02T10:00:00+08:00',
    reportedEntity: '某建设工程项目部',
    address: '焦作市山阳区塔南路',
    productionStatus: '夜间施工',
    pollutionControl: '无降噪措施',
    discharge: '施工噪声',
    cause: '未经批准夜间施工',
    findings: '情况属实',
  },
}

type Step = { at: string; run: (h: Harness, caseId: string) => Promise<unknown> }

const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString()
const act = (openid: string, event: Record<string, unknown>) => (h: Harness, caseId: string) =>
  h.act(openid, caseId, event)

/** Accept, assign to 山阳区分局, investigate on site (the first three hours after filing). */
const handle = (filed: string): Step[] => [
  { at: hoursAfter(filed, 1), run: act(STAFF.supervisor, { type: 'accept' }) },
  {
    at: hoursAfter(filed, 2),
    run: act(STAFF.head, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER }),
  },
  { at: hoursAfter(filed, 3), run: act(STAFF.officer, { type: 'start-investigation' }) },
  { at: hoursAfter(filed, 3.5), run: act(STAFF.officer, SITE_VISIT) },
]
const reply = (at: string): Step[] => [
  { at, run: act(STAFF.officer, { type: 'draft-reply', reply: REPLY }) },
  { at: hoursAfter(at, 0.2), run: act(STAFF.head, { type: 'approve-reply' }) },
  { at: hoursAfter(at, 0.4), run: act(STAFF.leader, { type: 'approve-reply' }) },
  { at: hoursAfter(at, 0.6), run: act(STAFF.officer, { type: 'send-reply' }) },
]
const asReporter =
  (openid: string, action: string, payload: Record<string, unknown>) => (h: Harness, caseId: string) =>
    h.ok('cases', action, { caseId, ...payload }, openid)

/** Six ways a case goes, by scenario number; `filed` is when it was filed, `who` its reporter. */
function scenario(kind: number, filed: string, who: string): Step[] {
  const days = (n: number) => hoursAfter(filed, n * 24)
  switch (kind) {
    case 0: // on time, accepted by the reporter with 5 stars
      return [
        ...handle(filed),
        ...reply(days(2)),
        { at: days(3), run: asReporter(who, 'rateReply', { stars: 5, accept: true }) },
      ]
    case 1: // replied late: the handling clock (10 working days) missed; rated 2 stars
      return [
        ...handle(filed),
        ...reply(days(19)),
        { at: days(20), run: asReporter(who, 'rateReply', { stars: 2 }) },
      ]
    case 2: // extended by 10 days, replied within the extension
      return [
        ...handle(filed),
        {
          at: days(4),
          run: act(STAFF.officer, { type: 'request-extension', days: 10, reason: '需要检测报告' }),
        },
        { at: hoursAfter(days(4), 1), run: act(STAFF.leader, { type: 'approve-extension', days: 10 }) },
        ...reply(days(16)),
      ]
    case 3: // not accepted, two reasons
      return [
        {
          at: hoursAfter(filed, 1),
          run: act(
            STAFF.supervisor,
            Number(filed.slice(8, 10)) % 2 === 0
              ? { type: 'not-accept', reason: 'outside-remit', guidance: '请向公安机关反映' }
              : { type: 'not-accept', reason: 'legal-proceedings', guidance: '请向人民法院起诉' },
          ),
        },
      ]
    case 4: // replied on time, then 复查 (upheld or revised by turns), rated 4 stars
      return [
        ...handle(filed),
        ...reply(days(3)),
        { at: days(4), run: asReporter(who, 'rateReply', { stars: 4 }) },
        { at: days(5), run: asReporter(who, 'requestReview', { grounds: '工地夜间仍在施工' }) },
        {
          at: days(7),
          run: act(STAFF.leader, {
            type: 'decide-review',
            outcome: Number(filed.slice(8, 10)) % 2 === 0 ? 'upheld' : 'revised',
            opinion: '经复查，维持或变更原处理意见',
          }),
        },
      ]
    default: // accepted a day later, then left: overdue once its clocks run out
      return [{ at: days(1), run: act(STAFF.supervisor, { type: 'accept' }) }]
  }
}

let h: Harness
const caseIds: string[] = []

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-02T08:00:00+08:00' })
  // Every working day of November at 09:00 and 15:00 a report comes in (noise, air, water by turns; some — not
  // accepted or left open, which 山阳区分局's staff need not touch — are at the 高新区 centre, so the unit breakdown
  // has two rows).
  const steps: Array<Step & { index: number }> = []
  const filings: Array<{ at: string; index: number }> = []
  let index = 0
  for (let day = 2; day <= 27; day++) {
    const date = `2026-11-${String(day).padStart(2, '0')}`
    const weekday = new Date(`${date}T12:00:00+08:00`).getUTCDay()
    if (weekday === 0 || weekday === 6) continue
    for (const hour of ['09', '15']) filings.push({ at: `${date}T${hour}:00:00+08:00`, index: index++ })
  }
  const calendarEnd = '2026-12-31T00:00:00+08:00'
  for (const filing of filings) {
    const who = `stats-reporter-${filing.index}`
    const kind = filing.index % 6
    steps.push({
      at: filing.at,
      index: filing.index,
      run: async (harness) => {
        const category = ['noise', 'air', 'water'][filing.index % 3]!
        const input = reportInput({
          category,
          description: `第 ${filing.index} 号反映：附近工厂${category === 'noise' ? '夜间噪声' : '排放异味'}，影响居民。`,
          reporter: {
            mode: 'real-name',
            name: `张${'甲乙丙丁戊己庚辛壬癸'[filing.index % 10]}${'子丑寅卯辰巳午未申酉戌亥'[Math.floor(filing.index / 10) % 12]}`,
            phone: `1380013${String(8000 + filing.index)}`,
          },
          location: {
            ...(filing.index % 12 === 5 || filing.index % 12 === 9
              ? { lat: 35.3595, lng: 113.4105, address: '焦作高新区某路' }
              : {
                  lat: 35.29958 + (filing.index % 8) * 0.0004,
                  lng: 113.27638,
                  address: `焦作市山阳区塔南路 ${filing.index} 号`,
                }),
            coordSystem: 'gcj02',
          },
        })
        const filed = await harness.ok<{ caseId: string }>('cases', 'submitReport', input, who)
        caseIds[filing.index] = filed.caseId
      },
    })
    for (const step of scenario(kind, filing.at, who)) {
      if (step.at < calendarEnd) steps.push({ ...step, index: filing.index })
    }
  }
  steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.index - b.index)
  for (const step of steps) {
    h.clock.set(step.at)
    try {
      await step.run(h, caseIds[step.index]!)
    } catch (error) {
      const doc = await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseIds[step.index] ?? '-')
      throw new Error(`case ${step.index} at ${step.at} (${doc?.unitId} ${doc?.status}): ${String(error)}`)
    }
  }
})

afterAll(async () => {
  await h?.close()
})

/** Every case document, page by page (the test reads the store directly; the functions never do this). */
async function allCases(): Promise<CaseDoc[]> {
  const docs: CaseDoc[] = []
  let after: string | null = null
  do {
    const page: { items: CaseDoc[]; next: string | null } = await h.runtime.db.find<CaseDoc>(
      COLLECTIONS.cases,
      {
        limit: 100,
        after,
      },
    )
    docs.push(...page.items)
    after = page.next
  } while (after)
  return docs
}

const inMonth = (iso: string) => shanghaiDateOf(iso).startsWith(MONTH)

/** Nearest-rank percentile and mean of a list, written out here. */
function summary(values: number[]) {
  if (values.length === 0) return { count: 0, average: null, p90: null }
  const sorted = [...values].sort((a, b) => a - b)
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length
  return {
    count: sorted.length,
    average: Math.round(mean * 100) / 100,
    p90: sorted[Math.ceil(sorted.length * 0.9) - 1],
  }
}

/** Whether a duty clock of the case had been missed by `asOf` (its history then; the clocks staff see). */
async function lateBy(doc: CaseDoc, asOf: string): Promise<boolean> {
  const calendar = await calendarFor(h.runtime)
  const profile = getPolicyProfile(doc.profile.id, doc.profile.version)
  const history = doc.history.filter((e) => Date.parse(e.at) <= Date.parse(asOf))
  return caseClocks({ profile, calendar, history, asOf }).some(
    (c) =>
      CLOCK_KINDS[c.clock].nature === 'duty' &&
      (c.overdue || (c.state === 'completed' && c.metDeadline === false)),
  )
}

/** The figures of the cases, recounted from their histories and clocks as of the end of November. */
async function recount(docs: readonly CaseDoc[]) {
  const calendar = await calendarFor(h.runtime)
  const monthEnd = '2026-11-30T23:59:59+08:00'
  const r = {
    received: 0,
    accepted: 0,
    notAccepted: 0,
    notAcceptedBy: {} as Record<string, number>,
    closed: 0,
    closedOnTime: 0,
    overdue: 0,
    extended: 0,
    escalated: 0,
    supervised: 0,
    repeat: 0,
    reviewRequested: 0,
    reviewUpheld: 0,
    reviewRevised: 0,
    rated: 0,
    satisfied: 0,
    stars: 0,
    acceptDays: [] as number[],
    closeDays: [] as number[],
  }
  for (const doc of docs) {
    const first = doc.history[0]!
    const receivedOn = shanghaiDateOf(first.event.type === 'register' ? first.event.receivedAt : first.at)
    if (receivedOn.startsWith(MONTH)) r.received++
    const events = doc.history.filter((e) => inMonth(e.at))
    const accept = doc.history.find((e) => e.event.type === 'accept')
    if (accept && inMonth(accept.at)) {
      r.accepted++
      r.acceptDays.push(workingDaysBetween(calendar, receivedOn, shanghaiDateOf(accept.at)).count)
    }
    for (const { event } of events) {
      if (event.type === 'not-accept') {
        r.notAccepted++
        r.notAcceptedBy[event.reason] = (r.notAcceptedBy[event.reason] ?? 0) + 1
      }
      if (event.type === 'request-review') r.reviewRequested++
      if (event.type === 'decide-review') r[event.outcome === 'upheld' ? 'reviewUpheld' : 'reviewRevised']++
      if ((event.type === 'rate-reply' || event.type === 'accept-reply') && event.rating !== null) {
        r.rated++
        r.stars += event.rating
        if (event.rating >= 4) r.satisfied++
      }
    }
    if (events.some((e) => e.event.type === 'approve-extension')) r.extended++
    if (events.some((e) => e.event.type === 'escalate')) r.escalated++
    if (events.some((e) => e.event.type === 'supervise' || e.event.type === 'issue-supervision-order'))
      r.supervised++
    // The intake's repeat count records the count on the event it set off.
    if (events.some((e) => (e.event as { repeats?: unknown }).repeats)) r.repeat++
    // Closing and overdue by the case's clocks as they stood at the end of the month.
    const profile = getPolicyProfile(doc.profile.id, doc.profile.version)
    const asOfEnd = doc.history.filter((e) => Date.parse(e.at) <= Date.parse(monthEnd))
    const clocks = caseClocks({ profile, calendar, history: asOfEnd, asOf: monthEnd })
    const handling = clocks.find((c) => c.clock === 'handling')
    if (handling?.state === 'completed' && inMonth(handling.completedAt!)) {
      r.closed++
      if (handling.metDeadline) r.closedOnTime++
      r.closeDays.push(workingDaysBetween(calendar, receivedOn, shanghaiDateOf(handling.completedAt!)).count)
    }
    if (await lateBy(doc, monthEnd)) r.overdue++
  }
  return r
}

function expectFigures(figures: Figures, r: Awaited<ReturnType<typeof recount>>) {
  expect(figures.received).toBe(r.received)
  expect(figures.accepted).toBe(r.accepted)
  expect(figures.notAccepted).toBe(r.notAccepted)
  expect(Object.fromEntries(figures.notAcceptedBy.map((n) => [n.reason, n.count]))).toEqual(r.notAcceptedBy)
  expect(figures.closed).toBe(r.closed)
  expect(figures.closedOnTime).toBe(r.closedOnTime)
  expect(figures.onTimeRate).toBe(r.closed ? Math.round((r.closedOnTime / r.closed) * 10_000) / 10_000 : null)
  expect(figures.overdue).toBe(r.overdue)
  expect(figures.extended).toBe(r.extended)
  expect(figures.escalated).toBe(r.escalated)
  expect(figures.supervised).toBe(r.supervised)
  expect(figures.repeat).toBe(r.repeat)
  expect(figures.reReview).toEqual({ requested: 0, upheld: 0, revised: 0 })
  expect(figures.review).toEqual({
    requested: r.reviewRequested,
    upheld: r.reviewUpheld,
    revised: r.reviewRevised,
  })
  expect(figures.satisfaction).toEqual({
    rated: r.rated,
    satisfied: r.satisfied,
    rate: r.rated ? Math.round((r.satisfied / r.rated) * 10_000) / 10_000 : null,
    averageStars: r.rated ? Math.round((r.stars / r.rated) * 100) / 100 : null,
  })
  expect(figures.daysToAccept).toEqual(summary(r.acceptDays))
  expect(figures.daysToClose).toEqual(summary(r.closeDays))
}

describe('a month of cases', () => {
  let report: MonthlyReportView
  let docs: CaseDoc[]

  beforeAll(async () => {
    // 1 December 00:05: the first hourly run of the month produces November's report.
    h.clock.set('2026-12-01T00:05:00+08:00')
    await h.fireTimer('timers')
    report = await h.ok<MonthlyReportView>('stats', 'monthlyReport', { month: MONTH }, STAFF.supervisor)
    docs = await allCases()
  })

  it('has every kind of case the figures must tell apart', async () => {
    const r = await recount(docs)
    expect(r.received).toBeGreaterThanOrEqual(36)
    for (const figure of [
      'accepted',
      'notAccepted',
      'closed',
      'closedOnTime',
      'overdue',
      'extended',
    ] as const)
      expect(r[figure]).toBeGreaterThan(0)
    expect(r.closed).toBeGreaterThan(r.closedOnTime)
    expect(Object.keys(r.notAcceptedBy)).toHaveLength(2)
    expect(r.reviewUpheld).toBeGreaterThan(0)
    expect(r.reviewRevised).toBeGreaterThan(0)
    expect(r.rated).toBeGreaterThan(r.satisfied)
  })

  it('the report (S0 第十八条) is produced on the first run of December, due by the 10th', () => {
    expect(report).toMatchObject({
      month: MONTH,
      dueOn: '2026-12-10',
      basis: 'S0 第十八条',
      late: false,
      sent: true,
    })
    expect(report.producedAt < '2026-12-10').toBe(true)
  })

  it('every figure of the total equals the recount', async () => {
    expectFigures(report.report.total, await recount(docs))
  })

  it('every figure by category and by unit equals the recount of those cases', async () => {
    for (const row of report.report.by.category) {
      expectFigures(row.figures, await recount(docs.filter((d) => d.category === row.key)))
    }
    expect(report.report.by.unit.map((r) => r.key).sort()).toEqual(['jz-gaoxin', 'jz-shanyang'])
    for (const row of report.report.by.unit) {
      expectFigures(row.figures, await recount(docs.filter((d) => d.unitId === row.key)))
    }
  })

  it('the live figures of the stats function agree, for the bureau and for one unit', async () => {
    const all = await h.ok<StatsFigures>('stats', 'figures', { from: MONTH, to: MONTH }, STAFF.supervisor)
    expect(all.pending).toEqual([])
    expectFigures(all.breakdown.total, await recount(docs))
    const one = await h.ok<StatsFigures>(
      'stats',
      'figures',
      { from: MONTH, to: MONTH, unitId: 'jz-gaoxin', by: 'requestType' },
      STAFF.supervisor,
    )
    expectFigures(one.breakdown.total, await recount(docs.filter((d) => d.unitId === 'jz-gaoxin')))
  })

  it('the CLI prints the same figures', () => {
    const child = spawnSync(
      path.join(root, 'node_modules/.bin/tsx'),
      ['scripts/cli.ts', 'stats', '--data-dir', h.dataDir, '--deployment', 'jiaozuo', '--month', MONTH],
      { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, timeout: 180_000 },
    )
    expect(child.stderr).toBe('')
    expect(child.status).toBe(0)
    const printed = JSON.parse(child.stdout) as {
      complete: boolean
      total: Figures
      by: Record<string, unknown>
    }
    expect(printed.complete).toBe(true)
    expect(printed.total).toEqual(report.report.total)
    expect(printed.by).toEqual(report.report.by)
  })

  it('the CLI writes them as a workbook with --format xlsx --out', async () => {
    const out = path.join(h.dataDir, 'report-2026-11.xlsx')
    const child = spawnSync(
      path.join(root, 'node_modules/.bin/tsx'),
      [
        'scripts/cli.ts',
        'stats',
        '--data-dir',
        h.dataDir,
        '--deployment',
        'jiaozuo',
        '--month',
        MONTH,
        '--unit',
        'jz-shanyang',
        '--format',
        'xlsx',
        '--out',
        out,
      ],
      { cwd: root, encoding: 'utf8', timeout: 180_000 },
    )
    expect(child.status).toBe(0)
    expect(JSON.parse(child.stdout)).toMatchObject({ ok: true, out, unitId: 'jz-shanyang' })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(out)
    const sheet = workbook.getWorksheet('按承办单位')!
    const total = sheet.getRow(sheet.rowCount).values as unknown[]
    expect(total[1]).toBe('合计')
    // 收到件数 of 山阳区分局 alone.
    expect(total[2]).toBe(report.report.by.unit.find((r) => r.key === 'jz-shanyang')!.figures.received)
  })
})

describe('the months after: November’s cases that fall overdue later count there', () => {
  // Their overdue day is kept on November's contribution (shared/stats/case-facts.ts): a later month's sum reads
  // them from there. Recounted here: overdue by the end of the month, not by the end of the month before.
  const LATER = [
    ['2026-12', '2026-11-30T23:59:59+08:00', '2026-12-31T23:59:59+08:00'],
    ['2027-01', '2026-12-31T23:59:59+08:00', '2027-01-31T23:59:59+08:00'],
  ] as const

  it.each(LATER)('%s', async (month, before, end) => {
    // The first hourly run after the month sums it.
    h.clock.set(new Date(Date.parse(end) + 6 * 60_000))
    await h.fireTimer('timers')
    const docs = (await allCases()).filter((d) => shanghaiDateOf(d.createdAt).startsWith(MONTH))
    let expected = 0
    for (const doc of docs) if ((await lateBy(doc, end)) && !(await lateBy(doc, before))) expected++
    const figures = await h.ok<StatsFigures>('stats', 'figures', { from: month, to: month }, STAFF.supervisor)
    expect(figures.pending).toEqual([])
    expect(figures.breakdown.total.received).toBe(0)
    expect(figures.breakdown.total.overdue).toBe(expected)
    // None of them was given a contribution for that month only to hold its overdue day.
    const own = await h.runtime.db.find<{ tally: object }>(COLLECTIONS.caseStats, {
      filter: { month },
      limit: 100,
    })
    expect(own.next).toBeNull()
    expect(own.items.filter((c) => Object.keys(c.tally).length === 0)).toEqual([])
  })

  it('between them they count some', async () => {
    const docs = await allCases()
    let later = 0
    for (const doc of docs) if ((await lateBy(doc, LATER[1][2])) && !(await lateBy(doc, LATER[0][1]))) later++
    expect(later).toBeGreaterThan(0)
  })
})

// Pure checks of the recount's own helpers, so the comparison above cannot pass by both sides being empty.
test('the recount counts working days across a weekend', () => {
  const calendar = createWorkingCalendar()
  expect(workingDaysBetween(calendar, '2026-11-06', addLocalDays('2026-11-06', 3)).count).toBe(1)
  expect(summary([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ count: 10, average: 5.5, p90: 9 })
})
