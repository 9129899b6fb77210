// Several documents by id in one query (`_id $in`, served by the primary key), instead of one `get` per id:
// photo checks, My reports and similar-case follows read a page of ids at once. Ids beyond a page (100) are
// read a page at a time; the callers here stay within one.
import { MAX_PAGE_SIZE, type DocStore, type FindOptions, type WithId } from '../ports'

/** The query for one page of ids (≤ 100). */
export function idsQuery(ids: readonly string[]): FindOptions {
  return { filter: { _id: { $in: ids } }, limit: ids.length }
}

/** The stored documents among `ids`, by id (missing ones are absent). */
export async function getMany<T extends object>(
  db: DocStore,
  collection: string,
  ids: readonly string[],
): Promise<Map<string, WithId<T>>> {
  const unique = [...new Set(ids)]
  const found = new Map<string, WithId<T>>()
  for (let i = 0; i < unique.length; i += MAX_PAGE_SIZE) {
    const chunk = unique.slice(i, i + MAX_PAGE_SIZE)
    const page = await db.find<T>(collection, idsQuery(chunk))
    for (const doc of page.items) found.set(doc._id, doc)
  }
  return found
}
