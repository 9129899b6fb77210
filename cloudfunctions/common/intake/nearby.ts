// The stored cases intake compares a report with, fetched by index (category + geohash cell, never a scan).
import type { CategoryKey } from '../../../shared/vocabulary/categories'
import type { NearbyCellQuery } from '../../../shared/geo/cells'
import { COLLECTIONS } from '../collections'
import type { Filter, FindOptions, Page, Runtime, WithId } from '../ports'

/**
 * The first page of cases in the cells around a point, newest first unless `orderBy` says otherwise (by
 * `createdAt`): one indexed `$in` query on the cell field the radius calls for. `fields` reads only those fields
 * of each case (type the call with that shape). `next` is null when the page holds every match.
 */
export async function casesInCellsPage<T extends object>(
  runtime: Runtime,
  category: CategoryKey,
  cells: NearbyCellQuery,
  extra: Filter,
  options: Partial<Pick<FindOptions, 'fields' | 'orderBy' | 'limit'>> = {},
): Promise<Page<WithId<T>>> {
  return runtime.db.find<T>(COLLECTIONS.cases, {
    filter: { category, [`geo.${cells.field}`]: { $in: cells.keys }, ...extra },
    orderBy: options.orderBy ?? [['createdAt', 'desc']],
    limit: options.limit ?? 100,
    fields: options.fields,
  })
}

/** The cases of `casesInCellsPage`'s first page. */
export async function casesInCells<T extends object>(
  ...args: Parameters<typeof casesInCellsPage>
): Promise<Array<WithId<T>>> {
  return (await casesInCellsPage<T>(...args)).items
}
