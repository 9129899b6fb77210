// The DocStore contract against every adapter, offline:
//   (a) SqliteDocStore on a temp file (a second instance on the same file plays the concurrent writer);
//   (b) CloudbaseDocStore over wx-server-sdk's `cloud.database()`;
//   (c) CloudbaseDocStore over @cloudbase/node-sdk's `app.database()` (errors thrown, and returned);
//   (d) the live run's harness, rehearsed offline;
// (b) and (c) run the real @cloudbase/database query builder against the offline stub. No credentials, and
// any attempt to open a network connection fails the suite. The live run is docstore.live.test.ts.
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { INDEXES, type IndexCatalog } from '../../cloudfunctions/common/db/indexes'
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

describe('SQLite statements and bulk loads', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'gw-sqlite-statements-'))
  })
  afterEach(() => {
    jest.restoreAllMocks()
    rmSync(dir, { recursive: true, force: true })
  })

  /** How many statements `work` prepares on a store whose cache keeps `size` of them. */
  async function preparedBy(size: number | undefined, work: (db: SqliteDocStore) => Promise<void>) {
    const db = new SqliteDocStore(path.join(dir, `s${size ?? 'default'}.sqlite`), {
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

  test('a full cache drops the least recently used statement and answers stay right', async () => {
    const db = new SqliteDocStore(path.join(dir, 'small.sqlite'), { statementCacheSize: 2 })
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
    const db = new SqliteDocStore(path.join(dir, 'bulk.sqlite'))
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
