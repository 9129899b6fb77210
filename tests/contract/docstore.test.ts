// The DocStore contract against every adapter, offline:
//   (a) SqliteDocStore on a temp file (a second instance on the same file plays the concurrent writer);
//   (b) CloudbaseDocStore over wx-server-sdk's `cloud.database()`;
//   (c) CloudbaseDocStore over @cloudbase/node-sdk's `app.database()` (errors thrown, and returned);
//   (d) the live run's harness, rehearsed offline;
// (b) and (c) run the real @cloudbase/database query builder against the offline stub. No credentials, and
// any attempt to open a network connection fails the suite. The live run is docstore.live.test.ts.
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { INDEXES, type IndexCatalog } from '../../cloudfunctions/common/db/indexes'
import { startCheckpointer } from '../../local/adapters/sqlite-checkpointer'
import { SqliteDocStore } from '../../local/adapters/sqlite-docstore'
import { installNetworkGuard, type NetworkGuard } from '../support/cloudbase-network-guard'
import { nodeDatabase, nodeHarness, skipPlatformProbe, wxHarness } from '../support/cloudbase-harness'
import { liveHarness } from '../support/cloudbase-live'
import {
  installOfflineCloudbase,
  offlineCloudbase,
  reqClassAssignments,
  uninstallOfflineCloudbase,
} from '../support/cloudbase-offline-stub'
import { observeDocStore, type DocStoreCall } from '../../cloudfunctions/common/db/observed'
import { encodeCursor } from '../../cloudfunctions/common/db/query'
import { DuplicateKeyError, type Stored } from '../../cloudfunctions/common/ports'
import {
  describeDocStoreContract,
  KEYSET_CASES,
  KEYSET_QUERIES,
  type DocStoreHarness,
} from './docstore.contract'

let guard: NetworkGuard
let restoreEnv: () => void

beforeAll(() => {
  guard = installNetworkGuard()
  restoreEnv = skipPlatformProbe()
  installOfflineCloudbase()
})

afterEach(() => {
  expect(guard.attempts).toEqual([])
})

afterAll(() => {
  // Every SDK database() call tried to put its real requester back; the stub kept its place each time.
  expect(reqClassAssignments()).toBeGreaterThan(0)
  uninstallOfflineCloudbase()
  restoreEnv()
  guard.uninstall()
})

/**
 * Indexes for the contract's paging queries, so SQLite serves them as it serves the functions' queries: one
 * index range after the cursor, and `$in` as merged ranges (the other collections page without an index).
 */
const CONTRACT_INDEXES: IndexCatalog = {
  ...INDEXES,
  orders: [
    {
      name: 'unit_open_at',
      fields: [
        ['unit', 1],
        ['open', 1],
        ['at', -1],
        ['_id', -1],
      ],
    },
    {
      name: 'unit_at_rank',
      fields: [
        ['unit', 1],
        ['at', 1],
        ['rank', 1],
        ['_id', 1],
      ],
    },
    {
      name: 'open_at',
      fields: [
        ['open', 1],
        ['at', -1],
        ['_id', -1],
      ],
    },
    {
      name: 'open_at_rank',
      fields: [
        ['open', 1],
        ['at', 1],
        ['rank', -1],
        ['_id', -1],
      ],
    },
    {
      name: 'at',
      fields: [
        ['at', 1],
        ['_id', 1],
      ],
    },
  ],
}

