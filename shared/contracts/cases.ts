// cases: the citizen side of a case — preview, filing, following, reading the reply, rating, review.
import type { CaseDetailForReporter, CaseSummary } from '../cases/views/progress'
import type { ReportPreview } from '../cases/views/preview'
import type { SubmitReportResult } from '../cases/views/reporter'
import { categorySchema, pollutionSourceSchema } from '../vocabulary/categories'
import {
  clientRequestIdSchema,
  cursorSchema,
  fileIdSchema,
  idSchema,
  isoWithOffsetSchema,
  locationSchema,
  mobileSchema,
  pageLimitSchema,
  personNameSchema,
} from '../vocabulary/fields'
import { action, USER } from './define'
import { requestTypeSchema } from '../vocabulary/request-types'
import * as z from '../vocabulary/zod'

// The results of these actions are views of a case, declared where they are built (shared/cases/views); the
// clock labels come along for the pages that show clocks. Type-only apart from the labels, so the mini-program
// does not bundle the view builders.
export { CLOCK_STATE_LABELS } from '../cases/views/clocks'
export type { CaseClockView } from '../cases/views/clocks'
export type { CaseTimelineEntry } from '../cases/views/timeline'
export type { SimilarCase } from '../cases/views/preview'
export type { CaseDetailForReporter, CaseSummary, ReportPreview, SubmitReportResult }

export const MAX_PHOTOS = 9
export const DESCRIPTION_MIN = 10
export const DESCRIPTION_MAX = 1000

/**
 * Anonymous query codes: 10 characters of digits and capital letters without I, L and O, which are read as
 * 1, 1 and 0 (Crockford's base-32 reading) — codes are read aloud, copied by hand and typed on phones.
 */
export const QUERY_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const QUERY_CODE_LENGTH = 10
export const QUERY_CODE_PATTERN = new RegExp(`^[${QUERY_CODE_ALPHABET}]{${QUERY_CODE_LENGTH}}$`)
const CONFUSABLE: Record<string, string> = { O: '0', I: '1', L: '1' }

/**
 * A query code as typed to the code it stands for: full-width characters and lower case folded, spaces and
 * dashes dropped, O → 0 and I/L → 1. The client checks and the server looks up the same normalised code.
 */
export function normaliseQueryCode(typed: string): string {
  return typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.·‐-―]/g, '')
    .replace(/[OIL]/g, (c) => CONFUSABLE[c]!)
}

const reporterSchema = z.discriminatedUnion(
  'mode',
  [
    // 实名: name and mobile are stored encrypted and never shown to the reported party (S0 第十三条, S2 第二十四条).
    z.object({ mode: z.literal('real-name'), name: personNameSchema, phone: mobileSchema }),
    // 匿名: a query code is issued and bound to the WeChat user.
    z.object({ mode: z.literal('anonymous') }),
  ],
  { error: '请选择实名或匿名反映' },
)

const reportedEntitySchema = z.optional(
  z.string().check(z.trim(), z.maxLength(100, '被反映单位名称最多 100 个字')),
)

