// Backup and restore of a local-mode data directory (local/runtime.ts):
//   <dataDir>/greenwhistle.sqlite   documents — copied with SQLite's online backup, so the gateway may keep running
//   <dataDir>/files/                uploaded photos
//   <dataDir>/secrets.json          the identity-encryption and URL-signing keys: without them the sealed
//                                   reporter identities of the copy could not be read, so they travel with it
//                                   (keep the backup as safe as the data directory itself)
// A backup folder holds the same three plus manifest.json (scripts/ops/manifest.ts). Restore verifies the
// whole folder — every checksum, then every collection's document digest on the copy — before it writes.
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Logger } from '../../cloudfunctions/common/ports'
import { SqliteDocStore } from '../../local/adapters/sqlite-docstore'
import { OpsRefusal } from './refusal'
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_FILE,
  entriesOf,
  listFiles,
  summariseCollection,
  verifyBackup,
  type BackupManifest,
  type CollectionSummary,
} from './manifest'

const DATABASE_FILE = 'greenwhistle.sqlite'
const FILES_DIR = 'files'
const SECRETS_FILE = 'secrets.json'

function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0
}

function copyTree(from: string, to: string, paths: readonly string[]): void {
  for (const rel of paths) {
    const target = path.join(to, ...rel.split('/'))
    mkdirSync(path.dirname(target), { recursive: true })
    copyFileSync(path.join(from, ...rel.split('/')), target)
  }
}

/** Every collection of a SQLite store, summarised through the DocStore port. */
async function summarise(file: string): Promise<Record<string, CollectionSummary>> {
  const store = new SqliteDocStore(file)
  try {
    const out: Record<string, CollectionSummary> = {}
    for (const name of store.collections()) out[name] = await summariseCollection(store, name)
    return out
  } finally {
    store.close()
  }
}

export interface LocalBackupResult {
  ok: true
  mode: 'local'
  out: string
  manifest: BackupManifest
}

export async function backupLocal(options: {
  dataDir: string
  out: string
  now: Date
  log: Logger
}): Promise<LocalBackupResult> {
  const dataDir = path.resolve(options.dataDir)
  const out = path.resolve(options.out)
  const source = path.join(dataDir, DATABASE_FILE)
  if (!existsSync(source)) {
    throw new OpsRefusal('NO_DATA', `${dataDir} 中没有数据库文件 ${DATABASE_FILE}，不是本系统的数据目录`)
  }
  if (!isEmptyDir(out))
    throw new OpsRefusal('OUT_NOT_EMPTY', `备份目录 ${out} 已存在且不为空，请换一个新目录`)
  mkdirSync(out, { recursive: true })
  const db = new Database(source, { fileMustExist: true })
  try {
    // SQLite's online backup: a consistent copy while the gateway keeps writing.
    await db.backup(path.join(out, DATABASE_FILE))
  } finally {
    db.close()
  }
  const collections = await summarise(path.join(out, DATABASE_FILE))
  const files = listFiles(dataDir, FILES_DIR)
  copyTree(dataDir, out, files)
  const secrets = existsSync(path.join(dataDir, SECRETS_FILE)) ? [SECRETS_FILE] : []
  copyTree(dataDir, out, secrets)
  const entries = await entriesOf(out, [DATABASE_FILE, ...secrets, ...files])
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    mode: 'local',
    createdAt: options.now.toISOString(),
    source: dataDir,
    collections,
    files: {
      count: files.length,
      bytes: entries.filter((e) => e.path.startsWith(`${FILES_DIR}/`)).reduce((n, e) => n + e.bytes, 0),
    },
    entries,
  }
  writeFileSync(path.join(out, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n')
  options.log.info('backup written', {
    step: 'backup',
    mode: 'local',
    collections: Object.keys(collections).length,
    documents: Object.values(collections).reduce((n, c) => n + c.documents, 0),
    files: files.length,
  })
  return { ok: true, mode: 'local', out, manifest }
}

export interface LocalRestoreResult {
  ok: true
  mode: 'local'
  dataDir: string
  collections: Record<string, CollectionSummary>
  files: number
}

export async function restoreLocal(options: {
  dataDir: string
  from: string
  force: boolean
  log: Logger
}): Promise<LocalRestoreResult> {
  const dataDir = path.resolve(options.dataDir)
  const from = path.resolve(options.from)
  const { manifest, problems } = await verifyBackup(from)
  if (!manifest || problems.length > 0) {
    throw new OpsRefusal('BACKUP_INVALID', '备份校验未通过，未做任何改动', problems)
  }
  if (manifest.mode !== 'local') {
    throw new OpsRefusal('BACKUP_MODE', '这是云端环境的备份，请用 --env 恢复到云开发环境')
  }
  if (!isEmptyDir(dataDir) && !options.force) {
    throw new OpsRefusal(
      'DATA_DIR_NOT_EMPTY',
      `数据目录 ${dataDir} 不为空；恢复会覆盖其中的数据。确认要覆盖请加 --force（先停止 npm start）`,
    )
  }
  // The documents themselves, not only the file bytes: summarise a scratch copy (opening a store may add
  // tables and indexes a newer version declares) and compare with what the backup recorded.
  const stage = path.join(path.dirname(dataDir), `.${path.basename(dataDir)}.restore-${process.pid}`)
  rmSync(stage, { recursive: true, force: true })
  mkdirSync(stage, { recursive: true })
  try {
    copyTree(
      from,
      stage,
      manifest.entries.map((e) => e.path),
    )
    const restored = await summarise(path.join(stage, DATABASE_FILE))
    const mismatched = Object.entries(manifest.collections)
      .filter(([name, s]) => restored[name]?.sha256 !== s.sha256 || restored[name]?.documents !== s.documents)
      .map(([name]) => `${name}：文档与备份清单不符`)
    if (mismatched.length > 0)
      throw new OpsRefusal('BACKUP_INVALID', '备份校验未通过，未做任何改动', mismatched)
    mkdirSync(dataDir, { recursive: true })
    for (const name of [
      DATABASE_FILE,
      `${DATABASE_FILE}-wal`,
      `${DATABASE_FILE}-shm`,
      FILES_DIR,
      SECRETS_FILE,
    ]) {
      rmSync(path.join(dataDir, name), { recursive: true, force: true })
    }
    for (const name of readdirSync(stage)) renameSync(path.join(stage, name), path.join(dataDir, name))
    options.log.info('backup restored', {
      step: 'restore',
      mode: 'local',
      collections: Object.keys(restored).length,
      documents: Object.values(restored).reduce((n, c) => n + c.documents, 0),
      files: manifest.files.count,
    })
    return { ok: true, mode: 'local', dataDir, collections: restored, files: manifest.files.count }
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}
