// What the CloudBase DocStore sends and how it copes with CloudBase's own behaviour, beyond the shared contract:
// request shapes seen by the (offline) server, both duplicate-key reports, collection creation, documents
// without `_version`, conflict exhaustion, and SDK quirks (throwOnNotFound, unknown failures).
import { CloudbaseDocStore } from '../../cloudfunctions/common/cloudbase/docstore'
import { nodeSdkDriver, wxServerSdkDriver } from '../../cloudfunctions/common/cloudbase/driver'
import { CloudbaseDbError } from '../../cloudfunctions/common/cloudbase/errors'
import { DuplicateKeyError, VersionConflictError } from '../../cloudfunctions/common/ports'
import {
  fastRetry,
  nodeDatabase,
  nodeHarness,
  skipPlatformProbe,
  wxDatabase,
  wxHarness,
} from '../support/cloudbase-harness'
import { liveHarness } from '../support/cloudbase-live'
import { installNetworkGuard, type NetworkGuard } from '../support/cloudbase-network-guard'
import {
  FAILURES,
  installOfflineCloudbase,
  offlineCloudbase,
  reqClassAssignments,
  uninstallOfflineCloudbase,
  type LoggedRequest,
} from '../support/cloudbase-offline-stub'

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
  uninstallOfflineCloudbase()
  restoreEnv()
  guard.uninstall()
})

const of = (requests: LoggedRequest[], action: string) =>
  requests.filter((r) => r.action === `database.${action}`)
const parse = (value: unknown) => JSON.parse(String(value)) as unknown

