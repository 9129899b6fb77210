// Calendar months and quarters in Asia/Shanghai, as statistics, disclosure, oversight and the quarterly analysis
// count them: `2026-11`, `2026Q4`. The one home of month arithmetic and of how a month or quarter is written and
// named; shared/time.ts holds days and instants.
import { addLocalDays, type LocalDate } from './time'

/** A calendar month in Shanghai time, `2026-11`. */
export type Month = string
/** A calendar quarter, `2026Q4`. */
export type Quarter = string

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/
export const QUARTER_PATTERN = /^\d{4}Q[1-4]$/

export const isMonth = (value: string): boolean => MONTH_PATTERN.test(value)

/** The month a Shanghai calendar date falls in. */
export function monthOf(date: LocalDate): Month {
  return date.slice(0, 7)
}

/** `n` months after `month` (before it when negative). */
export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

export const nextMonth = (month: Month): Month => addMonths(month, 1)

export const previousMonth = (month: Month): Month => addMonths(month, -1)

export function firstDayOf(month: Month): LocalDate {
  return `${month}-01`
}

export function lastDayOf(month: Month): LocalDate {
  return addLocalDays(firstDayOf(nextMonth(month)), -1)
}

/** Every month from `from` to `to`, both included (their number is bounded by the caller's schema). */
export function monthsBetween(from: Month, to: Month): Month[] {
  const months: Month[] = []
  for (let m = from; m <= to; m = nextMonth(m)) months.push(m)
  return months
}

/** The instants a month spans, as the stored `createdAt` strings compare (Shanghai ISO, `+08:00`). */
export function monthRange(month: Month): { from: string; to: string } {
  return { from: `${month}-01T00:00:00+08:00`, to: `${nextMonth(month)}-01T00:00:00+08:00` }
}

export function quarterOf(month: Month): Quarter {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return `${y}Q${Math.floor((m - 1) / 3) + 1}`
}

export function quarterMonths(quarter: Quarter): [Month, Month, Month] {
  const year = Number(quarter.slice(0, 4))
  const q = Number(quarter.slice(5))
  const first = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}`
  return [first, addMonths(first, 1), addMonths(first, 2)]
}

export function previousQuarter(quarter: Quarter): Quarter {
  return quarterOf(previousMonth(quarterMonths(quarter)[0]))
}

/** `2026年11月`. */
export function monthLabel(month: Month): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5))}月`
}

const QUARTER_NAMES = ['一', '二', '三', '四'] as const

/** `2026年第四季度`. */
export function quarterLabel(quarter: Quarter): string {
  return `${quarter.slice(0, 4)}年第${QUARTER_NAMES[Number(quarter.slice(5)) - 1]}季度`
}
