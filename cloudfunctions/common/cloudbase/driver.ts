// One small "driver" per SDK flavour, so CloudbaseDocStore never sees which SDK it runs on:
//
//                      wx-server-sdk `cloud.database()`      @cloudbase/node-sdk `app.database()`
//   add / update arg   `{ data: doc }`                       `doc`
//   add result         `{ _id }`                             `{ id }`
//   update result      `{ stats: { updated } }`              `{ updated }`
//   remove result      `{ stats: { removed } }`              `{ deleted }`
//   failures           thrown Error with numeric errCode     thrown TcbError `{ code }`, or a returned
//                      (server code kept only in errMsg)     `{ code, message }` after setThrowOnCode(false)
//   doc().get() miss   throws unless throwOnNotFound:false   `{ data: [] }` / in a transaction `{ data: null }`
//
// Both flavours go through the same @cloudbase/database query builder, so queries and update operators are
// built once, with `db.command`, by the DocStore.
import type { OrderBy } from '../ports'
import { CloudbaseDbError, isFailure, toDbError } from './errors'
import { field, type SdkCollection, type SdkCommand, type SdkDatabase, type SdkTransaction } from './sdk'

export type RawDoc = Record<string, unknown>

/** By-id operations inside one CloudBase transaction. */
export interface TxDriver {
  get(collection: string, id: string): Promise<RawDoc | null>
  add(collection: string, doc: RawDoc): Promise<void>
  /** Replaces the whole document (`data` without `_id`). */
  set(collection: string, id: string, data: RawDoc): Promise<void>
  remove(collection: string, id: string): Promise<void>
}

export interface DbDriver {
  readonly flavour: 'wx-server-sdk' | 'node-sdk'
  readonly command: SdkCommand
  /** `fields`: the paths to read (plus `_id` and `_version`), or null for whole documents. */
  query(
    collection: string,
    where: object | undefined,
    order: OrderBy,
    limit: number,
    fields?: readonly string[] | null,
  ): Promise<RawDoc[]>
  count(collection: string, where: object | undefined): Promise<number>
  /** Inserts one document (with its `_id`); returns the id the server reports. */
  add(collection: string, doc: RawDoc): Promise<string>
  /** Runs an update with operators on every match; returns how many were updated. */
  updateWhere(collection: string, where: object, data: object): Promise<number>
  remove(collection: string, id: string): Promise<void>
  createCollection(collection: string): Promise<void>
  /** One attempt of a server transaction (no SDK-side retry: the DocStore retries). */
  runTransaction<R>(work: (tx: TxDriver) => Promise<R>): Promise<R>
}

/** Calls the SDK; a returned failure object or a thrown error becomes a CloudbaseDbError. */
async function call(collection: string | undefined, run: () => Promise<unknown>): Promise<unknown> {
  let result: unknown
  try {
    result = await run()
  } catch (error) {
    throw toDbError(error, collection)
  }
  if (isFailure(result)) throw toDbError(result, collection)
  return result
}

function docsOf(result: unknown, what: string): RawDoc[] {
  const data = field(result, 'data')
  if (!Array.isArray(data))
    throw new CloudbaseDbError('other', undefined, undefined, `${what}: unexpected result`)
  return data as RawDoc[]
}

function numberOf(value: unknown, what: string): number {
  if (typeof value !== 'number')
    throw new CloudbaseDbError('other', undefined, undefined, `${what}: unexpected result`)
  return value
}

function select(
  collection: SdkCollection,
  where: object | undefined,
  order: OrderBy,
  limit: number,
  fields: readonly string[] | null,
): ReturnType<SdkCollection['limit']> {
  let query = where ? collection.where(where) : collection
  for (const [path, direction] of order) query = query.orderBy(path, direction)
  if (fields) {
    const projection: Record<string, boolean> = { _version: true }
    for (const path of fields) projection[path] = true
    query = query.field(projection)
  }
  return query.limit(limit)
}

/** What a transaction's `doc().get()` returns: the document, or null. */
function txDocOf(result: unknown): RawDoc | null {
  const data = field(result, 'data')
  if (Array.isArray(data)) return (data[0] as RawDoc | undefined) ?? null
  return typeof data === 'object' && data !== null ? (data as RawDoc) : null
}

