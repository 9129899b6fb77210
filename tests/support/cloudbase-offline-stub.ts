// An offline CloudBase database for tests: it replaces the request class of @cloudbase/database (`Db.reqClass`),
// so `cloud.database()` (wx-server-sdk) and `app.database()` (@cloudbase/node-sdk) run their REAL query
// builders, serializers and result parsing, and only the HTTP round trip is served from memory.
//
// How it plugs in: every Query / DocumentReference / Transaction of @cloudbase/database does
// `new Db.reqClass(db.config)` and then `request.send(action, params)`. node-sdk's `newDb()` assigns
// `Db.reqClass = TcbDBApiHttpRequester` on every `database()` call (wx-server-sdk's `cloud.database()` calls it
// too), so a plain assignment would be undone by the next handle. `installOfflineCloudbase()` therefore turns
// `Db.reqClass` into an accessor that always yields the stub and counts (and ignores) those assignments; the
// count proves the stub sits on the very module instance the SDKs use.
//
// The "server": collections of documents, queried and updated with mingo (MongoDB's query / update language)
// from the EJSON the builder sends; responses have the shapes @cloudbase/database parses (`data.list` of EJSON
// strings, `data.total`, `data.insertedIds`, `data.updated`, `data.deleted`, `transactionId`) and failures are
// `{ code, message }`, delivered through node-sdk's own `processReturn` (thrown TcbError, or returned after
// `setThrowOnCode(false)`) exactly as the real requester does. It behaves like CloudBase where the adapter
// depends on it:
// - a collection must be created (`database.addCollection`) before anything can touch it;
// - a taken `_id` fails with DATABASE_REQUEST_FAILED + MongoDB's "E11000 duplicate key error" (as observed
//   through wx-server-sdk 4.0.2), or with the documented DATABASE_DUPLICATE_WRITE (`duplicateError` option);
// - transactions: snapshot reads, by-id writes staged until commit, DATABASE_TRANSACTION_CONFLICT when a
//   written document changed after the snapshot or is staged by another open transaction; any failure
//   aborts the transaction (as in MongoDB). A plain write to a document an open transaction has staged does
//   not wait as MongoDB would: the transaction fails at commit instead — the same outcome for the loser;
// - it refuses what MongoDB refuses and the adapter must never send: empty `$or`/`$and`, unknown operators,
//   conflicting update paths, `$`-prefixed or dotted top-level field names, colliding projection paths — and
//   it refuses `offset` (skip), which the adapter must never use.
import { Db } from '@cloudbase/database'
import { parseByEJSON, stringifyByEJSON } from '@cloudbase/database/dist/commonjs/utils/utils'
import { processReturn } from '@cloudbase/node-sdk/dist/utils/utils'
import { Query, find, update as applyUpdate } from 'mingo'
import { isDeepStrictEqual } from 'node:util'

type Doc = Record<string, unknown>
type Params = Record<string, unknown>

export interface Failure {
  code: string
  message: string
}

export interface LoggedRequest {
  action: string
  params: Params
}

export interface OfflineCloudbaseOptions {
  /** How a taken `_id` is reported (default: 'request-failed', as observed through wx-server-sdk 4.0.2). */
  duplicateError?: 'request-failed' | 'duplicate-write'
}

class StubFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message)
  }
}

const fail = (code: string, message: string): never => {
  throw new StubFailure({ code, message })
}

export const FAILURES = {
  noCollection: (): Failure => ({
    code: 'DATABASE_COLLECTION_NOT_EXIST',
    message:
      '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem persists, contact us.',
  }),
  conflict: (): Failure => ({
    code: 'DATABASE_TRANSACTION_CONFLICT',
    message: 'database transaction conflict',
  }),
  aborted: (): Failure => ({
    code: 'DATABASE_TRANSACTION_FAIL',
    message: 'transaction is not active (aborted or finished)',
  }),
}

interface TxState {
  id: string
  startSeq: number
  snapshot: Map<string, Map<string, Doc>>
  staged: Map<string, { collection: string; id: string; doc: Doc | null }>
  aborted: boolean
}

const key = (collection: string, id: string) => `${collection}\u0000${id}`
const clone = <T>(value: T): T => structuredClone(value)
const QUERY_OPS = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$regex',
  '$options',
])
const UPDATE_OPS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$push',
  '$pull',
  '$addToSet',
  '$pop',
])
const COLLECTION_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/

