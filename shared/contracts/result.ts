// The result envelope of every cloud function action, on both sides of the wire.
// A function never throws at its caller: it returns `{ ok: false, error }` with a Chinese message a user can act on.

const ERROR_CODES = {
  BAD_REQUEST: 400, // the request itself is malformed (not JSON, no action)
  VALIDATION_FAILED: 400, // a field is missing or wrong
  UNAUTHENTICATED: 401, // no platform identity
  FORBIDDEN: 403, // identity known, role or unit scope does not allow it
  NOT_FOUND: 404,
  UNKNOWN_FUNCTION: 404,
  UNKNOWN_ACTION: 404,
  CONFLICT: 409, // concurrent edit (version check) or duplicate
  ILLEGAL_TRANSITION: 409, // the case's state does not allow this event
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FILE_TYPE: 415,
  CONTENT_REJECTED: 422, // platform content security said no
  RATE_LIMITED: 429,
  NETWORK: 503, // client side only: the request never got an answer
  INTERNAL: 500,
} as const

export type ErrorCode = keyof typeof ERROR_CODES

export interface ApiError {
  code: ErrorCode
  message: string
  /** Per-field messages for forms, keyed by dotted path (`location.lat`). */
  fields?: Record<string, string>
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export function ok<T>(data: T): ApiResult<T> {
  return { ok: true, data }
}

export function fail(
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
): { ok: false; error: ApiError } {
  return fields ? { ok: false, error: { code, message, fields } } : { ok: false, error: { code, message } }
}

export function httpStatusOf(result: ApiResult<unknown>): number {
  return result.ok ? 200 : ERROR_CODES[result.error.code]
}

/** An error a handler throws on purpose; the router turns it into `fail(code, message)`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  const v = value as { ok: unknown; error?: { code?: unknown; message?: unknown } }
  if (v.ok === true) return true
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string'
}
