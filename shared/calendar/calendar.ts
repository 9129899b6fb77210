// The working-day calendar of mainland China, built from injected data: the bundled notices, the years an admin
// loaded at run time (they take precedence), and the jurisdiction's local rest days. FixMyStreet's WorkingDays
// is the model: the holiday list is input, the arithmetic (arithmetic.ts) is a small set of table-tested functions.
import type { LocalDate } from '@shared/time'
import { BUNDLED_NOTICES } from './bundled'
import { isCalendarDate, weekdayNumber } from './day-math'
import { statutoryHolidaysByLaw } from './statutory-holidays'
import type { DayInfo, HolidayNotice, HolidayNoticeDay, LocalRestDay, NoticeSource } from './types'

export interface WorkingCalendarOptions {
  /** Defaults to the notices shipped with the app. */
  bundled?: readonly HolidayNotice[]
  /** Years loaded at run time (stored in the database). A year here replaces the bundled year entirely. */
  overrides?: readonly HolidayNotice[]
  /** The jurisdiction's own rest days (全国年节及纪念日放假办法 第四条). */
  localRestDays?: readonly LocalRestDay[]
}

interface NoticeInUse {
  year: number
  source: NoticeSource
  notice: HolidayNotice
}

export interface WorkingCalendar {
  describe(date: LocalDate): DayInfo
  isWorkingDay(date: LocalDate): boolean
  /** True when no notice covers the date's year: its status is an estimate. */
  isProvisional(date: LocalDate): boolean
  /** The notices in use, by year, with where each came from. */
  notices(): NoticeInUse[]
  noticeFor(year: number): NoticeInUse | null
}

function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4))
}

function assertDate(date: string, where: string): void {
  if (!isCalendarDate(date)) throw new RangeError(`${where}: not a calendar date: ${JSON.stringify(date)}`)
}

/** A notice with no days is a year whose notice is not out yet (holiday-cn publishes such placeholders). */
function isPublished(notice: HolidayNotice): boolean {
  return notice.days.length > 0
}

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const byYear = new Map<number, NoticeInUse>()
  for (const notice of options.bundled ?? BUNDLED_NOTICES) {
    if (isPublished(notice)) byYear.set(notice.year, { year: notice.year, source: 'bundled', notice })
  }
  for (const notice of options.overrides ?? []) {
    if (isPublished(notice)) byYear.set(notice.year, { year: notice.year, source: 'override', notice })
  }

  // A notice may list days just outside its year (2023's 元旦 started on 2022-12-31), so days are indexed by
  // date across all notices. Later years win on the rare overlap.
  const announced = new Map<LocalDate, HolidayNoticeDay>()
  for (const { notice } of [...byYear.values()].sort((a, b) => a.year - b.year)) {
    for (const day of notice.days) {
      assertDate(day.date, `notice ${notice.year}`)
      announced.set(day.date, day)
    }
  }

  const local = new Map<LocalDate, LocalRestDay>()
  for (const day of options.localRestDays ?? []) {
    assertDate(day.date, 'local rest day')
    local.set(day.date, day)
  }

  const estimated = new Map<number, Map<LocalDate, string>>()
  function lawHolidays(year: number): Map<LocalDate, string> {
    let days = estimated.get(year)
    if (!days) {
      days = new Map(statutoryHolidaysByLaw(year).map((d) => [d.date, d.name]))
      estimated.set(year, days)
    }
    return days
  }

  function isProvisional(date: LocalDate): boolean {
    return !byYear.has(yearOf(date)) && !announced.has(date)
  }

  // The calendar never changes once built: remember every answer.
  const described = new Map<LocalDate, DayInfo>()

  function describe(date: LocalDate): DayInfo {
    let info = described.get(date)
    if (!info) {
      info = classify(date)
      described.set(date, info)
    }
    return info
  }

  function classify(date: LocalDate): DayInfo {
    assertDate(date, 'describe')
    const provisional = isProvisional(date)
    const localDay = local.get(date)
    if (localDay)
      return { date, kind: 'local-rest-day', isWorkingDay: false, name: localDay.name, provisional }
    const day = announced.get(date)
    if (day) {
      return day.isOffDay
        ? { date, kind: 'public-holiday', isWorkingDay: false, name: day.name, provisional }
        : { date, kind: 'make-up-workday', isWorkingDay: true, name: day.name, provisional }
    }
    if (provisional) {
      const name = lawHolidays(yearOf(date)).get(date)
      if (name) return { date, kind: 'public-holiday', isWorkingDay: false, name, provisional }
    }
    const weekday = weekdayNumber(date)
    return weekday === 0 || weekday === 6
      ? { date, kind: 'weekend', isWorkingDay: false, name: null, provisional }
      : { date, kind: 'workday', isWorkingDay: true, name: null, provisional }
  }

  return {
    describe,
    isWorkingDay: (date) => describe(date).isWorkingDay,
    isProvisional: (date) => {
      assertDate(date, 'isProvisional')
      return isProvisional(date)
    },
    notices: () => [...byYear.values()].sort((a, b) => a.year - b.year),
    noticeFor: (year) => byYear.get(year) ?? null,
  }
}
