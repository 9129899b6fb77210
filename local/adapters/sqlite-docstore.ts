// DocStore on SQLite (better-sqlite3): one table per collection holding JSON documents, with the
// indexes of database/indexes.json as expression indexes on json_extract(...). Versioned updates run
// in IMMEDIATE transactions, so two processes on one file never lose an update.
//
// Documents are stored as JSONB, SQLite's binary JSON (3.45+): an index or a projection reads a field without
// parsing the whole text, and a case takes 18% less room. Measured on the benchmark's 100k store: reading 11
// fields of 100 cases 1.11 → 0.67 ms, submits 308–326/s → 353–355/s. Reads turn it back into text (`json(doc)`).
// Files written before hold text JSON rows, which every JSON function reads the same way; they become JSONB when
// next written.
import Database from 'better-sqlite3'
import {
  applyPatch,
  assertCollectionName,
  assertFieldPath,
  assertFindOptions,
  assertNewDoc,
  pageFilter,
  pinnedFields,
  projectionOf,
  toPage,
  totalOrder,
} from '../../cloudfunctions/common/db/query'
import { INLINE_CHECKPOINT_PAGES, startCheckpointer, type Checkpointer } from './sqlite-checkpointer'
import {
  assertIndexCatalog,
  INDEXES,
  type IndexCatalog,
  type IndexSpec,
} from '../../cloudfunctions/common/db/indexes'
import {
  newDocId,
  stageWork,
  TxRetry,
  withRetries,
  type StagedWrite,
} from '../../cloudfunctions/common/db/staged-transaction'
import {
  DocNotFoundError,
  DuplicateKeyError,
  VersionConflictError,
  type DocStore,
  type FieldOps,
  type Filter,
  type FindOptions,
  type NewDoc,
  type OrderBy,
  type Page,
  type Patch,
  type Scalar,
  type Tx,
  type WithId,
} from '../../cloudfunctions/common/ports'

type Row = { id: string; version: number; doc: string }
/** A row of a projected find, read as an array: first the JSON text of the document's key and projected paths. */
type ProjectedRow = [fields: string, ...rest: unknown[]]
type Param = string | number | null

const OPS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists'])

/** SQL expression for a field; identical text in indexes and queries so SQLite uses the index. */
function fieldExpr(path: string): string {
  if (path === '_id') return 'id'
  if (path === '_version') return 'version'
  assertFieldPath(path)
  return `json_extract(doc, '$.${path}')`
}

/**
 * SQL for a projected field: its JSON text (NULL when absent), keeping its type. Identical text in projections and
 * in the included columns of an index (IndexSpec.include), so SQLite reads it from the index.
 */
function projectedExpr(path: string): string {
  assertFieldPath(path)
  return `doc -> '$.${path}'`
}

/** Projected paths as a tree of their segments: a leaf holds the full path it reads. */
type PathTree = Map<string, PathTree | string>

function pathTree(paths: readonly string[]): PathTree {
  const root: PathTree = new Map()
  for (const path of paths) {
    const keys = path.split('.')
    let node = root
    for (const key of keys.slice(0, -1)) {
      let child = node.get(key)
      if (typeof child !== 'object') node.set(key, (child = new Map()))
      node = child
    }
    node.set(keys[keys.length - 1]!, path)
  }
  return root
}

/**
 * SQL for the members of a projected object, each `,"key":value`: a present path under its key (a stored null is
 * null), a nested one inside the objects of its parents; an absent path, or a parent none of whose paths is
 * present, is left out. `projectionOf` refuses paths that contain one another, so a key is a path or a parent.
 */
function membersExpr(tree: PathTree): string {
  return [...tree]
    .map(([key, node]) =>
      typeof node === 'string'
        ? `ifnull(',"${key}":' || (${projectedExpr(node)}), '')`
        : `ifnull(',"${key}":{' || substr(nullif(${membersExpr(node)}, ''), 2) || '}', '')`,
    )
    .join(' || ')
}

/**
 * SQL for a projected row as the JSON text of the document it reads: `_id`, `_version` and the present paths, a
 * nested one in its parent objects. One string and one JSON.parse per row instead of one per field: 100 cases × 11
 * fields read and hydrated in 0.18 ms instead of 0.36 (bench, 100k store); built whole in SQL, not moved into its
 * parent afterwards (a `delete` per row left the object slow to read).
 */
