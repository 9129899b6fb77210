// Calendar months in Asia/Shanghai, as statistics count them (`YYYY-MM`).
import { addLocalDays, type LocalDate } from '../time'

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

export const isMonth = (value: string): boolean => MONTH.test(value)

export function firstDayOf(month: string): LocalDate {
  return `${month}-01`
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

export function lastDayOf(month: string): LocalDate {
  return addLocalDays(firstDayOf(nextMonth(month)), -1)
}

/** Every month from `from` to `to`, both included (at most `max`; more is refused by the caller's schema). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  for (let m = from; m <= to; m = nextMonth(m)) months.push(m)
  return months
}