let requestCounter = 0
const requestId = () => `offline-${++requestCounter}`

function checkQuery(query: unknown): void {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) return
  for (const [k, v] of Object.entries(query)) {
    if (k === '$or' || k === '$and' || k === '$nor') {
      if (!Array.isArray(v) || v.length === 0)
        fail('DATABASE_INVALID_OPERRATOR', `${k} must be a nonempty array`)
      for (const sub of v as unknown[]) checkQuery(sub)
    } else if (k.startsWith('$')) {
      fail('DATABASE_INVALID_OPERRATOR', `unknown top level operator: ${k}`)
    } else if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const ops = Object.keys(v)
      if (ops.some((op) => op.startsWith('$'))) {
        for (const op of ops) {
          if (!QUERY_OPS.has(op)) fail('DATABASE_INVALID_OPERRATOR', `unknown operator: ${op}`)
          const operand = (v as Record<string, unknown>)[op]
          if ((op === '$in' || op === '$nin') && !Array.isArray(operand))
            fail('DATABASE_INVALID_OPERRATOR', `${op} needs an array`)
        }
      }
    }
  }
}

function checkFieldNames(doc: Doc): void {
  for (const name of Object.keys(doc)) {
    if (name.startsWith('$') || name.includes('.'))
      fail('DATABASE_REQUEST_FAILED', `invalid field name ${name}`)
  }
}

function checkUpdate(update: Doc): void {
  const paths: string[] = []
  for (const [op, fields] of Object.entries(update)) {
    if (!UPDATE_OPS.has(op)) fail('DATABASE_INVALID_OPERRATOR', `unknown update operator: ${op}`)
    for (const path of Object.keys(fields as Doc)) {
      if (path === '_id')
        fail(
          'DATABASE_REQUEST_FAILED',
          "Performing an update on the path '_id' would modify the immutable field '_id'",
        )
      for (const other of paths) {
        if (other === path || other.startsWith(`${path}.`) || path.startsWith(`${other}.`)) {
          fail('DATABASE_REQUEST_FAILED', `Updating the path '${path}' would create a conflict at '${other}'`)
        }
      }
      paths.push(path)
    }
  }
}

/** The in-memory "server" of one CloudBase environment. */
export class OfflineCloudbase {
  readonly requests: LoggedRequest[] = []
  private readonly collections = new Map<string, Map<string, Doc>>()
  private readonly revisions = new Map<string, number>()
  private readonly txs = new Map<string, TxState>()
  private readonly faults: Array<{ action: string; failure: Failure; remaining: number }> = []
  private seq = 0
  private txCounter = 0
  private idCounter = 0

  constructor(
    readonly env: string,
    private readonly options: OfflineCloudbaseOptions = {},
  ) {}

  // ---------- test helpers (not part of the emulated API) ----------

  /** Creates a collection and puts documents in it as-is (e.g. documents without `_version`). */
  seed(collection: string, docs: Doc[]): void {
    const docsOf = this.collections.get(collection) ?? new Map<string, Doc>()
    this.collections.set(collection, docsOf)
    for (const doc of docs) docsOf.set(String(doc._id), clone(doc))
  }

  /** The committed documents of a collection, or undefined when it does not exist. */
  documents(collection: string): Doc[] | undefined {
    const docs = this.collections.get(collection)
    return docs ? [...docs.values()].map(clone) : undefined
  }

  hasCollection(collection: string): boolean {
    return this.collections.has(collection)
  }

  openTransactions(): number {
    return this.txs.size
  }

  /** The next `times` requests of `action` fail with `failure`. */
  failNext(action: string, failure: Failure, times = 1): void {
    this.faults.push({ action, failure, remaining: times })
  }

  // ---------- the emulated API ----------

  handle(action: string, params: Params): Params {
    this.requests.push({ action, params: clone(params) })
    const txId = typeof params.transactionId === 'string' ? params.transactionId : undefined
    try {
      const fault = this.faults.find((f) => f.action === action && f.remaining > 0)
      if (fault) {
        fault.remaining--
        throw new StubFailure(fault.failure)
      }
      return { requestId: requestId(), ...this.dispatch(action, params, txId) }
    } catch (error) {
      if (!(error instanceof StubFailure)) throw error
      // As in MongoDB, an error inside a transaction aborts it.
      const tx = txId ? this.txs.get(txId) : undefined
      if (tx && action !== 'database.abortTransaction') tx.aborted = true
      if (action === 'database.commitTransaction' && txId) this.txs.delete(txId)
      return { requestId: requestId(), ...error.failure }
    }
  }