function projectedObjectExpr(paths: readonly string[]): string {
  const members = paths.length > 0 ? ` || ${membersExpr(pathTree(paths))}` : ''
  return `'{"_id":' || json_quote(id) || ',"_version":' || version${members} || '}'`
}

/** SQL that is NULL only when the field is absent (json_type says 'null' for a stored null). */
function presenceExpr(path: string): string {
  if (path === '_id' || path === '_version') return "'present'"
  assertFieldPath(path)
  return `json_type(doc, '$.${path}')`
}

function toParam(value: Scalar): Param {
  if (typeof value === 'boolean') return value ? 1 : 0
  return value
}

function isOps(value: unknown): value is FieldOps {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function compileFilter(filter: Filter | undefined, params: Param[]): string {
  if (!filter) return '1'
  const parts: string[] = []
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue
    if (key === '$or' || key === '$and') {
      const subs = (value as Filter[]).map((f) => `(${compileFilter(f, params)})`)
      if (subs.length === 0) parts.push(key === '$or' ? '0' : '1')
      else parts.push(`(${subs.join(key === '$or' ? ' OR ' : ' AND ')})`)
      continue
    }
    const expr = fieldExpr(key)
    if (!isOps(value)) {
      parts.push(eq(expr, value as Scalar, params))
      continue
    }
    for (const [op, operand] of Object.entries(value)) {
      if (!OPS.has(op)) throw new Error(`unsupported operator ${op}`)
      if (operand === undefined) continue
      switch (op) {
        case '$eq':
          parts.push(eq(expr, operand as Scalar, params))
          break
        case '$ne':
          if (operand === null) parts.push(`${expr} IS NOT NULL`)
          else {
            params.push(toParam(operand as Scalar))
            parts.push(`(${expr} IS NULL OR ${expr} != ?)`)
          }
          break
        case '$gt':
        case '$gte':
        case '$lt':
        case '$lte': {
          const sql = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op]
          // Cursors on a boolean sort field compare booleans: bind them as SQLite stores them (1/0).
          params.push(toParam(operand as Scalar))
          parts.push(`${expr} ${sql} ?`)
          break
        }
        case '$in':
        case '$nin': {
          const list = operand as Scalar[]
          const nonNull = list.filter((v) => v !== null)
          const hasNull = nonNull.length !== list.length
          const inList = nonNull.length ? `${expr} IN (${nonNull.map(() => '?').join(',')})` : '0'
          params.push(...nonNull.map(toParam))
          const positive = hasNull ? `(${inList} OR ${expr} IS NULL)` : inList
          if (op === '$in') parts.push(positive)
          // Like MongoDB: $nin matches documents without the field, unless null is in the list.
          else parts.push(hasNull ? `NOT ${positive}` : `(${expr} IS NULL OR NOT ${inList})`)
          break
        }
        case '$exists':
          // Like MongoDB: a field holding null exists; only an absent field does not.
          parts.push(`${presenceExpr(key)} IS ${operand ? 'NOT ' : ''}NULL`)
          break
      }
    }
  }
  return parts.length ? parts.join(' AND ') : '1'
}

function eq(expr: string, value: Scalar, params: Param[]): string {
  if (value === null) return `${expr} IS NULL`
  params.push(toParam(value))
  return `${expr} = ?`
}

/** The CREATE INDEX statement of a catalog index, as SQLite keeps it in sqlite_master (to compare with). */
function indexSql(indexName: string, tableName: string, index: IndexSpec): string {
  const key = index.fields.map(([f, dir]) => `${fieldExpr(f)}${dir === -1 ? ' DESC' : ''}`)
  // Included fields after the key, with the version: what a projection selects (findSql), so it covers them.
  const included = index.include ? ['version', ...index.include.map(projectedExpr)] : []
  const cols = [...key, ...included].join(', ')
  const unique = index.unique ? 'UNIQUE ' : ''
  // `expr IS NOT NULL`: SQLite proves it from any comparison of expr in a query (partialindex.html, 3.1).
  const where = index.sparse ? ` WHERE ${fieldExpr(index.sparse)} IS NOT NULL` : ''
  return `CREATE ${unique}INDEX ${indexName} ON ${tableName} (${cols})${where}`
}

function table(collection: string): string {
  assertCollectionName(collection)
  return `"docs_${collection}"`
}

