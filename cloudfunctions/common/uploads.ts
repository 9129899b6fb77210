// Photos: checked once when they arrive (size, real image bytes) and registered to their uploader, so a
// report can only attach photos its own reporter uploaded.
import { createHash } from 'node:crypto'
import {
  MAX_UPLOAD_BYTES,
  NOT_AN_IMAGE_MESSAGE,
  type ACCEPTED_IMAGE_TYPES,
  type UploadRecord,
} from '../../shared/contracts/files'
import { AppError } from '../../shared/contracts/result'
import { toShanghaiIso } from '../../shared/time'
import { COLLECTIONS } from './collections'
import { getMany } from './db/get-many'
import type { ContentVerdict, DocStore, Runtime, Tx, WithId } from './ports'

export interface UploadDoc {
  fileId: string
  owner: string
  size: number
  contentType: string
  createdAt: string
  /**
   * Content security of the photo: `pending` while mediaCheckAsync has not answered (cloud only); `review`
   * when the check asked for a person or could not answer — never treated as passed (screening.ts).
   */
  screening: 'passed' | 'pending' | 'review' | 'rejected'
  traceId: string | null
  /**
   * The case the photo is attached to (a report, a supplement, a site visit): set in the write that attaches
   * it. Uploads without one are deleted after UNATTACHED_UPLOAD_DAYS (timers/upload-cleanup.ts).
   */
  caseId: string | null
  /** Being deleted by the upload cleanup: no report may attach it any more. */
  discarding?: boolean
  /**
   * What the file is: absent — a photo (every citizen upload); `material` — the original letter, fax or
   * recording of a staff registration; `orders` — a platform's export to import (common/channels/uploads.ts).
   */
  kind?: 'material' | 'orders'
}

export type UploadKind = NonNullable<UploadDoc['kind']> | 'photo'

export type ImageType = (typeof ACCEPTED_IMAGE_TYPES)[number]

/** The image type from the file's first bytes (magic numbers); null when it is not an accepted image. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const b = (i: number) => bytes[i] ?? -1
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg'
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47 && b(4) === 0x0d && b(5) === 0x0a)
    return 'image/png'
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return 'image/gif'
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to))
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  return null
}

export const EXTENSION_OF: Record<ImageType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
}

/** Throws FILE_TOO_LARGE / UNSUPPORTED_FILE_TYPE; returns the sniffed type. */
export function checkImageBytes(bytes: Uint8Array): ImageType {
  if (bytes.byteLength === 0) throw new AppError('UNSUPPORTED_FILE_TYPE', '文件是空的，请重新选择照片')
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError(
      'FILE_TOO_LARGE',
      `照片太大（超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB），请压缩后重新上传`,
    )
  }
  const type = sniffImageType(bytes)
  if (!type) throw new AppError('UNSUPPORTED_FILE_TYPE', NOT_AN_IMAGE_MESSAGE)
  return type
}

/** A file the caller did not upload answers exactly like one that does not exist (nothing to probe). */
export function uploadNotFound(): AppError {
  return new AppError('NOT_FOUND', '没有找到上传的照片，请重新上传')
}

export function uploadDocId(fileId: string): string {
  return 'f' + createHash('sha256').update(fileId).digest('hex').slice(0, 31)
}

/** An image check that fails is not a pass: the photo goes to a person (`review`). */
async function checkImage(
  runtime: Runtime,
  openid: string,
  fileId: string,
): Promise<{ verdict: ContentVerdict | 'pending'; traceId?: string }> {
  try {
    const url = (await runtime.blobs.tempUrls([fileId], 600))[fileId] ?? ''
    return await runtime.contentCheck.checkImage({ fileId, url, openid })
  } catch (error) {
    runtime.log.warn('image check failed: held for manual review', { fileId, error: String(error) })
    return { verdict: 'review' }
  }
}

