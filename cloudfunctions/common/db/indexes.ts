// The database indexes of every collection, declared once in database/indexes.json: the local SQLite
// adapter creates them as expression indexes; for CloudBase they are created in the console / by
// `scripts/cloudbase-indexes.ts` from the same file. Every query the functions run is backed by one.
import indexFile from '../../../database/indexes.json'

export interface IndexSpec {
  name: string
  /** [dotted field path, 1 ascending | -1 descending] */
  fields: Array<[string, 1 | -1]>
  unique?: boolean
}

export type IndexCatalog = Record<string, IndexSpec[]>

export const INDEXES = indexFile.collections as unknown as IndexCatalog
