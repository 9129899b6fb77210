// What one report adds to the figures of its month and to the tally of its quarter (hotspots, reported entities,
// repeat problems). Pure: the cloud functions page through a period's reports by an index and fold each in, keeping
// the partial tally between runs. A report is read only through `CountedCase`: no reporter field reaches a figure.
import type { CaseClock } from '../deadlines'
import { findClock } from '../deadlines'
import { ratingOf, type StoredCase } from '../cases/case-doc'
import type { CategoryKey } from '../vocabulary/categories'
import { addCounts, emptyCounts, SATISFIED_STARS, type FigureCounts, type MonthlyFigureRow } from './figures'

/** The fields of a stored case the figures and the quarter's tally may read. */
export type CountedCase = Pick<
  StoredCase,
  | '_id'
  | 'category'
  | 'regionCode'
  | 'createdAt'
  | 'history'
  | 'geo'
  | 'entityKey'
  | 'reportedEntity'
  | 'flags'
  | 'mergedInto'
>

/** The projection that reads them (DocStore `fields`): the rest of the case is never loaded. */
export const COUNTED_CASE_FIELDS = [
  'category',
  'regionCode',
  'createdAt',
  'history',
  'geo',
  'entityKey',
  'reportedEntity',
  'flags',
  'mergedInto',
  'profile',
] as const satisfies ReadonlyArray<keyof StoredCase>

/**
 * What one report counts for in its month, with its clocks as the case page shows them: received; accepted when
 * it was accepted (`accept` in its history); closed when the handling clock was completed by the written reply,
 * on time when that was on or before the due date (the same clock code as every deadline); rated and satisfied
 * from the reporter's rating of the reply.
 */
export function caseCounts(doc: Pick<CountedCase, 'history'>, clocks: readonly CaseClock[]): FigureCounts {
  const counts = emptyCounts()
  counts.received = 1
  if (doc.history.some((h) => h.event.type === 'accept')) counts.accepted = 1
  const handling = findClock(clocks, 'handling')
  if (handling?.state === 'completed') {
    counts.closed = 1
    if (handling.metDeadline) counts.closedOnTime = 1
  }
  const rating = ratingOf(doc)
  if (rating) {
    counts.rated = 1
    if (rating.stars >= SATISFIED_STARS) counts.satisfied = 1
  }
  return counts
}

/** Adds a report's counts to the rows of a month (one row per county × category). */
export function addToRows(
  rows: MonthlyFigureRow[],
  doc: Pick<CountedCase, 'regionCode' | 'category'>,
  counts: FigureCounts,
): MonthlyFigureRow[] {
  const row = rows.find((r) => r.regionCode === doc.regionCode && r.category === doc.category)
  if (row) addCounts(row, counts)
  else rows.push({ regionCode: doc.regionCode, category: doc.category, ...counts })
  return rows
}

// ---------- the quarter's tally ----------

/** Reports in one geohash-6 cell (≈ 600 m × 1 km): the hotspot grain, the same cell the public map uses. */
export interface CellTally {
  cell: string
  regionCode: string | null
  count: number
  byCategory: Partial<Record<CategoryKey, number>>
}

/** Reports naming one entity (by its normalised key), with the name as first written. */
export interface EntityTally {
  key: string
  name: string
  count: number
  byCategory: Partial<Record<CategoryKey, number>>
}

export interface QuarterTally {
  /** Reports counted (each once). */
  reports: number
  cells: Record<string, CellTally>
  entities: Record<string, EntityTally>
  /** Reports whose repeat count set off the profile's repeat action (提级办理, 督办, …: S0 第十一条). */
  repeatActions: number
}

export const emptyTally = (): QuarterTally => ({
  reports: 0,
  cells: {},
  entities: {},
  repeatActions: 0,
})

const bump = (into: Partial<Record<CategoryKey, number>>, category: CategoryKey) => {
  into[category] = (into[category] ?? 0) + 1
}

/**
 * Folds one report of the quarter into the tally: its cell and the entity it names. (The quarter's figures are the
 * three months' figures, from the one adapter every figure comes from.)
 */
export function addToTally(tally: QuarterTally, doc: CountedCase): QuarterTally {
  tally.reports++
  const cell = (tally.cells[doc.geo.gh6] ??= {
    cell: doc.geo.gh6,
    regionCode: doc.regionCode,
    count: 0,
    byCategory: {},
  })
  cell.count++
  bump(cell.byCategory, doc.category)
  if (doc.entityKey) {
    const entity = (tally.entities[doc.entityKey] ??= {
      key: doc.entityKey,
      name: doc.reportedEntity ?? doc.entityKey,
      count: 0,
      byCategory: {},
    })
    entity.count++
    bump(entity.byCategory, doc.category)
  }
  if (doc.flags.repeatAction) tally.repeatActions++
  return tally
}
