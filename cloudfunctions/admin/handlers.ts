// admin: configuration an administrator changes at run time — the State Council's holiday notice of a new
// year is loaded here (stored in the database, it takes precedence over the bundled data) without a release —
// and the bureau's staff (staff-admin.ts: invites, posts, deactivation, hand-over, audit).
import { adminContract, type HolidayNoticeInfo } from '../../shared/contracts/admin'
import { AppError } from '../../shared/contracts/result'
import { BUNDLED_NOTICES, validateHolidayNotice, type HolidayNotice } from '../../shared/calendar'
import { toShanghaiIso } from '../../shared/time'
import { calendarFor, holidayNoticeId, storeHolidayNotice, type HolidayNoticeDoc } from '../common/calendar'
import { COLLECTIONS } from '../common/collections'
import { getMany } from '../common/db/get-many'
import { defineFunction } from '../common/router'
import { staffAdminHandlers } from './staff-admin'

const info = (
  notice: HolidayNotice,
  source: 'bundled' | 'override',
  loadedAt: string | null,
): HolidayNoticeInfo => ({
  year: notice.year,
  source,
  days: notice.days.length,
  papers: [...notice.papers],
  loadedAt,
})

export const adminFunction = defineFunction('admin', adminContract, {
  ...staffAdminHandlers,

  async loadHolidayNotice(input, { runtime, staff, now }) {
    const checked = validateHolidayNotice(input.notice)
    if (!checked.ok) {
      const fields = Object.fromEntries(checked.errors.map((e) => [`notice.${e.path}`, e.message]))
      throw new AppError('VALIDATION_FAILED', `放假通知数据有误：${checked.errors[0]?.message ?? ''}`, fields)
    }
    const stored = await storeHolidayNotice(runtime, checked.notice, staff, toShanghaiIso(now))
    return info(stored.notice, 'override', stored.loadedAt)
  },

  async listHolidayNotices(_input, { runtime }) {
    const calendar = await calendarFor(runtime)
    const years = new Set([...BUNDLED_NOTICES.map((n) => n.year), ...calendar.notices().map((n) => n.year)])
    const inUse = [...years].sort().flatMap((year) => calendar.noticeFor(year) ?? [])
    // When each was loaded, for all years in one query.
    const ids = inUse.map(({ notice }) => holidayNoticeId(notice.year))
    const stored = await getMany<HolidayNoticeDoc>(runtime.db, COLLECTIONS.holidayNotices, ids)
    return inUse.map(({ notice, source }) =>
      info(notice, source, stored.get(holidayNoticeId(notice.year))?.loadedAt ?? null),
    )
  },
})
