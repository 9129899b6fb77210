// What one report adds to the tally of its quarter: its geohash-6 cell (hotspots), the entity it names and whether its
// repeat count set off an action. Pure: the cloud functions page through a quarter's reports by an index and fold
// each in, keeping the partial tally between runs. A report is read only through `QuarterTallyCase`: no reporter field
// reaches the tally. (The quarter's figures are its months' statistics, through the one figures adapter.)
import type { StoredCase } from '../cases/case-doc'
import type { CategoryKey } from '../vocabulary/categories'

/** The fields of a stored case the quarter's tally reads. */
export type QuarterTallyCase = Pick<
  StoredCase,
  '_id' | 'category' | 'regionCode' | 'geo' | 'entityKey' | 'reportedEntity' | 'flags'
>

/** The projection that reads them (DocStore `fields`): the rest of the case is never loaded. */
export const QUARTER_TALLY_FIELDS = [
  'category',
  'regionCode',
  'geo',
  'entityKey',
  'reportedEntity',
  'flags',
] as const satisfies ReadonlyArray<keyof StoredCase>

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

export const emptyQuarterTally = (): QuarterTally => ({
  reports: 0,
  cells: {},
  entities: {},
  repeatActions: 0,
})

const bump = (into: Partial<Record<CategoryKey, number>>, category: CategoryKey) => {
  into[category] = (into[category] ?? 0) + 1
}

/** Folds one report of the quarter into the tally: its cell and the entity it names. */
export function addToTally(tally: QuarterTally, doc: QuarterTallyCase): QuarterTally {
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
