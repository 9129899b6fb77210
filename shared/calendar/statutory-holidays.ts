// The days off the law itself fixes (全国年节及纪念日放假办法 第二条, as amended by 国务院令第795号, in force
// 2025-01-01: 13 days for all citizens). They are rest days whether or not the year's notice is out; the notice
// only adds the 调休 arrangement around them. They are used (1) to estimate a year without a notice — still
// marked provisional — and (2) to check that an uploaded notice gives every one of them off.
import type { LocalDate } from '@shared/time'
import { addLocalDays } from '@shared/time'
import lunarDates from './data/statutory-lunar-dates.json'

export const STATUTORY_HOLIDAY_BASIS = '全国年节及纪念日放假办法 第二条'

/** First year under the 2024 amendment (除夕 and a second 劳动节 day added). */
const STATUTORY_RULES_FROM_YEAR = 2025

/**
 * Gregorian dates of the lunar and solar-term holidays (农历正月初一, 清明, 农历五月初五, 农历八月十五), generated
 * from the chinese-days package (see scripts/calendar-data.ts, `npm run calendar-data`).
 */
interface LunarHolidayDates {
  springFestival: LocalDate
  qingming: LocalDate
  dragonBoat: LocalDate
  midAutumn: LocalDate
}

const LUNAR_HOLIDAY_DATES: Readonly<Record<string, LunarHolidayDates>> = lunarDates.years

export interface StatutoryHoliday {
  date: LocalDate
  name: string
}

/**
 * The statutory days off of a year under 第二条. Empty before 2025 (an older version of the rules applied; the
 * bundled notices cover those years). Lunar holidays are included only for years in the generated table.
 */
export function statutoryHolidaysByLaw(year: number): StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < STATUTORY_RULES_FROM_YEAR) return []
  const y = String(year).padStart(4, '0')
  const days: StatutoryHoliday[] = [
    { date: `${y}-01-01`, name: '元旦' },
    { date: `${y}-05-01`, name: '劳动节' },
    { date: `${y}-05-02`, name: '劳动节' },
    { date: `${y}-10-01`, name: '国庆节' },
    { date: `${y}-10-02`, name: '国庆节' },
    { date: `${y}-10-03`, name: '国庆节' },
  ]
  const lunar = LUNAR_HOLIDAY_DATES[y]
  if (lunar) {
    // 春节: 农历除夕 and 正月初一至初三. 除夕 is the day before 初一 whatever the length of 腊月.
    for (const offset of [-1, 0, 1, 2])
      days.push({ date: addLocalDays(lunar.springFestival, offset), name: '春节' })
    days.push({ date: lunar.qingming, name: '清明节' })
    days.push({ date: lunar.dragonBoat, name: '端午节' })
    days.push({ date: lunar.midAutumn, name: '中秋节' })
  }
  return days.sort((a, b) => a.date.localeCompare(b.date))
}
