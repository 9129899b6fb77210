// Turning CloudBase database failures into something the DocStore can act on.
//
// The same server error reaches us in three shapes:
//  - @cloudbase/node-sdk (default): a thrown TcbError `{ code: 'DATABASE_…', message }`;
//  - @cloudbase/node-sdk after `setThrowOnCode(false)`: a *returned* result object `{ code, message }`;
//  - wx-server-sdk: a thrown Error whose `errCode` is a number from its TCB_ERR_CODE table — codes that are
//    not in that table (DATABASE_TRANSACTION_CONFLICT, DATABASE_DUPLICATE_WRITE) become -501001 SYS_ERR —
//    and whose `errMsg`/`message` keep the server's message. So the message must be read as well as the code.
//
// Duplicate `_id`: CloudBase documents DATABASE_DUPLICATE_WRITE ("index key duplicate, for example inserting
// data with same _id", https://docs.cloudbase.net/error-code/DATABASE_DUPLICATE_WRITE); inserts through
// wx-server-sdk 4.0.2 have been observed to fail with DATABASE_REQUEST_FAILED (-502001) carrying MongoDB's
// "E11000 duplicate key error" text. Both are recognised; nothing else (a generic failure that merely says
// "duplicate") counts as a duplicate.

export type DbFailureKind = 'duplicate' | 'conflict' | 'no-collection' | 'other'

/** wx-server-sdk's numeric code for DATABASE_COLLECTION_NOT_EXIST. */
const WX_COLLECTION_NOT_EXIST = -502005

export class CloudbaseDbError extends Error {
  constructor(
    readonly kind: DbFailureKind,
    /** Server code (`DATABASE_…`) when the SDK kept it. */
    readonly code: string | undefined,
    /** wx-server-sdk's numeric errCode, when present. */
    readonly errCode: number | undefined,
    message: string,
    /** The collection of the failed operation, when known. */
    readonly collection?: string,
  ) {
    super(message)
    this.name = 'CloudbaseDbError'
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** True when `value` looks like a CloudBase failure (as opposed to a successful result). */
export function isFailure(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const code = (value as { code?: unknown }).code
  return typeof code === 'string' ? code !== '' : typeof code === 'number' && code !== 0
}

function classify(code: string | undefined, errCode: number | undefined, message: string): DbFailureKind {
  if (
    code === 'DATABASE_DUPLICATE_WRITE' ||
    /\bDATABASE_DUPLICATE_WRITE\b|\bE11000 duplicate key error\b/.test(message)
  ) {
    return 'duplicate'
  }
  if (
    code === 'DATABASE_TRANSACTION_CONFLICT' ||
    /DATABASE_TRANSACTION_CONFLICT|transaction\s*conflict|TransactionConflict|WriteConflict/i.test(message)
  ) {
    return 'conflict'
  }
  if (
    code === 'DATABASE_COLLECTION_NOT_EXIST' ||
    errCode === WX_COLLECTION_NOT_EXIST ||
    /DATABASE_COLLECTION_NOT_EXIST|Db or Table not exist/i.test(message)
  ) {
    return 'no-collection'
  }
  return 'other'
}

/** Normalises anything an SDK threw or returned as a failure. */
export function toDbError(error: unknown, collection?: string): CloudbaseDbError {
  if (error instanceof CloudbaseDbError) return error
  if (typeof error === 'string')
    return new CloudbaseDbError(
      classify(undefined, undefined, error),
      undefined,
      undefined,
      error,
      collection,
    )
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>
  const code = typeof e.code === 'string' && e.code !== '' ? e.code : undefined
  const errCode = typeof e.errCode === 'number' ? e.errCode : typeof e.code === 'number' ? e.code : undefined
  const message = [text(e.errMsg), text(e.message)].filter(Boolean).join(' | ') || String(error)
  return new CloudbaseDbError(classify(code, errCode, message), code, errCode, message, collection)
}

export function isKind(error: unknown, kind: DbFailureKind): error is CloudbaseDbError {
  return error instanceof CloudbaseDbError && error.kind === kind
}
