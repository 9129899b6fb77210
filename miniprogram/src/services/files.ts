// Photos attached to reports and supplements.
import type { ApiResult } from '@shared/contracts/result'
import { callFunction, uploadImage, type UploadedFile } from '../platform/cloud'
import { retryOnNetwork } from './retry'

/** Uploads one photo, retrying once by itself when the network drops. */
export function uploadPhoto(
  path: string,
  onProgress?: (percent: number) => void,
): Promise<ApiResult<UploadedFile>> {
  return retryOnNetwork(() => uploadImage(path, onProgress), { delays: [1500] })
}

/** Download URLs of the caller's own uploads (a restored draft's photos). */
export async function photoUrls(fileIds: string[]): Promise<Record<string, string>> {
  if (fileIds.length === 0) return {}
  const res = await callFunction('files', 'tempUrls', { fileIds })
  return res.ok ? res.data : {}
}
