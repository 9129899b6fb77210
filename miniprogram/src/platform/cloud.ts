// The one place that talks to the backend. weapp: Taro.cloud (wx.cloud) — identity is added by WeChat.
// h5 (local mode): the local gateway, identity from the persona picker's x-dev-openid header.
// `process.env.TARO_ENV` is a build-time constant, so each build keeps only its own branch.
import Taro from '@tarojs/taro'
import type { ActionName, Contracts, FunctionName, InputOf, OutputOf } from '@shared/contracts'
import { isApiResult, type ApiResult } from '@shared/contracts/result'
import { devIdentityHeader } from './identity'

declare const WEAPP_CLOUD_ENV_ID: string

export type Result<F extends FunctionName, A extends ActionName<F>> = ApiResult<OutputOf<Contracts[F][A]>>

const NETWORK_FAILURE = {
  ok: false as const,
  error: { code: 'NETWORK' as const, message: '网络不给力，请检查网络后重试' },
}

let cloudReady = false
export function initCloud(): void {
  if (process.env.TARO_ENV === 'weapp' && !cloudReady) {
    Taro.cloud.init({ env: WEAPP_CLOUD_ENV_ID || undefined, traceUser: true })
    cloudReady = true
  }
}

/**
 * Calls `<fn>.<action>`; never throws: failures come back as `{ ok: false, error }`. `anonymous`: what anyone may
 * read (the public page) is asked without the local persona's identity (weapp: WeChat adds it, the function reads
 * none).
 */
export async function callFunction<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  payload: InputOf<Contracts[F][A]>,
  options: { anonymous?: boolean } = {},
): Promise<Result<F, A>> {
  const data = { action, payload }
  try {
    if (process.env.TARO_ENV === 'weapp') {
      initCloud()
      const res = await Taro.cloud.callFunction({ name: fn, data })
      return (isApiResult(res.result) ? res.result : NETWORK_FAILURE) as Result<F, A>
    }
    const res = await Taro.request({
      url: `/api/fn/${fn}`,
      method: 'POST',
      data,
      header: { 'content-type': 'application/json', ...(options.anonymous ? {} : devIdentityHeader()) },
      timeout: 15000,
    })
    return (isApiResult(res.data) ? res.data : NETWORK_FAILURE) as Result<F, A>
  } catch {
    return NETWORK_FAILURE
  }
}

export interface UploadedFile {
  fileId: string
  size: number
  contentType: string
}

/**
 * Uploads one photo. weapp: straight to cloud storage, then `files.registerUpload` checks and claims it.
 * h5: multipart to the gateway, which checks and claims it in one step.
 */
export function uploadImage(
  filePath: string,
  onProgress?: (percent: number) => void,
): Promise<ApiResult<UploadedFile>> {
  return new Promise((resolve) => {
    if (process.env.TARO_ENV === 'weapp') {
      initCloud()
      const ext = /\.(png|webp|gif)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg'
      const cloudPath = `uploads/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.${ext}`
      const task = Taro.cloud.uploadFile({
        cloudPath,
        filePath,
        success: async (res) =>
          resolve(await callFunction('files', 'registerUpload', { fileId: res.fileID })),
        fail: () => resolve(NETWORK_FAILURE),
      })
      task?.onProgressUpdate?.((p) => onProgress?.(p.progress))
      return
    }
    const task = Taro.uploadFile({
      url: '/api/files',
      filePath,
      name: 'file',
      header: devIdentityHeader(),
      success: (res) => {
        try {
          const body: unknown = typeof res.data === 'string' ? JSON.parse(res.data) : res.data
          resolve(isApiResult(body) ? (body as ApiResult<UploadedFile>) : NETWORK_FAILURE)
        } catch {
          resolve(NETWORK_FAILURE)
        }
      },
      fail: () => resolve(NETWORK_FAILURE),
    })
    task?.onProgressUpdate?.((p) => onProgress?.(p.progress))
  })
}

/**
 * Uploads one of the channels' files (a registration's material, a platform's export). weapp: straight to cloud
 * storage, then `channels.registerUpload` checks and claims it; h5: multipart to the gateway, which does both.
 */
export function uploadChannelFile(
  filePath: string,
  fileName: string,
  kind: 'material' | 'orders',
): Promise<ApiResult<UploadedFile>> {
  return new Promise((resolve) => {
    const ext = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase() ?? 'bin'
    if (process.env.TARO_ENV === 'weapp') {
      initCloud()
      const cloudPath = `uploads/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.${ext}`
      Taro.cloud.uploadFile({
        cloudPath,
        filePath,
        success: async (res) =>
          resolve(await callFunction('channels', 'registerUpload', { fileId: res.fileID, kind })),
        fail: () => resolve(NETWORK_FAILURE),
      })
      return
    }
    Taro.uploadFile({
      url: `/api/channels/files?kind=${kind}`,
      filePath,
      name: 'file',
      fileName,
      header: devIdentityHeader(),
      success: (res) => {
        try {
          const body: unknown = typeof res.data === 'string' ? JSON.parse(res.data) : res.data
          resolve(isApiResult(body) ? (body as ApiResult<UploadedFile>) : NETWORK_FAILURE)
        } catch {
          resolve(NETWORK_FAILURE)
        }
      },
      fail: () => resolve(NETWORK_FAILURE),
    } as Parameters<typeof Taro.uploadFile>[0])
  })
}