async function sqliteHarness(): Promise<DocStoreHarness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gw-docstore-contract-'))
  const file = path.join(dir, 'contract.sqlite')
  const store = new SqliteDocStore(file, { indexes: CONTRACT_INDEXES })
  const other = new SqliteDocStore(file, { indexes: CONTRACT_INDEXES })
  return {
    store,
    other,
    collection: (name) => name,
    close: async () => {
      store.close()
      other.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

describeDocStoreContract('DocStore contract: SQLite (local adapter)', sqliteHarness)
// The observer the benchmark and the query-plan test put between the functions and the store changes nothing.
describeDocStoreContract('DocStore contract: SQLite seen through observeDocStore', async () => {
  const h = await sqliteHarness()
  return {
    ...h,
    store: observeDocStore(
      h.store,
      () => undefined,
      () => undefined,
    ),
  }
})
describeDocStoreContract(
  'DocStore contract: CloudBase via wx-server-sdk cloud.database() (offline stub)',
  wxHarness(),
)
describeDocStoreContract(
  'DocStore contract: CloudBase via @cloudbase/node-sdk app.database() (offline stub)',
  nodeHarness(),
)
describeDocStoreContract(
  'DocStore contract: CloudBase via @cloudbase/node-sdk with setThrowOnCode(false) (offline stub)',
  nodeHarness({ throwOnCode: false }),
)
// The live run's own harness (prefixed collections, emptied around each test), rehearsed on the stub: one
// shared environment for the whole suite, as a real one would be.
describeDocStoreContract('DocStore contract: the live-run harness on the offline stub', async () => {
  offlineCloudbase('gw-offline-live-rehearsal')
  return liveHarness(() => nodeDatabase('gw-offline-live-rehearsal'))()
})

// How SQLite runs the contract's paged queries (what the contract cannot see): after a cursor, each is one index
// range starting at the cursor — or, for `$in`, one such range per value merged in order — never a temporary
// sort or an OR of index searches, including when the filter pins a sort field to one value.
describe('SQLite plans of the contract’s paged queries', () => {
  let h: DocStoreHarness
  beforeAll(async () => {
    h = await sqliteHarness()
  })
  afterAll(async () => {
    await h.close()
  })

  test.each(KEYSET_QUERIES)('%s', (_label, filter, _match, orderBy) => {
    const store = h.store as SqliteDocStore
    const after = encodeCursor({ ...KEYSET_CASES[100]!, _version: 1 } as Stored, orderBy)
    const plan = store.queryPlan('orders', { filter, orderBy, limit: 7, after }).join(' | ')
    expect(plan).toMatch(/SEARCH docs_orders USING (COVERING )?INDEX/)
    expect(plan).not.toMatch(/TEMP B-TREE|MULTI-INDEX OR|SCAN docs_orders/)
    // Each search starts at the cursor (a range on the first sort field the filter leaves free), rather than
    // reading and dropping everything before it.
    for (const search of plan.split(' | ').filter((line) => line.startsWith('SEARCH'))) {
      expect(search).toMatch(/\(.*[<>]\?\)$/)
    }
  })
})

/** A fresh temporary directory for each test of the block (`dir()`), removed after it, with spies restored. */
function tempDirEach(prefix: string): () => string {
  let dir = ''
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), prefix))
  })
  afterEach(() => {
    jest.restoreAllMocks()
    rmSync(dir, { recursive: true, force: true })
  })
  return () => dir
}

