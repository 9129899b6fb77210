// 信息共享 (S0 第十七条): 对内，水、气、声、渣、建设项目等举报信息与相关业务科室共享；对外，涉嫌环境违法犯罪的举报信息
// 与司法部门共享. Both without the reporter's identity: the reporter's identity is known to the smallest possible
// circle (S0 第十三条) and a business section needs the matter, not the person.
//
// - A business section reads a copy of the report: the case as staff see it, without even the masked reporter
//   (no name, phone or mode) — `toSectionCopy`.
// - A referral to the judiciary carries the matter and the handling; the reporter's identity only where a law
//   requires it, named in the referral (`legalBasis`), and revealed through the audited reveal, never stored open.
import type { StaffCaseDetail } from '../cases/views/staff'
import type { SharingConfig } from '../deployment/config'
import type { CategoryKey, PollutionSourceKey } from '../vocabulary/categories'
import { idSchema } from '../vocabulary/fields'
import * as z from '../vocabulary/zod'

type Section = SharingConfig['sections'][number]

/** The business sections a new report is copied to: every section whose categories or sources match it. */
export function sectionsFor(
  sharing: SharingConfig | undefined,
  report: { category: CategoryKey; source: PollutionSourceKey | null },
): Section[] {
  return (sharing?.sections ?? []).filter(
    ({ when }) =>
      (when.categories?.includes(report.category) ?? false) ||
      (report.source !== null && (when.sources?.includes(report.source) ?? false)),
  )
}

/** A report as a business section reads its copy: the staff view less the reporter, less the workflow's buttons. */
export type SectionCopyView = Omit<
  StaffCaseDetail,
  'reporter' | 'allowedEvents' | 'version' | 'replyRemedies'
> & {
  sharedAt: string
  sectionName: string
  cite: string
}

export function toSectionCopy(
  detail: StaffCaseDetail,
  copy: { sharedAt: string; sectionName: string; cite: string },
): SectionCopyView {
  const {
    reporter: _reporter,
    allowedEvents: _allowed,
    version: _version,
    replyRemedies: _remedies,
    ...rest
  } = detail
  return { ...rest, ...copy }
}

// ---------- referral to the judiciary ----------

const text = (what: string, min: number, max: number) =>
  z
    .string({ error: `请填写${what}` })
    .check(z.trim(), z.minLength(min, `${what}至少 ${min} 个字`), z.maxLength(max, `${what}最多 ${max} 个字`))

export const referralInputSchema = z.object({
  caseId: idSchema,
  judiciaryId: z
    .string({ error: '请选择移送的司法机关' })
    .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '请选择移送的司法机关')),
  /** 涉嫌罪名 and the article, e.g. 涉嫌污染环境罪（《刑法》第三百三十八条）. */
  suspectedOffence: text('涉嫌的犯罪及依据', 4, 100),
  /** The facts found and the evidence handed over. */
  facts: text('案件事实和移送材料', 20, 2000),
  /**
   * The law that requires the reporter's identity to be handed over (e.g. a written request of the investigating
   * body under 《刑事诉讼法》第五十四条); absent: the referral carries no identity.
   */
  identityLegalBasis: z.optional(text('提供反映人身份的法律依据', 8, 300)),
})

export type ReferralInput = z.output<typeof referralInputSchema>
