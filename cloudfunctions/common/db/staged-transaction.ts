// The optimistic transaction both DocStore adapters run (DocStore.transaction): `work` reads through a staged
// `Tx` — each document's first read is recorded with the version it had and returned again by later reads, a
// consistent snapshot — and its writes are buffered, readable by later reads in the same work (read-your-writes).
// Nothing reaches the store until the adapter commits: it checks that every document read still has the version
// seen and applies the writes in order, all or none, or throws TxRetry, and the work runs again on fresh data, up
// to a number of attempts. What differs per store is only the reading and the commit (sqlite-docstore.ts: one
// IMMEDIATE SQLite transaction; cloudbase/docstore.ts: a server transaction plus a re-read of read-only documents).
import { randomUUID } from 'node:crypto'
import {
  DocNotFoundError,
  DuplicateKeyError,
  VersionConflictError,
  type NewDoc,
  type Patch,
  type Tx,
  type WithId,
} from '../ports'
import { applyPatch, assertCollectionName, assertNewDoc } from './query'

/** An attempt must run again: something it read changed before its commit, or it lost an insert race. */
export class TxRetry extends Error {
  constructor(reason = 'transaction read changed') {
    super(reason)
    this.name = 'TxRetry'
  }
}

/** What a transaction read: a document and the version it had then (null: it did not exist). */
interface StagedRead {
  collection: string
  id: string
  version: number | null
}

/**
 * A buffered write, in the order the work made it. `doc` is the document as stored after it (JSON form), `text`
 * the same without its keys as JSON text: a store that writes JSON text writes it as it is.
 */
export type StagedWrite =
  | { op: 'insert'; collection: string; id: string; doc: WithId<Record<string, unknown>>; text: string }
  | {
      op: 'update'
      collection: string
      id: string
      expectedVersion: number
      doc: WithId<Record<string, unknown>>
      text: string
    }
  | { op: 'remove'; collection: string; id: string }

/** What one attempt's work left to commit. */
export interface StagedWork<R> {
  result: R
  /** Every document read from the store (not those only written), with the version seen. */
  reads: readonly StagedRead[]
  writes: readonly StagedWrite[]
  /** Whether the work wrote the document (`collection`, `id`). */
  wrote(collection: string, id: string): boolean
}

/** Reads one document from the store for the transaction (inside the store's own transaction, where it has one). */
type StagedReader = (collection: string, id: string) => Promise<WithId<object> | null>

export function newDocId(): string {
  return randomUUID().replace(/-/g, '')
}

/** The stored (JSON) form of a document without its keys — what a read after the commit returns — and its text. */
function storedForm(doc: object): { fields: Record<string, unknown>; text: string } {
  const { _id: _i, _version: _v, ...rest } = doc as Record<string, unknown>
  const text = JSON.stringify(rest)
  return { fields: JSON.parse(text) as Record<string, unknown>, text }
}

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`

/** Runs `work` once against a staged Tx over `read`; nothing is written. */
export async function stageWork<R>(read: StagedReader, work: (tx: Tx) => Promise<R>): Promise<StagedWork<R>> {
  const reads = new Map<string, StagedRead>()
  // The first read of each document, returned again by later reads: a consistent snapshot.
  const seen = new Map<string, WithId<object> | null>()
  // What the work wrote, returned by its later reads.
  const staged = new Map<string, WithId<Record<string, unknown>> | null>()
  const writes: StagedWrite[] = []

  const get = async <T extends object>(collection: string, id: string): Promise<WithId<T> | null> => {
    assertCollectionName(collection)
    const k = keyOf(collection, id)
    if (staged.has(k)) return (staged.get(k) ?? null) as WithId<T> | null
    if (seen.has(k)) return (seen.get(k) ?? null) as WithId<T> | null
    const doc = await read(collection, id)
    reads.set(k, { collection, id, version: doc ? doc._version : null })
    seen.set(k, doc)
    return doc as WithId<T> | null
  }

  const tx: Tx = {
    get,
    async insert<T extends object>(collection: string, doc: NewDoc<T>): Promise<string> {
      assertCollectionName(collection)
      assertNewDoc(doc)
      const id = doc._id ?? newDocId()
      const k = keyOf(collection, id)
      if (staged.get(k)) throw new DuplicateKeyError(collection, id)
      const { fields, text } = storedForm(doc)
      const stored = { ...fields, _id: id, _version: 1 }
      staged.set(k, stored)
      writes.push({ op: 'insert', collection, id, doc: stored, text })
      return id
    },
    async update<T extends object>(collection: string, id: string, patch: Patch<T>, expectedVersion: number) {
      const k = keyOf(collection, id)
      const current = staged.has(k) ? staged.get(k) : await get<object>(collection, id)
      if (!current) throw new DocNotFoundError(collection, id)
      if (current._version !== expectedVersion) throw new VersionConflictError(collection, id)
      const { fields, text } = storedForm(applyPatch(current, patch as Patch<object>))
      const next = { ...fields, _id: id, _version: expectedVersion + 1 }
      staged.set(k, next)
      writes.push({ op: 'update', collection, id, expectedVersion, doc: next, text })
    },
    async remove(collection: string, id: string) {
      assertCollectionName(collection)
      staged.set(keyOf(collection, id), null)
      writes.push({ op: 'remove', collection, id })
    },
  }

  const result = await work(tx)
  const written = new Set(writes.map((w) => keyOf(w.collection, w.id)))
  return {
    result,
    reads: [...reads.values()],
    writes,
    wrote: (collection, id) => written.has(keyOf(collection, id)),
  }
}

interface RetryOptions {
  /** Attempts before giving up with VersionConflictError. */
  maxAttempts: number
  /** Pause before attempt `attempt + 1` (1-based), in ms; none by default. */
  retryDelayMs?: (attempt: number) => number
  /** Other errors that end an attempt for another one (a store's own conflict report); TxRetry always does. */
  isRetryable?: (error: unknown) => boolean
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
}

/**
 * Runs `attempt` (stage the work and commit it) until it commits. An attempt that throws TxRetry (or an error
 * `isRetryable` accepts) runs again; after `maxAttempts` the transaction fails with VersionConflictError. Any
 * other error — the work's own, a wrong expected version, a duplicate id it did not read — comes out unchanged.
 */
export async function withRetries<R>(attempt: (n: number) => Promise<R>, options: RetryOptions): Promise<R> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n)
    } catch (error) {
      const retry = error instanceof TxRetry || options.isRetryable?.(error) === true
      if (!retry) throw error
      if (n >= options.maxAttempts) throw new VersionConflictError('transaction', `after ${n} attempts`)
      await sleep(options.retryDelayMs?.(n) ?? 0)
    }
  }
}