function hydrate<T>(row: Row): WithId<T> {
  const doc = JSON.parse(row.doc) as Record<string, unknown>
  doc._id = row.id
  doc._version = row.version
  return doc as WithId<T>
}

/** A projected document: the paths that are present, `_id` and `_version`. */
function hydrateProjected<T>(row: ProjectedRow): WithId<T> {
  return JSON.parse(row[0]) as WithId<T>
}

/** Most `$in` values one find expands into merged index ranges (SQLite allows 500 compound terms). */
const MAX_MERGED_RANGES = 100

function serialize(doc: object): string {
  const { _id: _i, _version: _v, ...rest } = doc as Record<string, unknown>
  return JSON.stringify(rest)
}

/**
 * Attempts of a transaction's work before VersionConflictError, each after a random pause growing with the
 * attempt (0–2, 0–4, … 0–32 ms). Every submit writes the day's reference-number counter after reading the intake
 * queries (registration-checks.ts), so two processes filing at full speed retry each other's work; one the
 * scheduler holds back mid-work loses attempt after attempt to one that runs on. Measured with two processes
 * on 2 busy cores (load 8–10): 8 attempts without pauses lost ~1 submit in 400 (CONFLICT), 8 with pauses ~1
 * in 600, 20 with pauses none in ~3,600 (12% of the work run twice). Once submits took ~3 ms instead of ~5 (the
 * store's checkpoints, sparse and covering indexes), 20 lost 3 in 3,460 on the benchmark's store; 40 none in
 * ~22,000. The process that loses still files fewer than the other (4,111 against 7,972 in 20 s): optimistic
 * transactions are not fair, only bounded.
 */
const MAX_TX_ATTEMPTS = 40

function retryDelay(attempt: number): number {
  return Math.random() * Math.min(32, 2 ** attempt)
}

export interface SqliteDocStoreOptions {
  /** Index catalog (default: database/indexes.json). */
  indexes?: IndexCatalog
  /**
   * Prepared statements kept, by SQL text (least recently used dropped first). Preparing costs more than running
   * an indexed query (intake's nine merged cell ranges: ~390 µs to prepare, 6 µs to run), so every statement is
   * prepared once; 0 prepares on every call.
   */
  statementCacheSize?: number
  /**
   * Where WAL checkpoints run: 'background' (default) in a worker thread with its own connection
   * (sqlite-checkpointer.ts), the request connection only past `INLINE_CHECKPOINT_PAGES`; 'inline' as SQLite does
   * by default, in the commit that finds the WAL past 1,000 pages.
   */
  checkpoints?: 'background' | 'inline'
  /** A background checkpoint round that failed. */
  onCheckpointError?: (message: string) => void
  /** How long a write waits for another connection's write lock before it fails (default 5 s). */
  busyTimeoutMs?: number
  /**
   * How long opening waits for another connection's write lock (default 2 min). Longer than a request's wait:
   * another process may be building an index declared anew, which takes ~20 s on a store of a million cases, and
   * a process started meanwhile must open once it is done, not fail.
   */
  openTimeoutMs?: number
}

const BUSY_TIMEOUT_MS = 5_000
const OPEN_TIMEOUT_MS = 120_000

export class SqliteDocStore implements DocStore {
  private readonly db: Database.Database
  private readonly known = new Set<string>()
  private readonly indexes: IndexCatalog
  private readonly statements = new Map<string, Database.Statement>()
  private readonly statementCacheSize: number
  private readonly checkpointer: Checkpointer | null