export const submitReportInput = z.object({
  clientRequestId: clientRequestIdSchema,
  requestType: requestTypeSchema,
  category: categorySchema,
  /** Optional: who causes it (decides remit, e.g. 社会生活噪声 → 公安). */
  source: z.optional(pollutionSourceSchema),
  description: z
    .string({ error: '请描述问题' })
    .check(
      z.trim(),
      z.minLength(DESCRIPTION_MIN, `请把问题描述清楚（至少 ${DESCRIPTION_MIN} 个字）`),
      z.maxLength(DESCRIPTION_MAX, `描述最多 ${DESCRIPTION_MAX} 个字`),
    ),
  photos: z._default(
    z.array(fileIdSchema, { error: '照片列表格式不正确' }).check(
      z.maxLength(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`),
      z.refine((ids) => new Set(ids).size === ids.length, '有重复的照片，请删除后再提交'),
    ),
    [],
  ),
  location: locationSchema,
  /** When it happens, if not now (night-time noise reported the next morning). */
  occurredAt: z.optional(isoWithOffsetSchema),
  reportedEntity: reportedEntitySchema,
  reporter: reporterSchema,
  consent: z.literal(true, { error: '请阅读并同意《举报须知与保密说明》' }),
})

export type SubmitReportInput = z.input<typeof submitReportInput>
export type SubmitReport = z.output<typeof submitReportInput>

// ---------- preview: before submitting ----------

const previewReportInput = z.object({
  location: locationSchema,
  category: categorySchema,
  requestType: z.optional(requestTypeSchema),
  source: z.optional(pollutionSourceSchema),
  reportedEntity: reportedEntitySchema,
  occurredAt: z.optional(isoWithOffsetSchema),
})

// ---------- the citizen's cases ----------

const listMineInput = z._default(z.object({ cursor: cursorSchema, limit: pageLimitSchema(50) }), {
  limit: 20,
})

export interface CasePage<T> {
  items: T[]
  next: string | null
}

const caseRefInput = z.object({ caseId: idSchema })

const supplyInfoInput = z.object({
  caseId: idSchema,
  content: z
    .string({ error: '请填写补充内容' })
    .check(z.trim(), z.minLength(2, '请填写补充内容'), z.maxLength(4000, '补充内容最多 4000 个字')),
  photos: z._default(
    z.array(fileIdSchema).check(z.maxLength(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`)),
    [],
  ),
})

const rateReplyInput = z.object({
  caseId: idSchema,
  stars: z.int({ error: '请选择评分' }).check(z.gte(1, '评分为 1–5 星'), z.lte(5, '评分为 1–5 星')),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(500, '评价最多 500 个字'))),
  /** Satisfied: the case is closed now instead of at the end of the objection window. */
  accept: z._default(z.boolean(), false),
})

const requestReviewInput = z.object({
  caseId: idSchema,
  grounds: z
    .string({ error: '请写明申请复查的理由' })
    .check(z.trim(), z.minLength(4, '请写明理由（至少 4 个字）'), z.maxLength(2000, '理由最多 2000 个字')),
})

export const lookupByCodeInput = z.object({
  code: z
    .string({ error: '请输入查询码' })
    .check(
      z.overwrite(normaliseQueryCode),
      z.regex(QUERY_CODE_PATTERN, '查询码是 10 位字母和数字，请核对后重新输入'),
    ),
})

export interface ClientConfig {
  deploymentName: string
  profileId: string
  /** Subscribe-message template ids by notice key (empty in local mode). */
  subscribeTemplates: Record<string, string>
  /** Local mode: the notification outbox can be viewed in the app. */
  localMode: boolean
  /** The counties and zones of the deployment, for noticing an address that names another one. */
  localities: Array<{ code: string; name: string }>
}

export const casesContract = {
  clientConfig: action<ClientConfig>()(z._default(z.object({}), {}), USER),
  previewReport: action<ReportPreview>()(previewReportInput, USER),
  submitReport: action<SubmitReportResult>()(submitReportInput, USER),
  listMine: action<CasePage<CaseSummary>>()(listMineInput, USER),
  getMine: action<CaseDetailForReporter>()(caseRefInput, USER),
  markRead: action<{ unread: number }>()(caseRefInput, USER),
  supplyInfo: action<CaseDetailForReporter>()(supplyInfoInput, USER),
  rateReply: action<CaseDetailForReporter>()(rateReplyInput, USER),
  requestReview: action<CaseDetailForReporter>()(requestReviewInput, USER),
  requestReReview: action<CaseDetailForReporter>()(requestReviewInput, USER),
  follow: action<CaseDetailForReporter>()(caseRefInput, USER),
  unfollow: action<{ following: false }>()(caseRefInput, USER),
  /** Anonymous lookup by query code, rate-limited per user. */
  lookupByCode: action<CaseDetailForReporter>()(lookupByCodeInput, USER),
}
