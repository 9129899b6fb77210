// This channel's own files: the original material of a staff registration (a scanned letter, a recording of the
// call) and a platform's export to import. Checked once when they arrive — size and real content by their first
// bytes — and registered to the staff member who uploaded them, like photos (common/uploads.ts), with their kind
// so a photo field never takes them. Staff files are the bureau's own records: no content-security check.
import {
  MAX_MATERIAL_BYTES,
  MAX_ORDER_FILE_BYTES,
  NOT_A_MATERIAL_MESSAGE,
  NOT_AN_ORDER_FILE_MESSAGE,
  type ChannelUploadKind,
  type MaterialType,
  type OrderFileType,
} from '../../../shared/contracts/channels'
import type { UploadRecord } from '../../../shared/contracts/files'
import { AppError } from '../../../shared/contracts/result'
import { toShanghaiIso } from '../../../shared/time'
import { COLLECTIONS } from '../collections'
import type { Runtime } from '../ports'
import { sniffImageType, uploadDocId, uploadNotFound, type UploadDoc } from '../uploads'

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.slice(from, to))

/** The material type from the file's first bytes; null when it is none this channel takes. */
function sniffMaterialType(bytes: Uint8Array): MaterialType | null {
  const image = sniffImageType(bytes)
  if (image === 'image/jpeg' || image === 'image/png') return image
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf'
  if (ascii(bytes, 0, 3) === 'ID3' || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0))
    return 'audio/mpeg'
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') return 'audio/mp4'
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE')
    return 'audio/wav'
  if (ascii(bytes, 0, 5) === '#!AMR') return 'audio/amr'
  return null
}

/** An export's type: XLSX is a ZIP package; CSV is text (no NUL bytes) in UTF-8 or GB18030. */
function sniffOrderFileType(bytes: Uint8Array): OrderFileType | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  const head = bytes.subarray(0, 64 * 1024)
  return head.length > 0 && !head.includes(0) ? 'text/csv' : null
}

const LIMITS: Record<ChannelUploadKind, { max: number; what: string; refused: string }> = {
  material: { max: MAX_MATERIAL_BYTES, what: '原始材料', refused: NOT_A_MATERIAL_MESSAGE },
  orders: { max: MAX_ORDER_FILE_BYTES, what: '工单文件', refused: NOT_AN_ORDER_FILE_MESSAGE },
}

/** Throws FILE_TOO_LARGE / UNSUPPORTED_FILE_TYPE; returns the sniffed type. */
export function checkChannelFile(kind: ChannelUploadKind, bytes: Uint8Array): string {
  const limit = LIMITS[kind]
  if (bytes.byteLength === 0) throw new AppError('UNSUPPORTED_FILE_TYPE', `${limit.what}是空文件，请重新选择`)
  if (bytes.byteLength > limit.max) {
    throw new AppError('FILE_TOO_LARGE', `${limit.what}太大（超过 ${limit.max / 1024 / 1024} MB）`)
  }
  const type = kind === 'material' ? sniffMaterialType(bytes) : sniffOrderFileType(bytes)
  if (!type) throw new AppError('UNSUPPORTED_FILE_TYPE', limit.refused)
  return type
}

/** The storage extension of a checked type. */
export const EXTENSION_OF_TYPE: Record<string, string> = {
  'application/pdf': 'pdf',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/wav': 'wav',
  'audio/amr': 'amr',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
}

/** Registers a checked file to the staff member who uploaded it, as this channel's `kind`. */
export async function registerChannelUpload(
  runtime: Runtime,
  owner: string,
  file: { fileId: string; size: number; contentType: string },
  kind: ChannelUploadKind,
): Promise<UploadRecord> {
  const id = uploadDocId(file.fileId)
  const existing = await runtime.db.get<UploadDoc>(COLLECTIONS.uploads, id)
  if (existing && (existing.owner !== owner || existing.kind !== kind)) throw uploadNotFound()
  if (!existing) {
    await runtime.db.insert<UploadDoc>(COLLECTIONS.uploads, {
      _id: id,
      ...file,
      owner,
      kind,
      createdAt: toShanghaiIso(runtime.clock.now()),
      screening: 'passed',
      traceId: null,
      caseId: null,
    })
  }
  return { fileId: file.fileId, size: file.size, contentType: file.contentType }
}

/** weapp: a file uploaded straight to cloud storage, read back, checked and registered (a refused one removed). */
export async function registerStoredChannelFile(
  runtime: Runtime,
  owner: string,
  fileId: string,
  kind: ChannelUploadKind,
): Promise<UploadRecord> {
  const existing = await runtime.db.get<UploadDoc>(COLLECTIONS.uploads, uploadDocId(fileId))
  if (existing && existing.owner !== owner) throw uploadNotFound()
  const bytes = await runtime.blobs.read(fileId)
  if (!bytes) throw uploadNotFound()
  let contentType: string
  try {
    contentType = checkChannelFile(kind, bytes)
  } catch (error) {
    if (!existing) await runtime.blobs.remove([fileId])
    throw error
  }
  return registerChannelUpload(runtime, owner, { fileId, size: bytes.byteLength, contentType }, kind)
}
