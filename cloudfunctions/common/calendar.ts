// The working-day calendar a function uses: the notices bundled with the release, the years an admin has
// loaded since (collection `holiday_notices`, taking precedence), and the deployment's local rest days.
// Built once per instance and refreshed every few minutes, so a newly loaded year applies without a release.
import { createWorkingCalendar, type HolidayNotice, type WorkingCalendar } from '../../shared/calendar'
import { COLLECTIONS } from './collections'
import type { Runtime } from './ports'

export interface HolidayNoticeDoc {
  notice: HolidayNotice
  loadedAt: string
  loadedBy: string
}

const REFRESH_MS = 5 * 60_000
const cache = new WeakMap<object, { calendar: WorkingCalendar; builtAt: number }>()

export async function calendarFor(runtime: Runtime): Promise<WorkingCalendar> {
  const now = runtime.clock.now().getTime()
  const cached = cache.get(runtime)
  if (cached && now - cached.builtAt < REFRESH_MS) return cached.calendar
  // One document per year: a page of 100 covers a century.
  const page = await runtime.db.find<HolidayNoticeDoc>(COLLECTIONS.holidayNotices, {
    orderBy: [['notice.year', 'asc']],
    limit: 100,
  })
  const calendar = createWorkingCalendar({
    overrides: page.items.map((d) => d.notice),
    localRestDays: runtime.deployment.localRestDays ?? [],
  })
  cache.set(runtime, { calendar, builtAt: now })
  return calendar
}

/** After an admin loads a year: the next call rebuilds. */
export function invalidateCalendar(runtime: Runtime): void {
  cache.delete(runtime)
}
