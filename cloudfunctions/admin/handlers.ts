// admin: configuration an administrator changes at run time — the State Council's holiday notice of a new
// year is loaded here (stored in the database, it takes precedence over the bundled data) without a release —
// and the bureau's staff (staff-admin.ts: invites, posts, deactivation, hand-over, audit).
import { adminContract, type HolidayNoticeInfo } from '../../shared/contracts/admin'
import { AppError } from '../../shared/contracts/result'
import { BUNDLED_NOTICES, validateHolidayNotice, type HolidayNotice } from '../../shared/calendar'
import { toShanghaiIso } from '../../shared/time'
import { calendarFor, invalidateCalendar, type HolidayNoticeDoc } from '../common/calendar'
import { COLLECTIONS } from '../common/collections'
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
    const notice = checked.notice
    const id = `year-${notice.year}`
    const doc: HolidayNoticeDoc = { notice, loadedAt: toShanghaiIso(now), loadedBy: staff._id }
    // The notice and its audit record together: a notice that moves legal deadlines is never in force unrecorded.
    await runtime.db.transaction(async (tx) => {
      const existing = await tx.get<HolidayNoticeDoc>(COLLECTIONS.holidayNotices, id)
      if (existing) await tx.update<HolidayNoticeDoc>(COLLECTIONS.holidayNotices, id, doc, existing._version)
      else await tx.insert<HolidayNoticeDoc>(COLLECTIONS.holidayNotices, { _id: id, ...doc })
      await tx.insert(COLLECTIONS.audit, {
        action: 'load-holiday-notice',
        subject: id,
        staffId: staff._id,
        at: doc.loadedAt,
      })
    })
    invalidateCalendar(runtime)
    return info(notice, 'override', doc.loadedAt)
  },

  async listHolidayNotices(_input, { runtime }) {
    const calendar = await calendarFor(runtime)
    const years = new Set([...BUNDLED_NOTICES.map((n) => n.year), ...calendar.notices().map((n) => n.year)])
    const out: HolidayNoticeInfo[] = []
    for (const year of [...years].sort()) {
      const inUse = calendar.noticeFor(year)
      if (!inUse) continue
      const stored = await runtime.db.get<HolidayNoticeDoc>(COLLECTIONS.holidayNotices, `year-${year}`)
      out.push(info(inUse.notice, inUse.source, stored?.loadedAt ?? null))
    }
    return out
  },
})
