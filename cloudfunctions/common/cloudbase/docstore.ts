// DocStore on the CloudBase document database, through either SDK flavour (see driver.ts). Semantics are those
// of the SQLite adapter, checked by the same contract suite (tests/contract/docstore.contract.ts):
//
// - Versions: insert writes `_version: 1`; update is `where({ _id, _version: expected }).update({ ...patch,
//   _version: _.inc(1) })` — one atomic conditional write. Patch values go through `_.set()` so an object
//   replaces the stored one (plain nested objects would be flattened into dotted `$set`s and merged);
//   `undefined` becomes `_.remove()`. 0 updated → a read tells DocNotFoundError from VersionConflictError.
// - Stored form: documents are written and read as JSON (a Date becomes its ISO string, `undefined` fields
//   vanish), exactly what SQLite stores; GeoJSON-looking objects come back as plain objects, not the SDK's
//   Geo classes.
// - Paging: keyset cursors from db/query.ts, `orderBy` on every field of the total order and
//   `limit(limit + 1)`; never `skip()`. The "after the cursor" condition is nested, f1 ≥ v1 AND (f1 > v1 OR …),
//   so MongoDB bounds its index scan by the first sort field; the indexes (database/indexes.json) end with
//   `_id`, so the scan yields the total order with no in-memory SORT stage. `field $in [...]` ordered by the
//   fields after it in an index is served by MongoDB's SORT_MERGE of one index scan per value ("explode for
//   sort") — one round trip, not one per value.
// - Projection (`fields`): `.field({ path: true, _version: true })`; `_id` comes by default.
//
// What CloudBase does not do that the port promises, and how it is made to hold here:
// - Collections must exist before a write (DATABASE_COLLECTION_NOT_EXIST). Reads of a missing collection
//   answer "nothing"; the first write creates the collection (`createCollection`) and is retried once.
// - Transactions run by-id operations only and detect *write* conflicts (MongoDB snapshot isolation). Here
//   `work` reads inside the server transaction and buffers its writes; before the writes are sent, every
//   document that was read but not written is read again outside the transaction and the attempt is retried
//   if its version moved. That check and the commit are two requests, so a change to a read-only document
//   landing between them is not detected (write skew) — SQLite re-checks reads inside its commit and has no
//   such window. Documents the transaction writes are fully protected by the server's conflict detection.
//   Inside the transaction the writes are by id: `add` for an insert, `doc(id).set(whole document)` for an
//   update (its version was checked against what `work` read), `doc(id).remove()`. Conflicts
//   (DATABASE_TRANSACTION_CONFLICT) are retried here, with a jittered pause, up to 8 attempts; the SDK's own
//   retry is switched off.
// - A transaction's duplicate insert of an id it read as absent means it lost an insert-if-absent race: the
//   attempt is retried and `work` then sees the winner's document.
// - Duplicate `_id`: see errors.ts for the codes recognised. wx-server-sdk loses server codes it does not
//   know (-501001); then a failed insert whose id exists afterwards is taken as a duplicate.
// - Documents created outside this adapter (console import) have no `_version`: they read as `_version: 0`
//   and an update with expected version 0 matches them.
import { randomUUID } from 'node:crypto'
import {
  applyPatch,
  assertCollectionName,
  assertFindOptions,
  assertNewDoc,
  assertPatch,
  pageFilter,
  projectionOf,
  toPage,
  totalOrder,
} from '../db/query'
import {
  DocNotFoundError,
  DuplicateKeyError,
  VersionConflictError,
  type DocStore,
  type Filter,
  type FindOptions,
  type NewDoc,
  type Page,
  type Patch,
  type Tx,
  type WithId,
} from '../ports'
import { nodeSdkDriver, wxServerSdkDriver, type DbDriver, type RawDoc, type TxDriver } from './driver'
import { isKind } from './errors'
import { toCondition } from './filter'
import type { SdkDatabase } from './sdk'

export interface CloudbaseDocStoreOptions {
  /** Attempts of a transaction before VersionConflictError (default 8, like SQLite). */
  maxTxAttempts?: number
  /** Pause before retry `attempt` (1-based), in ms. Default: jittered, growing with the attempt. */
  retryDelayMs?: (attempt: number) => number
}

const MAX_TX_ATTEMPTS = 8
/** wx-server-sdk's errCode for a server error code it has no number for (TCB_ERR_CODE.SYS_ERR). */
const WX_UNKNOWN_SERVER_CODE = -501001

function defaultRetryDelay(attempt: number): number {
  return Math.round(Math.random() * Math.min(200, 10 * 2 ** attempt))
}

function newId(): string {
  return randomUUID().replace(/-/g, '')
}

/** The stored (JSON) form of a value: what SQLite would store and return. */
function jsonValue<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

function withoutKeys(doc: object): RawDoc {
  const { _id: _i, _version: _v, ...rest } = doc as RawDoc
  return rest
}

function hydrate<T>(raw: RawDoc): WithId<T> {
  const doc = jsonValue(raw)
  const version = typeof doc._version === 'number' ? doc._version : 0
  return { ...doc, _id: String(doc._id), _version: version } as WithId<T>
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
}

