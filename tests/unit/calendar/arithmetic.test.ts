// Day counting, table-tested on fixed dates (FixMyStreet's WorkingDays style). Conventions: start day not counted
// (民法典 第二百零一条); natural-day periods ending on a rest day end on the next working day (第二百零三条).
import {
  addWorkingDays,
  createWorkingCalendar,
  endOfNaturalDayPeriod,
  subtractWorkingDays,
  workingDayOnOrAfter,
  workingDaysBetween,
} from '@shared/calendar'

const calendar = createWorkingCalendar()

describe('addWorkingDays: the n-th working day after the start', () => {
  it.each([
    // start, n, expected, why
    ['2026-03-02', 3, '2026-03-05', 'ordinary week'],
    ['2026-03-05', 3, '2026-03-10', 'skips an ordinary weekend'],
    ['2026-02-12', 1, '2026-02-13', 'Thursday → Friday'],
    ['2026-02-13', 1, '2026-02-14', 'counts the make-up Saturday 02-14'],
    ['2026-02-13', 2, '2026-02-24', 'then jumps the whole 春节 break 02-15…02-23'],
    ['2026-02-13', 5, '2026-02-27', '春节 2026'],
    ['2026-02-13', 6, '2026-02-28', 'the second make-up Saturday 02-28 counts'],
    ['2026-02-14', 10, '2026-03-06', 'start on a make-up Saturday (start not counted)'],
    ['2026-09-18', 1, '2026-09-20', 'make-up Sunday 09-20 before 国庆'],
    ['2026-09-30', 1, '2026-10-08', '国庆 2026: 10-01…10-07 off'],
    ['2026-09-30', 3, '2026-10-10', 'make-up Saturday 10-10 after 国庆'],
    ['2026-12-30', 2, '2027-01-04', 'into 2027: 元旦 fixed by law, provisional'],
  ])('%s + %i WD = %s (%s)', (start, n, expected) => {
    expect(addWorkingDays(calendar, start, n).date).toBe(expected)
  })

  it('is provisional exactly when it looked at a year without a notice', () => {
    expect(addWorkingDays(calendar, '2026-12-29', 2)).toEqual({ date: '2026-12-31', provisional: false })
    expect(addWorkingDays(calendar, '2026-12-30', 2)).toEqual({ date: '2027-01-04', provisional: true })
  })

  it('does not count skipped days (clock paused)', () => {
    const paused = (date: string) => date > '2026-03-03' && date <= '2026-03-05'
    expect(addWorkingDays(calendar, '2026-03-02', 3, paused).date).toBe('2026-03-09')
  })

  it('0 means the start day if it is a working day, else the next one', () => {
    expect(addWorkingDays(calendar, '2026-02-14', 0).date).toBe('2026-02-14')
    expect(addWorkingDays(calendar, '2026-02-15', 0).date).toBe('2026-02-24')
  })

  it('rejects negative or fractional counts', () => {
    expect(() => addWorkingDays(calendar, '2026-03-02', -1)).toThrow(RangeError)
    expect(() => addWorkingDays(calendar, '2026-03-02', 1.5)).toThrow(RangeError)
  })
})

describe('endOfNaturalDayPeriod: n natural days, moved off a rest day', () => {
  it.each([
    ['2026-03-02', 3, '2026-03-05', 'ends on a working day'],
    ['2026-03-04', 3, '2026-03-09', 'ends Saturday 03-07 → Monday 03-09'],
    ['2026-02-12', 3, '2026-02-24', 'ends in 春节 (02-15) → first working day after the break'],
    ['2026-02-11', 3, '2026-02-14', 'ends on make-up Saturday 02-14 → stays: it is a working day'],
    ['2026-02-14', 15, '2026-03-02', 'ends Sunday 03-01 → Monday'],
    ['2026-02-13', 15, '2026-02-28', 'ends on make-up Saturday 02-28 → stays'],
    ['2026-09-25', 5, '2026-09-30', '中秋 ends 09-27; 09-30 is a working day'],
    ['2026-09-28', 5, '2026-10-08', 'ends 10-03 in 国庆 → 10-08'],
    ['2026-10-07', 3, '2026-10-10', 'ends on make-up Saturday 10-10 → stays'],
    ['2026-12-20', 60, '2027-02-18', 'ends in 2027 (provisional)'],
    ['2026-12-07', 60, '2027-02-09', 'ends 2027-02-05 (除夕, fixed by law) → after 春节 2027'],
  ])('%s + %i ND → %s (%s)', (start, n, expected) => {
    expect(endOfNaturalDayPeriod(calendar, start, n).date).toBe(expected)
  })

  it('is provisional when its last day lies in 2027', () => {
    expect(endOfNaturalDayPeriod(calendar, '2026-12-20', 60).provisional).toBe(true)
    expect(endOfNaturalDayPeriod(calendar, '2026-10-20', 60).provisional).toBe(false)
  })

  it('can be told not to move (立即, 24-hour duty)', () => {
    expect(endOfNaturalDayPeriod(calendar, '2026-02-17', 0, { rollOverRestDays: false }).date).toBe(
      '2026-02-17',
    )
    expect(endOfNaturalDayPeriod(calendar, '2026-02-17', 0).date).toBe('2026-02-24')
  })
})

describe('subtractWorkingDays: reminders before a due date (S2 第十八条)', () => {
  it.each([
    ['2026-03-06', 3, '2026-03-03', 'Friday → Tuesday'],
    ['2026-03-02', 3, '2026-02-26', 'back over a weekend, counting make-up Saturday 02-28'],
    ['2026-03-09', 3, '2026-03-04', 'back over an ordinary weekend'],
    ['2026-02-25', 3, '2026-02-13', 'back over 春节, counting make-up Saturday 02-14'],
    ['2026-10-09', 3, '2026-09-29', 'back over 国庆'],
  ])('3 WD before %s is %s', (due, n, expected) => {
    expect(subtractWorkingDays(calendar, due, n).date).toBe(expected)
  })
})

it('workingDayOnOrAfter and workingDaysBetween agree with the notice', () => {
  expect(workingDayOnOrAfter(calendar, '2026-10-01').date).toBe('2026-10-08')
  expect(workingDaysBetween(calendar, '2026-02-13', '2026-02-28')).toEqual({ count: 6, provisional: false })
  expect(workingDaysBetween(calendar, '2026-02-28', '2026-02-13').count).toBe(0)
})
