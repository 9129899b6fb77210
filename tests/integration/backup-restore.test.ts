// Backup → wipe → restore of a local data directory gives back exactly the same documents and files, and the
// restored system still reads what it sealed (the keys travel with the backup). A restore refuses a backup
// whose checksums do not match and a non-empty data directory without --force, writing nothing.
import { spawnSync } from 'node:child_process'
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { silentLogger } from '../../cloudfunctions/common/log'
import type { CaseDoc } from '../../shared/cases/case-doc'
import { decryptField } from '../../cloudfunctions/common/reporter-identity'
import { DEV_OPENID_HEADER } from '../../local/gateway'
import { createLocalRuntime } from '../../local/runtime'
import { SqliteDocStore } from '../../local/adapters/sqlite-docstore'
import { backupLocal, restoreLocal } from '../../scripts/ops/local-backup'
import { listFiles, MANIFEST_FILE, type BackupManifest } from '../../scripts/ops/manifest'
import { OpsRefusal } from '../../scripts/ops/refusal'
import { multipartBody } from '../support/images'
import { startHarness, type Harness } from '../support/local-harness'
import { reportInput } from '../support/reports'

const PHOTO = readFileSync(path.join(__dirname, '../fixtures/photo.jpg'))
const ROOT = path.resolve(__dirname, '../..')

/** Every document of every collection, by collection, in `_id` order. */
async function everything(dataDir: string): Promise<Record<string, unknown[]>> {
  const store = new SqliteDocStore(path.join(dataDir, 'greenwhistle.sqlite'))
  try {
    const out: Record<string, unknown[]> = {}
    for (const name of store.collections()) {
      const docs: unknown[] = []
      let after: string | null = null
      do {
        const page: { items: unknown[]; next: string | null } = await store.find(name, { limit: 100, after })
        docs.push(...page.items)
        after = page.next
      } while (after)
      out[name] = docs
    }
    return out
  } finally {
    store.close()
  }
}

function filesOf(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const rel of listFiles(dataDir, 'files'))
    out[rel] = readFileSync(path.join(dataDir, ...rel.split('/'))).toString('base64')
  return out
}

async function upload(h: Harness, openid: string): Promise<string> {
  const { payload, headers } = multipartBody(PHOTO)
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/files',
    payload,
    headers: { ...headers, [DEV_OPENID_HEADER]: openid },
  })
  const body = res.json() as { ok: boolean; data: { fileId: string } }
  if (!body.ok) throw new Error(`upload failed: ${res.body}`)
  return body.data.fileId
}

