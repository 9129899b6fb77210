import type { Logger } from './ports'

/**
 * Fields that would carry personal data — a reporter's name or phone, a WeChat identity, a query, invite or setup
 * code — are never written, whoever passes them: log ids and counts instead (a case id, a staff id, a reason).
 */
export const PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  'openid',
  'to',
  'touser',
  'name',
  'phone',
  'code',
  'queryCode',
  'reporter',
])

function withoutPersonalFields(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!fields) return {}
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, PERSONAL_FIELDS.has(key) ? '[不记录]' : value]),
  )
}

/** One JSON line per entry: CloudBase's log search and local terminals both read it. */
export function jsonLogger(
  context: Record<string, unknown> = {},
  sink: (line: string) => void = console.log,
): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) =>
    sink(
      JSON.stringify({
        level,
        message,
        ...context,
        ...withoutPersonalFields(fields),
        at: new Date().toISOString(),
      }),
    )
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  }
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