describe.each([
  ['wx-server-sdk', wxHarness],
  ['@cloudbase/node-sdk', nodeHarness],
] as const)('CloudbaseDocStore over %s', (flavour, harness) => {
  test('the SDK tried to restore its requester and the stub stayed in place', async () => {
    const before = reqClassAssignments()
    const h = await harness()()
    expect(reqClassAssignments()).toBeGreaterThan(before)
    await h.store.insert('docs', { _id: 'x' })
    expect(h.backend.documents('docs')).toEqual([{ _id: 'x', _version: 1 }])
  })

  test('find asks for limit + 1, orders by every field of the total order, pages by cursor, never skips', async () => {
    const h = await harness()()
    for (let i = 0; i < 5; i++) await h.store.insert('items', { _id: `i${i}`, n: i % 2 })
    const first = await h.store.find('items', {
      filter: { n: { $gte: 0 } },
      orderBy: [['n', 'desc']],
      limit: 2,
    })
    await h.store.find('items', {
      filter: { n: { $gte: 0 } },
      orderBy: [['n', 'desc']],
      limit: 2,
      after: first.next,
    })
    const gets = of(h.backend.requests, 'getDocument')
    expect(gets).toHaveLength(2)
    for (const get of gets) {
      expect(get.params.limit).toBe(3)
      expect(get.params.offset).toBeUndefined()
      expect(parse(get.params.order)).toEqual({ n: { $numberInt: '-1' }, _id: { $numberInt: '-1' } })
    }
    expect(parse(gets[0]!.params.query)).toEqual({ n: { $gte: { $numberInt: '0' } } })
    // After the cursor (n 1, _id i1), descending: n ≤ 1 bounds the index scan; the $or decides the ties.
    expect(parse(gets[1]!.params.query)).toEqual({
      $and: [
        { n: { $gte: { $numberInt: '0' } } },
        {
          $and: [
            { n: { $lte: { $numberInt: '1' } } },
            { $or: [{ n: { $lt: { $numberInt: '1' } } }, { _id: { $lt: 'i1' } }] },
          ],
        },
      ],
    })
  })

  test('a projection is sent as field(): the named paths, the sort fields and _version', async () => {
    const h = await harness()()
    await h.store.insert('items', { _id: 'a', n: 1, at: '2026', body: { big: 'x', key: 'k' } })
    const page = await h.store.find('items', {
      fields: ['body.key'],
      orderBy: [['at', 'desc']],
      limit: 5,
    })
    expect(page.items).toEqual([{ _id: 'a', _version: 1, at: '2026', body: { key: 'k' } }])
    const [get] = of(h.backend.requests, 'getDocument')
    expect(parse(get!.params.projection)).toEqual({
      _version: { $numberInt: '1' },
      'body.key': { $numberInt: '1' },
      at: { $numberInt: '1' },
    })
  })

  test('a multi-unit page is one request: `$in` ordered by the fields after it in the index', async () => {
    const h = await harness()()
    for (let i = 0; i < 6; i++)
      await h.store.insert('items', { _id: `i${i}`, unit: `u${i % 3}`, at: `t${i}` })
    const { findAcross } = await import('../../cloudfunctions/common/db/find-across')
    const page = await findAcross(h.store, 'items', 'unit', ['u0', 'u2'], {
      orderBy: [['at', 'desc']],
      limit: 3,
    })
    expect(page.items.map((d) => d._id)).toEqual(['i5', 'i3', 'i2'])
    const gets = of(h.backend.requests, 'getDocument')
    expect(gets).toHaveLength(1)
    expect(parse(gets[0]!.params.query)).toEqual({ unit: { $in: ['u0', 'u2'] } })
  })

  test('update is one conditional write: $set of whole values, $unset for undefined, $inc of _version', async () => {
    const h = await harness()()
    await h.store.insert('docs', { _id: 'u', profile: { name: 'a', phone: '1' }, note: 'x' })
    await h.store.update('docs', 'u', { profile: { name: 'b' }, note: undefined }, 1)
    const [update] = of(h.backend.requests, 'modifyDocument')
    expect(parse(update!.params.query)).toEqual({ _id: 'u', _version: { $numberInt: '1' } })
    expect(parse(update!.params.data)).toEqual({
      $set: { profile: { name: 'b' } },
      $unset: { note: '' },
      $inc: { _version: { $numberInt: '1' } },
    })
    expect(update!.params.multi).toBe(true)
    expect(h.backend.documents('docs')).toEqual([{ _id: 'u', _version: 2, profile: { name: 'b' } }])
  })

  test('the first write to a collection creates it; reads of a missing collection do not', async () => {
    const h = await harness()()
    await expect(h.store.get('fresh', 'x')).resolves.toBeNull()
    await expect(h.store.find('fresh', { limit: 5 })).resolves.toEqual({ items: [], next: null })
    await expect(h.store.count('fresh')).resolves.toBe(0)
    expect(h.backend.hasCollection('fresh')).toBe(false)
    await h.store.insert('fresh', { _id: 'a' })
    expect(of(h.backend.requests, 'addCollection').map((r) => r.params.collectionName)).toEqual(['fresh'])
    await h.store.insert('fresh', { _id: 'b' })
    expect(of(h.backend.requests, 'addCollection')).toHaveLength(1)
    await expect(h.store.count('fresh')).resolves.toBe(2)
  })

  test('a transaction writing to a new collection creates it and commits', async () => {
    const h = await harness()()
    await h.store.transaction(async (tx) => {
      await tx.insert('brand_new', { _id: 'first' })
    })
    await expect(h.store.get('brand_new', 'first')).resolves.toEqual({ _id: 'first', _version: 1 })
    expect(h.backend.openTransactions()).toBe(0)
  })

  test('the documented DATABASE_DUPLICATE_WRITE is a DuplicateKeyError too, in and out of transactions', async () => {
    const h = await harness({ duplicateError: 'duplicate-write' })()
    await h.store.insert('docs', { _id: 'taken', n: 1 })
    await expect(h.store.insert('docs', { _id: 'taken', n: 2 })).rejects.toBeInstanceOf(DuplicateKeyError)
    await expect(h.store.transaction((tx) => tx.insert('docs', { _id: 'taken' }))).rejects.toBeInstanceOf(
      DuplicateKeyError,
    )
    expect(h.backend.documents('docs')).toEqual([{ _id: 'taken', _version: 1, n: 1 }])
  })

  test('documents written without _version (console import) read as version 0 and update from 0', async () => {
    const h = await harness()()
    h.backend.seed('units', [{ _id: 'jz-bureau', name: '焦作市生态环境局' }])
    await expect(h.store.get('units', 'jz-bureau')).resolves.toEqual({
      _id: 'jz-bureau',
      _version: 0,
      name: '焦作市生态环境局',
    })
    await h.store.update('units', 'jz-bureau', { name: '焦作市生态环境局（新）' }, 0)
    await expect(h.store.get('units', 'jz-bureau')).resolves.toMatchObject({
      _version: 1,
      name: '焦作市生态环境局（新）',
    })
    await expect(h.store.update('units', 'jz-bureau', { name: 'x' }, 0)).rejects.toBeInstanceOf(
      VersionConflictError,
    )
  })

  test('a transaction that keeps conflicting gives up with VersionConflictError and leaves nothing open', async () => {
    const h = await harness()()
    await h.store.insert('counters', { _id: 'c', seq: 0 })
    h.backend.failNext('database.commitTransaction', FAILURES.conflict(), 100)
    let runs = 0
    // A third handle with fewer attempts, to keep the test short.
    const driver =
      flavour === 'wx-server-sdk' ? wxServerSdkDriver(wxDatabase(h.env)) : nodeSdkDriver(nodeDatabase(h.env))
    const store = new CloudbaseDocStore(driver, { maxTxAttempts: 3, retryDelayMs: fastRetry })
    const error = await store
      .transaction(async (tx) => {
        runs++
        const c = await tx.get<{ seq: number }>('counters', 'c')
        await tx.update('counters', 'c', { seq: c!.seq + 1 }, c!._version)
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VersionConflictError)
    expect(runs).toBe(3)
    expect(h.backend.openTransactions()).toBe(0)
    await expect(h.store.get('counters', 'c')).resolves.toEqual({ _id: 'c', _version: 1, seq: 0 })
  })

  test('a throw inside the work aborts the server transaction', async () => {
    const h = await harness()()
    await h.store.insert('docs', { _id: 'a' })
    await expect(
      h.store.transaction(async (tx) => {
        await tx.get('docs', 'a')
        throw new Error('no')
      }),
    ).rejects.toThrow('no')
    expect(of(h.backend.requests, 'abortTransaction')).toHaveLength(1)
    expect(of(h.backend.requests, 'commitTransaction')).toHaveLength(0)
    expect(h.backend.openTransactions()).toBe(0)
  })

  test('an unexpected server failure comes out as a CloudbaseDbError, never as "not found"', async () => {
    const h = await harness()()
    await h.store.insert('docs', { _id: 'a' })
    h.backend.failNext('database.getDocument', { code: 'SYS_ERR', message: 'internal error' })
    const error = await h.store.get('docs', 'a').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CloudbaseDbError)
    expect(error).toMatchObject({ kind: 'other', message: expect.stringContaining('internal error') })
    h.backend.failNext('database.modifyDocument', {
      code: 'DATABASE_PERMISSION_DENIED',
      message: 'permission denied',
    })
    await expect(h.store.update('docs', 'a', { n: 1 }, 1)).rejects.toBeInstanceOf(CloudbaseDbError)
  })
})

