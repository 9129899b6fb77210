// The bundled calendar (generated from chinese-days) against an independent copy of the State Council notices
// (holiday-cn, tests/fixtures/holidays): every day of 2024–2026 must have the status the notice gives it.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { BUNDLED_NOTICES, createWorkingCalendar, type HolidayNotice } from '@shared/calendar'
import { addLocalDays, weekdayOf } from '@shared/time'

const fixture = (year: number): HolidayNotice =>
  JSON.parse(
    readFileSync(path.join(__dirname, '../../fixtures/holidays', `${year}.json`), 'utf8'),
  ) as HolidayNotice

const calendar = createWorkingCalendar()

describe.each([2024, 2025, 2026])('State Council notice %i', (year) => {
  const notice = fixture(year)
  const offDays = notice.days.filter((d) => d.isOffDay)
  const makeUpDays = notice.days.filter((d) => !d.isOffDay)

  it('has days to check', () => {
    expect(offDays.length).toBeGreaterThanOrEqual(20)
    expect(makeUpDays.length).toBeGreaterThanOrEqual(4)
  })

  it.each(offDays.map((d) => [d.date, d.name]))('%s (%s) is a statutory day off', (date) => {
    expect(calendar.describe(date)).toMatchObject({
      kind: 'public-holiday',
      isWorkingDay: false,
      provisional: false,
    })
  })

  it.each(makeUpDays.map((d) => [d.date, d.name]))('%s (%s) is a 调休 make-up working day', (date) => {
    expect(calendar.describe(date)).toMatchObject({
      kind: 'make-up-workday',
      isWorkingDay: true,
      provisional: false,
    })
  })

  it('gives every other day of the year its weekday status', () => {
    const listed = new Map(notice.days.map((d) => [d.date, d.isOffDay]))
    const wrong: string[] = []
    for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addLocalDays(date, 1)) {
      const weekday = weekdayOf(date)
      const expected = listed.has(date) ? !listed.get(date) : weekday !== 0 && weekday !== 6
      if (calendar.isWorkingDay(date) !== expected) wrong.push(date)
    }
    expect(wrong).toEqual([])
  })

  it('is bundled with exactly the days of the independent copy', () => {
    const bundled = BUNDLED_NOTICES.find((n) => n.year === year)
    const key = (d: { date: string; isOffDay: boolean }) => `${d.date}:${d.isOffDay ? 'off' : 'work'}`
    expect(bundled?.days.map(key).sort()).toEqual(notice.days.map(key).sort())
  })
})

it('the 2027 fixture is the placeholder of a year without a notice', () => {
  expect(fixture(2027)).toMatchObject({ year: 2027, papers: [], days: [] })
  expect(calendar.noticeFor(2027)).toBeNull()
})
