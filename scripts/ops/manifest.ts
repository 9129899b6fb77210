// The manifest of a backup folder (manifest.json): what it holds — documents per collection with a digest of
// their content, stored files — and a size and SHA-256 for every file in the folder, so a restore can refuse
// a backup that is incomplete, altered or damaged before it writes anything.
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { DocStore, WithId } from '../../cloudfunctions/common/ports'

export const MANIFEST_FILE = 'manifest.json'
export const BACKUP_FORMAT = 'greenwhistle-backup'
export const BACKUP_FORMAT_VERSION = 1

export interface ManifestEntry {
  /** Relative to the backup folder, `/`-separated. */
  path: string
  bytes: number
  sha256: string
}

export interface CollectionSummary {
  documents: number
  /** SHA-256 over the documents in `_id` order (canonical JSON): equal digests, equal contents. */
  sha256: string
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT
  version: typeof BACKUP_FORMAT_VERSION
  mode: 'local' | 'cloud'
  createdAt: string
  /** Where it was taken: a data directory, or a CloudBase environment id. */
  source: string
  collections: Record<string, CollectionSummary>
  files: { count: number; bytes: number }
  entries: ManifestEntry[]
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Every regular file under `root`, as sorted `/`-separated relative paths. */
export function listFiles(root: string, under = ''): string[] {
  const dir = path.join(root, ...under.split('/').filter(Boolean))
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = under ? `${under}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...listFiles(root, rel))
    else if (entry.isFile()) out.push(rel)
  }
  return out.sort()
}

export async function entriesOf(root: string, paths: readonly string[]): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = []
  for (const rel of paths) {
    const file = path.join(root, ...rel.split('/'))
    entries.push({ path: rel, bytes: statSync(file).size, sha256: await sha256File(file) })
  }
  return entries
}

/** Keys sorted at every level, so the same document always serialises to the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value as object).sort()
    return `{${keys
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

/** Incremental digest of documents given in `_id` order. */
export class CollectionDigest {
  private readonly hash = createHash('sha256')
  documents = 0

  add(doc: object): void {
    this.hash.update(canonicalJson(doc))
    this.hash.update('\n')
    this.documents++
  }

  summary(): CollectionSummary {
    return { documents: this.documents, sha256: this.hash.digest('hex') }
  }
}

/** Pages through a collection of any DocStore (≤ 100 per page, `_id` order) and digests it. */
export async function summariseCollection(db: DocStore, collection: string): Promise<CollectionSummary> {
  const digest = new CollectionDigest()
  let after: string | null = null
  do {
    const page: { items: WithId<object>[]; next: string | null } = await db.find<object>(collection, {
      limit: 100,
      after,
    })
    for (const doc of page.items) digest.add(doc)
    after = page.next
  } while (after)
  return digest.summary()
}

/**
 * Everything that makes a backup folder untrustworthy, in Chinese (empty when it verifies): a missing or
 * unreadable manifest, a file missing, added, of another size or with another checksum.
 */
export async function verifyBackup(
  dir: string,
): Promise<{ manifest: BackupManifest | null; problems: string[] }> {
  const manifestFile = path.join(dir, MANIFEST_FILE)
  if (!existsSync(manifestFile))
    return { manifest: null, problems: [`${dir} 中没有 ${MANIFEST_FILE}，不是备份目录`] }
  let manifest: BackupManifest
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest
  } catch {
    return { manifest: null, problems: [`${MANIFEST_FILE} 不是合法的 JSON`] }
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== BACKUP_FORMAT_VERSION) {
    return { manifest: null, problems: [`${MANIFEST_FILE} 不是本系统第 ${BACKUP_FORMAT_VERSION} 版备份格式`] }
  }
  const problems: string[] = []
  const listed = new Set(manifest.entries.map((e) => e.path))
  for (const rel of listFiles(dir)) {
    if (rel !== MANIFEST_FILE && !listed.has(rel)) problems.push(`${rel}：清单中没有这个文件`)
  }
  for (const entry of manifest.entries) {
    const file = path.join(dir, ...entry.path.split('/'))
    if (entry.path.split('/').some((p) => p === '..' || p === '') || !existsSync(file)) {
      problems.push(`${entry.path}：文件缺失`)
      continue
    }
    const bytes = statSync(file).size
    if (bytes !== entry.bytes) {
      problems.push(`${entry.path}：大小不符（清单 ${entry.bytes} 字节，实际 ${bytes} 字节）`)
      continue
    }
    if ((await sha256File(file)) !== entry.sha256)
      problems.push(`${entry.path}：校验和不符，文件已损坏或被改动`)
  }
  return { manifest, problems }
}
