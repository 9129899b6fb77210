// The working-day calendar a function uses: the notices bundled with the release, the years an admin has
// loaded since (collection `holiday_notices`, taking precedence), and the deployment's local rest days.
// Built once per instance and refreshed every few minutes, so a newly loaded year applies without a release.
import { createWorkingCalendar, type HolidayNotice, type WorkingCalendar } from '../../shared/calendar'
import { audit } from './audit'
import { COLLECTIONS } from './collections'
import type { Runtime } from './ports'
import type { StaffRecord } from './staff-records'

export interface HolidayNoticeDoc {
  notice: HolidayNotice
  loadedAt: string
  loadedBy: string
}

/** The document of a year's notice loaded by an administrator. */
export function holidayNoticeId(year: number): string {
  return `year-${year}`
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
function invalidateCalendar(runtime: Runtime): void {
  cache.delete(runtime)
}

/**
 * An administrator loads the State Council's notice of a year (checked): stored with its audit record in one
 * write — a notice that moves legal deadlines is never in force unrecorded — and in force from the next call.
 */
export async function storeHolidayNotice(
  runtime: Runtime,
  notice: HolidayNotice,
  staff: StaffRecord,
  at: string,
): Promise<HolidayNoticeDoc> {
  const id = holidayNoticeId(notice.year)
  const doc: HolidayNoticeDoc = { notice, loadedAt: at, loadedBy: staff._id }
  await runtime.db.transaction(async (tx) => {
    const existing = await tx.get<HolidayNoticeDoc>(COLLECTIONS.holidayNotices, id)
    if (existing) await tx.update<HolidayNoticeDoc>(COLLECTIONS.holidayNotices, id, doc, existing._version)
    else await tx.insert<HolidayNoticeDoc>(COLLECTIONS.holidayNotices, { _id: id, ...doc })
    await audit(tx, 'load-holiday-notice', id, staff, at)
  })
  invalidateCalendar(runtime)
  return doc
}
