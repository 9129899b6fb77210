// One page over several values of a field (a staff member's units): one indexed query per value, merged in
// the total order. `field IN (…) ORDER BY createdAt` would make the store sort every matching document;
// per-value queries each read at most a page from their index, whatever the collection's size. The keyset
// cursor is the same for every sub-query, so paging stays exact.
import type { DocStore, FindOptions, Page, Scalar, WithId } from '../ports'
import { compareInOrder, encodeCursor } from './query'

export async function findAcross<T extends object>(
  db: DocStore,
  collection: string,
  field: string,
  values: readonly Scalar[],
  options: FindOptions,
): Promise<Page<WithId<T>>> {
  if (values.length === 0) return { items: [], next: null }
  const pages = await Promise.all(
    values.map((value) =>
      db.find<T>(collection, { ...options, filter: { ...options.filter, [field]: value } }),
    ),
  )
  const all = pages.flatMap((p) => p.items).sort(compareInOrder(options.orderBy))
  const items = all.slice(0, options.limit)
  const more = all.length > options.limit || pages.some((p) => p.next !== null)
  return {
    items,
    next: more && items.length ? encodeCursor(items[items.length - 1]!, options.orderBy) : null,
  }
}
