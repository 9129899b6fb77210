// The stored cases intake compares a report with, fetched by index (category + geohash cell, never a scan).
import type { CategoryKey } from '../../../shared/vocabulary/categories'
import type { NearbyCellQuery } from '../../../shared/geo/cells'
import type { CaseDoc, StoredCase } from '../../../shared/cases/case-doc'
import { COLLECTIONS } from '../collections'
import type { Filter, Runtime } from '../ports'

/** Cases in the cells around a point: one indexed `$in` query on the cell field the radius calls for. */
export async function casesInCells(
  runtime: Runtime,
  category: CategoryKey,
  cells: NearbyCellQuery,
  extra: Filter,
  limit = 100,
): Promise<StoredCase[]> {
  const page = await runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
    filter: { category, [`geo.${cells.field}`]: { $in: cells.keys }, ...extra },
    orderBy: [['createdAt', 'desc']],
    limit,
  })
  return page.items
}
