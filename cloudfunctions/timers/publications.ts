// The periodic publications (part of the timers function's hourly run): once a month is over, its figures are
// published for the public page (S1 第十三条, S3 第十七条); once a quarter is over, its analysis report is produced
// (S0 第十五条, S3 第十九条). Both once (the month's disclosure and the quarter's report are stored under fixed ids),
// both resumable (a count cut short by the budget goes on at the next run), and nearly free when there is nothing
// to do: a few reads by id. The last three finished months are looked at, so a month a run missed is not lost.
import { addMonths, quarterOf } from '../../shared/analysis/figures'
import { localDateOf } from '../../shared/time'
import { analysisReportId, quarterlyReportFor, quarterIsOver } from '../common/analysis/quarterly'
import { COLLECTIONS } from '../common/collections'
import { lastFinishedMonth, publishMonth, type PublishOutcome } from '../common/disclosure/monthly'
import type { PagedJobOptions } from '../common/paged-job'
import type { Runtime } from '../common/ports'

/** A month the timer missed (a run that failed, a deployment mid-month) is published by a later run. */
const MONTHS_LOOKED_AT = 3

export interface PublicationsReport {
  /** The finished months looked at, oldest first, with what happened to each. */
  disclosures: Record<string, PublishOutcome>
  quarter: string
  quarterlyReport: 'produced' | 'already-produced' | 'counting' | 'not-over'
}

export async function runPublications(
  runtime: Runtime,
  options: PagedJobOptions = {},
): Promise<PublicationsReport> {
  const started = Date.now()
  const left = () => Math.max(0, (options.budgetMs ?? 40_000) - (Date.now() - started))
  const now = runtime.clock.now()
  const month = lastFinishedMonth(now)
  const disclosures: Record<string, PublishOutcome> = {}
  for (let back = MONTHS_LOOKED_AT - 1; back >= 0; back--) {
    const m = addMonths(month, -back)
    disclosures[m] = await publishMonth(runtime, m, { budgetMs: left(), elapsedMs: options.elapsedMs })
  }

  const quarter = quarterOf(month)
  let quarterlyReport: PublicationsReport['quarterlyReport'] = 'not-over'
  if (quarterIsOver(quarter, localDateOf(now))) {
    const stored = await runtime.db.get<{ complete: boolean }>(
      COLLECTIONS.analysisReports,
      analysisReportId(quarter),
    )
    if (stored?.complete) quarterlyReport = 'already-produced'
    else {
      const state = await quarterlyReportFor(runtime, quarter, {
        budgetMs: left(),
        elapsedMs: options.elapsedMs,
      })
      quarterlyReport = state.status === 'ready' ? 'produced' : 'counting'
    }
  }
  const report = { disclosures, quarter, quarterlyReport }
  runtime.log.info('publications', { ...report })
  return report
}