  private dispatch(action: string, params: Params, txId: string | undefined): Params {
    switch (action) {
      case 'database.getDocument':
        return this.getDocument(params, this.tx(txId))
      case 'database.calculateDocument':
        return this.calculateDocument(params, this.tx(txId))
      case 'database.insertDocument':
        return this.insertDocument(params, this.tx(txId))
      case 'database.modifyDocument':
        return this.modifyDocument(params, this.tx(txId))
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturnDoc(params, this.tx(txId))
      case 'database.removeDocument':
        return this.removeDocument(params, this.tx(txId))
      case 'database.addCollection':
        return this.addCollection(params)
      case 'database.startTransaction':
        return this.startTransaction()
      case 'database.commitTransaction':
        return this.commitTransaction(txId)
      case 'database.abortTransaction':
        if (!txId || !this.txs.delete(txId)) fail('DATABASE_TRANSACTION_FAIL', 'no such transaction')
        return {}
      default:
        return fail('INVALID_ACTION', `the offline stub does not serve ${action}`)
    }
  }

  private tx(txId: string | undefined): TxState | undefined {
    if (txId === undefined) return undefined
    const tx = this.txs.get(txId)
    if (!tx || tx.aborted) throw new StubFailure(FAILURES.aborted())
    return tx
  }

  private collectionName(params: Params): string {
    const name = params.collectionName
    if (typeof name !== 'string' || !COLLECTION_NAME.test(name))
      return fail('INVALID_PARAM', `invalid collectionName ${String(name)}`)
    return name
  }

  /** The documents a request sees: committed ones, or the transaction's snapshot plus its staged writes. */
  private visible(collection: string, tx: TxState | undefined): Map<string, Doc> {
    const base = tx ? tx.snapshot.get(collection) : this.collections.get(collection)
    if (!base) throw new StubFailure(FAILURES.noCollection())
    if (!tx) return base
    const view = new Map(base)
    for (const staged of tx.staged.values()) {
      if (staged.collection !== collection) continue
      if (staged.doc) view.set(staged.id, staged.doc)
      else view.delete(staged.id)
    }
    return view
  }

  private matching(collection: string, params: Params, tx: TxState | undefined): Doc[] {
    const docs = [...this.visible(collection, tx).values()]
    if (params.query === undefined) return docs
    const query = parseByEJSON(params.query) as Doc
    checkQuery(query)
    const compiled = new Query(query)
    return docs.filter((d) => compiled.test(d))
  }

  private duplicate(collection: string, id: string): never {
    const text = `E11000 duplicate key error collection: ${this.env}.${collection} index: _id_ dup key: { _id: "${id}" }`
    if (this.options.duplicateError === 'duplicate-write') {
      return fail('DATABASE_DUPLICATE_WRITE', 'Database write failed, index key duplicate')
    }
    return fail('DATABASE_REQUEST_FAILED', text)
  }

  /** A transaction may write a document only if nobody changed it since its snapshot or has it staged. */
  private checkWritable(tx: TxState, k: string): void {
    if ((this.revisions.get(k) ?? 0) > tx.startSeq) throw new StubFailure(FAILURES.conflict())
    for (const other of this.txs.values()) {
      if (other !== tx && !other.aborted && other.staged.has(k)) throw new StubFailure(FAILURES.conflict())
    }
  }

  /** Writes (or deletes, with null) one document, in the transaction or committed. */
  private put(collection: string, id: string, doc: Doc | null, tx: TxState | undefined): void {
    const k = key(collection, id)
    if (tx) {
      this.checkWritable(tx, k)
      tx.staged.set(k, { collection, id, doc })
      return
    }
    const docs = this.collections.get(collection)
    if (!docs) throw new StubFailure(FAILURES.noCollection())
    if (doc) docs.set(id, doc)
    else docs.delete(id)
    this.revisions.set(k, ++this.seq)
  }

