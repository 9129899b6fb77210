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

describe('the Date fast paths answer as dayjs does, for every kind of input', () => {
  // What shared/time.ts answered through dayjs alone before its fast paths (fixed +08:00, as above).
  const viaDayjs = {
    localDateOf: (i: Date | string | number) => dayjs(i).utcOffset(480).format('YYYY-MM-DD'),
    toShanghaiIso: (i: Date | string | number) => dayjs(i).utcOffset(480).format('YYYY-MM-DDTHH:mm:ssZ'),
    formatShanghai: (i: Date | string | number) => dayjs(i).utcOffset(480).format('YYYY-MM-DD HH:mm'),
    isLocalDate: (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && dayjs.utc(d).format('YYYY-MM-DD') === d,
    addLocalDays: (d: string, n: number) => dayjs.utc(d).add(n, 'day').format('YYYY-MM-DD'),
    weekdayOf: (d: string) => dayjs.utc(d).day(),
    daysBetween: (a: string, b: string) => dayjs.utc(b).diff(dayjs.utc(a), 'day'),
  }
  // A fixed pseudo-random sequence (LCG), so a failure names inputs that fail again.
  let seed = 20261128
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  const ms = () => Math.round((next() - 0.2) * 4e12) // 1906–2096, both sides of 1970
  const offsets = ['Z', 'z', '+08:00', '-05:00', '+0530', '-1200', '+14:00', '+00:00']
  const texts = (t: number): string[] => {
    const d = new Date(t)
    const [y, mo, da, h, mi, s] = [
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    ]
    const base = `${pad(y, 4)}-${pad(mo)}-${pad(da)}`
    return [
      `${base}T${pad(h)}:${pad(mi)}:${pad(s)}${pick(offsets)}`,
      `${base}T${pad(h)}:${pad(mi)}:${pad(s)}.${pad(Math.floor(next() * 1000), 3)}${pick(offsets)}`,
      `${base}T${pad(h)}:${pad(mi)}${pick(offsets)}`,
      `${base} ${pad(h)}:${pad(mi)}:${pad(s)}${pick(offsets)}`,
      // No offset: dayjs reads these on the server's clock, and so do the functions (they hand them to dayjs).
      `${base}T${pad(h)}:${pad(mi)}:${pad(s)}`,
      base,
    ]
  }
  const instants: Array<Date | string | number> = [
    ...Array.from({ length: 400 }, ms).flatMap((t) => [t, new Date(t), ...texts(t)]),
    // The ends of four-digit years, and what is no instant at all.
    Date.UTC(9999, 11, 31, 15, 59, 59, 999),
    Date.UTC(9999, 11, 31, 16),
    Date.UTC(1000, 0, 1) - 8 * 3600_000,
    Date.UTC(1000, 0, 1) - 8 * 3600_000 - 1,
    Date.UTC(50, 0, 1) - 8 * 3600_000,
    1e20,
    -0.5,
    1_795_224_600_000.7,
    NaN,
    new Date(NaN),
    '',
    'not a time',
    '2026-02-30T09:30:00+08:00',
    '2026-11-21T24:00:00Z',
  ]

  test.each([
    ['localDateOf', localDateOf, viaDayjs.localDateOf],
    ['toShanghaiIso', toShanghaiIso, viaDayjs.toShanghaiIso],
    ['formatShanghai', (i: Date | string | number) => formatShanghai(i), viaDayjs.formatShanghai],
  ] as const)('%s', (_name, fast, reference) => {
    for (const instant of instants) expect([instant, fast(instant)]).toEqual([instant, reference(instant)])
  })

  const dates = [
    ...Array.from({ length: 400 }, () => new Date(ms()).toISOString().slice(0, 10)),
    '2024-02-29',
    '2026-02-29',
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '0000-01-01',
    '0099-12-31',
    '1000-01-01',
    '9999-12-31',
    '20261121',
    '2026-1-21',
    'x',
  ]
  test('isLocalDate, weekdayOf', () => {
    for (const d of dates) {
      expect([d, isLocalDate(d)]).toEqual([d, viaDayjs.isLocalDate(d)])
      expect([d, weekdayOf(d)]).toEqual([d, viaDayjs.weekdayOf(d)])
    }
  })
  test('addLocalDays, daysBetween', () => {
    for (const d of dates) {
      const days = pick([0, 1, -1, 7, -30, 365, 1.4, -2.6, 2.5, 100_000, -1e7])
      expect([d, days, addLocalDays(d, days)]).toEqual([d, days, viaDayjs.addLocalDays(d, days)])
      const other = pick(dates)
      expect([d, other, daysBetween(d, other)]).toEqual([d, other, viaDayjs.daysBetween(d, other)])
    }
  })
})
