// Backup and restore of a CloudBase environment through @cloudbase/manager-node (database export/import,
// storage download/upload) with only the network replaced (tencent-cloud-fake.ts): backup → a fresh
// environment → restore gives back exactly the same documents and files; a damaged backup and a non-empty
// environment without --force are refused before anything is written.
import CloudBase from '@cloudbase/manager-node'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CloudbaseDocStore } from '../../cloudfunctions/common/cloudbase/docstore'
import { silentLogger } from '../../cloudfunctions/common/log'
import { backupCloud, restoreCloud } from '../../scripts/ops/cloud-backup'
import type { BackupManifest } from '../../scripts/ops/manifest'
import { OpsRefusal } from '../../scripts/ops/refusal'
import { nodeDatabase, skipPlatformProbe } from '../support/cloudbase-harness'
import {
  installOfflineCloudbase,
  offlineCloudbase,
  uninstallOfflineCloudbase,
} from '../support/cloudbase-offline-stub'
import { FakeTencentCloud } from '../support/tencent-cloud-fake'

const PHOTO = readFileSync(path.join(__dirname, '../fixtures/photo.jpg'))
const NOW = new Date('2026-11-21T02:00:00Z')
const noWait = async () => {}

let restoreEnv: () => void
let scratch: string

const manager = (envId: string) => new CloudBase({ secretId: 'AKIDtest', secretKey: 'never-printed', envId })

/** An environment as a deploy leaves it (collections exist), with data written through the real adapter. */
async function populatedEnvironment(envId: string): Promise<FakeTencentCloud> {
  const fake = new FakeTencentCloud(envId, offlineCloudbase(envId))
  for (const name of ['cases', 'staff', 'jobs']) {
    fake.indexes.set(name, [])
    fake.data.seed(name, [])
  }
  const store = CloudbaseDocStore.fromNodeSdk(nodeDatabase(envId))
  for (let i = 0; i < 3; i++) {
    await store.insert('cases', {
      _id: `case-${i}`,
      refNo: `JZ-20261121-000${i}`,
      status: 'registered',
      reporter: { mode: 'real-name', nameSealed: `v1.sealed-${i}` },
      photos: [`cloud://${envId}/uploads/2026/11/p${i}.jpg`],
      history: [{ type: 'register', at: '2026-11-21T10:00:00+08:00' }],
    })
  }
  await store.insert('staff', {
    _id: 'st-admin',
    openid: 'o-admin',
    roles: ['admin'],
    unitIds: ['jz-bureau'],
    active: true,
  })
  fake.objects.set('uploads/2026/11/p0.jpg', PHOTO)
  fake.objects.set('uploads/2026/11/p1.jpg', Buffer.concat([PHOTO, Buffer.from('1')]))
  return fake
}

/** An environment freshly deployed: the same collections, no documents, no files. */
function emptyEnvironment(envId: string): FakeTencentCloud {
  const fake = new FakeTencentCloud(envId, offlineCloudbase(envId))
  for (const name of ['cases', 'staff', 'jobs']) {
    fake.indexes.set(name, [])
    fake.data.seed(name, [])
  }
  return fake
}

const byId = (docs: Array<Record<string, unknown>> | undefined) =>
  [...(docs ?? [])].sort((a, b) => String(a._id).localeCompare(String(b._id)))

beforeAll(() => {
  restoreEnv = skipPlatformProbe()
  installOfflineCloudbase()
  scratch = mkdtempSync(path.join(os.tmpdir(), 'gw-cloud-backup-'))
})

afterAll(() => {
  uninstallOfflineCloudbase()
  restoreEnv()
  rmSync(scratch, { recursive: true, force: true })
})

