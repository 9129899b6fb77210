// files: photos attached to reports.
import { fileIdSchema } from '../vocabulary/fields'
import { action, USER } from './define'
import * as z from '../vocabulary/zod'

/** Photos are compressed on the device (target ≤ 500 KB); anything above this is refused. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024
export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const
/** Why a file is not taken, said the same way by the phone (before upload) and the server (after). */
export const NOT_AN_IMAGE_MESSAGE = '只能上传 JPG、PNG、WebP 或 GIF 格式的照片'

/**
 * A photo uploaded but attached to no report or supplement within this many days is deleted, file and record
 * (the hourly run of the timers function). Photos are uploaded as soon as they are chosen, so a draft kept on the
 * phone holds uploads: the period leaves a draft a month to be sent; after that it is taken as abandoned.
 */
export const UNATTACHED_UPLOAD_DAYS = 30

export interface UploadRecord {
  fileId: string
  size: number
  contentType: string
}

const registerUploadInput = z.object({ fileId: fileIdSchema })

const tempUrlsInput = z.object({
  fileIds: z
    .array(fileIdSchema)
    .check(z.minLength(1, '至少需要一个文件'), z.maxLength(50, '一次最多获取 50 个文件')),
})

export const filesContract = {
  /**
   * weapp uploads go straight to cloud storage (`wx.cloud.uploadFile`); this registers the file to the
   * caller after checking its size and that it really is an image. (Local mode: POST /api/files does both.)
   */
  registerUpload: action<UploadRecord>()(registerUploadInput, USER),
  /** Download URLs for files the caller may see. */
  tempUrls: action<Record<string, string>>()(tempUrlsInput, USER),
}
