// BlobStore on CloudBase cloud storage through wx-server-sdk (`cloud.uploadFile` / `downloadFile` /
// `getTempFileURL` / `deleteFile`). File ids are `cloud://<env>.<bucket>/<path>`.
//
// Differences from the local store the port tolerates: `put` overwrites an existing path (the local store
// refuses), and the content type is not stored (cloud storage infers it from the name).
import type { BlobInfo, BlobStore } from '../ports'
import { field, type TempFileUrlItem, type WxStorageApi } from './sdk'

const CLOUD_FILE_PREFIX = 'cloud://'
/** wx-server-sdk sends at most this many files per getTempFileURL / deleteFile request. */
const BATCH = 50
const SAFE_PATH = /^[a-z0-9][a-z0-9/_.-]{0,200}$/i
/** wx-server-sdk's errCode for STORAGE_FILE_NONEXIST. */
const FILE_MISSING = -503003

function assertBlobPath(path: string): void {
  if (!SAFE_PATH.test(path) || path.split('/').some((part) => part === '..' || part === '.' || part === '')) {
    throw new Error(`invalid blob path ${path}`)
  }
}

function isMissingFile(error: unknown): boolean {
  const errCode = field(error, 'errCode')
  const message = `${String(field(error, 'errMsg') ?? '')} ${String(field(error, 'message') ?? '')}`
  return (
    errCode === FILE_MISSING ||
    field(error, 'code') === 'STORAGE_FILE_NONEXIST' ||
    /STORAGE_FILE_NONEXIST|NoSuchKey|not exist/i.test(message)
  )
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH))
  return out
}

export class CloudbaseBlobStore implements BlobStore {
  constructor(private readonly cloud: WxStorageApi) {}

  async put(path: string, bytes: Uint8Array, contentType: string): Promise<BlobInfo> {
    assertBlobPath(path)
    const result = await this.cloud.uploadFile({ cloudPath: path, fileContent: Buffer.from(bytes) })
    const fileId = field(result, 'fileID')
    if (typeof fileId !== 'string' || !fileId) throw new Error(`uploadFile(${path}): no fileID in the result`)
    return { fileId, size: bytes.byteLength, contentType }
  }

  async read(fileId: string): Promise<Uint8Array | null> {
    if (!fileId.startsWith(CLOUD_FILE_PREFIX)) return null
    let result: unknown
    try {
      result = await this.cloud.downloadFile({ fileID: fileId })
    } catch (error) {
      if (isMissingFile(error)) return null
      throw error
    }
    const content = field(result, 'fileContent')
    if (!(content instanceof Uint8Array))
      throw new Error(`downloadFile(${fileId}): no fileContent in the result`)
    return new Uint8Array(content.buffer, content.byteOffset, content.byteLength)
  }

  async tempUrls(fileIds: readonly string[], ttlSeconds = 3600): Promise<Record<string, string>> {
    const out: Record<string, string> = {}
    const ids = [...new Set(fileIds.filter((id) => id.startsWith(CLOUD_FILE_PREFIX)))]
    for (const chunk of chunks(ids)) {
      const result = await this.cloud.getTempFileURL({
        fileList: chunk.map((fileID) => ({ fileID, maxAge: ttlSeconds })),
      })
      const list = field(result, 'fileList')
      if (!Array.isArray(list)) throw new Error('getTempFileURL: no fileList in the result')
      for (const item of list as TempFileUrlItem[]) {
        if (item.status === 0 && item.tempFileURL) out[item.fileID] = item.tempFileURL
      }
    }
    return out
  }

  /** Idempotent: files that are already gone are not an error. */
  async remove(fileIds: readonly string[]): Promise<void> {
    const ids = [...new Set(fileIds.filter((id) => id.startsWith(CLOUD_FILE_PREFIX)))]
    for (const chunk of chunks(ids)) await this.cloud.deleteFile({ fileList: chunk })
  }
}
