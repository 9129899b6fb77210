// A fake of the wx-server-sdk module at the SDK boundary, for the calls that do not go through
// @cloudbase/database: cloud storage, open APIs (subscribe messages, content security), getWXContext, init.
// Results and failures have wx-server-sdk's shapes: `{ fileID }`, `{ fileList: [{ fileID, tempFileURL,
// status }] }`, open API results `{ errCode: 0, errMsg, ...camelCasedFields }`, and failures as Errors
// carrying a numeric `errCode` and an `errMsg` (CloudSDKError).
import type { WxCloud, WxOpenApi } from '../../cloudfunctions/common/cloudbase/sdk'

export function sdkError(errCode: number, errMsg: string): Error & { errCode: number; errMsg: string } {
  return Object.assign(new Error(`errCode: ${errCode} | errMsg: ${errMsg}`), { errCode, errMsg })
}

export interface FakeCall {
  api: string
  params: Record<string, unknown>
}

type Verdict = { suggest: 'pass' | 'review' | 'risky'; label: number }

export class FakeCloud implements WxCloud {
  readonly DYNAMIC_CURRENT_ENV = Symbol('DYNAMIC_CURRENT_ENV')
  readonly inits: unknown[] = []
  readonly calls: FakeCall[] = []
  /** What getWXContext() answers (the platform's identity of the current call). */
  context: { OPENID?: string } = {}
  /** fileID → content. */
  readonly files = new Map<string, Buffer>()
  /** `${openid}\u0000${templateId}` → remaining one-time subscriptions. */
  private readonly subscriptions = new Map<string, number>()
  /** msgSecCheck answers by keyword; anything else passes. */
  readonly textRules: Array<{ word: string; verdict: Verdict }> = []
  /** Set to make the next open API call of that name fail. */
  readonly failNext = new Map<string, Error>()
  private traces = 0

  constructor(
    readonly env = 'fake-env-1a2b',
    private readonly databaseFactory?: (config?: { env?: string; throwOnNotFound?: boolean }) => unknown,
  ) {}

  init(config?: object): void {
    this.inits.push(config)
  }

  getWXContext(): { OPENID?: string } {
    return { ...this.context }
  }

  database(config?: { env?: string; throwOnNotFound?: boolean }): unknown {
    if (!this.databaseFactory) throw new Error('FakeCloud: no database configured')
    return this.databaseFactory(config)
  }

  // ---------- functions ----------

  /** What a `callFunction` answers (default: the called function's result, null, at once). */
  answerCall: (name: string, data: Record<string, unknown> | undefined) => Promise<unknown> = async () => ({
    result: null,
    requestID: 'fake-request',
    errMsg: 'cloud.callFunction:ok',
  })

  callFunction(param: { name: string; data?: Record<string, unknown> }): Promise<unknown> {
    this.record('callFunction', param)
    return this.answerCall(param.name, param.data)
  }

  // ---------- storage ----------

  private record(api: string, params: object): void {
    this.calls.push({ api, params: { ...(params as Record<string, unknown>) } })
  }

  async uploadFile(param: { cloudPath: string; fileContent: Buffer }): Promise<unknown> {
    this.record('uploadFile', param)
    const fileID = `cloud://${this.env}.6661-${this.env}-1300000000/${param.cloudPath}`
    this.files.set(fileID, Buffer.from(param.fileContent))
    return { fileID, statusCode: 200, errMsg: 'uploadFile:ok' }
  }

  async downloadFile(param: { fileID: string }): Promise<unknown> {
    this.record('downloadFile', param)
    const failure = this.failNext.get('downloadFile')
    if (failure) {
      this.failNext.delete('downloadFile')
      throw failure
    }
    const content = this.files.get(param.fileID)
    if (!content) throw sdkError(-503003, 'downloadFile:fail -503003 storage file not exists. file not exist')
    return { fileContent: Buffer.from(content), statusCode: 200, errMsg: 'downloadFile:ok' }
  }

  async getTempFileURL(param: { fileList: Array<{ fileID: string; maxAge?: number }> }): Promise<unknown> {
    this.record('getTempFileURL', param)
    if (param.fileList.length > 50) throw sdkError(-501007, 'getTempFileURL:fail fileList length exceeds 50')
    return {
      errMsg: 'getTempFileURL:ok',
      fileList: param.fileList.map(({ fileID, maxAge }) =>
        this.files.has(fileID)
          ? {
              fileID,
              tempFileURL: `https://${this.env}.tcb.qcloud.la/${fileID.split('/').slice(3).join('/')}?sign=fake&t=${maxAge}`,
              maxAge,
              status: 0,
              errMsg: 'ok',
            }
          : { fileID, tempFileURL: '', maxAge, status: -503003, errMsg: 'storage file not exists' },
      ),
    }
  }

  async deleteFile(param: { fileList: string[] }): Promise<unknown> {
    this.record('deleteFile', param)
    if (param.fileList.length > 50) throw sdkError(-501007, 'deleteFile:fail fileList length exceeds 50')
    return {
      errMsg: 'deleteFile:ok',
      fileList: param.fileList.map((fileID) =>
        this.files.delete(fileID)
          ? { fileID, status: 0, errMsg: 'ok' }
          : { fileID, status: -503003, errMsg: 'storage file not exists' },
      ),
    }
  }

  // ---------- open APIs ----------

  /** The user accepted one subscribe message of `templateId` (wx.requestSubscribeMessage). */
  subscribe(openid: string, templateId: string, times = 1): void {
    const k = `${openid}\u0000${templateId}`
    this.subscriptions.set(k, (this.subscriptions.get(k) ?? 0) + times)
  }

  private openApiCall(api: string, params: Record<string, unknown>): void {
    this.record(api, params)
    const failure = this.failNext.get(api)
    if (failure) {
      this.failNext.delete(api)
      throw failure
    }
  }

  readonly openapi: WxOpenApi = {
    subscribeMessage: {
      send: async (params) => {
        this.openApiCall('subscribeMessage.send', params)
        const k = `${String(params.touser)}\u0000${String(params.templateId)}`
        const left = this.subscriptions.get(k) ?? 0
        if (left < 1)
          throw sdkError(43101, 'openapi.subscribeMessage.send:fail user refuse to accept the msg')
        this.subscriptions.set(k, left - 1)
        return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
      },
    },
    security: {
      msgSecCheck: async (params) => {
        this.openApiCall('security.msgSecCheck', params)
        const content = String(params.content)
        const rule = this.textRules.find((r) => content.includes(r.word))
        const result = rule?.verdict ?? { suggest: 'pass', label: 100 }
        return {
          errCode: 0,
          errMsg: 'openapi.security.msgSecCheck:ok',
          result,
          detail: [{ strategy: 'content_model', errcode: 0, suggest: result.suggest, label: result.label }],
          traceId: `trace-text-${++this.traces}`,
        }
      },
      mediaCheckAsync: async (params) => {
        this.openApiCall('security.mediaCheckAsync', params)
        // wx-server-sdk turns the response's trace_id into traceId.
        return {
          errCode: 0,
          errMsg: 'openapi.security.mediaCheckAsync:ok',
          traceId: `trace-media-${++this.traces}`,
        }
      },
    },
  }
}
