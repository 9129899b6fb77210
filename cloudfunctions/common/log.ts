import type { Logger } from './ports'

/** One JSON line per entry: CloudBase's log search and local terminals both read it. */
export function jsonLogger(
  context: Record<string, unknown> = {},
  sink: (line: string) => void = console.log,
): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) =>
    sink(JSON.stringify({ level, message, ...context, ...fields, at: new Date().toISOString() }))
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  }
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
