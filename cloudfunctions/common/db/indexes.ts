// The database indexes of every collection, declared once in database/indexes.json: the local SQLite
// adapter creates them as expression indexes; for CloudBase they are created in the console from the same
// file (README, deploying). Every query the functions run is backed by one.
import indexFile from '../../../database/indexes.json'

export interface IndexSpec {
  name: string
  /** [dotted field path, 1 ascending | -1 descending] */
  fields: Array<[string, 1 | -1]>
  unique?: boolean
  /**
   * A field of the index that most documents leave unset. The SQLite adapter indexes only the documents where it
   * is set (neither absent nor null), so writes of the others skip the index; a query uses it only when it
   * compares this field (`=`, `<`, `>`, `$in` without null), never to find documents without it. CloudBase has no
   * partial indexes: there the index holds every document, which serves the same queries.
   */
  sparse?: string
  /**
   * Fields the SQLite adapter also keeps in each entry, after the key and with the document's version: a query
   * that reads only these (`fields`) is answered from the index without opening a document (a covering index).
   * They are not part of the key, so they change neither the order nor which queries can use the index. For the
   * queries every submit runs (intake's repeat and early-warning checks read 11 fields of up to 100 earlier
   * reports each). CloudBase ignores them.
   */
  include?: string[]
}

export type IndexCatalog = Record<string, IndexSpec[]>

export const INDEXES = indexFile.collections as unknown as IndexCatalog

/**
 * Every sort ends with `_id` in the direction of its last field (the keyset tiebreaker, db/query.ts
 * `totalOrder`): a non-unique index must end with `_id` in the direction of the field before it, or the store
 * sorts each page in memory. (A unique index has no ties to break; `_id` in it would void the uniqueness.)
 */
export function assertIndexCatalog(catalog: IndexCatalog): void {
  for (const [collection, indexes] of Object.entries(catalog)) {
    for (const index of indexes) {
      if (index.sparse !== undefined && !index.fields.some(([f]) => f === index.sparse && f !== '_id')) {
        throw new Error(
          `index ${collection}.${index.name} is sparse on ${index.sparse}, which it does not hold`,
        )
      }
      if (index.include?.some((f) => f === '_id' || f === '_version')) {
        throw new Error(`index ${collection}.${index.name} includes _id or _version, which every entry has`)
      }
      if (index.unique) continue
      const [last, before] = [index.fields[index.fields.length - 1], index.fields[index.fields.length - 2]]
      if (last?.[0] !== '_id' || (before && before[1] !== last[1])) {
        throw new Error(
          `index ${collection}.${index.name} must end with _id in the direction of its last sort field`,
        )
      }
    }
  }
}
