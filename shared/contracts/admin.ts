// admin: run-time configuration an administrator may change without a release, and the bureau's staff.
import { holidayNoticeSchema } from '../calendar'
import { action, staffWith } from './define'
import { staffAdminContract } from './staff-admin'
import * as z from '../vocabulary/zod'

export interface HolidayNoticeInfo {
  year: number
  source: 'bundled' | 'override'
  days: number
  papers: string[]
  loadedAt: string | null
}

export const adminContract = {
  /**
   * Loads the State Council's holiday notice of a year (e.g. published each November for the next year).
   * Stored in the database, it takes precedence over the data bundled with the release.
   */
  loadHolidayNotice: action<HolidayNoticeInfo>()(
    z.object({ notice: holidayNoticeSchema }),
    staffWith('admin'),
  ),
  listHolidayNotices: action<HolidayNoticeInfo[]>()(z._default(z.object({}), {}), staffWith('admin')),
  /** Staff administration: invites, posts, deactivation, hand-over, audit (staff-admin.ts). */
  ...staffAdminContract,
}
