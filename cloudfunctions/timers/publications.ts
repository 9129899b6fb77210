// The periodic publications (part of the timers function's hourly run): once a month is over, its figures are
// published for the public page (S1 第十三条, S3 第十七条); once a quarter is over, its analysis report is produced
// (S0 第十五条, S3 第十九条). Both once (the month's disclosure and the quarter's report are stored under fixed ids),
// both resumable (a count cut short by the budget goes on at the next run), and free when there is nothing to do:
// two reads by id.
import { quarterOf } from '../../shared/analysis/figures'
import { localDateOf } from '../../shared/time'
import { analysisReportId, quarterlyReportFor, quarterIsOver } from '../common/analysis/quarterly'
import { COLLECTIONS } from '../common/collections'
import { lastFinishedMonth, publishMonth, type PublishOutcome } from '../common/disclosure/monthly'
import type { PagedJobOptions } from '../common/paged-job'
import type { Runtime } from '../common/ports'

export interface PublicationsReport {
  month: string
  disclosure: PublishOutcome
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
  const disclosure = await publishMonth(runtime, month, { budgetMs: left(), elapsedMs: options.elapsedMs })

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
  const report = { month, disclosure, quarter, quarterlyReport }
  runtime.log.info('publications', { ...report })
  return report
}
