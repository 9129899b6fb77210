// Backup and restore of a CloudBase environment with the manager SDK (@cloudbase/manager-node):
//   backup:  every collection with documents → database export (a JSON-lines file in the environment's storage,
//            downloaded, then deleted), every stored file → storage download; manifest with counts and
//            checksums (manifest.ts), the same format as a local backup.
//   restore: verify the whole folder, refuse an environment whose collections hold documents unless --force,
//            then database import (upsert) of each collection and upload of each file; an import that does not
//            report every document as written fails the restore.
// GW_IDENTITY_KEY is not in the database and so not in the backup: keep it with the backup, separately.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import type CloudBase from '@cloudbase/manager-node'
import type { Logger } from '../../cloudfunctions/common/ports'
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  CollectionDigest,
  MANIFEST_FILE,
  entriesOf,
  listFiles,
  verifyBackup,
  type BackupManifest,
  type CollectionSummary,
} from './manifest'
import { OpsRefusal } from './refusal'

type Manager = CloudBase

const COLLECTIONS_DIR = 'collections'
const FILES_DIR = 'files'
/** Where export and import files wait in the environment's storage; removed after use, never backed up. */
const OPS_PREFIX = 'gw-ops/'
const PAGE = 100

export interface CloudOpsOptions {
  manager: Manager
  envId: string
  log: Logger
  /** Pause between polls of an export or import job (default 2 s). */
  sleep?: (ms: number) => Promise<void>
}

/** The Tencent Cloud API key from the operator's environment (never printed). */
export async function managerFromEnvironment(envId: string): Promise<Manager> {
  const secretId = process.env.TENCENTCLOUD_SECRETID
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY
  if (!secretId || !secretKey) {
    throw new OpsRefusal(
      'NO_CREDENTIALS',
      '缺少腾讯云 API 密钥：请设置环境变量 TENCENTCLOUD_SECRETID 与 TENCENTCLOUD_SECRETKEY',
    )
  }
  const { default: CloudBaseClass } = await import('@cloudbase/manager-node')
  return new CloudBaseClass({ secretId, secretKey, token: process.env.TENCENTCLOUD_SESSIONTOKEN, envId })
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

async function collectionsWithCounts(manager: Manager): Promise<Array<{ name: string; count: number }>> {
  const out: Array<{ name: string; count: number }> = []
  for (let offset = 0; ; offset += PAGE) {
    const res = await manager.database.listCollections({ MgoLimit: PAGE, MgoOffset: offset })
    out.push(...res.Collections.map((c) => ({ name: c.CollectionName, count: c.Count })))
    if (res.Collections.length < PAGE || out.length >= (res.Pager?.Total ?? 0)) return out
  }
}

/** Waits for an export or import job; throws with the job's own message when it fails. */
async function waitForJob(options: CloudOpsOptions, jobId: number, what: string) {
  const sleep = options.sleep ?? defaultSleep
  for (;;) {
    const status = await options.manager.database.migrateStatus(jobId)
    if (status.Status === 'success') return status
    if (status.Status === 'fail') throw new Error(`${what}: job ${jobId} failed: ${status.ErrorMsg}`)
    await sleep(2000)
  }
}

/** JSON lines → documents digest (the same digest a local backup records, over the exported form). */
function summariseExport(text: string): CollectionSummary {
  const docs = text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { _id: string })
    .sort((a, b) => (String(a._id) < String(b._id) ? -1 : String(a._id) > String(b._id) ? 1 : 0))
  const digest = new CollectionDigest()
  for (const doc of docs) digest.add(doc)
  return digest.summary()
}

async function removeOpsObjects(manager: Manager, paths: string[]): Promise<void> {
  if (paths.length > 0) await manager.storage.deleteFile(paths)
}

