// The periodic publications (part of the timers function's hourly run): once a month is over, its figures are
// published for the public page (S1 第十三条, S3 第十七条); once a quarter is over, its analysis report is produced
// (S0 第十五条, S3 第十九条). Both once (the month's disclosure and the quarter's report are stored under fixed ids),
// both resumable (a count cut short by the budget goes on at the next run — a follow-up run when this one counted
// something and stopped at its budget), and nearly free when there is nothing to do: a few reads by id. The last
// three finished months are looked at, so a month a run missed is not lost. Reports like every paged job
// (PagedJobReport): the documents its counts folded, their pages, counts lost to an overlapping run; a publication
// that fails is logged and counted and does not stop the others.
import type { PagedJobReport } from '../../shared/contracts/timers'
import { localDateOf } from '../../shared/time'
import { analysisReportId, quarterlyReportFor, quarterIsOver } from '../common/analysis/quarterly'
import { COLLECTIONS } from '../common/collections'
import { lastFinishedMonth, publishMonth, type PublishOutcome } from '../common/disclosure/monthly'
import type { PagedJobOptions } from '../common/paged-job'
import type { Runtime } from '../common/ports'
import { emptyMeter, type CountOptions } from '../common/resumable-count'
import { addMonths, quarterOf } from '../../shared/months'

/** A month the timer missed (a run that failed, a deployment mid-month) is published by a later run. */
const MONTHS_LOOKED_AT = 3

const DEFAULT_BUDGET_MS = 40_000

export interface PublicationsReport extends PagedJobReport {
  /** The finished months looked at, oldest first, with what happened to each. */
  disclosures: Record<string, PublishOutcome | 'failed'>
  quarter: string
  quarterlyReport: 'produced' | 'already-produced' | 'counting' | 'not-over' | 'failed'
}

export async function runPublications(
  runtime: Runtime,
  options: PagedJobOptions = {},
): Promise<PublicationsReport> {
  const started = Date.now()
  const meter = emptyMeter()
  // Every count of the run spends from the one budget, measured from the run's start.
  const counting: CountOptions = {
    budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS,
    elapsedMs: options.elapsedMs ?? (() => Date.now() - started),
    pageSize: options.pageSize,
    meter,
  }
  let failures = 0
  const attempt = async <T>(what: string, step: () => Promise<T>): Promise<T | 'failed'> => {
    try {
      return await step()
    } catch (error) {
      failures++
      runtime.log.error('publication failed', { what, error: String(error) })
      return 'failed'
    }
  }

  const now = runtime.clock.now()
  const month = lastFinishedMonth(now)
  const disclosures: PublicationsReport['disclosures'] = {}
  for (let back = MONTHS_LOOKED_AT - 1; back >= 0; back--) {
    const m = addMonths(month, -back)
    disclosures[m] = await attempt(m, () => publishMonth(runtime, m, counting))
  }

  const quarter = quarterOf(month)
  let quarterlyReport: PublicationsReport['quarterlyReport'] = 'not-over'
  if (quarterIsOver(quarter, localDateOf(now))) {
    quarterlyReport = await attempt(quarter, async () => {
      const stored = await runtime.db.get<{ complete: boolean }>(
        COLLECTIONS.analysisReports,
        analysisReportId(quarter),
      )
      if (stored?.complete) return 'already-produced' as const
      const state = await quarterlyReportFor(runtime, quarter, counting)
      return state.status === 'ready' ? ('produced' as const) : ('counting' as const)
    })
  }

  const outcomes = [...Object.values(disclosures), quarterlyReport]
  const left = outcomes.some((o) => o === 'counting' || o === 'failed')
  const report: PublicationsReport = {
    disclosures,
    quarter,
    quarterlyReport,
    examined: meter.examined,
    conflicts: meter.conflicts,
    failures,
    complete: !left,
    // Another run was counting what this one would have: it did nothing.
    busy: left && meter.conflicts > 0 && meter.examined === 0,
    pages: meter.pages,
    slowestPageMs: meter.slowestPageMs,
  }
  runtime.log.info('publications', { ...report })
  return report
}