  private getDocument(params: Params, tx: TxState | undefined): Params {
    if (params.offset !== undefined)
      fail('INVALID_PARAM', 'offset (skip) is refused by the offline stub: page with keyset cursors')
    const collection = this.collectionName(params)
    const docs = this.matching(collection, params, tx)
    let projection: Record<string, 1> | undefined
    if (params.projection !== undefined) {
      projection = parseByEJSON(params.projection) as Record<string, 1>
      const paths = Object.keys(projection)
      if (paths.some((p) => projection![p] !== 1)) fail('INVALID_PARAM', 'projection values must be 1')
      // MongoDB refuses a projection naming a path and a path inside it.
      if (paths.some((a) => paths.some((b) => b.startsWith(`${a}.`))))
        fail('DATABASE_REQUEST_FAILED', 'Path collision in projection')
    }
    let cursor = find(docs, {}, projection)
    if (params.order !== undefined) {
      const order = parseByEJSON(params.order) as Record<string, unknown>
      for (const value of Object.values(order))
        if (value !== 1 && value !== -1) fail('INVALID_PARAM', 'order value must be 1 or -1')
      cursor = cursor.sort(order as Record<string, 1 | -1>)
    }
    const limit = typeof params.limit === 'number' ? Math.min(params.limit, 1000) : 100
    const list = (cursor.limit(limit).all() as Doc[]).map((d) => stringifyByEJSON(clone(d)) as string)
    return { data: { list } }
  }

  private calculateDocument(params: Params, tx: TxState | undefined): Params {
    return { data: { total: this.matching(this.collectionName(params), params, tx).length } }
  }

  private insertDocument(params: Params, tx: TxState | undefined): Params {
    const collection = this.collectionName(params)
    const raw = params.data
    if (!Array.isArray(raw) || raw.length === 0) return fail('INVALID_PARAM', 'data must be a nonempty array')
    const visible = this.visible(collection, tx)
    const insertedIds: string[] = []
    for (const item of raw) {
      const doc = parseByEJSON(item) as Doc
      checkFieldNames(doc)
      if (doc._id === undefined)
        doc._id = `${Date.now().toString(16)}${(++this.idCounter).toString(16).padStart(8, '0')}`
      const id = String(doc._id)
      if (visible.has(id)) this.duplicate(collection, id)
      this.put(collection, id, doc, tx)
      insertedIds.push(id)
    }
    return { data: { insertedIds } }
  }

  private modifyDocument(params: Params, tx: TxState | undefined): Params {
    const collection = this.collectionName(params)
    const data = parseByEJSON(params.data) as Doc
    const merge = params.merge !== false
    if (merge) checkUpdate(data)
    else {
      checkFieldNames(data)
      if ('_id' in data) fail('INVALID_PARAM', '不能更新_id的值')
    }
    let matches = this.matching(collection, params, tx)
    if (params.multi === false) matches = matches.slice(0, 1)
    let updated = 0
    for (const doc of matches) {
      const next = merge ? this.applyOperators(doc, data) : { ...clone(data), _id: doc._id }
      if (isDeepStrictEqual(next, doc)) continue
      this.put(collection, String(doc._id), next, tx)
      updated++
    }
    let upsertId: string | undefined
    if (matches.length === 0 && params.upsert === true) {
      const query = params.query === undefined ? {} : (parseByEJSON(params.query) as Doc)
      const id =
        typeof query._id === 'string'
          ? query._id
          : `${Date.now().toString(16)}${(++this.idCounter).toString(16)}`
      const doc = merge ? this.applyOperators({ _id: id }, data) : { ...clone(data), _id: id }
      this.put(collection, id, doc, tx)
      upsertId = id
    }
    return { data: { updated, upsert_id: upsertId } }
  }

  private applyOperators(doc: Doc, update: Doc): Doc {
    const next = clone(doc)
    for (const [op, fields] of Object.entries(update)) {
      applyUpdate(next, { [op]: clone(fields) } as Parameters<typeof applyUpdate>[1])
    }
    return next
  }

  private modifyAndReturnDoc(params: Params, tx: TxState | undefined): Params {
    const collection = this.collectionName(params)
    const data = parseByEJSON(params.data) as Doc
    checkUpdate(data)
    const match = this.matching(collection, params, tx)[0]
    if (!match) return { data: { updated: 0, doc: null } }
    const next = this.applyOperators(match, data)
    this.put(collection, String(match._id), next, tx)
    return { data: { updated: 1, doc: stringifyByEJSON(clone(next)) as string } }
  }

