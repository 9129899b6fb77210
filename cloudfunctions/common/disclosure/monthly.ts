// The monthly disclosure (每月向社会公开, S1 第十三条; S3 第十七条): once a month is over and its figures are
// available (monthlyFiguresFor), they are published once as a stored document — counts per county and category,
// nothing else — which the public page serves as it is (an anonymous request reads one document, never cases).
import { addMonths, monthOf, type Month, type MonthlyFigures } from '../../../shared/analysis/figures'
import { toPublicFigures, type PublicMonthlyFigures } from '../../../shared/disclosure/public-figures'
import { localDateOf, toShanghaiIso } from '../../../shared/time'
import { countyNamer } from '../analysis/counties'
import { monthlyFiguresFor } from '../analysis/monthly-figures'
import { COLLECTIONS } from '../collections'
import { DuplicateKeyError, type Runtime, type WithId } from '../ports'
import type { CountOptions } from '../resumable-count'

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

export type PublishOutcome = 'published' | 'already-published' | 'counting' | 'not-over'

/** Publishes a finished month once (idempotent: a month already published is left as it is). */
export async function publishMonth(
  runtime: Runtime,
  month: Month,
  options: CountOptions = {},
): Promise<PublishOutcome> {
  const now = runtime.clock.now()
  if (month > lastFinishedMonth(now)) return 'not-over'
  if (await runtime.db.get(COLLECTIONS.disclosures, disclosureId(month))) return 'already-published'
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

/** The published months, newest first (at most `limit`, ≤ 100), read with their figures. */
export async function publishedMonths(
  runtime: Runtime,
  limit: number,
  before?: Month,
): Promise<Array<WithId<DisclosureDoc>>> {
  const page = await runtime.db.find<DisclosureDoc>(COLLECTIONS.disclosures, {
    ...(before ? { filter: { month: { $lte: before } } } : {}),
    orderBy: [['month', 'desc']],
    limit,
  })
  return page.items
}
