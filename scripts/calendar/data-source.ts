// Where the bundled calendar data comes from: the chinese-days package (State Council notices as data, updated
// by its maintainers each November). The generator writes shared/calendar/data/*.json from these functions and
// the drift test checks that the committed files still equal them, so upgrading chinese-days without
// regenerating (or hand-editing the data) fails CI.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import chineseDays from 'chinese-days'
import type { HolidayNotice } from '@shared/calendar'

const requireFromHere = createRequire(__filename)

/** The years shipped with the app: the ones cross-checked against an independent source (tests/fixtures). */
export const BUNDLED_YEARS = [2024, 2025, 2026] as const

/** Years whose lunar holiday dates are tabulated for estimates and upload checks. */
const LUNAR_TABLE_YEARS = { from: 2025, to: 2040 } as const

interface ChineseDaysYear {
  holidays: Record<string, string>
  workdays: Record<string, string>
}

/** `"Spring Festival,春节,4"` → `"春节"`. */
function chineseName(value: string): string {
  const name = value.split(',')[1]
  if (!name) throw new Error(`unexpected chinese-days entry: ${value}`)
  return name
}

/** The gov.cn URL in the comment above each year's arrangement in chinese-days' source. */
function noticeUrlsFromChineseDaysSource(): Map<number, string[]> {
  const source = readFileSync(requireFromHere.resolve('chinese-days/src/holidays/generate.ts'), 'utf8')
  const urls = new Map<number, string[]>()
  for (const match of source.matchAll(/\/\*\*\s*\n\s*\*\s*(\d{4})\s*\n\s*\*\s*(https?:\/\/\S+)/g)) {
    const [, year, url] = match
    if (year && url) urls.set(Number(year), [url.replace(/^http:/, 'https:')])
  }
  return urls
}

function chineseDaysYearFile(year: number): string {
  return requireFromHere.resolve(`chinese-days/dist/years/${year}.json`)
}

/** chinese-days' data for one year, in the holiday-cn shape the project uses. */
export function noticeFromChineseDays(year: number): HolidayNotice {
  const data = JSON.parse(readFileSync(chineseDaysYearFile(year), 'utf8')) as ChineseDaysYear
  const days = [
    ...Object.entries(data.holidays).map(([date, value]) => ({
      name: chineseName(value),
      date,
      isOffDay: true,
    })),
    ...Object.entries(data.workdays).map(([date, value]) => ({
      name: chineseName(value),
      date,
      isOffDay: false,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date))
  return { year, papers: noticeUrlsFromChineseDaysSource().get(year) ?? [], days }
}

/** Years chinese-days has data for. */
export function chineseDaysYears(): number[] {
  return readdirSync(path.dirname(chineseDaysYearFile(2024)))
    .filter((file) => /^\d{4}\.json$/.test(file))
    .map((file) => Number(file.slice(0, 4)))
    .sort((a, b) => a - b)
}

/** 春节 (正月初一), 清明, 端午 (五月初五), 中秋 (八月十五) per year, for 全国年节及纪念日放假办法 第二条. */
export function lunarHolidayDatesFromChineseDays(): {
  source: string
  years: Record<string, { springFestival: string; qingming: string; dragonBoat: string; midAutumn: string }>
} {
  const years: Record<
    string,
    { springFestival: string; qingming: string; dragonBoat: string; midAutumn: string }
  > = {}
  for (let year = LUNAR_TABLE_YEARS.from; year <= LUNAR_TABLE_YEARS.to; year++) {
    years[String(year)] = {
      springFestival: chineseDays.getSolarDateFromLunar(`${year}-01-01`).date,
      qingming: chineseDays.getSolarTermDate(year, 4, 'pure_brightness'),
      // A leap fifth or eighth month comes after the regular one: the festival is in the regular month (`date`).
      dragonBoat: chineseDays.getSolarDateFromLunar(`${year}-05-05`).date,
      midAutumn: chineseDays.getSolarDateFromLunar(`${year}-08-15`).date,
    }
  }
  return { source: 'chinese-days (getSolarDateFromLunar, getSolarTermDate)', years }
}
