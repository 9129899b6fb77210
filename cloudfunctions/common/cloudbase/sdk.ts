// The slice of the CloudBase SDKs the adapters use, typed structurally. Both `cloud.database()` (wx-server-sdk)
// and `app.database()` (@cloudbase/node-sdk) are built on @cloudbase/database's query builder, but their
// typings disagree with their runtime (wx-server-sdk 4.0.2: `add()` returns a union, `DYNAMIC_CURRENT_ENV` is
// a symbol, `database()` does not declare `throwOnNotFound`). Results are therefore `unknown` here and the
// drivers check their shapes at runtime instead of trusting either SDK's declarations.

/** `db.command` (`_`): the operators the adapter uses. */
export interface SdkCommand {
  eq(value: unknown): unknown
  neq(value: unknown): unknown
  gt(value: unknown): unknown
  gte(value: unknown): unknown
  lt(value: unknown): unknown
  lte(value: unknown): unknown
  in(values: unknown[]): unknown
  nin(values: unknown[]): unknown
  exists(present: boolean): unknown
  and(conditions: unknown[]): unknown
  or(conditions: unknown[]): unknown
  set(value: unknown): unknown
  remove(): unknown
  inc(by: number): unknown
}

interface SdkQuery {
  where(condition: object): SdkQuery
  orderBy(field: string, direction: 'asc' | 'desc'): SdkQuery
  limit(max: number): SdkQuery
  /** Projection: `{ path: true }` reads only those fields (and `_id`). */
  field(projection: Record<string, boolean>): SdkQuery
  get(): Promise<unknown>
  count(): Promise<unknown>
  update(data: object): Promise<unknown>
  /** Removes every match (scripts and test clean-up; the DocStore removes by id). */
  remove(): Promise<unknown>
}

interface SdkDocument {
  get(): Promise<unknown>
  set(data: object): Promise<unknown>
  remove(): Promise<unknown>
}

export interface SdkCollection extends SdkQuery {
  doc(id: string): SdkDocument
  add(data: object): Promise<unknown>
}

/** The `transaction` object `runTransaction` passes to its callback: by-id operations only. */
export interface SdkTransaction {
  collection(name: string): SdkCollection
}

/** A database handle: `cloud.database()` (wx-server-sdk) or `app.database()` (@cloudbase/node-sdk). */
export interface SdkDatabase {
  command: SdkCommand
  collection(name: string): SdkCollection
  createCollection(name: string): Promise<unknown>
  runTransaction(
    callback: (transaction: SdkTransaction) => Promise<unknown>,
    times?: number,
  ): Promise<unknown>
}

// ---------- wx-server-sdk, outside the database ----------

/** Temp URL entry as wx-server-sdk returns it (`status` 0 = ok). */
export interface TempFileUrlItem {
  fileID: string
  tempFileURL?: string
  status?: number
  errMsg?: string
}

/** Cloud storage calls of wx-server-sdk. */
export interface WxStorageApi {
  uploadFile(param: { cloudPath: string; fileContent: Buffer }): Promise<unknown>
  downloadFile(param: { fileID: string }): Promise<unknown>
  getTempFileURL(param: { fileList: Array<{ fileID: string; maxAge?: number }> }): Promise<unknown> | void
  deleteFile(param: { fileList: string[] }): Promise<unknown> | void
}

/** A WeChat open API call through cloud.openapi: resolves `{ errCode: 0, ... }`, rejects with `errCode`. */
type OpenApiCall = (params: Record<string, unknown>) => Promise<unknown>

/** The open APIs the adapters call (they must be listed in the function's config.json permissions). */
export interface WxOpenApi {
  subscribeMessage: { send: OpenApiCall }
  security: { msgSecCheck: OpenApiCall; mediaCheckAsync: OpenApiCall }
}

/** The wx-server-sdk module (`require('wx-server-sdk')`) as the cloud entry and runtime use it. */
export interface WxCloud extends WxStorageApi {
  init(config?: object): void
  /** Typed `symbol` by wx-server-sdk 4.0.2, but init() takes it as the env. */
  readonly DYNAMIC_CURRENT_ENV: unknown
  getWXContext(): { OPENID?: string }
  database(config?: { env?: string; throwOnNotFound?: boolean }): unknown
  /** Calls a cloud function; resolves with its result once it has finished. */
  callFunction(param: { name: string; data?: Record<string, unknown> }): Promise<unknown> | void
  // wx-server-sdk declares `openapi: Record<string, any>`; WxOpenApi is checked when the adapters are built.
  readonly openapi: unknown
}

/** Reads a property of an unknown SDK result. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
}