test('wx-server-sdk without throwOnNotFound: false still reads a missing document in a transaction as null', async () => {
  const env = 'gw-offline-wx-strict'
  offlineCloudbase(env)
  const store = CloudbaseDocStore.fromWxServerSdk(wxDatabase(env, undefined), { retryDelayMs: fastRetry })
  await store.insert('docs', { _id: 'seed' })
  const seen = await store.transaction(async (tx) => {
    const missing = await tx.get('docs', 'missing')
    await tx.insert('docs', { _id: 'missing' })
    return missing
  })
  expect(seen).toBeNull()
  await expect(store.get('docs', 'missing')).resolves.toEqual({ _id: 'missing', _version: 1 })
})

test('node-sdk with returned (not thrown) errors reports a duplicate the same way', async () => {
  const h = await nodeHarness({ throwOnCode: false, duplicateError: 'duplicate-write' })()
  try {
    await h.store.insert('docs', { _id: 'd' })
    await expect(h.store.insert('docs', { _id: 'd' })).rejects.toBeInstanceOf(DuplicateKeyError)
  } finally {
    await h.close()
  }
})

describe('the live-run harness, offline', () => {
  test('works on contract_test_ collections and empties them before and after a test', async () => {
    const env = 'gw-offline-live-harness'
    const backend = offlineCloudbase(env)
    backend.seed('contract_test_docs', [{ _id: 'left-over', _version: 1 }])
    backend.seed('unrelated', [{ _id: 'keep', _version: 1 }])
    const h = await liveHarness(() => nodeDatabase(env))()
    expect(backend.documents('contract_test_docs')).toEqual([])
    expect(h.collection('docs')).toBe('contract_test_docs')
    await h.store.insert(h.collection('docs'), { _id: 'a' })
    await h.other.insert(h.collection('counters'), { _id: 'b' })
    expect(backend.documents('contract_test_counters')).toHaveLength(1)
    await h.close()
    expect(backend.documents('contract_test_docs')).toEqual([])
    expect(backend.documents('contract_test_counters')).toEqual([])
    expect(backend.documents('unrelated')).toEqual([{ _id: 'keep', _version: 1 }])
  })
})

