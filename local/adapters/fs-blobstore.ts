// BlobStore on the local data directory. File ids look like `local://uploads/2026/11/abc.jpg`; the
// gateway serves them at /files/<path>?exp=…&sig=… — signed, expiring URLs like CloudBase temp URLs.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { BlobInfo, BlobStore, Clock } from '../../cloudfunctions/common/ports'

const LOCAL_FILE_PREFIX = 'local://'
const SAFE_PATH = /^[a-z0-9][a-z0-9/_.-]{0,200}$/i

function blobPathOf(fileId: string): string | null {
  if (!fileId.startsWith(LOCAL_FILE_PREFIX)) return null
  const rel = fileId.slice(LOCAL_FILE_PREFIX.length)
  if (!SAFE_PATH.test(rel) || rel.split('/').some((part) => part === '..' || part === '.' || part === ''))
    return null
  return rel
}

export class FsBlobStore implements BlobStore {
  constructor(
    private readonly root: string,
    private readonly signingKey: Uint8Array,
    private readonly clock: Clock,
    /** URL prefix the gateway serves files under. */
    private readonly baseUrl = '/files/',
  ) {}

  private absolute(rel: string): string {
    return path.join(this.root, ...rel.split('/'))
  }

  async put(relPath: string, bytes: Uint8Array, contentType: string): Promise<BlobInfo> {
    const fileId = LOCAL_FILE_PREFIX + relPath
    if (!blobPathOf(fileId)) throw new Error(`invalid blob path ${relPath}`)
    const file = this.absolute(relPath)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, bytes, { flag: 'wx' })
    return { fileId, size: bytes.byteLength, contentType }
  }

  async read(fileId: string): Promise<Uint8Array | null> {
    const rel = blobPathOf(fileId)
    if (!rel) return null
    try {
      return await readFile(this.absolute(rel))
    } catch {
      return null
    }
  }

  /** Absolute file path for a fileId, if it exists. */
  async locate(rel: string): Promise<string | null> {
    if (!blobPathOf(LOCAL_FILE_PREFIX + rel)) return null
    const file = this.absolute(rel)
    try {
      return (await stat(file)).isFile() ? file : null
    } catch {
      return null
    }
  }

  sign(rel: string, expiresAt: number): string {
    return createHmac('sha256', this.signingKey).update(`${rel}\n${expiresAt}`).digest('base64url')
  }

  verify(rel: string, expiresAt: number, signature: string): boolean {
    if (!Number.isFinite(expiresAt) || expiresAt < this.clock.now().getTime()) return false
    const expected = Buffer.from(this.sign(rel, expiresAt))
    const given = Buffer.from(signature)
    return expected.length === given.length && timingSafeEqual(expected, given)
  }

  async tempUrls(fileIds: readonly string[], ttlSeconds = 3600): Promise<Record<string, string>> {
    const out: Record<string, string> = {}
    const expiresAt = this.clock.now().getTime() + ttlSeconds * 1000
    for (const fileId of fileIds) {
      const rel = blobPathOf(fileId)
      if (!rel || !(await this.locate(rel))) continue
      out[fileId] = `${this.baseUrl}${rel}?exp=${expiresAt}&sig=${this.sign(rel, expiresAt)}`
    }
    return out
  }

  async remove(fileIds: readonly string[]): Promise<void> {
    for (const fileId of fileIds) {
      const rel = blobPathOf(fileId)
      if (rel) await rm(this.absolute(rel), { force: true })
    }
  }
}
