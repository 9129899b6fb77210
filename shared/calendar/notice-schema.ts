// Validation of a holiday notice an admin uploads at run time (a year published after the release), and of a
// jurisdiction's local rest days. Messages are Chinese and say what to fix. Beyond the shape, a notice must be
// consistent with the law: every make-up working day is a weekend day, and every day 全国年节及纪念日放假办法
// 第二条 fixes as a holiday is listed as a day off.
import * as z from '@shared/vocabulary/zod'
import { addLocalDays, isLocalDate, weekdayOf } from '@shared/time'
import { STATUTORY_HOLIDAY_BASIS, statutoryHolidaysByLaw } from './statutory-holidays'
import type { HolidayNotice, LocalRestDay } from './types'

const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'] as const

const localDateSchema = z
  .string({ error: '日期必须是 YYYY-MM-DD 格式的字符串' })
  .check(z.refine(isLocalDate, '日期格式不正确，应为有效的 YYYY-MM-DD 日期'))

const holidayNoticeDaySchema = z.object({
  name: z
    .string({ error: '缺少节日名称（name）' })
    .check(z.trim(), z.minLength(1, '节日名称（name）不能为空'), z.maxLength(20, '节日名称最多 20 个字')),
  date: localDateSchema,
  isOffDay: z.boolean({ error: 'isOffDay 必须是 true（放假）或 false（调休上班）' }),
})

const noticeShape = z.object({
  year: z
    .int({ error: '年份（year）必须是整数' })
    .check(z.gte(2000, '年份超出范围（2000–2100）'), z.lte(2100, '年份超出范围（2000–2100）')),
  papers: z
    .array(z.url({ protocol: /^https?$/, error: '通知链接必须是 http(s) 网址' }), {
      error: 'papers 必须是通知原文链接的列表',
    })
    .check(z.minLength(1, '请至少提供一个国务院办公厅通知原文链接（papers）')),
  days: z
    .array(holidayNoticeDaySchema, { error: 'days 必须是放假和调休日期的列表' })
    .check(z.minLength(1, '放假安排（days）为空：通知尚未发布时无需上传')),
})

/** A date belongs to the notice's year; 元旦 may reach into the last days of the year before (2023 notice). */
function withinNoticeYear(date: string, year: number): boolean {
  const first = `${year}-01-01`
  const last = `${year}-12-31`
  return date >= addLocalDays(first, -7) && date <= addLocalDays(last, 7)
}

export const holidayNoticeSchema = noticeShape.check(
  z.superRefine((notice, ctx) => {
    const seen = new Map<string, number>()
    notice.days.forEach((day, index) => {
      const label = `${day.date}（${day.name}）`
      if (!withinNoticeYear(day.date, notice.year)) {
        ctx.addIssue({
          code: 'custom',
          path: ['days', index, 'date'],
          message: `${label} 不属于 ${notice.year} 年的放假安排，请检查年份`,
        })
      }
      const first = seen.get(day.date)
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['days', index, 'date'],
          message: `${day.date} 重复出现（第 ${first + 1} 项和第 ${index + 1} 项）`,
        })
      } else {
        seen.set(day.date, index)
      }
      const weekday = weekdayOf(day.date)
      // 调休上班 only ever turns a Saturday or Sunday into a working day.
      if (!day.isOffDay && weekday !== 0 && weekday !== 6) {
        ctx.addIssue({
          code: 'custom',
          path: ['days', index, 'isOffDay'],
          message: `${label} 标为调休上班，但这天是星期${WEEKDAY_NAMES[weekday]}，调休上班日只能是周六或周日`,
        })
      }
    })
    const offDays = new Set(notice.days.filter((d) => d.isOffDay).map((d) => d.date))
    for (const holiday of statutoryHolidaysByLaw(notice.year)) {
      if (!offDays.has(holiday.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['days'],
          message: `${holiday.date}（${holiday.name}）是法定节假日（${STATUTORY_HOLIDAY_BASIS}），通知中必须列为放假`,
        })
      }
    }
  }),
)

export interface ValidationProblem {
  /** Dotted path of the offending field (`days.3.date`), empty for the whole document. */
  path: string
  message: string
}

export type NoticeValidation =
  { ok: true; notice: HolidayNotice } | { ok: false; errors: ValidationProblem[] }

function problems(error: {
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>
}): ValidationProblem[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}

/**
 * Checks an uploaded notice (holiday-cn shape; extra keys such as `$schema` are ignored). With `expectedYear`
 * the admin's chosen year must match the document. On success the days come back sorted by date.
 */
export function validateHolidayNotice(input: unknown, expectedYear?: number): NoticeValidation {
  const parsed = holidayNoticeSchema.safeParse(input)
  if (!parsed.success) return { ok: false, errors: problems(parsed.error) }
  const notice = parsed.data
  if (expectedYear !== undefined && notice.year !== expectedYear) {
    return {
      ok: false,
      errors: [{ path: 'year', message: `文件中的年份是 ${notice.year}，与所选年份 ${expectedYear} 不一致` }],
    }
  }
  return {
    ok: true,
    notice: {
      year: notice.year,
      papers: notice.papers,
      days: [...notice.days].sort((a, b) => a.date.localeCompare(b.date)),
    },
  }
}

const localRestDaySchema = z.object({
  date: localDateSchema,
  name: z
    .string({ error: '缺少名称' })
    .check(z.trim(), z.minLength(1, '名称不能为空'), z.maxLength(30, '名称最多 30 个字')),
  basis: z
    .string({ error: '请填写设定这一休息日的地方政府文件' })
    .check(
      z.trim(),
      z.minLength(4, '请填写设定这一休息日的地方政府文件（文号或标题）'),
      z.maxLength(200, '依据最多 200 个字'),
    ),
})

const localRestDaysSchema = z.array(localRestDaySchema).check(
  z.superRefine((days, ctx) => {
    const seen = new Set<string>()
    days.forEach((day, index) => {
      if (seen.has(day.date)) {
        ctx.addIssue({ code: 'custom', path: [index, 'date'], message: `${day.date} 重复出现` })
      }
      seen.add(day.date)
    })
  }),
)

export function validateLocalRestDays(
  input: unknown,
): { ok: true; days: LocalRestDay[] } | { ok: false; errors: ValidationProblem[] } {
  const parsed = localRestDaysSchema.safeParse(input)
  return parsed.success ? { ok: true, days: parsed.data } : { ok: false, errors: problems(parsed.error) }
}
