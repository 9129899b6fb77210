// The fast date helpers of shared/calendar must agree with the dayjs-based ones of shared/time.
import { shanghaiDateOf } from '@shared/calendar'
import { dayNumber, isCalendarDate, plusDays, weekdayNumber } from '@shared/calendar/day-math'
import { addLocalDays, isLocalDate, localDateOf, weekdayOf } from '@shared/time'

it('agrees with shared/time on every day from 2023 to 2028', () => {
  const disagreements: string[] = []
  for (let date = '2023-01-01'; date <= '2028-12-31'; date = addLocalDays(date, 1)) {
    if (plusDays(date, 1) !== addLocalDays(date, 1)) disagreements.push(`plusDays ${date}`)
    if (plusDays(date, -40) !== addLocalDays(date, -40)) disagreements.push(`plusDays -40 ${date}`)
    if (weekdayNumber(date) !== weekdayOf(date)) disagreements.push(`weekday ${date}`)
  }
  expect(disagreements).toEqual([])
})

it.each(['2026-02-29', '2026-13-01', '2026-1-01', '20260101', '', '2024-02-29'])(
  'validates %j like isLocalDate',
  (date) => {
    expect(isCalendarDate(date)).toBe(isLocalDate(date))
  },
)

it.each([
  '2026-02-13T16:30:00Z',
  '2026-02-13T15:59:59.999Z',
  '2026-02-13T16:00:00Z',
  '2026-02-14T00:30:00+08:00',
  '2026-02-13T08:30:00-08:00',
  '1969-12-31T20:00:00Z',
])('gives the Shanghai date of %s like localDateOf', (instant) => {
  expect(shanghaiDateOf(instant)).toBe(localDateOf(instant))
})

it('counts days from 1970-01-01', () => {
  expect(dayNumber('1970-01-02')).toBe(1)
  expect(Number.isNaN(dayNumber('nope'))).toBe(true)
  expect(() => shanghaiDateOf('nope')).toThrow(RangeError)
})
