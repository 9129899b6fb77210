// Regenerates shared/calendar/data/*.json from the chinese-days package:
//   npm run calendar-data
// Run it after upgrading chinese-days (a new State Council notice each November), review the diff, and add the
// new year to BUNDLED_YEARS and to tests/fixtures/holidays once an independent copy is available.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  BUNDLED_YEARS,
  lunarHolidayDatesFromChineseDays,
  noticeFromChineseDays,
} from './calendar/data-source'

const dataDir = path.resolve(__dirname, '../shared/calendar/data')

for (const year of BUNDLED_YEARS) {
  writeFileSync(
    path.join(dataDir, `notice-${year}.json`),
    JSON.stringify(noticeFromChineseDays(year), null, 2) + '\n',
  )
}
writeFileSync(
  path.join(dataDir, 'statutory-lunar-dates.json'),
  JSON.stringify(lunarHolidayDatesFromChineseDays(), null, 2) + '\n',
)
process.stdout.write(`wrote ${BUNDLED_YEARS.join(', ')} and the lunar holiday table to ${dataDir}\n`)
