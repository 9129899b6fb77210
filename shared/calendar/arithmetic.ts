// Day counting on the working calendar. Conventions (民法典 第二百零一条、第二百零三条, applied by analogy to
// administrative time limits):
// - the start day is not counted;
// - a working-day count skips rest days and counts 调休 make-up working days;
// - a natural-day period whose last day is a rest day (a weekend not made up, a statutory day off, a local rest
//   day) ends on the next working day. A make-up working Saturday is a working day, so a period ending on it
//   ends there.
// Every result says whether it depended on a date in a year without a notice (`provisional`).
import type { LocalDate } from '@shared/time'
import type { WorkingCalendar } from './calendar'
import { isCalendarDate, plusDays } from './day-math'
import type { CalendarDate } from './types'

/** Days for which a clock does not run (awaiting supplementary information): they are not counted. */
export type DaySkip = (date: LocalDate) => boolean

/** Ten years: no legal period comes near; a longer scan means a calendar without working days. */
const MAX_SCAN_DAYS = 3660

function check(start: LocalDate, count: number): void {
  if (!isCalendarDate(start)) throw new RangeError(`not a calendar date: ${JSON.stringify(start)}`)
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`day count must be a whole number ≥ 0: ${count}`)
}

function scanLimit(date: LocalDate): never {
  throw new RangeError(`no working day found within ${MAX_SCAN_DAYS} days of ${date}`)
}

/** The first working day on or after `date`. */
export function workingDayOnOrAfter(calendar: WorkingCalendar, date: LocalDate): CalendarDate {
  check(date, 0)
  let provisional = false
  let day = date
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    const info = calendar.describe(day)
    provisional ||= info.provisional
    if (info.isWorkingDay) return { date: day, provisional }
    day = plusDays(day, 1)
  }
  return scanLimit(date)
}

/**
 * The `count`-th working day after `start` (start not counted). Days for which `skip` is true are not counted.
 * `count` 0 means the start day itself if it is a working day, else the next one.
 */
export function addWorkingDays(
  calendar: WorkingCalendar,
  start: LocalDate,
  count: number,
  skip?: DaySkip,
): CalendarDate {
  check(start, count)
  if (count === 0) return workingDayOnOrAfter(calendar, start)
  let provisional = false
  let remaining = count
  let day = start
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    day = plusDays(day, 1)
    if (skip?.(day)) continue
    const info = calendar.describe(day)
    provisional ||= info.provisional
    if (info.isWorkingDay && --remaining === 0) return { date: day, provisional }
  }
  return scanLimit(start)
}

/** The `count`-th working day before `date` (`date` itself not counted). */
export function subtractWorkingDays(calendar: WorkingCalendar, date: LocalDate, count: number): CalendarDate {
  check(date, count)
  let provisional = false
  let remaining = count
  let day = date
  if (count === 0) return { date, provisional: calendar.describe(date).provisional }
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    day = plusDays(day, -1)
    const info = calendar.describe(day)
    provisional ||= info.provisional
    if (info.isWorkingDay && --remaining === 0) return { date: day, provisional }
  }
  return scanLimit(date)
}

/** The last day of `days` counted natural days after `start`, before any move off a rest day. */
export function naturalDaysAfter(start: LocalDate, days: number, skip?: DaySkip): LocalDate {
  check(start, days)
  if (!skip) return plusDays(start, days)
  let remaining = days
  let day = start
  for (let i = 0; remaining > 0; i++) {
    if (i >= MAX_SCAN_DAYS) return scanLimit(start)
    day = plusDays(day, 1)
    if (!skip(day)) remaining--
  }
  return day
}

/**
 * The end of a natural-day period of `days` after `start`. When it falls on a rest day it moves to the next
 * working day, unless `rollOverRestDays` is false (a seed that requires action on the day whatever it is, e.g.
 * under a 24-hour duty rota).
 */
export function endOfNaturalDayPeriod(
  calendar: WorkingCalendar,
  start: LocalDate,
  days: number,
  options: { skip?: DaySkip; rollOverRestDays?: boolean } = {},
): CalendarDate {
  const last = naturalDaysAfter(start, days, options.skip)
  if (options.rollOverRestDays === false) return { date: last, provisional: false }
  return workingDayOnOrAfter(calendar, last)
}

/** Working days in (`from`, `to`]: 0 when `to` is not after `from`. */
export function workingDaysBetween(
  calendar: WorkingCalendar,
  from: LocalDate,
  to: LocalDate,
): { count: number; provisional: boolean } {
  check(from, 0)
  check(to, 0)
  let count = 0
  let provisional = false
  for (let day = plusDays(from, 1), i = 0; day <= to; day = plusDays(day, 1), i++) {
    if (i >= MAX_SCAN_DAYS) return scanLimit(from)
    const info = calendar.describe(day)
    provisional ||= info.provisional
    if (info.isWorkingDay) count++
  }
  return { count, provisional }
}
