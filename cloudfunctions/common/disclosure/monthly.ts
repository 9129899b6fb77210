// The monthly disclosure (每月向社会公开, S1 第十三条; S3 第十七条): once a month is over and its figures are
// available (monthlyFiguresFor), they are published once as a stored document — counts per county and category,
// nothing else — which the public page serves as it is (an anonymous request reads one document, never cases).
import type { MonthlyFigures } from '../../../shared/analysis/figures'
import { toPublicFigures, type PublicMonthlyFigures } from '../../../shared/disclosure/public-figures'
import { localDateOf, toShanghaiIso } from '../../../shared/time'
import { countyNamer } from '../analysis/counties'
import { monthlyFiguresFor } from '../analysis/monthly-figures'
import { COLLECTIONS } from '../collections'
import { DuplicateKeyError, type Runtime, type WithId } from '../ports'
import type { CountOptions } from '../resumable-count'
import { addMonths, monthOf, type Month } from '../../../shared/months'

export interface DisclosureDoc {
  month: Month
  /** The figures as counted (per county × category), for the trend and the quarterly report. */
  figures: MonthlyFigures
  /** What the public page shows. */
  published: PublicMonthlyFigures
  publishedAt: string
}

export const disclosureId = (month: Month) => `month-${month}`

/** The month before the current Shanghai month: the latest that can be published. */
export function lastFinishedMonth(now: Date): Month {
  return addMonths(monthOf(localDateOf(now)), -1)
}

export type PublishOutcome =
  'published' | 'already-published' | 'counting' | 'not-over' | 'before-first-report'

/** The month of the first report this deployment received (null: none yet), by the `created` index. */
async function firstReportMonth(runtime: Runtime): Promise<Month | null> {
  const first = await runtime.db.find<{ createdAt: string }>(COLLECTIONS.cases, {
    filter: { createdAt: { $lte: toShanghaiIso(runtime.clock.now()) } },
    orderBy: [['createdAt', 'asc']],
    limit: 1,
    fields: ['createdAt'],
  })
  return first.items[0] ? monthOf(localDateOf(first.items[0].createdAt)) : null
}

/** Publishes a finished month once (idempotent: a month already published is left as it is). */
export async function publishMonth(
  runtime: Runtime,
  month: Month,
  options: CountOptions = {},
): Promise<PublishOutcome> {
  const now = runtime.clock.now()
  if (month > lastFinishedMonth(now)) return 'not-over'
  if (await runtime.db.get(COLLECTIONS.disclosures, disclosureId(month))) return 'already-published'
  // Months before the service received anything are not published as months of nothing.
  const first = await firstReportMonth(runtime)
  if (first === null || month < first) return 'before-first-report'
  const figures = await monthlyFiguresFor(runtime, month, options)
  if (!figures) return 'counting'
  const publishedAt = toShanghaiIso(now)
  try {
    await runtime.db.insert<DisclosureDoc>(COLLECTIONS.disclosures, {
      _id: disclosureId(month),
      month,
      figures,
      published: toPublicFigures(figures, countyNamer(runtime), publishedAt),
      publishedAt,
    })
  } catch (error) {
    if (error instanceof DuplicateKeyError) return 'already-published' // an overlapping run published it
    throw error
  }
  runtime.log.info('monthly figures published', { month, rows: figures.rows.length })
  return 'published'
}

/** The published months up to `latest`, newest first (at most `limit`, ≤ 100), read with their figures. */
export async function publishedMonths(
  runtime: Runtime,
  limit: number,
  latest: Month,
): Promise<Array<WithId<DisclosureDoc>>> {
  const page = await runtime.db.find<DisclosureDoc>(COLLECTIONS.disclosures, {
    filter: { month: { $lte: latest } },
    orderBy: [['month', 'desc']],
    limit,
  })
  return page.items
}