/**
 * Runs one attempt of `db.runTransaction` with the SDK's own retry switched off (`times` 0). Errors thrown by
 * `work` come back unchanged; anything else (start, commit) is normalised.
 */
async function runOnce<R>(
  db: SdkDatabase,
  wrap: (t: SdkTransaction) => TxDriver,
  work: (tx: TxDriver) => Promise<R>,
): Promise<R> {
  let workError: { error: unknown } | null = null
  try {
    return (await db.runTransaction(async (t) => {
      try {
        return await work(wrap(t))
      } catch (error) {
        workError = { error }
        throw error
      }
    }, 0)) as R
  } catch (error) {
    const fromWork = workError as { error: unknown } | null
    if (fromWork && fromWork.error === error) throw error
    throw toDbError(error)
  }
}

/** What differs between the two SDKs (the table at the top of this file); everything else is shared. */
interface Flavour {
  name: DbDriver['flavour']
  /** The argument of add / set / update. */
  body(data: object): object
  /** The id in an add result. */
  addedId(result: unknown): unknown
  /** The count in an update result. */
  updated(result: unknown): unknown
  /** A transaction's `doc().get()` miss that this SDK throws instead of answering empty. */
  isMiss?(error: unknown, id: string): boolean
}

function driverFor(db: SdkDatabase, flavour: Flavour): DbDriver {
  const tx = (t: SdkTransaction): TxDriver => ({
    async get(collection, id) {
      try {
        return txDocOf(await call(collection, () => t.collection(collection).doc(id).get()))
      } catch (error) {
        if (flavour.isMiss?.(error, id)) return null
        throw error
      }
    },
    async add(collection, doc) {
      await call(collection, () => t.collection(collection).add(flavour.body(doc)))
    },
    async set(collection, id, data) {
      await call(collection, () => t.collection(collection).doc(id).set(flavour.body(data)))
    },
    async remove(collection, id) {
      await call(collection, () => t.collection(collection).doc(id).remove())
    },
  })
  return {
    flavour: flavour.name,
    command: db.command,
    async query(collection, where, order, limit, fields = null) {
      return docsOf(
        await call(collection, () => select(db.collection(collection), where, order, limit, fields).get()),
        'get',
      )
    },
    async count(collection, where) {
      const query = where ? db.collection(collection).where(where) : db.collection(collection)
      return numberOf(field(await call(collection, () => query.count()), 'total'), 'count')
    },
    async add(collection, doc) {
      const result = await call(collection, () => db.collection(collection).add(flavour.body(doc)))
      return String(flavour.addedId(result))
    },
    async updateWhere(collection, where, data) {
      const result = await call(collection, () =>
        db.collection(collection).where(where).update(flavour.body(data)),
      )
      return numberOf(flavour.updated(result), 'update')
    },
    async remove(collection, id) {
      await call(collection, () => db.collection(collection).doc(id).remove())
    },
    async createCollection(collection) {
      await call(collection, () => db.createCollection(collection))
    },
    runTransaction: (work) => runOnce(db, tx, work),
  }
}

/** Driver for wx-server-sdk's `cloud.database()` (inside cloud functions). */
export function wxServerSdkDriver(db: SdkDatabase): DbDriver {
  return driverFor(db, {
    name: 'wx-server-sdk',
    body: (data) => ({ data }),
    addedId: (result) => field(result, '_id'),
    updated: (result) => field(field(result, 'stats'), 'updated'),
    // Without `throwOnNotFound: false`, wx-server-sdk turns a miss into an error of its own.
    isMiss: (error, id) =>
      error instanceof CloudbaseDbError && error.message.includes(`document with _id ${id} does not exist`),
  })
}

/** Driver for @cloudbase/node-sdk's `app.database()` (server-side scripts, the live contract run). */
export function nodeSdkDriver(db: SdkDatabase): DbDriver {
  return driverFor(db, {
    name: 'node-sdk',
    body: (data) => data,
    addedId: (result) => field(result, 'id'),
    updated: (result) => field(result, 'updated'),
  })
}