/** An attempt that must be retried: something it read changed, or it lost an insert race. */
class TxRetry extends Error {}

const key = (collection: string, id: string) => `${collection}\u0000${id}`

export class CloudbaseDocStore implements DocStore {
  private readonly maxTxAttempts: number
  private readonly retryDelayMs: (attempt: number) => number

  constructor(
    private readonly driver: DbDriver,
    options: CloudbaseDocStoreOptions = {},
  ) {
    this.maxTxAttempts = options.maxTxAttempts ?? MAX_TX_ATTEMPTS
    this.retryDelayMs = options.retryDelayMs ?? defaultRetryDelay
  }

  /** Over wx-server-sdk's `cloud.database()` (inside cloud functions). */
  static fromWxServerSdk(db: SdkDatabase, options?: CloudbaseDocStoreOptions): CloudbaseDocStore {
    return new CloudbaseDocStore(wxServerSdkDriver(db), options)
  }

  /** Over @cloudbase/node-sdk's `app.database()` (server-side scripts). */
  static fromNodeSdk(db: SdkDatabase, options?: CloudbaseDocStoreOptions): CloudbaseDocStore {
    return new CloudbaseDocStore(nodeSdkDriver(db), options)
  }

  get flavour(): DbDriver['flavour'] {
    return this.driver.flavour
  }

  private where(filter: Filter | undefined): object | undefined {
    return toCondition(filter, this.driver.command) ?? undefined
  }

  /** Reads one document outside any transaction; a missing collection holds no documents. */
  private async read(collection: string, id: string): Promise<RawDoc | null> {
    try {
      const rows = await this.driver.query(collection, { _id: id }, [], 1)
      return rows[0] ?? null
    } catch (error) {
      if (isKind(error, 'no-collection')) return null
      throw error
    }
  }

  /**
   * Whether a failed insert of `id` hit a taken id. wx-server-sdk replaces server codes it does not know (such
   * as DATABASE_DUPLICATE_WRITE) by -501001 SYS_ERR; when the message carries no duplicate marker either, the
   * document's presence after the failure decides.
   */
  private async isDuplicate(error: unknown, collection: string, id: string): Promise<boolean> {
    if (isKind(error, 'duplicate')) return true
    if (!isKind(error, 'other') || error.code !== undefined || error.errCode !== WX_UNKNOWN_SERVER_CODE)
      return false
    return (await this.read(collection, id)) !== null
  }

  /** Creates a collection the server said is missing (a concurrent creator may win: that is fine). */
  private async createCollection(collection: string): Promise<void> {
    try {
      await this.driver.createCollection(collection)
    } catch {
      // Already created by someone else, or creation failed: the retried operation reports the real error.
    }
  }

  /** Runs a write; if the collection does not exist yet, creates it and runs the write once more. */
  private async write<R>(collection: string, run: () => Promise<R>): Promise<R> {
    try {
      return await run()
    } catch (error) {
      if (!isKind(error, 'no-collection')) throw error
      await this.createCollection(collection)
      return run()
    }
  }

  async get<T extends object>(collection: string, id: string): Promise<WithId<T> | null> {
    assertCollectionName(collection)
    const raw = await this.read(collection, id)
    return raw ? hydrate<T>(raw) : null
  }

  async find<T extends object>(collection: string, options: FindOptions): Promise<Page<WithId<T>>> {
    assertCollectionName(collection)
    assertFindOptions(options)
    const where = this.where(pageFilter(options))
    let rows: RawDoc[]
    try {
      rows = await this.driver.query(
        collection,
        where,
        totalOrder(options.orderBy),
        options.limit + 1,
        projectionOf(options),
      )
    } catch (error) {
      if (!isKind(error, 'no-collection')) throw error
      rows = []
    }
    return toPage(
      rows.map((r) => hydrate<T>(r)),
      options,
    )
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    assertCollectionName(collection)
    const where = this.where(filter)
    try {
      return await this.driver.count(collection, where)
    } catch (error) {
      if (isKind(error, 'no-collection')) return 0
      throw error
    }
  }

  async insert<T extends object>(collection: string, doc: NewDoc<T>): Promise<string> {
    assertCollectionName(collection)
    assertNewDoc(doc)
    const id = doc._id ?? newId()
    const data = { ...jsonValue(withoutKeys(doc)), _id: id, _version: 1 }
    try {
      await this.write(collection, () => this.driver.add(collection, data))
    } catch (error) {
      if (await this.isDuplicate(error, collection, id)) throw new DuplicateKeyError(collection, id)
      throw error
    }
    return id
  }

