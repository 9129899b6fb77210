// The figures of a bureau's statistics as a tally that adds up: counts, and the working days to accept and to
// close as histograms (whole working days → cases), so that any grouping of tallies — cases into a month, months
// into a quarter, units into a city — gives exact averages and 90th percentiles, never an average of averages.
import type { NonAcceptanceReasonKey } from '../policy/types'

/** Counts of one case, one month, or any sum of them. Histograms: `{ "<working days>": cases }`. */
export interface Tally {
  /** Reports received (收到), by the register event's receipt time. */
  received: number
  /** Accepted (受理). */
  accepted: number
  /** Not accepted (不予受理), and by reason. */
  notAccepted: number
  notAcceptedBy: Partial<Record<NonAcceptanceReasonKey, number>>
  /** Closed (办结): the written reply sent, which completes the handling clock. */
  closed: number
  /** …on or before the handling clock's due date (the clock's metDeadline). */
  closedOnTime: number
  /** Cases that became overdue (逾期): the day after a duty clock's due date passed with the duty not done. */
  overdue: number
  /** Cases whose handling period was extended (延期 approved). */
  extended: number
  /** Cases the intake's repeat count acted on (重复举报: 提级、督办、重点或包案 on the count). */
  repeat: number
  /** 提级办理. */
  escalated: number
  /** 督办 (by the timer, the intake's count, or a 督办单). */
  supervised: number
  reviewRequested: number
  reviewUpheld: number
  reviewRevised: number
  reReviewRequested: number
  reReviewUpheld: number
  reReviewRevised: number
  /** Ratings of a reply, and how many were satisfied (SATISFIED_FROM_STARS or more). */
  rated: number
  satisfied: number
  starsTotal: number
  acceptDays: Record<string, number>
  closeDays: Record<string, number>
}

/**
 * A rating of this many stars or more counts as 满意: the one definition, read by the statistics and, through them,
 * by the published figures, the trends and the quarterly report. A decision — no article sets a threshold: the
 * rules ask whether people are 满意 (S0 第八条 回访; S4 四(五) 直至信访人满意) and the reporter rates the reply with
 * 1–5 stars, whose upper two steps are the usual reading of 满意.
 */
export const SATISFIED_FROM_STARS = 4

type CountKey = {
  [K in keyof Tally]: Tally[K] extends number ? K : never
}[keyof Tally]

const COUNT_KEYS = [
  'received',
  'accepted',
  'notAccepted',
  'closed',
  'closedOnTime',
  'overdue',
  'extended',
  'repeat',
  'escalated',
  'supervised',
  'reviewRequested',
  'reviewUpheld',
  'reviewRevised',
  'reReviewRequested',
  'reReviewUpheld',
  'reReviewRevised',
  'rated',
  'satisfied',
  'starsTotal',
] as const satisfies readonly CountKey[]

export function emptyTally(): Tally {
  const tally = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Record<CountKey, number>
  return { ...tally, notAcceptedBy: {}, acceptDays: {}, closeDays: {} }
}

function addInto<K extends string>(into: Partial<Record<K, number>>, from: Partial<Record<K, number>>): void {
  for (const [key, n] of Object.entries(from) as Array<[K, number]>) into[key] = (into[key] ?? 0) + n
}

/** Adds `b` into `a` (mutates and answers `a`). */
export function addTally(a: Tally, b: Tally): Tally {
  for (const key of COUNT_KEYS) a[key] += b[key]
  addInto(a.notAcceptedBy, b.notAcceptedBy)
  addInto(a.acceptDays, b.acceptDays)
  addInto(a.closeDays, b.closeDays)
  return a
}

/** A tally without its zeros (stored contributions are sparse). */
export function sparseTally(tally: Tally): Partial<Tally> {
  const out: Partial<Tally> = {}
  for (const key of COUNT_KEYS) if (tally[key] !== 0) out[key] = tally[key]
  if (Object.keys(tally.notAcceptedBy).length) out.notAcceptedBy = tally.notAcceptedBy
  if (Object.keys(tally.acceptDays).length) out.acceptDays = tally.acceptDays
  if (Object.keys(tally.closeDays).length) out.closeDays = tally.closeDays
  return out
}

/** A stored (sparse) tally, whole again. */
export function fullTally(sparse: Partial<Tally>): Tally {
  return addTally(emptyTally(), { ...emptyTally(), ...sparse })
}

/** How long something took, in working days: how many cases, the mean and the 90th percentile. */
export interface Duration {
  count: number
  average: number | null
  /** Nearest rank: the smallest value at or below which at least 90% of the cases lie. */
  p90: number | null
}

export function durationOf(histogram: Record<string, number>): Duration {
  const values = Object.entries(histogram)
    .map(([days, n]) => [Number(days), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0])
  const count = values.reduce((sum, [, n]) => sum + n, 0)
  if (count === 0) return { count: 0, average: null, p90: null }
  const total = values.reduce((sum, [days, n]) => sum + days * n, 0)
  const rank = Math.ceil(0.9 * count)
  let seen = 0
  let p90 = values[values.length - 1]![0]
  for (const [days, n] of values) {
    seen += n
    if (seen >= rank) {
      p90 = days
      break
    }
  }
  return { count, average: Math.round((total / count) * 100) / 100, p90 }
}
