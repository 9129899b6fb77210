// Calendar-date arithmetic on `YYYY-MM-DD` strings without time of day, fast enough to scan days one by one
// (a clock computation walks dozens of days; a timer computes thousands of cases). Same results as the dayjs
// helpers in shared/time (checked by tests/unit/calendar/day-math.test.ts). Conversions are memoised: the
// dates a deployment ever touches number a few thousand.
import { isIsoWithOffset, SHANGHAI_OFFSET_MINUTES, type Instant, type LocalDate } from '@shared/time'

const MS_PER_DAY = 86_400_000
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const numbers = new Map<string, number>()
const strings = new Map<number, LocalDate>()

function fromDayNumber(n: number): LocalDate {
  let date = strings.get(n)
  if (date === undefined) {
    date = new Date(n * MS_PER_DAY).toISOString().slice(0, 10)
    strings.set(n, date)
  }
  return date
}

/** Days since 1970-01-01, or NaN when the string is not a real calendar date. */
export function dayNumber(date: string): number {
  const known = numbers.get(date)
  if (known !== undefined) return known
  const match = LOCAL_DATE.exec(date)
  if (!match) return Number.NaN
  const [, y, m, d] = match
  const n = Date.UTC(Number(y), Number(m) - 1, Number(d)) / MS_PER_DAY
  if (fromDayNumber(n) !== date) return Number.NaN
  numbers.set(date, n)
  return n
}

export function isCalendarDate(date: string): boolean {
  return !Number.isNaN(dayNumber(date))
}

export function plusDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days)
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayNumber(date: LocalDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7
}

/** The Shanghai calendar date of an instant: `localDateOf` of shared/time (fixed +08:00), without dayjs. */
export function shanghaiDateOf(instant: Instant): LocalDate {
  const ms =
    typeof instant === 'string'
      ? Date.parse(instant)
      : typeof instant === 'number'
        ? instant
        : instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`)
  return fromDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MINUTES * 60_000) / MS_PER_DAY))
}

/**
 * ISO 8601 with an offset whose date is a real calendar date. `isIsoWithOffset` alone lets `2026-02-30T…`
 * through, because Date.parse rolls it over to March.
 */
export function isIsoInstant(value: string): boolean {
  return isIsoWithOffset(value) && isCalendarDate(value.slice(0, 10))
}