  async update<T extends object>(collection: string, id: string, patch: Patch<T>, expectedVersion: number) {
    assertCollectionName(collection)
    assertPatch(patch)
    const _ = this.driver.command
    const data: Record<string, unknown> = {}
    for (const [field, value] of Object.entries(patch)) {
      data[field] = value === undefined ? _.remove() : _.set(jsonValue(value))
    }
    data._version = _.inc(1)
    // Documents imported without a version read as version 0; `$in [0, null]` also matches a missing field.
    const version = expectedVersion === 0 ? _.in([0, null]) : expectedVersion
    let updated: number
    try {
      updated = await this.driver.updateWhere(collection, { _id: id, _version: version }, data)
    } catch (error) {
      if (isKind(error, 'no-collection')) throw new DocNotFoundError(collection, id)
      throw error
    }
    if (updated >= 1) return
    if (!(await this.read(collection, id))) throw new DocNotFoundError(collection, id)
    throw new VersionConflictError(collection, id)
  }

  async remove(collection: string, id: string): Promise<void> {
    assertCollectionName(collection)
    try {
      await this.driver.remove(collection, id)
    } catch (error) {
      if (!isKind(error, 'no-collection')) throw error
    }
  }

  async transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const missing = new Set<string>()
      try {
        return await this.driver.runTransaction((t) => this.attempt(t, work, missing))
      } catch (error) {
        const collection = isKind(error, 'no-collection') ? error.collection : undefined
        if (collection) missing.add(collection)
        const retry = error instanceof TxRetry || isKind(error, 'conflict') || missing.size > 0
        if (!retry) throw error
        if (attempt >= this.maxTxAttempts)
          throw new VersionConflictError('transaction', `after ${attempt} attempts`)
        for (const c of missing) await this.createCollection(c)
        await sleep(this.retryDelayMs(attempt))
      }
    }
  }

  /**
   * One attempt inside a server transaction: `work` reads through the transaction (recording each version it
   * saw) and stages its writes; then read-only documents are re-checked and the writes are sent in order.
   */
  private async attempt<R>(t: TxDriver, work: (tx: Tx) => Promise<R>, missing: Set<string>): Promise<R> {
    const reads = new Map<string, { collection: string; id: string; version: number | null }>()
    // The first read of each document, returned again by later reads (one request per document).
    const seen = new Map<string, WithId<object> | null>()
    const staged = new Map<string, WithId<object> | null>()
    const written = new Set<string>()
    const writes: Array<() => Promise<void>> = []

    const txGet = async <T extends object>(collection: string, id: string): Promise<WithId<T> | null> => {
      assertCollectionName(collection)
      const k = key(collection, id)
      if (staged.has(k)) return (staged.get(k) ?? null) as WithId<T> | null
      if (seen.has(k)) return (seen.get(k) ?? null) as WithId<T> | null
      let raw: RawDoc | null
      try {
        raw = await t.get(collection, id)
      } catch (error) {
        // The server aborts the transaction on a missing collection: create it, then retry the attempt.
        if (isKind(error, 'no-collection')) missing.add(collection)
        throw error
      }
      const doc = raw ? hydrate<T>(raw) : null
      reads.set(k, { collection, id, version: doc ? doc._version : null })
      seen.set(k, doc)
      return doc
    }

    const tx: Tx = {
      get: txGet,
      insert: async <T extends object>(collection: string, doc: NewDoc<T>) => {
        assertCollectionName(collection)
        assertNewDoc(doc)
        const id = doc._id ?? newId()
        const k = key(collection, id)
        if (staged.get(k)) throw new DuplicateKeyError(collection, id)
        const stored = { ...jsonValue(withoutKeys(doc)), _id: id, _version: 1 }
        staged.set(k, stored)
        written.add(k)
        writes.push(async () => {
          try {
            await t.add(collection, stored)
          } catch (error) {
            if (isKind(error, 'no-collection')) missing.add(collection)
            if (!(await this.isDuplicate(error, collection, id))) throw error
            // Read as absent, yet taken: another transaction won the race. Retry to see its document.
            if (reads.get(k)?.version === null) throw new TxRetry()
            throw new DuplicateKeyError(collection, id)
          }
        })
        return id
      },
      update: async <T extends object>(
        collection: string,
        id: string,
        patch: Patch<T>,
        expectedVersion: number,
      ) => {
        const k = key(collection, id)
        const current = staged.has(k) ? staged.get(k) : await txGet<object>(collection, id)
        if (!current) throw new DocNotFoundError(collection, id)
        if (current._version !== expectedVersion) throw new VersionConflictError(collection, id)
        const next = {
          ...jsonValue(withoutKeys(applyPatch(current, patch as Patch<object>))),
          _version: expectedVersion + 1,
        }
        staged.set(k, { ...next, _id: id })
        written.add(k)
        writes.push(() => t.set(collection, id, next))
      },
      remove: async (collection: string, id: string) => {
        assertCollectionName(collection)
        const k = key(collection, id)
        staged.set(k, null)
        written.add(k)
        writes.push(() => t.remove(collection, id))
      },
    }

    const result = await work(tx)
    // Documents only read are not covered by the server's write-conflict detection: re-read them now.
    for (const [k, read] of reads) {
      if (written.has(k)) continue
      const now = await this.read(read.collection, read.id)
      const version = now ? hydrate<object>(now)._version : null
      if (version !== read.version) throw new TxRetry()
    }
    for (const write of writes) await write()
    return result
  }
}
