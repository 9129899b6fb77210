// The committed data files in shared/calendar/data must equal what the generator derives from the installed
// chinese-days package. Upgrading chinese-days without regenerating, or editing the data by hand, fails here.
// Regenerate with: npm run calendar-data
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { BUNDLED_NOTICES } from '@shared/calendar'
import {
  BUNDLED_YEARS,
  chineseDaysYears,
  lunarHolidayDatesFromChineseDays,
  noticeFromChineseDays,
} from '../../../scripts/calendar/data-source'

const dataFile = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(__dirname, '../../../shared/calendar/data', name), 'utf8'))

it.each(BUNDLED_YEARS.map((year) => [year]))('notice-%i.json is what chinese-days says', (year) => {
  expect(dataFile(`notice-${year}.json`)).toEqual(noticeFromChineseDays(year))
})

it('bundles exactly the generated years, each with its gov.cn notice', () => {
  expect(BUNDLED_NOTICES.map((n) => n.year)).toEqual([...BUNDLED_YEARS])
  for (const notice of BUNDLED_NOTICES) expect(notice.papers[0]).toMatch(/^https:\/\/www\.gov\.cn\//)
})

it('statutory-lunar-dates.json is what chinese-days says', () => {
  expect(dataFile('statutory-lunar-dates.json')).toEqual(lunarHolidayDatesFromChineseDays())
})

// When chinese-days publishes a newer year, it must be reviewed and bundled (and a fixture added): the app would
// otherwise keep calling that year provisional although the notice is out.
it('bundles the newest year chinese-days knows', () => {
  expect(Math.max(...chineseDaysYears())).toBe(Math.max(...BUNDLED_YEARS))
})
