// Typical cases (典型案例): an office head or leader picks a handled case and writes how it was handled, and the
// public page shows that summary beside the case's public projection (S0 第十四条 举报投诉正面、反面典型案例;
// S3 第十七条 典型案例及不属实问题现场查处情况; S0 第十八条 典型案例应随时报送). What staff write is checked before it is
// stored: it may not carry a reporter's name, phone or query code, nor any mobile number (S4 四(六)).
import type { PublicCase } from '../cases/views/public'
import { categoryLabel } from '../vocabulary/categories'
import { isOpenState, type CaseStateKey } from '../workflow/states'
import * as z from '../vocabulary/zod'

export const TYPICAL_CASE_KINDS = {
  positive: { label: '正面典型', hint: '反映属实、查处到位、群众认可的案件' },
  negative: { label: '反面典型', hint: '反映不属实或查处中发现问题、引以为戒的案件' },
} as const
export type TypicalCaseKind = keyof typeof TYPICAL_CASE_KINDS
export const TYPICAL_CASE_KIND_KEYS = Object.keys(TYPICAL_CASE_KINDS) as TypicalCaseKind[]

export const TYPICAL_SUMMARY_MAX = 600

export const typicalCaseSummarySchema = z
  .string({ error: '请填写办理情况摘要' })
  .check(
    z.trim(),
    z.minLength(20, '办理情况摘要至少 20 个字'),
    z.maxLength(TYPICAL_SUMMARY_MAX, `办理情况摘要最多 ${TYPICAL_SUMMARY_MAX} 个字`),
  )

export const typicalCaseKindSchema = z.enum(['positive', 'negative'], { error: '请选择正面或反面典型' })

/** Only a case that has ended here may be published as typical (its handling is known); a merged report is not. */
export function typicalCaseRefusal(status: CaseStateKey): string | null {
  if (isOpenState(status)) return '案件尚未办结，办结后才能选为典型案例'
  if (status === 'merged') return '已合并的反映不能单独选为典型案例，请选择合并后的案件'
  return null
}

/** A mainland mobile number anywhere in the text (with spaces or dashes between its digits). */
const MOBILE = /1[3-9](?:[\s-]?\d){9}/

/**
 * Why a summary may not be published: it contains a value that identifies the reporter (their name, phone,
 * query code — given by the caller, opened from their seal) or any mobile number. Null when it may.
 */
export function summaryLeak(summary: string, reporterValues: readonly string[]): string | null {
  const flat = summary.replace(/\s+/g, '')
  for (const value of reporterValues) {
    const v = value.replace(/\s+/g, '')
    if (v.length >= 2 && flat.includes(v))
      return '摘要中含有反映人的身份信息（姓名、电话或查询码），请删去后再公开'
  }
  if (MOBILE.test(summary)) return '摘要中含有手机号码，公开内容不能包含任何人的联系方式'
  return null
}

/** A typical case on the public page: the case's public projection and what staff wrote about its handling. */
export interface PublicTypicalCase {
  refNo: string
  kind: TypicalCaseKind
  kindLabel: string
  categoryLabel: string
  summary: string
  /** The Shanghai date it was published. */
  publishedOn: string
  case: PublicCase
}

export function toPublicTypicalCase(
  entry: { kind: TypicalCaseKind; summary: string; publishedAt: string },
  publicCase: PublicCase,
): PublicTypicalCase {
  return {
    refNo: publicCase.refNo,
    kind: entry.kind,
    kindLabel: TYPICAL_CASE_KINDS[entry.kind].label,
    categoryLabel: categoryLabel(publicCase.category),
    summary: entry.summary,
    publishedOn: entry.publishedAt.slice(0, 10),
    case: publicCase,
  }
}
