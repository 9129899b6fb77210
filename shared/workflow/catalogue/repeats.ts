// What the four events the intake's repeat count may set off (提级办理, 督办, 重点案件, 领导包案) share: the count
// they carry, and how they read — told to the reporters whose repeated reports set them off; a person's own
// decision on another ground stays internal.
import { ask } from '../../vocabulary/form'
import * as z from '../../vocabulary/zod'
import type { RepeatEventType } from '../grounds'
import type { Narration } from './define'

const count = (what: string) =>
  z.int({ error: `${what}必须是整数` }).check(z.gte(1, `${what}至少为 1`), z.lte(1000, `${what}过大`))

/**
 * The intake's count behind a system action on repeat reports, kept in the history entry: how many reports
 * (counted as the profile says) within how many days, the threshold, and the article the action rests on.
 */
const repeatCountSchema = z.object({
  count: count('重复举报次数'),
  threshold: count('重复举报次数标准'),
  windowDays: z
    .int({ error: '统计期间必须是整数' })
    .check(z.gte(1, '统计期间至少 1 天'), z.lte(365, '统计期间最多 365 天')),
  basis: z
    .string({ error: '请填写依据' })
    .check(z.trim(), z.minLength(1, '请填写依据'), z.maxLength(1000, '依据最多 1000 个字')),
})
export type RepeatCountRecord = z.output<typeof repeatCountSchema>

/** Only on events the intake's repeat count set off (system actor). */
export const repeats = ask.internal('重复举报计数', z.optional(repeatCountSchema))

/** What the reporters are told when their repeated reports set off a stronger handling (S0 第十一条 etc.). */
const STEPPED_UP: Record<RepeatEventType, { label: string; detail: string }> = {
  escalate: { label: '已提级办理', detail: '已提级办理，由上级部门加强督办。' },
  supervise: { label: '已督办', detail: '上级部门已督促承办单位认真办理、按时办结。' },
  'mark-important': { label: '已列为重点案件', detail: '已列为重点案件办理，并向有关负责人报告。' },
  'list-leader-case': { label: '已列入领导包案', detail: '已列入领导包案，由局领导负责推动解决。' },
}

type RepeatActionValue = { type: RepeatEventType; repeats?: RepeatCountRecord | undefined }

/** Told only when the intake's repeat count set the event off; otherwise internal. */
export function steppedUp(e: RepeatActionValue): Narration | null {
  if (!e.repeats) return null
  const told = STEPPED_UP[e.type]
  return {
    label: `多次反映，${told.label}`,
    detail: `同一问题近 ${e.repeats.windowDays} 日内已被反映 ${e.repeats.count} 次，${told.detail}`,
  }
}

/** Staff see the count, the threshold and the article (what they must do is in the event's own fields). */
export function repeatSummary(e: RepeatActionValue): string | null {
  const c = e.repeats
  return c ? `重复举报 ${c.count} 次（${c.windowDays} 日内，${c.threshold} 次以上；依据：${c.basis}）` : null
}
