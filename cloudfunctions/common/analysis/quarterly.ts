// The quarterly analysis report (S0 第十五条 每季度形成分析报告; S3 第十九条), produced by the timer once a quarter is
// over, or on demand by a leader or supervisor (a quarter still running is reported 截至 today and brought up to
// date on the next day's request). Steps, each resumable within the function's time budget:
//   1. the figures of the quarter's months: the published month (disclosures), else the one figures adapter;
//   2. the quarter's tally — cells, entities, repeat actions — counted over the quarter's reports by index;
//   3. the report (a pure function of both) stored in analysis_reports, and its document (one HTML file) in the
//      blob store.
import type { QuarterlyReportState } from '../../../shared/contracts/analysis'
import { AppError } from '../../../shared/contracts/result'
import type { MonthlyFigures } from '../../../shared/analysis/figures'
import { buildQuarterlyReport, type QuarterlyReport } from '../../../shared/analysis/quarterly-report'
import { quarterlyReportHtml } from '../../../shared/analysis/report-document'
import {
  addToTally,
  emptyQuarterTally,
  QUARTER_TALLY_FIELDS,
  type QuarterTally,
  type QuarterTallyCase,
} from '../../../shared/analysis/quarter-tally'
import { basisText } from '../../../shared/policy/intake'
import { localDateOf, toShanghaiIso } from '../../../shared/time'
import { audit, type Auditor } from '../audit'
import { COLLECTIONS } from '../collections'
import { getMany } from '../db/get-many'
import { intakePolicyOf } from '../intake/assessment'
import type { Runtime } from '../ports'
import { runResumableCount, type CountOptions } from '../resumable-count'
import { disclosureId, type DisclosureDoc } from '../disclosure/monthly'
import { countyNamer } from './counties'
import { monthlyFiguresFor } from './monthly-figures'
import {
  addMonths,
  monthOf,
  monthRange,
  previousQuarter,
  quarterMonths,
  type Month,
  type Quarter,
} from '../../../shared/months'

export interface AnalysisReportDoc {
  quarter: Quarter
  report: QuarterlyReport
  generatedAt: string
  complete: boolean
  /** The HTML document in the blob store. */
  documentFileId: string | null
}

export const analysisReportId = (quarter: Quarter) => `quarter-${quarter}`

/** Whether a quarter is over on `today` (Shanghai). */
export function quarterIsOver(quarter: Quarter, today: string): boolean {
  return monthOf(today) > quarterMonths(quarter)[2]
}

/** The count job of the quarter's tally: one per quarter once it is over, one per day while it runs. */
const tallyJobId = (quarter: Quarter, today: string) =>
  quarterIsOver(quarter, today) ? `quarter-tally-${quarter}` : `quarter-tally-${quarter}@${today}`

/** The figures of some months: published ones as published, the others from the adapter (null: still counting). */
async function figuresOf(
  runtime: Runtime,
  months: readonly Month[],
  options: CountOptions,
): Promise<MonthlyFigures[] | null> {
  const published = await getMany<DisclosureDoc>(
    runtime.db,
    COLLECTIONS.disclosures,
    months.map(disclosureId),
  )
  const out: MonthlyFigures[] = []
  for (const month of months) {
    const figures =
      published.get(disclosureId(month))?.figures ?? (await monthlyFiguresFor(runtime, month, options))
    if (!figures) return null
    out.push(figures)
  }
  return out
}

/** Months that have begun on `today`. */
const begun = (months: readonly Month[], today: string) => months.filter((m) => m <= monthOf(today))

/** Whether the stored report still stands: a finished quarter's stands; a running one's only for its day. */
function stillCurrent(doc: AnalysisReportDoc | null, quarter: Quarter, today: string): boolean {
  if (!doc) return false
  if (doc.complete) return true
  return !quarterIsOver(quarter, today) && localDateOf(doc.generatedAt) === today
}

/**
 * The quarter's report: the stored one while it stands, else produced now (or as far as the budget allows — call
 * again to go on). `by` is the staff member who asked (audited), absent for the timer.
 */