describe('SQLite statements and bulk loads', () => {
  const dir = tempDirEach('gw-sqlite-statements-')

  /** How many statements `work` prepares on a store whose cache keeps `size` of them. */
  async function preparedBy(size: number | undefined, work: (db: SqliteDocStore) => Promise<void>) {
    const db = new SqliteDocStore(path.join(dir(), `s${size ?? 'default'}.sqlite`), {
      statementCacheSize: size,
    })
    await db.insert('docs', { _id: 'a', n: 1, at: 't1' })
    await work(db) // first use of each statement
    const prepare = jest.spyOn(Database.prototype, 'prepare')
    await work(db)
    const n = prepare.mock.calls.length
    prepare.mockRestore()
    db.close()
    return n
  }

  const typicalCalls = async (db: SqliteDocStore) => {
    for (let i = 0; i < 5; i++) {
      const doc = (await db.get<{ n: number }>('docs', 'a'))!
      await db.find('docs', { filter: { n: { $gte: 0 } }, orderBy: [['at', 'desc']], limit: 10 })
      await db.count('docs', { n: doc.n })
      await db.update('docs', 'a', { n: doc.n + 1 }, doc._version)
      await db.insert('docs', { _id: `b${doc.n}`, n: 0, at: 't0' })
      await db.remove('docs', `b${doc.n}`)
    }
  }

  test('each statement is prepared once and reused; without the cache every call prepares again', async () => {
    await expect(preparedBy(undefined, typicalCalls)).resolves.toBe(0)
    await expect(preparedBy(0, typicalCalls)).resolves.toBeGreaterThanOrEqual(30)
  })

  test('a page size is written into the statement, not bound (SQLite prepares a bound LIMIT again on every call)', async () => {
    const db = new SqliteDocStore(path.join(dir(), 'limit.sqlite'))
    db.insertMany('docs', [
      { _id: 'a', n: 1, at: 't1' },
      { _id: 'b', n: 2, at: 't2' },
      { _id: 'c', n: 3, at: 't3' },
    ])
    const prepare = jest.spyOn(Database.prototype, 'prepare')
    const page = (limit: number) =>
      db.find('docs', { filter: { n: { $gte: 2 } }, orderBy: [['at', 'asc']], limit })
    await expect(page(1)).resolves.toMatchObject({ items: [{ _id: 'b' }] })
    await expect(page(2)).resolves.toMatchObject({ items: [{ _id: 'b' }, { _id: 'c' }], next: null })
    const sql = prepare.mock.calls.map(([text]) => text)
    prepare.mockRestore()
    db.close()
    // One statement per page size, each with the size and one more row, and the filter's value the only parameter.
    expect(sql).toHaveLength(2)
    expect(sql[0]).toMatch(/ LIMIT 2$/)
    expect(sql[1]).toMatch(/ LIMIT 3$/)
    for (const text of sql) expect(text.match(/\?/g)).toHaveLength(1)
  })

  test('a full cache drops the least recently used statement and answers stay right', async () => {
    const db = new SqliteDocStore(path.join(dir(), 'small.sqlite'), { statementCacheSize: 2 })
    db.insertMany('docs', [
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
    ])
    for (let i = 0; i < 3; i++) {
      await expect(db.get('docs', 'a')).resolves.toMatchObject({ n: 1 })
      await expect(db.count('docs', { n: 2 })).resolves.toBe(1)
      await expect(db.find('docs', { filter: { n: 1 }, limit: 5 })).resolves.toMatchObject({
        items: [{ _id: 'a' }],
      })
    }
    db.close()
  })

  test('insertMany writes all documents in one transaction, or none when one fails', async () => {
    const db = new SqliteDocStore(path.join(dir(), 'bulk.sqlite'))
    db.insertMany('docs', [{ _id: 'x', n: 1 }])
    expect(() =>
      db.insertMany('docs', [
        { _id: 'y', n: 2 },
        { _id: 'x', n: 3 },
      ]),
    ).toThrow(DuplicateKeyError)
    await expect(db.count('docs')).resolves.toBe(1)
    await expect(db.get('docs', 'y')).resolves.toBeNull()
    db.close()
  })
})

test('observeDocStore reports every call, inside transactions too, with how long it took', async () => {
  const h = await sqliteHarness()
  const calls: DocStoreCall[] = []
  const settled: string[] = []
  const db = observeDocStore(
    h.store as SqliteDocStore,
    (c) => calls.push(c),
    (c, ms) => {
      expect(ms).toBeGreaterThanOrEqual(0)
      settled.push(c.op)
    },
  )
  await db.insert('docs', { _id: 'a', n: 1 })
  await db.find('docs', { filter: { n: 1 }, limit: 5 })
  await db.count('docs', { n: 1 })
  await db.transaction(async (tx) => {
    const doc = (await tx.get<{ n: number }>('docs', 'a'))!
    await tx.update('docs', 'a', { n: doc.n + 1 }, doc._version)
    await tx.insert('docs', { _id: 'b' })
  })
  await expect(db.update('docs', 'a', { n: 9 }, 1)).rejects.toThrow() // a stale version still fails
  await db.remove('docs', 'b')
  expect(calls.map((c) => `${c.inTransaction ? 'tx.' : ''}${c.op} ${c.collection ?? ''}`.trim())).toEqual([
    'insert docs',
    'find docs',
    'count docs',
    'transaction',
    'tx.get docs',
    'tx.update docs',
    'tx.insert docs',
    'update docs',
    'remove docs',
  ])
  expect(calls[1]!.options).toEqual({ filter: { n: 1 }, limit: 5 })
  expect(calls[2]!.filter).toEqual({ n: 1 })
  expect(settled).toEqual(['insert', 'find', 'count', 'transaction', 'update', 'remove'])
  // Members that are not DocStore calls pass through: the adapter's own queryPlan.
  expect(db.queryPlan('docs', { limit: 1 }).length).toBeGreaterThan(0)
  await h.close()
})

