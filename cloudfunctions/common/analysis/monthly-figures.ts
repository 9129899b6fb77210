// Where the monthly figures come from: ONE adapter, `monthlyFiguresFor`, read by the public disclosure (the month
// published once it is over), the trend charts (the published months) and the quarterly report.
//
// The figures are the month's statistics (issue 15 items 1–4): `monthCells` (common/stats/months.ts) reads the stored
// month document `stats_months/month-<YYYY-MM>`, whose cells hold one tally per unit × category × request type ×
// county × channel × outcome, summed from the month's `case_stats` contributions (each event counted in the Shanghai
// month it happened in); `figureRowsOf` (shared/analysis/figures.ts) sums them by county × category. `source` is
// 'monthly-report', `countedAt` the start of the pass that summed them. Not the stored monthly report
// (`reports/monthly-<YYYY-MM>`): it breaks a month down by county and by category separately, and the public page
// needs county × category — but a finished month's figures come from the same kind of pass as that report:
//   - a finished month only from a pass begun after it ended and after every case stored before statistics was
//     given its contributions (`settledSince`); a month whose stored pass is older is summed afresh here, within
//     the caller's budget, and answers null until that pass is done (call again: it goes on). While the cases
//     stored before statistics are still waiting for theirs (the timers' monthly report job gives them), null.
//   - the month under way from its latest pass (the hourly run keeps it fresh); summed here when it has none yet.
import { figureRowsOf, type MonthlyFigures } from '../../../shared/analysis/figures'
import { localDateOf } from '../../../shared/time'
import type { Runtime, WithId } from '../ports'
import { emptyMeter, type CountOptions } from '../resumable-count'
import { backfillCasesDoneAt } from '../stats/backfill'
import { begunSince, monthCells, refreshMonth, settledSince, type MonthDoc } from '../stats/months'
import { monthOf, type Month } from '../../../shared/months'

/**
 * The figures of a month, or null while they are not yet available (still being summed: call again — the pass
 * resumes). What a call reads is added to `options.meter`.
 */
export async function monthlyFiguresFor(
  runtime: Runtime,
  month: Month,
  options: CountOptions = {},
): Promise<MonthlyFigures | null> {
  const doc = await summedMonth(runtime, month, options)
  if (!doc?.cells || !doc.passStartedAt) return null
  return {
    month,
    rows: figureRowsOf(Object.values(doc.cells)),
    source: 'monthly-report',
    countedAt: doc.passStartedAt,
  }
}

/** The month's document once its cells stand as described at the top (null: not yet). */
async function summedMonth(
  runtime: Runtime,
  month: Month,
  options: CountOptions,
): Promise<WithId<MonthDoc> | null> {
  const finished = month < monthOf(localDateOf(runtime.clock.now()))
  let freshSince: string | undefined
  if (finished) {
    const casesDoneAt = await backfillCasesDoneAt(runtime)
    if (casesDoneAt === null) return null
    freshSince = settledSince(month, casesDoneAt)
  }
  const stored = (await monthCells(runtime, [month])).cells.get(month)
  if (stored && (freshSince === undefined || begunSince(stored.passStartedAt, freshSince))) return stored

  const summed = await refreshMonth(runtime, month, {
    budgetMs: options.budgetMs,
    elapsedMs: options.elapsedMs,
    pageSize: options.pageSize,
    freshSince,
  })
  const meter = options.meter ?? emptyMeter()
  meter.examined += summed.read
  meter.pages += summed.pages
  meter.slowestPageMs = Math.max(meter.slowestPageMs, summed.slowestPageMs)
  if (summed.busy) meter.conflicts++
  return summed.complete ? summed.doc : null
}
