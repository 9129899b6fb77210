// Untyped internals of @cloudbase/node-sdk 3.17.2 that the offline stub reuses, so it fails exactly like the
// real requester (dist/utils/tcbapirequester.js: `if (result.code) return processReturn(result)`).
declare module '@cloudbase/node-sdk/dist/utils/utils' {
  /** Throws `new TcbError(result)` unless `setThrowOnCode(false)` was called; then returns `result`. */
  export function processReturn(result: unknown): unknown
  export function setThrowOnCode(value: boolean): void
}
