// Time in GreenWhistle is Asia/Shanghai, always, whatever the server's or the phone's timezone.
//
// Asia/Shanghai has been UTC+08:00 without daylight saving since 1991, so shared/ uses a fixed +08:00 offset
// instead of the `timezone` plugin: that plugin needs Intl time-zone data that some mini-program JS engines lack.
// `tests/unit/time.test.ts` cross-checks this against the tz database.
// shared/ never reads the clock: every function takes the instant it works on.
//
// The formats every request writes — a calendar date, the ISO instant, the wall clock to the minute — and the
// day arithmetic are plain Date arithmetic on the shifted instant; dayjs reads what they do not cover (an instant
// without an offset, any other pattern, an invalid date) exactly as before. Through dayjs those few calls were
// ~8% of a submit's CPU (bench, 100k store); the unit test holds each fast path equal to dayjs.
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

const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000
const DAY_MS = 86_400_000
/** 1000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: four-digit years, which dayjs and `toISOString` write alike. */
const FIRST_MS = -30_610_224_000_000
const LAST_MS = 253_402_300_799_999
/** What dayjs reads as a wall-clock time on the server's own clock (dayjs's REGEX_PARSE); all else as Date does. */
const DAYJS_LOCAL_TEXT =
  /^(\d{4})[-/]?(\d{1,2})?[-/]?(\d{0,2})[Tt\s]*(\d{1,2})?:?(\d{1,2})?:?(\d{1,2})?[.:]?(\d+)?$/

/** The instant in ms as dayjs reads it, or null where only dayjs reads it so (a string without an offset). */
function instantMs(instant: Instant): number | null {
  if (instant instanceof Date) return instant.getTime()
  // As Date reads a number: whole milliseconds, toward zero.
  if (typeof instant === 'number') return Math.trunc(instant)
  // A `+` (an offset east of UTC, as every stored instant has) is never in what dayjs reads as a wall clock.
  const asDate = instant.includes('+') || /Z$/i.test(instant) || !DAYJS_LOCAL_TEXT.test(instant)
  return asDate ? Date.parse(instant) : null
}

/** The Shanghai wall clock of a valid instant as `YYYY-MM-DDTHH:mm:ss.sss` (+ a `Z` that means nothing), else null. */
function wallClockText(instant: Instant): string | null {
  const ms = instantMs(instant)
  if (ms === null) return null
  const shifted = ms + OFFSET_MS
  return shifted >= FIRST_MS && shifted <= LAST_MS ? new Date(shifted).toISOString() : null
}

/** The calendar date of a UTC midnight `ms`, null outside four-digit years. */
function dateOfMs(ms: number): LocalDate | null {
  return ms >= FIRST_MS && ms <= LAST_MS ? new Date(ms).toISOString().slice(0, 10) : null
}

/** Midnight UTC of a real calendar date `YYYY-MM-DD` in ms (`2026-02-30` is none), else null. */
function dateMs(date: string): number | null {
  if (!LOCAL_DATE.test(date)) return null
  const ms = Date.parse(date)
  return dateOfMs(ms) === date ? ms : null
}

/** The instant seen on a Shanghai wall clock. */
export function inShanghai(instant: Instant): Dayjs {
  return dayjs(instant).utcOffset(SHANGHAI_OFFSET_MINUTES)
}

/** The Shanghai calendar date of an instant. */
export function localDateOf(instant: Instant): LocalDate {
  return wallClockText(instant)?.slice(0, 10) ?? inShanghai(instant).format('YYYY-MM-DD')
}

/** `2026-11-21T09:30:00+08:00` */
export function toShanghaiIso(instant: Instant): string {
  const text = wallClockText(instant)
  return text ? `${text.slice(0, 19)}+08:00` : inShanghai(instant).format('YYYY-MM-DDTHH:mm:ssZ')
}

const WALL_CLOCK_PATTERN = 'YYYY-MM-DD HH:mm'

/** `2026-11-21 09:30` — for people. */
export function formatShanghai(instant: Instant, pattern = WALL_CLOCK_PATTERN): string {
  const text = pattern === WALL_CLOCK_PATTERN ? wallClockText(instant) : null
  return text ? `${text.slice(0, 10)} ${text.slice(11, 16)}` : inShanghai(instant).format(pattern)
}

export function isLocalDate(value: string): value is LocalDate {
  return dateMs(value) !== null
}

/** A real instant: `2026-02-30T…` is refused (Date.parse would roll it into March). */
export function isIsoWithOffset(value: string): boolean {
  const match = ISO_WITH_OFFSET.exec(value)
  return match !== null && isLocalDate(match[1]!) && !Number.isNaN(Date.parse(value))
}

/** Midnight at the start of a Shanghai calendar date, as an instant. */
export function startOfLocalDate(date: LocalDate): Date {
  const ms = dateMs(date)
  if (ms === null) throw new RangeError(`not a calendar date: ${date}`)
  return new Date(ms - OFFSET_MS)
}

/** Calendar arithmetic on Shanghai dates (no time of day involved). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const ms = dateMs(date)
  const sum = ms === null ? null : dateOfMs(ms + Math.round(days) * DAY_MS)
  return sum ?? dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD')
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  const ms = dateMs(date)
  return ms === null ? dayjs.utc(date).day() : new Date(ms).getUTCDay()
}

/** Whole calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const from = dateMs(a)
  const to = dateMs(b)
  return from === null || to === null ? dayjs.utc(b).diff(dayjs.utc(a), 'day') : (to - from) / DAY_MS
}
