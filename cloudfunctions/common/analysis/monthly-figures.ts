// Where the monthly figures come from: ONE adapter, `monthlyFiguresFor`, read by the public disclosure, the trend
// charts and the quarterly report.
//
// SWITCH HERE when the statistics of issue 15 items 1–4 land (branch wip-s15: `shared/stats/`,
// `cloudfunctions/common/stats/`). `monthlyFiguresFor` will then read exactly this:
//   - `monthCells(runtime, [month])` (cloudfunctions/common/stats/months.ts): the stored month document
//     `stats_months/month-<YYYY-MM>` (`MonthDoc`), whose `cells` hold one `{ dims, tally }` per combination of
//     `dims` unitId, category, requestType, county, channel and outcome, summed from the month's `case_stats`
//     contributions (each event counted in the Shanghai month it happened in). A month still in `pending` (no
//     finished pass yet) answers null, as a count still running does now.
//   - the cells summed by (`dims.county`, `dims.category`) into `MonthlyFigureRow`s: `regionCode` = `dims.county`
//     (the division code; null outside every county), and `received`, `accepted`, `closed`, `closedOnTime`,
//     `rated`, `satisfied` = the tally's counts of the same names (its 满意 is 4–5 stars, SATISFIED_FROM_STARS —
//     then the one home of SATISFIED_STARS); `source` 'monthly-report', `countedAt` = the document's
//     `passStartedAt`.
// Not the stored monthly report (`reports/monthly-<YYYY-MM>`): it breaks a month down by county and by category
// separately, and the public page needs county × category. The interim count below and its jobs go then.
//
// Until then the figures are counted here from the reports registered in the month (source 'registered-in-month'):
// received, accepted, closed and closed on time by the handling clock, ratings — each report through `caseCounts`,
// resumably (the count keeps its cursor and running rows in jobs/figures-<month>), reading only the fields
// `CountedCase` names. A month still running is counted to date, afresh each day (jobs/figures-<month>@<date>).
import { COUNTED_CASE_FIELDS, addToRows, caseCounts, type CountedCase } from '../../../shared/analysis/tally'
import {
  monthOf,
  monthRange,
  type Month,
  type MonthlyFigureRow,
  type MonthlyFigures,
} from '../../../shared/analysis/figures'
import type { CaseDoc } from '../../../shared/cases/case-doc'
import { localDateOf, toShanghaiIso } from '../../../shared/time'
import { calendarFor } from '../calendar'
import { clocksOf } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import type { Runtime } from '../ports'
import { runResumableCount, type CountOptions } from '../resumable-count'

/** A finished month is counted once; a month still running is counted afresh each day it is asked for. */
export const figuresJobId = (month: Month, today: string) =>
  monthOf(today) > month ? `figures-${month}` : `figures-${month}@${today}`

/**
 * The figures of a month, or null while they are not yet available (still being counted: call again — the count
 * resumes). THE adapter to switch to the month's stored statistics cells (`monthCells`, see the top of this file).
 */
export async function monthlyFiguresFor(
  runtime: Runtime,
  month: Month,
  options: CountOptions = {},
): Promise<MonthlyFigures | null> {
  return countRegisteredInMonth(runtime, month, options)
}

/** The interim figures: the reports registered in the month, as they stand when counted. */
async function countRegisteredInMonth(
  runtime: Runtime,
  month: Month,
  options: CountOptions,
): Promise<MonthlyFigures | null> {
  const { from, to } = monthRange(month)
  const calendar = await calendarFor(runtime)
  const now = runtime.clock.now()
  const jobId = figuresJobId(month, localDateOf(now))
  const result = await runResumableCount<CountedCase, MonthlyFigureRow[]>(
    runtime,
    jobId,
    {
      initial: () => [],
      fetch: (page) =>
        runtime.db.find<CountedCase>(COLLECTIONS.cases, {
          filter: { createdAt: { $gte: from, $lt: to } },
          orderBy: [['createdAt', 'asc']],
          fields: COUNTED_CASE_FIELDS,
          ...page,
        }),
      fold: (rows, doc) =>
        addToRows(rows, doc, caseCounts(doc, clocksOf(doc as unknown as CaseDoc, calendar, now))),
    },
    options,
  )
  if (!result.done) return null
  const job = await runtime.db.get<{ updatedAt: string }>(COLLECTIONS.jobs, jobId)
  return {
    month,
    rows: result.state,
    source: 'registered-in-month',
    countedAt: job?.updatedAt ?? toShanghaiIso(now),
  }
}
