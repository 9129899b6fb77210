// The DocStore contract against every adapter, offline:
//   (a) SqliteDocStore on a temp file (a second instance on the same file plays the concurrent writer);
//   (b) CloudbaseDocStore over wx-server-sdk's `cloud.database()`;
//   (c) CloudbaseDocStore over @cloudbase/node-sdk's `app.database()` (errors thrown, and returned);
//   (d) the live run's harness, rehearsed offline;
// (b) and (c) run the real @cloudbase/database query builder against the offline stub. No credentials, and
// any attempt to open a network connection fails the suite. The live run is docstore.live.test.ts.
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
import { encodeCursor } from '../../cloudfunctions/common/db/query'
import type { Stored } from '../../cloudfunctions/common/ports'
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
// range — or, for `$in`, one range per value merged in order — never a temporary sort or an OR of index
// searches, including when the filter pins a sort field to one value.
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
  })
})