describe('SQLite document storage', () => {
  const dir = tempDirEach('gw-sqlite-storage-')

  test('documents are stored as JSONB; text JSON rows of older files are read, found and updated alike', async () => {
    const file = path.join(dir(), 'mixed.sqlite')
    const indexes: IndexCatalog = {
      tasks: [
        {
          name: 'due',
          fields: [
            ['due', 1],
            ['_id', 1],
          ],
        },
      ],
    }
    const db = new SqliteDocStore(file, { indexes })
    await db.insert('tasks', { _id: 'new', due: '2026-11-02', tags: ['噪声', '夜间'], n: 0.1 })
    const raw = new Database(file)
    // A row as files before JSONB hold it.
    raw
      .prepare(`INSERT INTO docs_tasks (id, version, doc) VALUES ('old', 1, ?)`)
      .run(JSON.stringify({ due: '2026-11-01', tags: ['异味'], n: 2 }))
    const typeOf = (id: string) =>
      raw.prepare(`SELECT typeof(doc) FROM docs_tasks WHERE id = ?`).pluck().get(id)
    expect([typeOf('new'), typeOf('old')]).toEqual(['blob', 'text'])
    await expect(db.get('tasks', 'new')).resolves.toEqual({
      _id: 'new',
      _version: 1,
      due: '2026-11-02',
      tags: ['噪声', '夜间'],
      n: 0.1,
    })
    const page = await db.find<{ tags: string[] }>('tasks', {
      filter: { due: { $gte: '2026-11-01' } },
      orderBy: [['due', 'asc']],
      limit: 5,
      fields: ['tags'],
    })
    expect(page.items).toEqual([
      { _id: 'old', _version: 1, due: '2026-11-01', tags: ['异味'] },
      { _id: 'new', _version: 1, due: '2026-11-02', tags: ['噪声', '夜间'] },
    ])
    await db.update('tasks', 'old', { n: 3 }, 1)
    expect(typeOf('old')).toBe('blob')
    await expect(db.get('tasks', 'old')).resolves.toMatchObject({ _version: 2, n: 3, tags: ['异味'] })
    raw.close()
    db.close()
  })
})

