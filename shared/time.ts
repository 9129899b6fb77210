// Time in GreenWhistle is Asia/Shanghai, always, whatever the server's or the phone's timezone.
//
// Asia/Shanghai has been UTC+08:00 without daylight saving since 1991, so shared/ uses dayjs with a fixed
// +08:00 offset instead of the `timezone` plugin: that plugin needs Intl time-zone data that some
// mini-program JS engines lack. `tests/unit/time.test.ts` cross-checks this against the tz database.
// shared/ never reads the clock: every function takes the instant it works on.
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

export const TIMEZONE = 'Asia/Shanghai'
export const SHANGHAI_OFFSET_MINUTES = 8 * 60

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export type LocalDate = string

export type Instant = Date | string | number

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/
/** ISO 8601 with an explicit offset (`Z` or `±hh:mm`): the only timestamp format the API accepts. */
const ISO_WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/

/** The instant seen on a Shanghai wall clock. */
export function inShanghai(instant: Instant): Dayjs {
  return dayjs(instant).utcOffset(SHANGHAI_OFFSET_MINUTES)
}

/** The Shanghai calendar date of an instant. */
export function localDateOf(instant: Instant): LocalDate {
  return inShanghai(instant).format('YYYY-MM-DD')
}

/** `2026-11-21T09:30:00+08:00` */
export function toShanghaiIso(instant: Instant): string {
  return inShanghai(instant).format('YYYY-MM-DDTHH:mm:ssZ')
}

/** `2026-11-21 09:30` — for people. */
export function formatShanghai(instant: Instant, pattern = 'YYYY-MM-DD HH:mm'): string {
  return inShanghai(instant).format(pattern)
}

export function isLocalDate(value: string): value is LocalDate {
  return LOCAL_DATE.test(value) && dayjs.utc(value).format('YYYY-MM-DD') === value
}

/** A real instant: `2026-02-30T…` is refused (Date.parse would roll it into March). */
export function isIsoWithOffset(value: string): boolean {
  const match = ISO_WITH_OFFSET.exec(value)
  return match !== null && isLocalDate(match[1]!) && !Number.isNaN(Date.parse(value))
}

/** Midnight at the start of a Shanghai calendar date, as an instant. */
export function startOfLocalDate(date: LocalDate): Date {
  if (!isLocalDate(date)) throw new RangeError(`not a calendar date: ${date}`)
  return dayjs.utc(date).subtract(SHANGHAI_OFFSET_MINUTES, 'minute').toDate()
}

/** Calendar arithmetic on Shanghai dates (no time of day involved). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD')
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return dayjs.utc(date).day()
}

/** Whole calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return dayjs.utc(b).diff(dayjs.utc(a), 'day')
}