export async function registerUpload(
  runtime: Runtime,
  owner: string,
  file: { fileId: string; size: number; contentType: string },
): Promise<UploadRecord> {
  const id = uploadDocId(file.fileId)
  const existing = await runtime.db.get<UploadDoc>(COLLECTIONS.uploads, id)
  if (existing && existing.owner !== owner) throw uploadNotFound()
  if (existing) return { fileId: file.fileId, size: file.size, contentType: file.contentType }
  // Content security before anything can use the photo (mediaCheckAsync in the cloud answers later).
  const check = await checkImage(runtime, owner, file.fileId)
  if (check.verdict === 'risky') {
    await runtime.blobs.remove([file.fileId])
    throw new AppError('CONTENT_REJECTED', '这张照片未通过内容安全检查，请换一张现场照片')
  }
  const screening = { pass: 'passed', pending: 'pending', review: 'review' } as const
  const doc: UploadDoc = {
    ...file,
    owner,
    createdAt: toShanghaiIso(runtime.clock.now()),
    screening: screening[check.verdict],
    traceId: check.traceId ?? null,
    caseId: null,
  }
  await runtime.db.insert(COLLECTIONS.uploads, { _id: id, ...doc })
  return { fileId: file.fileId, size: file.size, contentType: file.contentType }
}

/** The upload records of these files, by file id (one query; files without a record are absent). */
export async function uploadsOf(
  db: DocStore,
  fileIds: readonly string[],
): Promise<Map<string, WithId<UploadDoc>>> {
  const byDocId = await getMany<UploadDoc>(db, COLLECTIONS.uploads, fileIds.map(uploadDocId))
  const out = new Map<string, WithId<UploadDoc>>()
  for (const fileId of fileIds) {
    const upload = byDocId.get(uploadDocId(fileId))
    if (upload) out.set(fileId, upload)
  }
  return out
}

/**
 * Every file must have been uploaded by `owner` as one of `kinds` (photos, unless said), not be part of a report
 * yet, and not be refused.
 */
export async function ownUploads(
  db: DocStore,
  owner: string,
  fileIds: readonly string[],
  kinds: readonly UploadKind[] = ['photo'],
): Promise<WithId<UploadDoc>[]> {
  const found = await uploadsOf(db, fileIds)
  return fileIds.map((fileId) => {
    const upload = found.get(fileId)
    // Someone else's photo (or a file of another kind) answers like one that was never uploaded.
    if (!upload || upload.owner !== owner || upload.discarding || !kinds.includes(upload.kind ?? 'photo')) {
      throw new AppError('VALIDATION_FAILED', '有照片没有上传成功，请删除后重新上传', {
        photos: '照片未上传成功',
      })
    }
    if (upload.caseId) {
      // One photo, one report: a held case is released when its own photos are checked (screening.ts).
      throw new AppError('VALIDATION_FAILED', '有照片已用于另一条反映，请删除后重新添加', {
        photos: '照片已用于另一条反映',
      })
    }
    if (upload.screening === 'rejected') {
      throw new AppError('CONTENT_REJECTED', '有照片未通过内容安全检查，请删除后重新提交', {
        photos: '照片未通过检查',
      })
    }
    return upload
  })
}

/**
 * Inside the write that attaches them (a report, a supplement): the photos now belong to `caseId`. Read again
 * in the transaction: a photo attached meanwhile elsewhere, or removed, refuses the whole write.
 */
export async function attachUploadsInTx(
  tx: Tx,
  uploads: readonly WithId<UploadDoc>[],
  caseId: string,
): Promise<void> {
  for (const upload of uploads) {
    const fresh = await tx.get<UploadDoc>(COLLECTIONS.uploads, upload._id)
    if (!fresh || fresh.discarding || (fresh.caseId && fresh.caseId !== caseId)) {
      throw new AppError('VALIDATION_FAILED', '有照片已失效或已用于另一条反映，请删除后重新添加', {
        photos: '照片已失效',
      })
    }
    if (fresh.caseId !== caseId) {
      await tx.update<UploadDoc>(COLLECTIONS.uploads, upload._id, { caseId }, fresh._version)
    }
  }
}
