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
import type { DocStore, Runtime, WithId } from './ports'

export interface UploadDoc {
  fileId: string
  owner: string
  size: number
  contentType: string
  createdAt: string
  /** Content security of the photo: pending while mediaCheckAsync has not answered (cloud only). */
  screening: 'passed' | 'pending' | 'rejected'
  traceId: string | null
  /** The case the photo was attached to (a pending check releases that case when it passes). */
  caseId: string | null
}

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

export function uploadDocId(fileId: string): string {
  return 'f' + createHash('sha256').update(fileId).digest('hex').slice(0, 31)
}

export async function registerUpload(
  runtime: Runtime,
  owner: string,
  file: { fileId: string; size: number; contentType: string },
): Promise<UploadRecord> {
  const id = uploadDocId(file.fileId)
  const existing = await runtime.db.get<UploadDoc>(COLLECTIONS.uploads, id)
  if (existing && existing.owner !== owner) throw new AppError('FORBIDDEN', '这个文件不属于您')
  if (existing) return { fileId: file.fileId, size: file.size, contentType: file.contentType }
  // Content security before anything can use the photo (mediaCheckAsync in the cloud answers later).
  const url = (await runtime.blobs.tempUrls([file.fileId], 600))[file.fileId] ?? ''
  const check = await runtime.contentCheck.checkImage({ fileId: file.fileId, url, openid: owner })
  if (check.verdict === 'risky') {
    await runtime.blobs.remove([file.fileId])
    throw new AppError('CONTENT_REJECTED', '这张照片未通过内容安全检查，请换一张现场照片')
  }
  const doc: UploadDoc = {
    ...file,
    owner,
    createdAt: toShanghaiIso(runtime.clock.now()),
    screening: check.verdict === 'pending' ? 'pending' : 'passed',
    traceId: check.traceId ?? null,
    caseId: null,
  }
  await runtime.db.insert(COLLECTIONS.uploads, { _id: id, ...doc })
  return { fileId: file.fileId, size: file.size, contentType: file.contentType }
}

/** Every file must have been uploaded by `owner`, not be part of a report yet, and not be refused. */
export async function ownUploads(
  db: DocStore,
  owner: string,
  fileIds: readonly string[],
): Promise<WithId<UploadDoc>[]> {
  const uploads: WithId<UploadDoc>[] = []
  for (const fileId of fileIds) {
    const upload = await db.get<UploadDoc>(COLLECTIONS.uploads, uploadDocId(fileId))
    if (!upload || upload.owner !== owner) {
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
    uploads.push(upload)
  }
  return uploads
}