describe('the offline stub itself', () => {
  test('serves updateAndReturn (database.modifyAndReturnDoc) in the shape @cloudbase/database parses', async () => {
    const env = 'gw-offline-stub-self'
    const backend = offlineCloudbase(env)
    backend.seed('counters', [{ _id: 'c', seq: 1 }])
    const db = nodeDatabase(env) as unknown as {
      command: { inc(n: number): unknown }
      collection(name: string): { where(q: object): { updateAndReturn(data: object): Promise<unknown> } }
    }
    const result = await db
      .collection('counters')
      .where({ _id: 'c' })
      .updateAndReturn({ seq: db.command.inc(2) })
    expect(result).toMatchObject({ updated: 1, doc: { _id: 'c', seq: 3 } })
    const none = await db
      .collection('counters')
      .where({ _id: 'nope' })
      .updateAndReturn({ seq: db.command.inc(2) })
    expect(none).toMatchObject({ updated: 0 })
  })

  test('refuses what MongoDB refuses: empty $or, unknown operators, conflicting update paths, skip()', async () => {
    const env = 'gw-offline-stub-refusals'
    const backend = offlineCloudbase(env)
    backend.seed('docs', [{ _id: 'a', n: 1, m: { k: 1 } }])
    const db = nodeDatabase(env)
    const _ = db.command
    const docs = db.collection('docs')
    await expect(docs.where(_.or([]) as object).get()).rejects.toMatchObject({
      code: 'DATABASE_INVALID_OPERRATOR',
    })
    await expect(docs.where({ n: { $where: 1 } }).get()).rejects.toMatchObject({
      code: 'DATABASE_INVALID_OPERRATOR',
    })
    await expect(docs.where({ _id: 'a' }).update({ m: _.set({ k: 2 }), 'm.k': 3 })).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
    })
    const skipping = (docs as unknown as { skip(n: number): { get(): Promise<unknown> } }).skip(1)
    await expect(skipping.get()).rejects.toMatchObject({ code: 'INVALID_PARAM' })
    expect(backend.documents('docs')).toEqual([{ _id: 'a', n: 1, m: { k: 1 } }])
  })
})