  private removeDocument(params: Params, tx: TxState | undefined): Params {
    const collection = this.collectionName(params)
    let matches = this.matching(collection, params, tx)
    if (params.multi === false) matches = matches.slice(0, 1)
    for (const doc of matches) this.put(collection, String(doc._id), null, tx)
    return { data: { deleted: matches.length } }
  }

  private addCollection(params: Params): Params {
    const collection = this.collectionName(params)
    if (this.collections.has(collection))
      fail('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${collection} already exists`)
    this.collections.set(collection, new Map())
    return {}
  }

  private startTransaction(): Params {
    const id = `offline-tx-${++this.txCounter}`
    const snapshot = new Map([...this.collections].map(([name, docs]) => [name, new Map(docs)]))
    this.txs.set(id, { id, startSeq: this.seq, snapshot, staged: new Map(), aborted: false })
    // Unlike the other actions, startTransaction answers with the id at the top level.
    return { transactionId: id }
  }

  private commitTransaction(txId: string | undefined): Params {
    const tx = this.tx(txId)!
    for (const k of tx.staged.keys()) {
      if ((this.revisions.get(k) ?? 0) > tx.startSeq) throw new StubFailure(FAILURES.conflict())
    }
    const seq = ++this.seq
    for (const [k, { collection, id, doc }] of tx.staged) {
      const docs = this.collections.get(collection)
      if (!docs) throw new StubFailure(FAILURES.noCollection())
      if (doc) docs.set(id, doc)
      else docs.delete(id)
      this.revisions.set(k, seq)
    }
    this.txs.delete(tx.id)
    return {}
  }
}

// ---------- installation ----------

const backends = new Map<string, OfflineCloudbase>()
let installed: { descriptor: PropertyDescriptor | undefined; assignments: number } | null = null

function envOf(config: unknown): string {
  const c = (config ?? {}) as { envName?: unknown; env?: unknown }
  const env = typeof c.envName === 'string' ? c.envName : c.env
  if (typeof env !== 'string') throw new Error('offline CloudBase stub: the database handle has no env name')
  return env
}

/** What replaces TcbDBApiHttpRequester: same constructor and `send`, answered from memory. */
class OfflineRequester {
  constructor(private readonly config: unknown) {}

  async send(action: string, params?: Params): Promise<unknown> {
    const env = envOf(this.config)
    const backend = backends.get(env)
    if (!backend)
      throw new Error(`offline CloudBase stub: no backend for env ${env} (call offlineCloudbase(env) first)`)
    // A real request never completes synchronously: let other work interleave, as it would on the network.
    await new Promise((resolve) => setImmediate(resolve))
    // Through JSON, like an HTTP body: nothing the SDK does to the result can reach the stored documents.
    const result = JSON.parse(JSON.stringify(backend.handle(action, clone(params ?? {})))) as Params
    return result.code ? processReturn(result) : result
  }
}

/** Makes every @cloudbase/database request of this module instance go to the offline backends. */
export function installOfflineCloudbase(): void {
  if (installed) return
  const descriptor = Object.getOwnPropertyDescriptor(Db, 'reqClass')
  const state = { descriptor, assignments: 0 }
  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    get: () => OfflineRequester,
    set: () => {
      state.assignments++
    },
  })
  installed = state
}

export function uninstallOfflineCloudbase(): void {
  if (!installed) return
  if (installed.descriptor) Object.defineProperty(Db, 'reqClass', installed.descriptor)
  else delete (Db as unknown as Record<string, unknown>).reqClass
  installed = null
  backends.clear()
}

/** How many times an SDK tried to put its real requester back (node-sdk's newDb() does on every database()). */
export function reqClassAssignments(): number {
  return installed?.assignments ?? 0
}

/** The offline backend of `env` (created on first use). */
export function offlineCloudbase(env: string, options: OfflineCloudbaseOptions = {}): OfflineCloudbase {
  let backend = backends.get(env)
  if (!backend) {
    backend = new OfflineCloudbase(env, options)
    backends.set(env, backend)
  }
  return backend
}
