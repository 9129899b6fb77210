// 响应时间: from the report reaching the bureau to the first check-in on site — what urgent cases are measured by
// (夜间施工噪声、群体性事件倾向: 立即组织现场核实处置, S2 第十二条; 24 小时值班, S0 第五条). Read off the history, never
// stored apart: the registration's `receivedAt`, and the first `check-in` entry — the time its position was read
// on the phone (an offline check-in is sent later), or the entry's own time if the phone's clock is ahead of it.
import type { HistoryEntry } from '../workflow/actors'
import type { EventOf } from '../workflow/events'

export interface ResponseTime {
  /** When the report reached the bureau (the registration's receivedAt). */
  receivedAt: string
  /** The first check-in on site; null while nobody has checked in. */
  checkedInAt: string | null
  /** Whole minutes between the two; null while nobody has checked in. */
  minutes: number | null
}

type Entry = Pick<HistoryEntry, 'at' | 'event'>

function arrivalOf(entry: Entry & { event: EventOf<'check-in'> }): string {
  const device = entry.event.position.takenAt
  return Date.parse(device) <= Date.parse(entry.at) ? device : entry.at
}

export function responseTimeOf(history: readonly Entry[]): ResponseTime | null {
  const first = history[0]
  if (!first || first.event.type !== 'register') return null
  const receivedAt = first.event.receivedAt
  const checkIn = history.find(
    (entry): entry is Entry & { event: EventOf<'check-in'> } => entry.event.type === 'check-in',
  )
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