describe('cloud backup and restore (manager SDK, network replaced)', () => {
  let source: FakeTencentCloud
  let out: string
  let manifest: BackupManifest

  beforeAll(async () => {
    source = await populatedEnvironment('gw-source')
    await source.install()
    out = path.join(scratch, 'backup')
    try {
      ;({ manifest } = await backupCloud({
        manager: manager('gw-source'),
        envId: 'gw-source',
        out,
        now: NOW,
        log: silentLogger,
        sleep: noWait,
      }))
    } finally {
      await source.uninstall()
    }
  })

  test('the backup: every collection exported and every file downloaded, with counts and checksums', () => {
    expect(
      Object.fromEntries(Object.entries(manifest.collections).map(([k, v]) => [k, v.documents])),
    ).toEqual({
      cases: 3,
      jobs: 0,
      staff: 1,
    })
    expect(manifest).toMatchObject({
      mode: 'cloud',
      source: 'gw-source',
      files: { count: 2, bytes: PHOTO.length * 2 + 1 },
    })
    expect(manifest.entries.map((e) => e.path)).toEqual([
      'collections/cases.json',
      'collections/staff.json',
      'files/uploads/2026/11/p0.jpg',
      'files/uploads/2026/11/p1.jpg',
    ])
    expect(readFileSync(path.join(out, 'files/uploads/2026/11/p0.jpg'))).toEqual(PHOTO)
    // Export jobs went through the SDK; their temporary objects are gone again.
    expect(source.actions('tcb.DatabaseMigrateExport').map((c) => c.params.CollectionName)).toEqual([
      'cases',
      'staff',
    ])
    expect([...source.objects.keys()].sort()).toEqual(['uploads/2026/11/p0.jpg', 'uploads/2026/11/p1.jpg'])
    expect(source.unexpected).toEqual([])
  })

  test('restore into a fresh environment gives back exactly the same documents and files', async () => {
    const target = emptyEnvironment('gw-target')
    await target.install()
    try {
      const result = await restoreCloud({
        manager: manager('gw-target'),
        envId: 'gw-target',
        from: out,
        force: false,
        log: silentLogger,
        sleep: noWait,
        now: NOW,
      })
      expect(result.files).toBe(2)
      for (const name of ['cases', 'staff', 'jobs']) {
        expect(byId(target.data.documents(name))).toEqual(byId(source.data.documents(name)))
      }
      expect(target.objects).toEqual(source.objects)
      expect(
        target
          .actions('tcb.DatabaseMigrateImport')
          .map((c) => [c.params.CollectionName, c.params.ConflictMode]),
      ).toEqual([
        ['cases', 'upsert'],
        ['staff', 'upsert'],
      ])
      expect(target.unexpected).toEqual([])
      // The documents read back through the adapter the functions use.
      const store = CloudbaseDocStore.fromNodeSdk(nodeDatabase('gw-target'))
      expect(await store.get('staff', 'st-admin')).toMatchObject({ openid: 'o-admin', roles: ['admin'] })

      // A second restore into the now non-empty environment is refused without --force, writing nothing.
      const writes = target.writes().length
      const objects = target.actions().filter((c) => c.service === 'cos' && c.action.startsWith('PUT')).length
      const refusal = (await restoreCloud({
        manager: manager('gw-target'),
        envId: 'gw-target',
        from: out,
        force: false,
        log: silentLogger,
        sleep: noWait,
      }).catch((e: unknown) => e)) as OpsRefusal
      expect(refusal).toBeInstanceOf(OpsRefusal)
      expect(refusal.code).toBe('ENV_NOT_EMPTY')
      expect(refusal.message).toMatch(/集合 cases、staff 已有数据/)
      expect(target.writes().length).toBe(writes)
      expect(target.actions().filter((c) => c.service === 'cos' && c.action.startsWith('PUT')).length).toBe(
        objects,
      )
      // With --force it upserts by _id.
      await restoreCloud({
        manager: manager('gw-target'),
        envId: 'gw-target',
        from: out,
        force: true,
        log: silentLogger,
        sleep: noWait,
      })
      expect(byId(target.data.documents('cases'))).toEqual(byId(source.data.documents('cases')))
    } finally {
      await target.uninstall()
    }
  })

  test('a backup whose checksum does not match is refused before the environment is touched', async () => {
    const damaged = path.join(scratch, 'damaged')
    rmSync(damaged, { recursive: true, force: true })
    await import('node:fs/promises').then((fs) => fs.cp(out, damaged, { recursive: true }))
    const file = path.join(damaged, 'collections/cases.json')
    writeFileSync(file, readFileSync(file, 'utf8').replace('registered', 'registerex'))
    const target = emptyEnvironment('gw-target-2')
    await target.install()
    try {
      const refusal = (await restoreCloud({
        manager: manager('gw-target-2'),
        envId: 'gw-target-2',
        from: damaged,
        force: true,
        log: silentLogger,
        sleep: noWait,
      }).catch((e: unknown) => e)) as OpsRefusal
      expect(refusal.code).toBe('BACKUP_INVALID')
      expect(refusal.problems).toEqual(['collections/cases.json：校验和不符，文件已损坏或被改动'])
      expect(target.calls).toEqual([])
    } finally {
      await target.uninstall()
    }
  })
})
