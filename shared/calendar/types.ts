import type { LocalDate } from '@shared/time'

/**
 * One State Council holiday notice (国务院办公厅关于某年部分节假日安排的通知) as data, in the shape of the
 * holiday-cn JSON files: every statutory day off and every 调休 make-up working day (`isOffDay: false`).
 * Ordinary weekends are not listed. The same shape is used for the bundled years and for a year an admin
 * uploads at run time.
 */
export interface HolidayNotice {
  year: number
  /** Where the notice was published (gov.cn URLs). */
  papers: readonly string[]
  days: readonly HolidayNoticeDay[]
}

export interface HolidayNoticeDay {
  /** The holiday the day belongs to: 春节, 国庆节… */
  name: string
  date: LocalDate
  /** true: day off (放假); false: make-up working day (调休上班). */
  isOffDay: boolean
}

/**
 * A rest day set by a local government for its jurisdiction, e.g. an ethnic festival (少数民族习惯的节日,
 * 全国年节及纪念日放假办法 第四条). It comes from the deployment's configuration, never from the national data.
 */
export interface LocalRestDay {
  date: LocalDate
  name: string
  /** The local government's notice that sets it. */
  basis: string
}

type DayKind =
  | 'workday' // Monday–Friday, nothing announced
  | 'make-up-workday' // 调休上班: a weekend day the notice turns into a working day
  | 'weekend' // Saturday/Sunday not made up
  | 'public-holiday' // statutory day off (notice), or, in a year without a notice, a day fixed by law
  | 'local-rest-day' // set by the local government

export interface DayInfo {
  date: LocalDate
  kind: DayKind
  isWorkingDay: boolean
  /** Holiday name for public holidays, make-up working days and local rest days. */
  name: string | null
  /**
   * No State Council notice is known for this date's year: the status is an estimate (weekends plus the days
   * the law itself fixes) and may change when the notice is published.
   */
  provisional: boolean
}

/** A date computed with the calendar, and whether any date it depended on lies in a year without a notice. */
export interface CalendarDate {
  date: LocalDate
  provisional: boolean
}

export type NoticeSource = 'bundled' | 'override'
