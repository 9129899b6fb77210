// 响应时间: from the report reaching the bureau to the first check-in on site — what urgent cases are measured by
// (夜间施工噪声、群体性事件倾向: 立即组织现场核实处置, S2 第十二条; 24 小时值班, S0 第五条). Read off the history, never
// stored apart: the registration's `receivedAt`, and the first `check-in` entry (the on-site module records it,
// with the device's time of arrival in `deviceTime` when it was taken offline; else the entry's own time).
import type { HistoryEntry } from '../workflow/actors'

/** The workflow event the on-site check-in is recorded as. */
export const CHECK_IN_EVENT = 'check-in'

export interface ResponseTime {
  /** When the report reached the bureau (the registration's receivedAt). */
  receivedAt: string
  /** The first check-in on site; null while nobody has checked in. */
  checkedInAt: string | null
  /** Whole minutes between the two; null while nobody has checked in. */
  minutes: number | null
}

function arrivalOf(entry: Pick<HistoryEntry, 'at' | 'event'>): string {
  const device = (entry.event as { deviceTime?: unknown }).deviceTime
  return typeof device === 'string' && !Number.isNaN(Date.parse(device)) ? device : entry.at
}

export function responseTimeOf(
  history: ReadonlyArray<Pick<HistoryEntry, 'at' | 'event'>>,
): ResponseTime | null {
  const first = history[0]
  if (!first || first.event.type !== 'register') return null
  const receivedAt = first.event.receivedAt
  const checkIn = history.find((entry) => (entry.event.type as string) === CHECK_IN_EVENT)
  if (!checkIn) return { receivedAt, checkedInAt: null, minutes: null }
  const checkedInAt = arrivalOf(checkIn)
  const minutes = Math.max(0, Math.floor((Date.parse(checkedInAt) - Date.parse(receivedAt)) / 60_000))
  return { receivedAt, checkedInAt, minutes }
}

/** `1 小时 25 分`, `40 分钟`: a response time as people read it. */
export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest} 分钟`
  if (hours < 24) return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分`
  const days = Math.floor(hours / 24)
  return `${days} 天 ${hours % 24} 小时`
}