describe('SQLite sparse and covering indexes', () => {
  const dir = tempDirEach('gw-sqlite-sparse-')

  const due = (sparse: boolean): IndexCatalog => ({
    tasks: [
      {
        name: 'due',
        fields: [
          ['due', 1],
          ['_id', 1],
        ],
        ...(sparse ? { sparse: 'due' } : {}),
      },
    ],
  })
  const TASKS = [
    { _id: 't1', due: '2026-11-01' },
    { _id: 't2', due: '2026-11-03' },
    { _id: 't3', due: null },
    { _id: 't4' },
  ]
  /** Entries of an index, as ANALYZE counts them (sqlite_stat1's first number). */
  function entries(file: string, index: string): number {
    const raw = new Database(file)
    raw.exec('ANALYZE')
    const stat = raw.prepare(`SELECT stat FROM sqlite_stat1 WHERE idx = ?`).pluck().get(index) as
      string | undefined
    raw.close()
    return stat ? Number(stat.split(' ')[0]) : 0
  }

  test('holds only the documents that set the field, serves comparisons of it, and the rest are still found', async () => {
    const file = path.join(dir(), 'sparse.sqlite')
    const db = new SqliteDocStore(file, { indexes: due(true) })
    db.insertMany('tasks', TASKS)
    const options = { filter: { due: { $lte: '2026-11-02' } }, orderBy: [['due', 'asc']] as const, limit: 10 }
    expect(db.queryPlan('tasks', options).join(' | ')).toMatch(/SEARCH docs_tasks USING INDEX ix_tasks_due/)
    await expect(db.find('tasks', options)).resolves.toMatchObject({ items: [{ _id: 't1' }] })
    // Documents without it: not from the index, but found all the same.
    const unset = { filter: { due: null }, limit: 10 }
    expect(db.queryPlan('tasks', unset).join(' | ')).not.toMatch(/ix_tasks_due/)
    const found = await db.find('tasks', unset)
    expect(found.items.map((d) => d._id).sort()).toEqual(['t3', 't4'])
    db.close()
    expect(entries(file, 'ix_tasks_due')).toBe(2)
  })

  test('an index built otherwise than declared is built again on open, once; an up-to-date store opens without a write', async () => {
    const file = path.join(dir(), 'migrate.sqlite')
    const before = new SqliteDocStore(file, { indexes: due(false) })
    before.insertMany('tasks', TASKS)
    before.close()
    expect(entries(file, 'ix_tasks_due')).toBe(4)
    const exec = jest.spyOn(Database.prototype, 'exec')
    const dropped = () => exec.mock.calls.filter(([sql]) => sql.startsWith('DROP INDEX')).length
    new SqliteDocStore(file, { indexes: due(true) }).close()
    expect(dropped()).toBe(1)
    expect(entries(file, 'ix_tasks_due')).toBe(2)
    // Up to date: opened without a write transaction (nothing waits for the write lock).
    const transactions = jest.spyOn(Database.prototype, 'transaction')
    new SqliteDocStore(file, { indexes: due(true) }).close()
    expect(dropped()).toBe(1)
    expect(transactions).not.toHaveBeenCalled()
  })

  /**
   * Another process holding the store's write lock (as one building an index declared anew does), with a document
   * it inserted under the lock; resolves once it holds the lock. It commits `afterMs` after `release(afterMs)`, never
   * before: a test never depends on how fast a busy machine runs it.
   */
  async function holdWriteLock(
    file: string,
  ): Promise<{ release: (afterMs?: number) => void; done: Promise<number | null> }> {
    const script = `
      const fs = require('node:fs')
      const Database = require('better-sqlite3')
      const db = new Database(process.argv[1])
      db.exec('BEGIN IMMEDIATE')
      db.prepare("INSERT INTO docs_tasks (id, version, doc) VALUES ('held', 1, jsonb('{}'))").run()
      process.stdout.write('locked\\n')
      const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
      let line = ''
      const buffer = Buffer.alloc(64)
      while (!line.includes('\\n')) {
        try {
          const n = fs.readSync(0, buffer, 0, buffer.length, null)
          if (n === 0) break
          line += buffer.toString('utf8', 0, n)
        } catch (error) {
          if (error.code !== 'EAGAIN') throw error
          pause(5)
        }
      }
      pause(Number(line.trim()) || 0)
      db.exec('COMMIT')
      db.close()`
    // Run from the project, where `require` finds the same better-sqlite3.
    const child = spawn(process.execPath, ['-e', script, file], { cwd: path.join(__dirname, '..', '..') })
    const done = new Promise<number | null>((resolve) => child.once('exit', resolve))
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve())
      child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)))
    })
    return { release: (afterMs = 0) => child.stdin.end(`${afterMs}\n`), done }
  }

  test('opening waits for another process’s write lock, longer than a request does, then rebuilds', async () => {
    const file = path.join(dir(), 'wait.sqlite')
    const before = new SqliteDocStore(file, { indexes: due(false) })
    before.insertMany('tasks', TASKS)
    before.close()
    const holder = await holdWriteLock(file)
    // With a request's patience it would fail to open while the other process works.
    expect(() => new SqliteDocStore(file, { indexes: due(true), openTimeoutMs: 200 })).toThrow(/locked|busy/i)
    // The other process finishes 300 ms on, past a request's patience: opening waits for it all the same.
    holder.release(300)
    const db = new SqliteDocStore(file, { indexes: due(true), busyTimeoutMs: 200 })
    // Opened after the other process committed: its document is there, and the index was rebuilt over it.
    await expect(db.get('tasks', 'held')).resolves.toMatchObject({ _id: 'held' })
    await expect(holder.done).resolves.toBe(0)
    db.close()
    expect(entries(file, 'ix_tasks_due')).toBe(2)
  })

  test('a write another process’s lock holds up goes through once the lock is released', async () => {
    const file = path.join(dir(), 'held.sqlite')
    const db = new SqliteDocStore(file, { indexes: due(true) })
    db.insertMany('tasks', TASKS)
    const holder = await holdWriteLock(file)
    holder.release(300)
    // Asked while the other process holds the lock: a single write, an update and a transaction all wait for it.
    const writes = Promise.all([
      db.insert('tasks', { _id: 'mine', due: '2026-12-01' }),
      db.update('tasks', 't1', { owner: '王磊' }, 1),
      db.transaction(async (tx) => tx.insert('tasks', { _id: 'in-tx', due: '2026-12-02' })),
    ])
    await expect(writes).resolves.toEqual(['mine', undefined, 'in-tx'])
    await expect(holder.done).resolves.toBe(0)
    for (const id of ['held', 'mine', 'in-tx'])
      await expect(db.get('tasks', id)).resolves.toMatchObject({ _id: id })
    await expect(db.get('tasks', 't1')).resolves.toMatchObject({ owner: '王磊', _version: 2 })
    db.close()
  })

  test('a write that waits longer than its patience fails as busy and writes nothing', async () => {
    const file = path.join(dir(), 'impatient.sqlite')
    const db = new SqliteDocStore(file, { indexes: due(true), busyTimeoutMs: 100 })
    db.insertMany('tasks', TASKS)
    const holder = await holdWriteLock(file)
    // Matched by its code, not `toThrow`: in a jest worker that loaded the native module for an earlier test file,
    // its errors are another context's Error, which `rejects.toThrow` does not take for one.
    const busy = { code: expect.stringMatching(/^SQLITE_BUSY/) }
    await expect(db.insert('tasks', { _id: 'mine', due: '2026-12-01' })).rejects.toMatchObject(busy)
    await expect(db.update('tasks', 't1', { owner: '王磊' }, 1)).rejects.toMatchObject(busy)
    // Reads do not wait for a writer (WAL): the other process's uncommitted document is not seen.
    await expect(db.get('tasks', 'held')).resolves.toBeNull()
    holder.release()
    await expect(holder.done).resolves.toBe(0)
    await expect(db.get('tasks', 'mine')).resolves.toBeNull()
    await expect(db.get('tasks', 't1')).resolves.toMatchObject({ _version: 1 })
    await expect(db.get('tasks', 'held')).resolves.toMatchObject({ _id: 'held' })
    db.close()
  })

  test('included fields answer a projection of them from the index alone, and the answer is the same', async () => {
    const covering: IndexCatalog = {
      tasks: [
        {
          name: 'due',
          fields: [
            ['due', 1],
            ['_id', 1],
          ],
          include: ['due', 'owner', 'place', 'flags.urgent'],
        },
      ],
    }
    const db = new SqliteDocStore(path.join(dir(), 'covering.sqlite'), { indexes: covering })
    db.insertMany('tasks', [
      {
        _id: 't1',
        due: '2026-11-01',
        owner: '王磊',
        place: { lat: 35.2, lng: 113.2 },
        flags: { urgent: true },
      },
      { _id: 't2', due: '2026-11-02', owner: null, note: '不在索引中' },
    ])
    await db.update('tasks', 't2', { owner: '李娜' }, 1)
    const options = { filter: { due: { $gte: '2026-11-01' } }, orderBy: [['due', 'asc']] as const, limit: 10 }
    // The sort field is read too (a page's cursor needs it): the index includes it as well.
    const covered = { ...options, fields: ['owner', 'place', 'flags.urgent'] }
    expect(db.queryPlan('tasks', covered).join(' | ')).toMatch(/USING COVERING INDEX ix_tasks_due/)
    await expect(db.find('tasks', covered)).resolves.toMatchObject({
      items: [
        {
          _id: 't1',
          _version: 1,
          due: '2026-11-01',
          owner: '王磊',
          place: { lat: 35.2, lng: 113.2 },
          flags: { urgent: true },
        },
        { _id: 't2', _version: 2, due: '2026-11-02', owner: '李娜' },
      ],
    })
    // A field the index does not hold: the documents are read, and the answer is right.
    const other = { ...options, fields: ['note'] }
    expect(db.queryPlan('tasks', other).join(' | ')).not.toMatch(/COVERING/)
    await expect(db.find('tasks', other)).resolves.toMatchObject({
      items: [{ _id: 't1' }, { _id: 't2', note: '不在索引中' }],
    })
    db.close()
  })

  test('a catalog cannot make an index sparse on a field it does not hold', () => {
    const bad: IndexCatalog = {
      tasks: [
        {
          name: 'due',
          fields: [
            ['due', 1],
            ['_id', 1],
          ],
          sparse: 'owner',
        },
      ],
    }
    expect(() => new SqliteDocStore(path.join(dir(), 'bad.sqlite'), { indexes: bad })).toThrow(
      /sparse on owner/,
    )
  })
})

