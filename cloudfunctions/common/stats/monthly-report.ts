// The monthly report (S0 第十八条: 每月10日前…报市生态环境综合行政执法支队): last month's figures, produced once the
// month is over by the timers function, stored in `reports/monthly-<YYYY-MM>` with the cells it was built from,
// and sent up — a notice to the leaders and supervisors of the deployment's supervising unit (and the units above
// it). Idempotent: the report's id is the month, so a second run finds it stored and only finishes sending it;
// the notices carry a dedupe key per month and recipient. Resumable: the month's cells are summed by a paged pass
// (months.ts) that may take several runs; the report is built only from a pass that started after the month
// ended, so every contribution of the month is in it. Cases stored before statistics existed are given their
// contributions first (backfill.ts), and the report waits for them: its pass starts after they are all written.
import { requireRouting } from '../../../shared/routing/config'
import { buildMonthlyReport, type Cells, type MonthlyReport } from '../../../shared/stats'
import { localDateOf, toShanghaiIso } from '../../../shared/time'
import { COLLECTIONS } from '../collections'
import { DuplicateKeyError, VersionConflictError, type Runtime, type WithId } from '../ports'
import { DEFAULT_BUDGET_MS, type PagedJobOptions, type PagedJobOutcome } from '../paged-job'
import type { PagedJobReport } from '../../../shared/contracts/timers'
import { tellOverseers } from '../oversight/notify'
import { backfillCaseStats, sumBackfilledMonths, type BackfillRun } from './backfill'
import { refreshMonth, settledSince } from './months'
import { statNames } from './names'
import { monthOf, previousMonth } from '../../../shared/months'

export interface MonthlyReportDoc {
  kind: 'monthly'
  month: string
  report: MonthlyReport
  /** The month's cells the report was built from (a reader in a narrower scope rebuilds it from them). */
  cells: Cells
  producedAt: string
  /** Produced after its due day (the system was down): said, never hidden. */
  late: boolean
  status: 'stored' | 'sent'
  sentTo: number
}

export const monthlyReportId = (month: string) => `monthly-${month}`

/**
 * A run of the job, as every timer job reports (`examined`: cases backfilled and contributions summed; `complete`:
 * nothing left that another run could do now — the report stored and sent, this month's figures fresh, the
 * backfill's cases and months done).
 */
export interface MonthlyReportRun extends PagedJobReport {
  month: string
  /** What this run did with last month's report ('summing': the month, or cases stored before statistics, not done yet). */
  report: 'produced' | 'sent' | 'already-sent' | 'summing'
  /** The current month's cells (the live figures) are up to date. */
  currentMonthFresh: boolean
  /** Cases stored before statistics existed, given theirs in this run (backfill.ts). */
  backfill: BackfillRun
}

async function sendUp(runtime: Runtime, doc: WithId<MonthlyReportDoc>): Promise<number> {
  const sentTo = await tellOverseers(runtime, requireRouting(runtime.deployment).routing.supervisingUnitId, {
    key: `report:${doc.month}`,
    code: `YB${doc.month.replace('-', '')}`,
    text: `${doc.month.replace('-', '年')}月举报办理统计已生成`,
    page: `staff/stats/index?month=${doc.month}`,
    at: doc.producedAt,
    state: '待查阅',
  })
  try {
    await runtime.db.update<MonthlyReportDoc>(
      COLLECTIONS.reports,
      doc._id,
      { status: 'sent', sentTo },
      doc._version,
    )
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error
  }
  return sentTo
}

/** Last month's report, once: sum the month, store the report, send it up; then keep this month's cells fresh. */
export async function runMonthlyReport(
  runtime: Runtime,
  options: PagedJobOptions = {},
): Promise<MonthlyReportRun> {
  const started = Date.now()
  const elapsed = options.elapsedMs ?? (() => Date.now() - started)
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS
  const left = () => ({ ...options, elapsedMs: elapsed, budgetMs })
  const now = runtime.clock.now()
  const current = monthOf(localDateOf(now))
  const month = previousMonth(current)
  const id = monthlyReportId(month)

  let outcome: MonthlyReportRun['report']
  const backfill = await backfillCaseStats(runtime, left())
  const run: Omit<MonthlyReportRun, 'report' | 'currentMonthFresh'> = {
    month,
    backfill,
    examined: backfill.examined,
    conflicts: 0,
    failures: backfill.failures,
    complete: false,
    busy: backfill.busy,
    pages: backfill.pages,
    slowestPageMs: backfill.slowestPageMs,
  }
  const count = (part: PagedJobOutcome & { read: number }) => {
    run.examined += part.read
    run.pages += part.pages
    run.slowestPageMs = Math.max(run.slowestPageMs, part.slowestPageMs)
    run.busy ||= part.busy
  }
  const stored = await runtime.db.get<MonthlyReportDoc>(COLLECTIONS.reports, id)
  if (stored) {
    outcome = stored.status === 'sent' ? 'already-sent' : 'sent'
    if (stored.status !== 'sent') await sendUp(runtime, stored)
  } else if (backfill.casesDoneAt === null) {
    outcome = 'summing'
  } else {
    // Only a pass begun after the month ended, and after every case stored before statistics was given its
    // contributions, has every contribution of the month.
    const freshSince = settledSince(month, backfill.casesDoneAt)
    const summed = await refreshMonth(runtime, month, { ...left(), freshSince })
    count(summed)
    if (!summed.complete || !summed.doc?.cells) {
      outcome = 'summing'
    } else {
      const cells = summed.doc.cells
      const producedAt = toShanghaiIso(now)
      const report = buildMonthlyReport(month, cells, statNames(runtime))
      const doc: MonthlyReportDoc = {
        kind: 'monthly',
        month,
        report,
        cells,
        producedAt,
        late: localDateOf(now) > report.dueOn,
        status: 'stored',
        sentTo: 0,
      }
      try {
        await runtime.db.insert<MonthlyReportDoc>(COLLECTIONS.reports, { _id: id, ...doc })
      } catch (error) {
        // Another run stored it first: that one is the report.
        if (!(error instanceof DuplicateKeyError)) throw error
      }
      const fresh = (await runtime.db.get<MonthlyReportDoc>(COLLECTIONS.reports, id))!
      if (fresh.status !== 'sent') await sendUp(runtime, fresh)
      outcome = 'produced'
      runtime.log.info('monthly report produced', { month, late: doc.late })
    }
  }
  // The live figures of the month under way, then the months of the cases backfilled, with what is left of the budget.
  const live = elapsed() < budgetMs ? await refreshMonth(runtime, current, left()) : null
  if (live) count(live)
  let monthsSummed = backfill.done
  if (!backfill.done && elapsed() < budgetMs) {
    const months = await sumBackfilledMonths(runtime, left())
    count(months)
    backfill.done = months.done
    monthsSummed = months.complete
  }
  const currentMonthFresh = live?.complete ?? false
  run.complete = outcome !== 'summing' && currentMonthFresh && backfill.complete && monthsSummed
  return { ...run, report: outcome, currentMonthFresh }
}
