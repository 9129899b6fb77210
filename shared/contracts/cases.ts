// cases: the citizen side of a case — preview, filing, following, reading the reply, rating, review.
import type { ExpectedReply } from '../deadlines/expected-reply'
import type { CaseStateKey } from '../workflow/states'
import { categorySchema, pollutionSourceSchema, type CategoryKey } from '../vocabulary/categories'
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
  type Location,
} from '../vocabulary/fields'
import { action, USER } from './define'
import { requestTypeSchema, type RequestTypeKey } from '../vocabulary/request-types'
import * as z from '../vocabulary/zod'
import type { Tone } from '../workflow'

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

export const reporterSchema = z.discriminatedUnion(
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

export interface SubmitReportResult {
  caseId: string
  refNo: string
  status: CaseStateKey
  statusLabel: string
  createdAt: string
  /** Anonymous reports only: the code to look the report up with. */
  queryCode: string | null
  /** True when this was a retry of a submission that had already been filed. */
  replayed: boolean
  /** Whether the photos are still being checked before the report reaches staff. */
  contentPending: boolean
  /** What the reporter is told when part of the report is held for checking or a person's review. */
  contentNotice: string | null
}

// ---------- preview: before submitting ----------

export const previewReportInput = z.object({
  location: locationSchema,
  category: categorySchema,
  requestType: z.optional(requestTypeSchema),
  source: z.optional(pollutionSourceSchema),
  reportedEntity: reportedEntitySchema,
  occurredAt: z.optional(isoWithOffsetSchema),
})

export interface RoutingPreview {
  inJurisdiction: boolean
  outcome: 'assigned' | 'referred' | 'out-of-jurisdiction'
  /** The zone or county that decides the handling unit (outside: the region found there, if any). */
  region: { code: string; name: string } | null
  /** The county the position lies in (also when a zone decides), and the place as people name it. */
  county: { code: string; name: string } | null
  placeName: string | null
  /** Who will handle it (assigned), or who answers with guidance (referred / out of jurisdiction). */
  unit: { id: string; name: string } | null
  guidance: string | null
  cite: string
}

export interface SimilarCase {
  caseId: string
  refNo: string
  category: CategoryKey
  statusLabel: string
  address: string
  createdAt: string
  distanceMetres: number | null
  verdict: 'likely-duplicate' | 'related'
  reasons: string[]
  following: boolean
  followers: number
}

export interface ReportPreview {
  routing: RoutingPreview
  /**
   * 预计答复: the Shanghai date a reply is expected by under the deployment's profile, with the articles it rests
   * on and how it was composed (the handling limit from receipt, or the acceptance limit plus the handling limit);
   * null when not handled here.
   */
  expectedReplyBy: ExpectedReply | null
  /** Night-time construction noise, risk of a mass incident: staff go on site immediately (S2 第十二条). */
  urgent: boolean
  similarCases: SimilarCase[]
}

// ---------- the citizen's cases ----------

/** What every list shows of a case, citizen's or staff's. */
export interface CaseHeadline {
  caseId: string
  refNo: string
  requestType: RequestTypeKey
  category: CategoryKey
  status: CaseStateKey
  statusLabel: string
  createdAt: string
  address: string
}

export interface CaseSummary extends CaseHeadline {
  statusOpen: boolean
  unitName: string | null
  /** How the caller relates to it. */
  relation: 'reporter' | 'follower'
  /** The next date the bureau owes something by (Shanghai), if any. */
  nextDue: { date: string; label: string } | null
  /** Replies and decisions not yet read by this citizen. */
  unread: number
  /** The reporter is asked for something (supplementary information, a rating). */
  actionNeeded: string | null
}

export interface CasePhoto {
  fileId: string
  url: string | null
}

/** One entry of a case's history, as its reader may see it (the event catalogue narrates it). */
export interface CaseTimelineEntry {
  at: string
  /** Machine key of what happened (the workflow event type), for icons and tests. */
  kind: string
  label: string
  /** The dot: decisions the reader should notice stand out. */
  tone: Tone
  detail?: string
  /** Short answers of the entry, by their field labels (staff see every field of every entry). */
  lines?: Array<{ label: string; value: string }>
  /** Long texts with a title: the reply's sections (S1 第十条, S3 第十二条), a site-visit record's findings. */
  sections?: Array<{ title: string; body: string }>
  /** Staff only: who acted, by name and post (the system's timers and intake by what they are). */
  actor?: { name: string | null; post: string }
  /** Staff only: the entry carries citizen content still held for a person's review. */
  held?: boolean
}

/** How a clock's state reads, on every page (citizen and staff). */
export const CLOCK_STATE_LABELS = {
  running: '计时中',
  paused: '暂停计时',
  completed: '已完成',
  cancelled: '已取消',
  overdue: '已逾期',
} as const

export interface CaseClockView {
  clock: string
  label: string
  due: string | null
  basis: string
  state: 'running' | 'paused' | 'completed' | 'cancelled'
  overdue: boolean
  provisional: boolean
}

export interface CitizenActions {
  /** 一次性告知: the items the bureau asked for, all at once (S3 第九条(一)). */
  supply: { missingItems: string[] } | null
  /** Rate the reply / accept it (closes the case). */
  rate: boolean
  review: { until: string; basis: string } | null
  reReview: { until: string; basis: string } | null
  follow: boolean
  unfollow: boolean
}

export interface CaseDetailForReporter extends CaseSummary {
  description: string
  photos: CasePhoto[]
  location: Location
  occurredAt: string | null
  reportedEntity: string | null
  reporterMode: 'real-name' | 'anonymous'
  timeline: CaseTimelineEntry[]
  clocks: CaseClockView[]
  actions: CitizenActions
  rating: { stars: number; comment: string | null; at: string } | null
  followers: number
  /** The reporter's own content held for checking or a person's review, in words (null: nothing held). */
  contentNotice: string | null
}

export const listMineInput = z._default(z.object({ cursor: cursorSchema, limit: pageLimitSchema(50) }), {
  limit: 20,
})

export interface CasePage<T> {
  items: T[]
  next: string | null
}

export const caseRefInput = z.object({ caseId: idSchema })

export const supplyInfoInput = z.object({
  caseId: idSchema,
  content: z
    .string({ error: '请填写补充内容' })
    .check(z.trim(), z.minLength(2, '请填写补充内容'), z.maxLength(4000, '补充内容最多 4000 个字')),
  photos: z._default(
    z.array(fileIdSchema).check(z.maxLength(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`)),
    [],
  ),
})

export const rateReplyInput = z.object({
  caseId: idSchema,
  stars: z.int({ error: '请选择评分' }).check(z.gte(1, '评分为 1–5 星'), z.lte(5, '评分为 1–5 星')),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(500, '评价最多 500 个字'))),
  /** Satisfied: the case is closed now instead of at the end of the objection window. */
  accept: z._default(z.boolean(), false),
})

export const requestReviewInput = z.object({
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
