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
//   `work` reads inside the server transaction and buffers its writes (the staged Tx and the retries are
//   db/staged-transaction.ts, shared with SQLite); before the writes are sent, every document that was read
//   but not written is read again outside the transaction and the attempt is retried if its version moved.
//   That check and the commit are two requests, so a change to a read-only document landing between them is
//   not detected (write skew) — SQLite re-checks reads inside its commit and has no such window. Documents
//   the transaction writes are fully protected by the server's conflict detection. Inside the transaction the
//   writes are by id: `add` for an insert, `doc(id).set(whole document)` for an update (its version was
//   checked against what `work` read), `doc(id).remove()`. Conflicts (DATABASE_TRANSACTION_CONFLICT) are
//   retried here, with a jittered pause, up to 8 attempts; the SDK's own retry is switched off.
// - A transaction's duplicate insert of an id it read as absent means it lost an insert-if-absent race: the
//   attempt is retried and `work` then sees the winner's document.
// - Duplicate `_id`: see errors.ts for the codes recognised. wx-server-sdk loses server codes it does not
//   know (-501001); then a failed insert whose id exists afterwards is taken as a duplicate.
// - Documents created outside this adapter (console import) have no `_version`: they read as `_version: 0`
//   and an update with expected version 0 matches them.
import {
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
import { newDocId, stageWork, TxRetry, withRetries, type StagedWork } from '../db/staged-transaction'
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
    const id = doc._id ?? newDocId()
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

  /**
   * The staged transaction (db/staged-transaction.ts) inside one server transaction per attempt: `work` reads
   * through the server transaction and buffers its writes; then the documents it only read are read again
   * (outside the transaction: the server detects write conflicts only) and the writes are sent in order. A
   * conflict, a changed read, a lost insert race or a collection created meanwhile runs the work again.
   */
  async transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    return withRetries(
      async () => {
        const missing = new Set<string>()
        try {
          return await this.driver.runTransaction(async (t) => {
            const staged = await stageWork(async (collection, id) => {
              try {
                const raw = await t.get(collection, id)
                return raw ? hydrate<object>(raw) : null
              } catch (error) {
                // The server aborts the transaction on a missing collection: create it, then run again.
                if (isKind(error, 'no-collection')) missing.add(collection)
                throw error
              }
            }, work)
            await this.commit(t, staged, missing)
            return staged.result
          })
        } catch (error) {
          if (isKind(error, 'no-collection') && error.collection) missing.add(error.collection)
          if (missing.size === 0) throw error
          for (const collection of missing) await this.createCollection(collection)
          throw new TxRetry('collection created')
        }
      },
      {
        maxAttempts: this.maxTxAttempts,
        retryDelayMs: this.retryDelayMs,
        isRetryable: (error) => isKind(error, 'conflict'),
      },
    )
  }

  /** Re-checks the documents only read, then sends the writes inside the server transaction `t`. */
  private async commit(t: TxDriver, staged: StagedWork<unknown>, missing: Set<string>): Promise<void> {
    for (const read of staged.reads) {
      if (staged.wrote(read.collection, read.id)) continue
      const now = await this.read(read.collection, read.id)
      const version = now ? hydrate<object>(now)._version : null
      if (version !== read.version) throw new TxRetry()
    }
    const readAbsent = new Set(
      staged.reads.filter((r) => r.version === null).map((r) => `${r.collection}\u0000${r.id}`),
    )
    for (const write of staged.writes) {
      const { collection, id } = write
      try {
        if (write.op === 'insert') await t.add(collection, write.doc)
        else if (write.op === 'update') {
          const { _id: _, ...data } = write.doc
          await t.set(collection, id, data)
        } else await t.remove(collection, id)
      } catch (error) {
        if (isKind(error, 'no-collection')) missing.add(collection)
        if (write.op !== 'insert' || !(await this.isDuplicate(error, collection, id))) throw error
        // Read as absent, yet taken: another transaction won the race. Run again to see its document.
        if (readAbsent.has(`${collection}\u0000${id}`)) throw new TxRetry('lost an insert race')
        throw new DuplicateKeyError(collection, id)
      }
    }
  }
}