  constructor(file: string, options: SqliteDocStoreOptions = {}) {
    this.indexes = options.indexes ?? INDEXES
    assertIndexCatalog(this.indexes)
    this.statementCacheSize = options.statementCacheSize ?? 500
    this.db = new Database(file, { timeout: options.openTimeoutMs ?? OPEN_TIMEOUT_MS })
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    for (const collection of Object.keys(this.indexes)) this.ensure(collection)
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`)
    if ((options.checkpoints ?? 'background') === 'background') {
      this.db.pragma(`wal_autocheckpoint = ${INLINE_CHECKPOINT_PAGES}`)
      // A WAL that grew while the worker was behind is cut back to this size once it restarts from the top.
      this.db.pragma(`journal_size_limit = ${INLINE_CHECKPOINT_PAGES * 4096}`)
      this.checkpointer = startCheckpointer(file, { onError: options.onCheckpointError })
    } else {
      this.checkpointer = null
    }
  }

  /** The prepared statement for `sql`, prepared on first use. */
  private statement(sql: string): Database.Statement {
    const cached = this.statements.get(sql)
    if (cached) {
      // Most recently used last, so the first entry is the one to drop.
      this.statements.delete(sql)
      this.statements.set(sql, cached)
      return cached
    }
    const prepared = this.db.prepare(sql)
    if (this.statementCacheSize > 0) {
      if (this.statements.size >= this.statementCacheSize) {
        this.statements.delete(this.statements.keys().next().value!)
      }
      this.statements.set(sql, prepared)
    }
    return prepared
  }

  close(): void {
    this.checkpointer?.stop()
    this.db.close()
  }

  /** Collections that have a table (for tests and operator tools). */
  collections(): string[] {
    const rows = this.db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'docs\\_%' ESCAPE '\\'`)
      .all() as Array<{ name: string }>
    return rows.map((r) => r.name.slice('docs_'.length)).sort()
  }

  /** Creates the collection's table and indexes on first use. */
  private ensure(collection: string): string {
    const name = table(collection)
    if (this.known.has(collection)) return name
    const declared = (this.indexes[collection] ?? []).map((index) => {
      const indexName = `ix_${collection}_${index.name}`
      return { indexName, sql: indexSql(`"${indexName}"`, name, index) }
    })
    const built = this.db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck()
    const upToDate = () =>
      built.get(`docs_${collection}`) !== undefined &&
      declared.every(({ indexName, sql }) => built.get(indexName) === sql)
    // Usually so: opening a store takes no write lock. Otherwise in one write transaction, checked again there, so
    // that two processes opening the file at once never build an index twice.
    if (!upToDate()) {
      this.db
        .transaction(() => {
          this.db.exec(
            `CREATE TABLE IF NOT EXISTS ${name} (id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL, doc BLOB NOT NULL)`,
          )
          for (const { indexName, sql } of declared) {
            const have = built.get(indexName) as string | undefined
            if (have === sql) continue
            // Built otherwise than the catalog declares it now (made sparse, say): built again as declared.
            if (have !== undefined) this.db.exec(`DROP INDEX "${indexName}"`)
            this.db.exec(sql)
          }
        })
        .immediate()
    }
    this.known.add(collection)
    return name
  }

  private readRow(collection: string, id: string): Row | undefined {
    return this.statement(
      `SELECT id, version, json(doc) AS doc FROM ${this.ensure(collection)} WHERE id = ?`,
    ).get(id) as Row | undefined
  }

  async get<T extends object>(collection: string, id: string): Promise<WithId<T> | null> {
    const row = this.readRow(collection, id)
    return row ? hydrate<T>(row) : null
  }

  /** Used by EXPLAIN tests and benchmarks to prove a query uses an index. */
  queryPlan(collection: string, options: FindOptions): string[] {
    const { sql, params } = this.findSql(collection, options)
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map(
      (r) => r.detail,
    )
  }

  /**
   * A top-level `field: { $in: values }` to run as one index range per value, merged in the sort order
   * (`MERGE (UNION ALL)`), when an index of the collection holds, in this order: fields the filter pins
   * and `field`, then the sort fields (all in the index's direction or all reversed). `field IN (…) ORDER BY f`
   * as one range would sort every match in a temporary B-tree: a supervisor's inbox over 14 units sorted all
   * their open cases to show 20. Merged, each range reads only as far as the page needs.
   */
  private mergedRanges(
    collection: string,
    filter: Filter | undefined,
    order: OrderBy,
    pinned: ReadonlyMap<string, Scalar>,
  ): { field: string; values: Scalar[] } | null {
    const sort = order.filter(([f]) => !pinned.has(f))
    if (sort.length === 0) return null
    for (const [field, value] of Object.entries(filter ?? {})) {
      if (field === '$or' || field === '$and' || !isOps(value)) continue
      const values = value.$in
      if (Object.keys(value).length !== 1 || !values || values.length < 2) continue
      if (values.length > MAX_MERGED_RANGES || values.includes(null)) continue
      if (order.some(([f]) => f === field)) continue
      for (const index of this.indexes[collection] ?? []) {
        const key = index.fields
        const start = key.length - sort.length
        if (start < 1 || !key.slice(0, start).some(([f]) => f === field)) continue
        if (!key.slice(0, start).every(([f]) => f === field || pinned.has(f))) continue
        const tail = key.slice(start)
        const same = sort.every(([f, dir], i) => tail[i]![0] === f && (tail[i]![1] === 1) === (dir === 'asc'))
        const reversed = sort.every(
          ([f, dir], i) => tail[i]![0] === f && (tail[i]![1] === 1) === (dir === 'desc'),
        )
        if (same || reversed) return { field, values: [...values] }
      }
    }
    return null
  }

  private findSql(
    collection: string,
    options: FindOptions,
  ): { sql: string; params: Param[]; projection: string[] | null } {
    assertFindOptions(options)
    const name = this.ensure(collection)
    const projection = projectionOf(options)
    // A projected row is its JSON text alone (first, read as an array: no object per row), `_id` and `_version`
    // inside it; `id` follows where a merge orders by it.
    const columns = projection
      ? `${projectedObjectExpr(projection)} AS fields`
      : 'id, version, json(doc) AS doc'

    const order = totalOrder(options.orderBy)
    // Sorting by a field the filter pins to one value is a no-op, and SQLite sorts in a temporary B-tree when an
    // ORDER BY names an expression-index column that the WHERE pins by equality (measured on 3.53:
    // `WHERE json_extract(doc,'$.u') = ? AND id > ? ORDER BY json_extract(doc,'$.u'), id`): leave them out.
    const pinned = pinnedFields(options.filter)
    const sort = order.filter(([f]) => !pinned.has(f))
    const dir = (d: string) => (d === 'desc' ? 'DESC' : 'ASC')
    const params: Param[] = []
    // The page and one more row, to know whether there is a next page. Written into the SQL, not bound: SQLite
    // (3.53) plans a statement whose LIMIT is a bound parameter for that value and prepares it again whenever the
    // parameter is bound, i.e. on every call — 17 µs instead of 3 for a one-range find, 370 µs instead of 6 for
    // intake's nine merged cell ranges (bench, 100k store). assertFindOptions holds the limit to an integer in
    // 1..MAX_PAGE_SIZE, so each query keeps a handful of statements in the cache.
    const fetch = options.limit + 1
    const merged = this.mergedRanges(collection, options.filter, order, pinned)
    let sql: string
    if (!merged) {
      const where = compileFilter(pageFilter(options), params)
      const orderBy = sort.map(([f, d]) => `${fieldExpr(f)} ${dir(d)}`).join(', ')
      sql = `SELECT ${columns} FROM ${name} WHERE ${where}${orderBy ? ` ORDER BY ${orderBy}` : ''} LIMIT ${fetch}`
    } else {
      // One SELECT per value, each an index range in sort order; the compound ORDER BY merges them.
      const keys = sort.map(([f], i) => (f === '_id' ? null : `${fieldExpr(f)} AS k${i}`)).filter(Boolean)
      const selected = [columns, ...(projection ? ['id'] : []), ...keys].join(', ')
      const arms = merged.values.map((value) => {
        const filter = { ...options.filter, [merged.field]: value }
        const where = compileFilter(pageFilter({ ...options, filter }), params)
        return `SELECT ${selected} FROM ${name} WHERE ${where}`
      })
      const orderBy = sort.map(([f, d], i) => `${f === '_id' ? 'id' : `k${i}`} ${dir(d)}`).join(', ')
      sql = `${arms.join(' UNION ALL ')} ORDER BY ${orderBy} LIMIT ${fetch}`
    }
    return { sql, params, projection }
  }

  async find<T extends object>(collection: string, options: FindOptions): Promise<Page<WithId<T>>> {
    const { sql, params, projection } = this.findSql(collection, options)
    const docs = projection
      ? (
          this.statement(sql)
            .raw(true)
            .all(...params) as ProjectedRow[]
        ).map((r) => hydrateProjected<T>(r))
      : (this.statement(sql).all(...params) as Row[]).map((r) => hydrate<T>(r))
    return toPage(docs, options)
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    const params: Param[] = []
    const where = compileFilter(filter, params)
    const row = this.statement(`SELECT COUNT(*) AS n FROM ${this.ensure(collection)} WHERE ${where}`).get(
      ...params,
    ) as { n: number }
    return row.n
  }

  /**
   * Loads many documents in one SQLite transaction with one prepared statement (imports, the benchmark's
   * store): all or none. Not part of the DocStore port.
   */
  insertMany<T extends object>(collection: string, docs: ReadonlyArray<NewDoc<T>>): void {
    this.db.transaction(() => {
      for (const doc of docs) this.insertSync(collection, doc)
    })()
  }

  private insertSync(collection: string, doc: NewDoc<object>): string {
    assertNewDoc(doc)
    const id = doc._id ?? newDocId()
    this.insertText(collection, id, serialize(doc))
    return id
  }

  /** Inserts a document given as the JSON text of its fields (without its keys). */
  private insertText(collection: string, id: string, text: string): void {
    try {
      this.statement(`INSERT INTO ${this.ensure(collection)} (id, version, doc) VALUES (?, 1, jsonb(?))`).run(
        id,
        text,
      )
    } catch (error) {
      // Duck-typed, not `instanceof Database.SqliteError`: the native addon keeps the SqliteError class of the
      // first module instance that loaded it, so in a second module registry (jest runs several test files
      // per worker) instanceof is false and a duplicate would escape as a raw SqliteError.
      const code = (error as { code?: unknown } | null)?.code
      if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
        throw new DuplicateKeyError(collection, id)
      }
      throw error
    }
  }

  private updateSync(collection: string, id: string, patch: Patch<object>, expectedVersion: number): void {
    const row = this.readRow(collection, id)
    if (!row) throw new DocNotFoundError(collection, id)
    if (row.version !== expectedVersion) throw new VersionConflictError(collection, id)
    const next = applyPatch(JSON.parse(row.doc) as object, patch)
    this.replaceText(collection, id, serialize(next), expectedVersion)
  }

  /** Replaces the fields of the document at `expectedVersion` with the JSON text `text`, moving it on one version. */
  private replaceText(collection: string, id: string, text: string, expectedVersion: number): void {
    const result = this.statement(
      `UPDATE ${this.ensure(collection)} SET version = version + 1, doc = jsonb(?) WHERE id = ? AND version = ?`,
    ).run(text, id, expectedVersion)
    if (result.changes === 1) return
    if (this.versionOf(collection, id) === null) throw new DocNotFoundError(collection, id)
    throw new VersionConflictError(collection, id)
  }

  /** The stored version of a document, null when there is none: no more is read. */
  private versionOf(collection: string, id: string): number | null {
    const version = this.statement(`SELECT version FROM ${this.ensure(collection)} WHERE id = ?`)
      .pluck()
      .get(id) as number | undefined
    return version ?? null
  }

  private removeSync(collection: string, id: string): void {
    this.statement(`DELETE FROM ${this.ensure(collection)} WHERE id = ?`).run(id)
  }

  async insert<T extends object>(collection: string, doc: NewDoc<T>): Promise<string> {
    return this.insertSync(collection, doc)
  }

  async update<T extends object>(collection: string, id: string, patch: Patch<T>, expectedVersion: number) {
    this.db
      .transaction(() => this.updateSync(collection, id, patch as Patch<object>, expectedVersion))
      .immediate()
  }

  async remove(collection: string, id: string): Promise<void> {
    this.removeSync(collection, id)
  }

  /**
   * Optimistic transaction (db/staged-transaction.ts): `work` reads through a staged Tx and buffers its writes;
   * the commit re-checks every read inside one IMMEDIATE SQLite transaction and applies the writes, or the
   * work runs again if anything it read has changed. No SQLite transaction stays open across an `await`, so
   * concurrent requests in this process never see half a transaction.
   */
  async transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    return withRetries(
      async () => {
        const staged = await stageWork(async (collection, id) => {
          const row = this.readRow(collection, id)
          return row ? hydrate<object>(row) : null
        }, work)
        this.db
          .transaction(() => {
            for (const read of staged.reads) {
              if (this.versionOf(read.collection, read.id) !== read.version) throw new TxRetry()
            }
            for (const write of staged.writes) this.applySync(write)
          })
          .immediate()
        return staged.result
      },
      { maxAttempts: MAX_TX_ATTEMPTS, retryDelayMs: retryDelay },
    )
  }

  /**
   * A staged write, as the work left it: its document's text is written as it is. An update's text is its patch
   * applied to the version the work read — the one the UPDATE requires — so nothing is read or patched again.
   */
  private applySync(write: StagedWrite): void {
    if (write.op === 'insert') this.insertText(write.collection, write.id, write.text)
    else if (write.op === 'update')
      this.replaceText(write.collection, write.id, write.text, write.expectedVersion)
    else this.removeSync(write.collection, write.id)
  }
}