describe('local backup and restore', () => {
  let h: Harness
  let scratch: string
  let caseId: string

  beforeAll(async () => {
    h = await startHarness()
    scratch = mkdtempSync(path.join(os.tmpdir(), 'gw-backup-'))
    const photos = [await upload(h, 'dev-citizen'), await upload(h, 'dev-citizen')]
    const submitted = await h.ok<{ caseId: string }>(
      'cases',
      'submitReport',
      reportInput({ photos, reporter: { mode: 'real-name', name: '张三', phone: '13800138000' } }),
      'dev-citizen',
    )
    caseId = submitted.caseId
  })

  afterAll(async () => {
    await h.close()
    rmSync(scratch, { recursive: true, force: true })
  })

  test('backup → wipe → restore gives back exactly the same documents and files', async () => {
    // Its own system, so the data directory can be wiped. The gateway keeps running during the backup:
    // SQLite's online backup copies a consistent state.
    const own = await startHarness()
    const photos = [await upload(own, 'dev-citizen'), await upload(own, 'dev-citizen')]
    await own.ok('cases', 'submitReport', reportInput({ photos }), 'dev-citizen')
    const dataDir = own.dataDir
    const before = await everything(dataDir)
    const filesBefore = filesOf(dataDir)
    const secretsBefore = readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')
    expect(Object.keys(filesBefore)).toHaveLength(2)
    expect(before.cases).toHaveLength(1)
    const out = path.join(scratch, 'b1')
    const { manifest } = await backupLocal({ dataDir, out, now: new Date(), log: silentLogger })
    expect(manifest.collections.cases).toEqual({
      documents: 1,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    expect(manifest.collections.staff!.documents).toBe(before.staff!.length)
    expect(manifest.files).toEqual({ count: 2, bytes: PHOTO.length * 2 })
    expect(manifest.entries.map((e) => e.path).sort()).toEqual(
      ['greenwhistle.sqlite', 'secrets.json', ...Object.keys(filesBefore)].sort(),
    )

    await own.app.close()
    own.runtime.close()
    rmSync(dataDir, { recursive: true, force: true })
    expect(existsSync(dataDir)).toBe(false)

    const result = await restoreLocal({ dataDir, from: out, force: false, log: silentLogger })
    expect(result.collections).toEqual(manifest.collections)
    expect(await everything(dataDir)).toEqual(before)
    expect(filesOf(dataDir)).toEqual(filesBefore)
    expect(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')).toBe(secretsBefore)
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('the restored system reads what it sealed: the keys travel with the backup', async () => {
    const out = path.join(scratch, 'b2')
    await backupLocal({ dataDir: h.dataDir, out, now: new Date(), log: silentLogger })
    const target = path.join(scratch, 'restored-2')
    await restoreLocal({ dataDir: target, from: out, force: false, log: silentLogger })
    const restored = createLocalRuntime({
      dataDir: target,
      log: silentLogger,
      deployment: h.runtime.deployment,
    })
    try {
      const doc = await restored.db.get<CaseDoc>('cases', caseId)
      expect(decryptField(restored.secrets.identityKey, doc!.reporter.nameSealed!)).toBe('张三')
    } finally {
      restored.close()
    }
  })

  test('a backup whose checksum does not match is refused and nothing is written', async () => {
    const out = path.join(scratch, 'b3')
    const { manifest } = await backupLocal({ dataDir: h.dataDir, out, now: new Date(), log: silentLogger })
    const photo = manifest.entries.find((e) => e.path.startsWith('files/'))!
    // Same size, other bytes: only the checksum can tell.
    const file = path.join(out, ...photo.path.split('/'))
    const bytes = readFileSync(file)
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1)
    writeFileSync(file, bytes)
    const target = path.join(scratch, 'never')
    const refusal = await restoreLocal({ dataDir: target, from: out, force: true, log: silentLogger }).catch(
      (e: unknown) => e,
    )
    expect(refusal).toBeInstanceOf(OpsRefusal)
    expect((refusal as OpsRefusal).code).toBe('BACKUP_INVALID')
    expect((refusal as OpsRefusal).problems).toEqual([`${photo.path}：校验和不符，文件已损坏或被改动`])
    expect(existsSync(target)).toBe(false)

    // A file added to the folder and an edited manifest count are refused too.
    const out2 = path.join(scratch, 'b3b')
    await backupLocal({ dataDir: h.dataDir, out: out2, now: new Date(), log: silentLogger })
    writeFileSync(path.join(out2, 'files', 'extra.jpg'), PHOTO)
    const extra = await restoreLocal({ dataDir: target, from: out2, force: true, log: silentLogger }).catch(
      (e: unknown) => e as OpsRefusal,
    )
    expect((extra as OpsRefusal).problems).toEqual(['files/extra.jpg：清单中没有这个文件'])
    expect(existsSync(target)).toBe(false)
  })

  test('documents that do not match the manifest digest are refused', async () => {
    const out = path.join(scratch, 'b4')
    await backupLocal({ dataDir: h.dataDir, out, now: new Date(), log: silentLogger })
    const manifestFile = path.join(out, MANIFEST_FILE)
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest
    manifest.collections.cases!.documents = 2
    writeFileSync(manifestFile, JSON.stringify(manifest))
    const target = path.join(scratch, 'never-2')
    const refusal = (await restoreLocal({
      dataDir: target,
      from: out,
      force: false,
      log: silentLogger,
    }).catch((e: unknown) => e)) as OpsRefusal
    expect(refusal.problems).toEqual(['cases：文档与备份清单不符'])
    expect(existsSync(target)).toBe(false)
  })

  test('restore refuses a non-empty data directory unless --force', async () => {
    const out = path.join(scratch, 'b5')
    await backupLocal({ dataDir: h.dataDir, out, now: new Date(), log: silentLogger })
    const target = mkdtempSync(path.join(scratch, 'busy-'))
    writeFileSync(path.join(target, 'greenwhistle.sqlite'), 'someone else’s data')
    const refusal = (await restoreLocal({
      dataDir: target,
      from: out,
      force: false,
      log: silentLogger,
    }).catch((e: unknown) => e)) as OpsRefusal
    expect(refusal.code).toBe('DATA_DIR_NOT_EMPTY')
    expect(readFileSync(path.join(target, 'greenwhistle.sqlite'), 'utf8')).toBe('someone else’s data')
    await restoreLocal({ dataDir: target, from: out, force: true, log: silentLogger })
    expect(await everything(target)).toEqual(await everything(h.dataDir))
  })

  test('backup refuses an output folder that is not empty', async () => {
    const out = mkdtempSync(path.join(scratch, 'taken-'))
    appendFileSync(path.join(out, 'note.txt'), 'x')
    await expect(
      backupLocal({ dataDir: h.dataDir, out, now: new Date(), log: silentLogger }),
    ).rejects.toMatchObject({
      code: 'OUT_NOT_EMPTY',
    })
  })

  test('the CLI: JSON on stdout, exit 0; a damaged backup exits 1 with the problems; bad arguments exit 2', () => {
    const cli = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/cli.ts'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      })
    const out = path.join(scratch, 'cli')
    const backup = cli(['backup', '--data-dir', h.dataDir, '--out', out])
    expect(backup.status).toBe(0)
    const backupJson = JSON.parse(backup.stdout) as { ok: boolean; manifest: BackupManifest }
    expect(backupJson.ok).toBe(true)
    expect(backupJson.manifest.files.count).toBe(2)
    // Logs: JSON lines on stderr with counts only — no names, phones or file contents.
    expect(backup.stderr).not.toMatch(/张三|13800138000/)
    expect(JSON.parse(backup.stderr.trim().split('\n').pop()!)).toMatchObject({ message: 'backup written' })

    const target = path.join(scratch, 'cli-restored')
    const restore = cli(['restore', '--data-dir', target, '--from', out])
    expect(restore.status).toBe(0)
    expect(JSON.parse(restore.stdout)).toMatchObject({ ok: true, files: 2 })

    const again = cli(['restore', '--data-dir', target, '--from', out])
    expect(again.status).toBe(1)
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: false, error: { code: 'DATA_DIR_NOT_EMPTY' } })

    expect(cli(['backup', '--out', out]).status).toBe(2)
    expect(cli(['restore', '--data-dir', target]).status).toBe(2)
  })
})
