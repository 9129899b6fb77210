// Asia/Shanghai with a fixed +08:00 offset, checked against the tz database (dayjs timezone plugin, Intl).
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import {
  addLocalDays,
  daysBetween,
  formatShanghai,
  isIsoWithOffset,
  isLocalDate,
  localDateOf,
  startOfLocalDate,
  toShanghaiIso,
  weekdayOf,
} from '@shared/time'

dayjs.extend(utc)
dayjs.extend(timezone)

describe('fixed +08:00 agrees with the tz database for Asia/Shanghai', () => {
  // One instant every 7 h 13 min over 2024–2027: every hour of the day, both sides of every midnight.
  const instants = Array.from(
    { length: 5000 },
    (_, i) => Date.UTC(2024, 0, 1) + i * (7 * 3600 + 13 * 60) * 1000,
  )
  test.each([
    ['local date', 'YYYY-MM-DD'],
    ['wall clock', 'YYYY-MM-DD HH:mm'],
  ])('%s', (_what, pattern) => {
    for (const t of instants) {
      expect(formatShanghai(t, pattern)).toBe(dayjs(t).tz('Asia/Shanghai').format(pattern))
    }
  })
})

describe('calendar dates', () => {
  test.each([
    ['2026-11-21T15:59:59Z', '2026-11-21'], // 23:59:59 in Shanghai
    ['2026-11-21T16:00:00Z', '2026-11-22'], // midnight in Shanghai, still the 21st in UTC
    ['2026-02-16T23:30:00-05:00', '2026-02-17'], // 除夕 evening in New York = 春节 morning in Shanghai
  ])('%s is %s in Shanghai', (instant, date) => {
    expect(localDateOf(instant)).toBe(date)
  })

  test('start of a Shanghai day is 16:00 UTC the day before', () => {
    expect(startOfLocalDate('2026-10-01').toISOString()).toBe('2026-09-30T16:00:00.000Z')
    expect(toShanghaiIso(startOfLocalDate('2026-10-01'))).toBe('2026-10-01T00:00:00+08:00')
  })

  test('day arithmetic', () => {
    expect(addLocalDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addLocalDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(daysBetween('2026-09-30', '2026-10-08')).toBe(8)
    expect(weekdayOf('2026-11-21')).toBe(6) // Saturday
  })
})

describe('input formats', () => {
  test.each([
    ['2026-11-21T09:30:00+08:00', true],
    ['2026-11-21T01:30:00Z', true],
    ['2026-11-21T09:30+08:00', true],
    ['2026-11-21T09:30:00.123456+08:00', true],
    ['2026-11-21T09:30:00', false], // no offset: ambiguous
    ['2026-11-21 09:30:00+08:00', false],
    ['2026-02-30T09:30:00+08:00', false], // not a date
    ['2026-11-21T24:00:00+08:00', false],
    ['2026-11-21T09:60:00+08:00', false],
    ['2026-11-21T09:30:00+15:00', false],
  ])('%s → %s', (value, ok) => {
    expect(isIsoWithOffset(value)).toBe(ok)
  })

  test.each([
    ['2026-11-21', true],
    ['2026-02-29', false],
    ['2024-02-29', true],
    ['2026-13-01', false],
    ['20261121', false],
  ])('local date %s → %s', (value, ok) => {
    expect(isLocalDate(value)).toBe(ok)
  })
})
