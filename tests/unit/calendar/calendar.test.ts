import {
  BUNDLED_NOTICES,
  createWorkingCalendar,
  statutoryHolidaysByLaw,
  type HolidayNotice,
} from '@shared/calendar'

const calendar = createWorkingCalendar()

describe('describe(date)', () => {
  it.each<[string, string, boolean, string | null, string]>([
    ['2026-02-13', 'workday', true, null, 'Friday before 春节'],
    ['2026-02-14', 'make-up-workday', true, '春节', 'Saturday made a working day for 春节'],
    ['2026-02-17', 'public-holiday', false, '春节', '春节 正月初一'],
    ['2026-02-23', 'public-holiday', false, '春节', 'Monday, last day of the 春节 break'],
    ['2026-02-28', 'make-up-workday', true, '春节', 'second make-up Saturday'],
    ['2026-03-07', 'weekend', false, null, 'ordinary Saturday'],
    ['2026-09-20', 'make-up-workday', true, '国庆节', 'Sunday made a working day for 国庆节'],
    ['2026-10-07', 'public-holiday', false, '国庆节', 'last day of 国庆 break'],
    ['2026-10-10', 'make-up-workday', true, '国庆节', 'Saturday after 国庆'],
  ])('%s is %s (%s)', (date, kind, isWorkingDay, name) => {
    expect(calendar.describe(date)).toEqual({ date, kind, isWorkingDay, name, provisional: false })
  })

  it('rejects something that is not a calendar date', () => {
    expect(() => calendar.describe('2026-02-30')).toThrow(RangeError)
    expect(() => calendar.isWorkingDay('20260214')).toThrow(RangeError)
  })
})

describe('a year without a published notice (2027)', () => {
  it('is marked provisional, never silently treated as plain Monday–Friday', () => {
    expect(calendar.isProvisional('2027-03-01')).toBe(true)
    expect(calendar.describe('2027-03-01')).toMatchObject({ kind: 'workday', provisional: true })
    expect(calendar.isProvisional('2026-12-31')).toBe(false)
  })

  // 全国年节及纪念日放假办法 第二条 fixes these days whether or not the notice is out.
  it.each([
    ['2027-01-01', '元旦'],
    ['2027-02-05', '春节'], // 农历除夕
    ['2027-02-06', '春节'], // 正月初一
    ['2027-02-08', '春节'], // 正月初三
    ['2027-04-05', '清明节'],
    ['2027-05-01', '劳动节'],
    ['2027-05-02', '劳动节'],
    ['2027-06-09', '端午节'],
    ['2027-09-15', '中秋节'],
    ['2027-10-01', '国庆节'],
    ['2027-10-03', '国庆节'],
  ])('%s is estimated as a statutory day off (%s), provisionally', (date, name) => {
    expect(calendar.describe(date)).toMatchObject({
      kind: 'public-holiday',
      isWorkingDay: false,
      name,
      provisional: true,
    })
  })

  it('estimates the rest from weekends: the day after 春节 is a working day, provisionally', () => {
    expect(calendar.describe('2027-02-09')).toMatchObject({
      kind: 'workday',
      isWorkingDay: true,
      provisional: true,
    })
    expect(calendar.describe('2027-02-13')).toMatchObject({ kind: 'weekend', provisional: true })
  })
})

describe('a year loaded at run time', () => {
  const notice2027: HolidayNotice = {
    year: 2027,
    papers: ['https://www.gov.cn/zhengce/zhengceku/202711/example.htm'],
    days: [
      { name: '春节', date: '2027-02-05', isOffDay: true },
      { name: '春节', date: '2027-02-06', isOffDay: true },
      { name: '春节', date: '2027-02-12', isOffDay: true },
      { name: '春节', date: '2027-02-20', isOffDay: false },
    ],
  }

  it('settles the year: no longer provisional, its days as announced', () => {
    const loaded = createWorkingCalendar({ overrides: [notice2027] })
    expect(loaded.describe('2027-02-12')).toMatchObject({ kind: 'public-holiday', provisional: false })
    expect(loaded.describe('2027-02-20')).toMatchObject({
      kind: 'make-up-workday',
      isWorkingDay: true,
      provisional: false,
    })
    expect(loaded.noticeFor(2027)?.source).toBe('override')
  })

  it('takes precedence over the bundled year', () => {
    const corrected: HolidayNotice = {
      year: 2026,
      papers: ['https://www.gov.cn/corrected.htm'],
      days: [{ name: '测试', date: '2026-03-03', isOffDay: true }],
    }
    const loaded = createWorkingCalendar({ overrides: [corrected] })
    expect(loaded.isWorkingDay('2026-03-03')).toBe(false)
    // The bundled 2026 is replaced as a whole, not merged.
    expect(loaded.describe('2026-02-17')).toMatchObject({ kind: 'workday', provisional: false })
    expect(loaded.noticeFor(2026)).toMatchObject({ source: 'override' })
    expect(calendar.noticeFor(2026)).toMatchObject({ source: 'bundled' })
  })

  it('ignores an empty placeholder (the year stays provisional)', () => {
    const loaded = createWorkingCalendar({ overrides: [{ year: 2027, papers: [], days: [] }] })
    expect(loaded.isProvisional('2027-06-01')).toBe(true)
    expect(loaded.notices().map((n) => n.year)).toEqual([2024, 2025, 2026])
  })

  it('can be built from injected data only', () => {
    const only2025 = createWorkingCalendar({ bundled: BUNDLED_NOTICES.filter((n) => n.year === 2025) })
    expect(only2025.isProvisional('2026-02-17')).toBe(true)
    // Still a rest day: 正月初一 is fixed by law.
    expect(only2025.isWorkingDay('2026-02-17')).toBe(false)
    // …but 2026-02-14's make-up Saturday is unknown without the notice.
    expect(only2025.isWorkingDay('2026-02-14')).toBe(false)
  })
})

describe('local rest days (全国年节及纪念日放假办法 第四条)', () => {
  const local = createWorkingCalendar({
    localRestDays: [{ date: '2026-05-27', name: '古尔邦节', basis: '某自治县人民政府当年通知（测试数据）' }],
  })

  it('are rest days in that jurisdiction only', () => {
    expect(local.describe('2026-05-27')).toEqual({
      date: '2026-05-27',
      kind: 'local-rest-day',
      isWorkingDay: false,
      name: '古尔邦节',
      provisional: false,
    })
    expect(calendar.isWorkingDay('2026-05-27')).toBe(true)
  })
})

describe('statutory days fixed by law (全国年节及纪念日放假办法 第二条)', () => {
  it.each([2025, 2026])('every one of them is a day off in the %i notice', (year) => {
    const law = statutoryHolidaysByLaw(year)
    expect(law).toHaveLength(13)
    for (const day of law) expect([day.date, calendar.isWorkingDay(day.date)]).toEqual([day.date, false])
  })

  it('are not applied before the 2025 amendment (2024 had no 除夕 day off)', () => {
    expect(statutoryHolidaysByLaw(2024)).toEqual([])
    expect(calendar.isWorkingDay('2024-02-09')).toBe(true)
  })

  it('beyond the lunar table only the fixed-date days are known', () => {
    expect(statutoryHolidaysByLaw(2041).map((d) => d.date)).toEqual([
      '2041-01-01',
      '2041-05-01',
      '2041-05-02',
      '2041-10-01',
      '2041-10-02',
      '2041-10-03',
    ])
  })
})
