// Photo uploads through the local gateway (POST /api/files), as the mini-program does them.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { DEV_OPENID_HEADER } from '../../local/gateway'
import { multipartBody } from './images'
import type { Harness } from './local-harness'

export const PHOTO = readFileSync(path.join(__dirname, '..', 'fixtures', 'photo.jpg'))

/** Uploads a photo as `openid`; answers the status and the envelope. */
async function postPhoto(h: Harness, openid: string, bytes: Buffer = PHOTO) {
  const { payload, headers } = multipartBody(bytes)
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/files',
    payload,
    headers: { ...headers, [DEV_OPENID_HEADER]: openid },
  })
  return {
    status: res.statusCode,
    body: res.json() as {
      ok: boolean
      data?: { fileId: string }
      error?: { code: string; message: string; fields?: Record<string, string> }
    },
  }
}

/** Uploads a photo and answers its file id (fails the test if the upload is refused). */
export async function uploadPhoto(h: Harness, openid: string, bytes: Buffer = PHOTO): Promise<string> {
  const res = await postPhoto(h, openid, bytes)
  if (!res.body.ok || !res.body.data) throw new Error(`upload failed: ${JSON.stringify(res.body.error)}`)
  return res.body.data.fileId
}