export async function backupCloud(
  options: CloudOpsOptions & { out: string; now: Date },
): Promise<{ ok: true; mode: 'cloud'; out: string; manifest: BackupManifest }> {
  const { manager, log } = options
  const out = path.resolve(options.out)
  if (existsSync(out) && readdirSync(out).length > 0) {
    throw new OpsRefusal('OUT_NOT_EMPTY', `备份目录 ${out} 已存在且不为空，请换一个新目录`)
  }
  await manager.currentEnvironment().lazyInit()
  mkdirSync(path.join(out, COLLECTIONS_DIR), { recursive: true })
  const stamp = options.now.toISOString().replace(/[:.]/g, '-')
  const collections: Record<string, CollectionSummary> = {}
  const temporary: string[] = []
  try {
    for (const { name, count } of await collectionsWithCounts(manager)) {
      if (count === 0) {
        collections[name] = new CollectionDigest().summary()
        continue
      }
      const objectKey = `${OPS_PREFIX}backup-${stamp}/${name}.json`
      const { JobId } = await manager.database.export(name, { ObjectKey: objectKey }, {})
      temporary.push(objectKey)
      await waitForJob(options, JobId, `export ${name}`)
      const local = path.join(out, COLLECTIONS_DIR, `${name}.json`)
      await manager.storage.downloadFile({ cloudPath: objectKey, localPath: local })
      collections[name] = summariseExport(readFileSync(local, 'utf8'))
      log.info('collection exported', { collection: name, documents: collections[name].documents })
    }
    const stored = (await manager.storage.listDirectoryFiles(''))
      .map((f) => f.Key)
      .filter((key) => key && !key.endsWith('/') && !key.startsWith(OPS_PREFIX))
      .sort()
    for (const key of stored) {
      const local = path.join(out, FILES_DIR, ...key.split('/'))
      mkdirSync(path.dirname(local), { recursive: true })
      await manager.storage.downloadFile({ cloudPath: key, localPath: local })
    }
    log.info('files downloaded', { files: stored.length })
  } finally {
    await removeOpsObjects(manager, temporary)
  }
  const paths = listFiles(out)
  const entries = await entriesOf(out, paths)
  const files = entries.filter((e) => e.path.startsWith(`${FILES_DIR}/`))
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    mode: 'cloud',
    createdAt: options.now.toISOString(),
    source: options.envId,
    collections,
    files: { count: files.length, bytes: files.reduce((n, e) => n + e.bytes, 0) },
    entries,
  }
  writeFileSync(path.join(out, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n')
  log.info('backup written', {
    step: 'backup',
    mode: 'cloud',
    collections: Object.keys(collections).length,
    documents: Object.values(collections).reduce((n, c) => n + c.documents, 0),
    files: files.length,
  })
  return { ok: true, mode: 'cloud', out, manifest }
}

export async function restoreCloud(
  options: CloudOpsOptions & { from: string; force: boolean; now?: Date },
): Promise<{
  ok: true
  mode: 'cloud'
  envId: string
  collections: Record<string, CollectionSummary>
  files: number
}> {
  const { manager, log } = options
  const from = path.resolve(options.from)
  const { manifest, problems } = await verifyBackup(from)
  if (!manifest || problems.length > 0)
    throw new OpsRefusal('BACKUP_INVALID', '备份校验未通过，未做任何改动', problems)
  if (manifest.mode !== 'cloud')
    throw new OpsRefusal('BACKUP_MODE', '这是本地模式的备份，请用 --data-dir 恢复到数据目录')
  const mismatched: string[] = []
  for (const [name, summary] of Object.entries(manifest.collections)) {
    if (summary.documents === 0) continue
    const file = path.join(from, COLLECTIONS_DIR, `${name}.json`)
    const found = existsSync(file) ? summariseExport(readFileSync(file, 'utf8')) : null
    if (!found || found.sha256 !== summary.sha256 || found.documents !== summary.documents)
      mismatched.push(`${name}：文档与备份清单不符`)
  }
  if (mismatched.length > 0)
    throw new OpsRefusal('BACKUP_INVALID', '备份校验未通过，未做任何改动', mismatched)

  await manager.currentEnvironment().lazyInit()
  const existing = new Map((await collectionsWithCounts(manager)).map((c) => [c.name, c.count]))
  const busy = [...existing].filter(([, count]) => count > 0).map(([name]) => name)
  if (busy.length > 0 && !options.force) {
    throw new OpsRefusal(
      'ENV_NOT_EMPTY',
      `环境 ${options.envId} 的集合 ${busy.join('、')} 已有数据；恢复会按 _id 覆盖同名文档。确认请加 --force（建议恢复到新部署的空环境）`,
    )
  }
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')
  const prefix = `${OPS_PREFIX}restore-${stamp}/`
  const temporary: string[] = []
  try {
    for (const [name, summary] of Object.entries(manifest.collections)) {
      if (!existing.has(name)) await manager.database.createCollection(name)
      if (summary.documents === 0) continue
      const file = path.join(from, COLLECTIONS_DIR, `${name}.json`)
      const { JobId } = await manager.database.import(
        name,
        { FilePath: file },
        { ObjectKeyPrefix: prefix, FileType: 'json', StopOnError: true, ConflictMode: 'upsert' },
      )
      temporary.push(`${prefix}${name}.json`)
      const status = await waitForJob(options, JobId, `import ${name}`)
      if (status.RecordSuccess !== summary.documents || status.RecordFail !== 0) {
        throw new Error(
          `import ${name}: ${status.RecordSuccess} of ${summary.documents} documents written, ${status.RecordFail} failed`,
        )
      }
      log.info('collection imported', { collection: name, documents: summary.documents })
    }
    const files = manifest.entries.filter((e) => e.path.startsWith(`${FILES_DIR}/`))
    for (const entry of files) {
      await manager.storage.uploadFile({
        localPath: path.join(from, ...entry.path.split('/')),
        cloudPath: entry.path.slice(FILES_DIR.length + 1),
      })
    }
    log.info('backup restored', {
      step: 'restore',
      mode: 'cloud',
      collections: Object.keys(manifest.collections).length,
      files: files.length,
    })
    return {
      ok: true,
      mode: 'cloud',
      envId: options.envId,
      collections: manifest.collections,
      files: files.length,
    }
  } finally {
    await removeOpsObjects(manager, temporary)
  }
}
