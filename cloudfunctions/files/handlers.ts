// files: registering photos uploaded straight to cloud storage, and download URLs.
import { filesContract } from '../../shared/contracts/files'
import { AppError } from '../../shared/contracts/result'
import { COLLECTIONS } from '../common/collections'
import { defineFunction } from '../common/router'
import { handleMediaCheck } from '../common/screening'
import {
  checkImageBytes,
  registerUpload,
  uploadDocId,
  uploadNotFound,
  uploadsOf,
  type UploadDoc,
} from '../common/uploads'

export const filesFunction = defineFunction(
  'files',
  filesContract,
  {
    async registerUpload(input, { runtime, openid }) {
      // Someone else's photo is neither read nor removed: it answers exactly like a missing one.
      const existing = await runtime.db.get<UploadDoc>(COLLECTIONS.uploads, uploadDocId(input.fileId))
      if (existing && existing.owner !== openid) throw uploadNotFound()
      const bytes = await runtime.blobs.read(input.fileId)
      if (!bytes) throw uploadNotFound()
      let contentType: string
      try {
        contentType = checkImageBytes(bytes)
      } catch (error) {
        // A refused file is not kept in storage.
        await runtime.blobs.remove([input.fileId])
        throw error
      }
      return registerUpload(runtime, openid, { fileId: input.fileId, size: bytes.byteLength, contentType })
    },

    async tempUrls(input, { runtime, openid }) {
      // Only the uploader's own files (e.g. a draft's photos), checked in one query. Case photos reach staff and
      // reporters through the case views, after the case's access checks.
      const uploads = await uploadsOf(runtime.db, input.fileIds)
      if (input.fileIds.some((fileId) => uploads.get(fileId)?.owner !== openid)) {
        throw new AppError('FORBIDDEN', '无权查看该文件')
      }
      return runtime.blobs.tempUrls(input.fileIds)
    },
  },
  // mediaCheckAsync results (消息推送 configured to this function).
  { onMediaCheck: handleMediaCheck },
)