describe('SQLite checkpoints in the background', () => {
  const dir = tempDirEach('gw-sqlite-checkpoints-')

  /** Only this collection, so that the empty file is a few pages. */
  const NOTES: IndexCatalog = { notes: [] }
  /** ~800 KB of committed pages, one commit per document: below SQLite's own threshold of 1,000 pages. */
  async function write(db: SqliteDocStore) {
    for (let i = 0; i < 200; i++) await db.insert('notes', { _id: `n${i}`, text: 'x'.repeat(4000) })
  }
  const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0)
  async function within(ms: number, done: () => boolean): Promise<boolean> {
    for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 20))) {
      if (done()) return true
    }
    return done()
  }

  test('committed pages reach the database file without the request connection checkpointing', async () => {
    const file = path.join(dir(), 'bg.sqlite')
    const db = new SqliteDocStore(file, { indexes: NOTES })
    await write(db)
    await expect(within(5000, () => sizeOf(file) > 700_000)).resolves.toBe(true)
    db.close()
    // The last connection closed: the WAL is checkpointed and removed, nothing lost.
    expect(existsSync(`${file}-wal`)).toBe(false)
    const again = new SqliteDocStore(file, { indexes: NOTES })
    await expect(again.count('notes')).resolves.toBe(200)
    again.close()
  })

  test('inline, the same pages wait in the WAL until SQLite’s threshold', async () => {
    const file = path.join(dir(), 'inline.sqlite')
    const db = new SqliteDocStore(file, { indexes: NOTES, checkpoints: 'inline' })
    await write(db)
    await new Promise((r) => setTimeout(r, 300))
    expect(sizeOf(file)).toBeLessThan(100_000)
    expect(sizeOf(`${file}-wal`)).toBeGreaterThan(700_000)
    db.close()
  })

  test('a round that fails is reported once, and the worker still stops when asked', async () => {
    const errors: string[] = []
    const checkpointer = startCheckpointer(path.join(dir(), 'missing.sqlite'), {
      intervalMs: 10,
      onError: (message) => errors.push(message),
    })
    await expect(within(5000, () => errors.length > 0)).resolves.toBe(true)
    expect(errors[0]).toMatch(/unable to open|does not exist/i)
    // The same failure round after round is reported once, not every 10 ms.
    await new Promise((r) => setTimeout(r, 200))
    expect(errors).toHaveLength(1)
    checkpointer.stop()
  })

  test('a store closed at once, or twice, stops its worker cleanly', async () => {
    const file = path.join(dir(), 'quick.sqlite')
    const db = new SqliteDocStore(file, { indexes: NOTES })
    db.close()
    db.close()
    const other = new SqliteDocStore(file, { indexes: NOTES })
    await other.insert('notes', { _id: 'a', text: 'x' })
    await new Promise((r) => setTimeout(r, 150))
    other.close()
    expect(existsSync(`${file}-wal`)).toBe(false)
  })
})