export async function quarterlyReportFor(
  runtime: Runtime,
  quarter: Quarter,
  options: CountOptions & { by?: Auditor } = {},
): Promise<QuarterlyReportState> {
  const now = runtime.clock.now()
  const today = localDateOf(now)
  const months = begun(quarterMonths(quarter), today)
  if (months.length === 0) throw new AppError('VALIDATION_FAILED', '该季度尚未开始，不能生成分析报告')
  const stored = await runtime.db.get<AnalysisReportDoc>(
    COLLECTIONS.analysisReports,
    analysisReportId(quarter),
  )
  if (stored && stillCurrent(stored, quarter, today)) return { status: 'ready', report: stored.report }

  const figures = await figuresOf(runtime, months, options)
  if (!figures) return { status: 'counting', counted: 0 }
  const { from } = monthRange(months[0]!)
  const { to } = monthRange(months[months.length - 1]!)
  const tally = await runResumableCount<QuarterTallyCase, QuarterTally>(
    runtime,
    tallyJobId(quarter, today),
    {
      initial: emptyQuarterTally,
      fetch: (page) =>
        runtime.db.find<QuarterTallyCase>(COLLECTIONS.cases, {
          filter: { createdAt: { $gte: from, $lt: to } },
          orderBy: [['createdAt', 'asc']],
          fields: QUARTER_TALLY_FIELDS,
          ...page,
        }),
      fold: addToTally,
    },
    options,
  )
  if (!tally.done) return { status: 'counting', counted: tally.counted }

  // The trend: the twelve months up to the quarter's last, as published (the quarter's own as counted now).
  const last = months[months.length - 1]!
  const trendMonths = Array.from({ length: 12 }, (_, i) => addMonths(last, i - 11))
  const trendPublished = await getMany<DisclosureDoc>(
    runtime.db,
    COLLECTIONS.disclosures,
    trendMonths.map(disclosureId),
  )
  const trend = trendMonths.flatMap(
    (m) => figures.find((f) => f.month === m) ?? trendPublished.get(disclosureId(m))?.figures ?? [],
  )
  const previous = quarterMonths(previousQuarter(quarter)).flatMap(
    (m) => trendPublished.get(disclosureId(m))?.figures ?? [],
  )
  const policy = intakePolicyOf(runtime).repeat
  const generatedAt = toShanghaiIso(now)
  const complete = quarterIsOver(quarter, today)
  const report = buildQuarterlyReport({
    quarter,
    months: figures,
    previous: previous.length === 3 ? previous : [],
    trend,
    tally: tally.state,
    countyName: countyNamer(runtime),
    repeatPolicy: { threshold: policy.threshold, basis: basisText(policy.basis.threshold) },
    generatedAt,
    complete,
  })
  const html = quarterlyReportHtml(report, runtime.deployment.name)
  const stamp = generatedAt.slice(0, 19).replace(/[-:T]/g, '')
  const file = await runtime.blobs.put(
    `reports/analysis/${quarter}-${stamp}.html`,
    new TextEncoder().encode(html),
    'text/html; charset=utf-8',
  )
  const doc: AnalysisReportDoc = { quarter, report, generatedAt, complete, documentFileId: file.fileId }
  await runtime.db.transaction(async (tx) => {
    const current = await tx.get<AnalysisReportDoc>(COLLECTIONS.analysisReports, analysisReportId(quarter))
    if (current)
      await tx.update(COLLECTIONS.analysisReports, analysisReportId(quarter), doc, current._version)
    else
      await tx.insert<AnalysisReportDoc>(COLLECTIONS.analysisReports, {
        _id: analysisReportId(quarter),
        ...doc,
      })
    if (options.by) {
      await audit(tx, 'generate-analysis-report', analysisReportId(quarter), options.by, generatedAt, {
        complete,
      })
    }
  })
  if (stored?.documentFileId) await runtime.blobs.remove([stored.documentFileId]).catch(() => undefined)
  runtime.log.info('quarterly report produced', { quarter, complete, reports: tally.counted })
  return { status: 'ready', report }
}
