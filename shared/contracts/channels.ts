// channels: every way a report comes in besides the mini-program, and every result that goes back out —
// staff registration of a call, letter, visit, instruction or referral; the import of a platform's work orders
// (CSV/XLSX upload; the signed HTTP push is served by the function's HTTP access, not an action); the results,
// returns and objections fed back to the platform (an outbox with its delivery state); the national 12369
// platform's record export (S3 第四条). Open311 GeoReport v2 is served over HTTP too (docs/channels.md).
import type { FeedbackRecord } from '../cases/views/platform'
import type { SimilarCase } from '../cases/views/preview'
import { STAFF_CHANNELS, type StaffChannel } from '../intake/channels'
import { categorySchema, pollutionSourceSchema } from '../vocabulary/categories'
import {
  clientRequestIdSchema,
  contactPhoneSchema,
  coordSystemSchema,
  cursorSchema,
  dateSchema,
  EXTERNAL_NO,
  fileIdSchema,
  idSchema,
  isoWithOffsetSchema,
  pageLimitSchema,
  personNameSchema,
} from '../vocabulary/fields'
import { requestTypeSchema } from '../vocabulary/request-types'
import { isLocalDate } from '../time'
import { INTAKE_CHANNELS } from '../workflow/grounds'
import type { CasePage } from './cases'
import type { UploadRecord } from './files'
import { action, staffWith } from './define'
import * as z from '../vocabulary/zod'

// ---------- files of this channel only: the original material, a platform's export ----------

/**
 * What a staff member may attach as the original material of a registration: a scanned letter (PDF, photo), a
 * recording of the call. Accepted for this channel only; a citizen's photos stay images (files.ts).
 */
export const MATERIAL_TYPES = {
  'application/pdf': 'pdf',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/wav': 'wav',
  'audio/amr': 'amr',
  'image/jpeg': 'jpg',
  'image/png': 'png',
} as const
export type MaterialType = keyof typeof MATERIAL_TYPES
/** A recording of a call of some minutes, a letter of some pages. */
export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024
export const MAX_MATERIALS = 10
export const NOT_A_MATERIAL_MESSAGE = '原始材料只能是 PDF、录音（MP3、M4A、WAV、AMR）或照片（JPG、PNG）'

/** A platform's export: CSV (UTF-8 or GB18030, as Excel saves it) or XLSX. */
export const ORDER_FILE_TYPES = {
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const
export type OrderFileType = keyof typeof ORDER_FILE_TYPES
export const MAX_ORDER_FILE_BYTES = 10 * 1024 * 1024
/** Rows of one export; a larger one is split by the platform's export filter (by date). */
export const MAX_ORDER_ROWS = 20_000
export const NOT_AN_ORDER_FILE_MESSAGE = '工单文件只能是 CSV 或 XLSX（Excel）格式'

/** What a channel upload is: the original material of a registration, or a platform's work-order file. */
export type ChannelUploadKind = 'material' | 'orders'

const registerChannelUploadInput = z.object({
  fileId: fileIdSchema,
  kind: z.enum(['material', 'orders'], { error: '文件用途只能是原始材料或工单文件' }),
})

// ---------- staff registration ----------

const optionalText = (label: string, max: number) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, `${label}最多 ${max} 个字`)))

export const REGISTERED_DESCRIPTION = { min: 10, max: 4000 } as const

export const registerReportInput = z
  .object({
    clientRequestId: clientRequestIdSchema,
    channel: z.enum(STAFF_CHANNELS, {
      error: `来源渠道只能是${STAFF_CHANNELS.map((c) => INTAKE_CHANNELS[c]).join('、')}`,
    }),
    /** Who instructed or referred it (required for a leader's instruction and a referral). */
    referredBy: optionalText('交办渠道', 100),
    /**
     * The order number when a platform's order is typed in by hand: under a platform's channel, the case is that
     * order's (one per number, like its import or push).
     */
    externalNo: z.optional(
      z.string().check(
        z.trim(),
        z.maxLength(EXTERNAL_NO.max, `工单编号最多 ${EXTERNAL_NO.max} 个字符`),
        z.refine((v) => v === '' || EXTERNAL_NO.pattern.test(v), '工单编号只能由字母、数字和 - _ . / 组成'),
      ),
    ),
    /** The date a superior channel set for the answer (S2 第十七条 从其规定). */
    platformDue: z.optional(
      z.string().check(z.refine((v) => v === '' || isLocalDate(v), '办理时限格式不正确（YYYY-MM-DD）')),
    ),
    /** When the call, letter or visit reached the bureau (the clocks count from it). */
    receivedAt: isoWithOffsetSchema,
    requestType: requestTypeSchema,
    category: categorySchema,
    source: z.optional(pollutionSourceSchema),
    description: z
      .string({ error: '请填写反映内容' })
      .check(
        z.trim(),
        z.minLength(
          REGISTERED_DESCRIPTION.min,
          `请把反映内容记录清楚（至少 ${REGISTERED_DESCRIPTION.min} 个字）`,
        ),
        z.maxLength(REGISTERED_DESCRIPTION.max, `反映内容最多 ${REGISTERED_DESCRIPTION.max} 个字`),
      ),
    /** The place as the caller described it; coordinates when it was marked on a map. */
    location: z.object(
      {
        address: z
          .string({ error: '请填写问题发生的地址' })
          .check(
            z.trim(),
            z.minLength(2, '请填写详细地址（至少 2 个字）'),
            z.maxLength(200, '地址最多 200 个字'),
          ),
        lat: z.optional(
          z.number({ error: '纬度必须是数字' }).check(z.gte(-90, '纬度超出范围'), z.lte(90, '纬度超出范围')),
        ),
        lng: z.optional(
          z
            .number({ error: '经度必须是数字' })
            .check(z.gte(-180, '经度超出范围'), z.lte(180, '经度超出范围')),
        ),
        coordSystem: z._default(coordSystemSchema, 'gcj02'),
      },
      { error: '请填写问题发生的地址' },
    ),
    occurredAt: z.optional(isoWithOffsetSchema),
    reportedEntity: optionalText('被反映单位名称', 100),
    /** The caller's contact as given; neither: anonymous. Sealed like every reporter's (S0 第十三条). */
    contact: z._default(
      z.object({
        name: z.optional(personNameSchema),
        phone: z.optional(contactPhoneSchema),
      }),
      {},
    ),
    /** The original letter, fax or recording (this channel's uploads: materials). */
    attachments: z._default(
      z.array(fileIdSchema).check(
        z.maxLength(MAX_MATERIALS, `原始材料最多 ${MAX_MATERIALS} 个`),
        z.refine((ids) => new Set(ids).size === ids.length, '原始材料有重复'),
      ),
      [],
    ),
  })
  .check(
    z.refine(
      (input) =>
        !(['leader-instruction', 'referral'] as StaffChannel[]).includes(input.channel) || !!input.referredBy,
      { message: '领导批示和上级交办、部门转办须写明交办渠道（批示领导或交办单位）', path: ['referredBy'] },
    ),
    z.refine((input) => (input.location.lat === undefined) === (input.location.lng === undefined), {
      message: '经度和纬度须同时填写',
      path: ['location', 'lat'],
    }),
  )

export type RegisterReportInput = z.input<typeof registerReportInput>
export type RegisterReport = z.output<typeof registerReportInput>

export interface RegisteredReport {
  caseId: string
  refNo: string
  /** The case's version, for acting on it next (merging it into a similar case). */
  version: number
  unitName: string
  /** How the reporter hears: `phone` — staff call them at each step (a to-do), `none` — no contact given. */
  tellReporter: 'phone' | 'none'
  /**
   * A query code to read out to the caller: with it they can follow the case in the mini-program and get the
   * normal notices. Shown once, at registration (a retry shows it again).
   */
  queryCode: string | null
  /** Open cases of the same matter in the staff member's scope: offered for merging (S3 第九条(四)). */
  similar: SimilarCase[]
  replayed: boolean
}

// ---------- work-order import ----------

export interface PlatformInfo {
  id: string
  name: string
  channelLabel: string
  /** The columns an export must have, and those it may have, as the platform names them. */
  requiredColumns: string[]
  optionalColumns: string[]
  /** Where results are pushed; null: file export only. */
  feedbackPushed: boolean
}

export interface ImportProblem {
  /** The line of the file (the header is line 1). */
  line: number
  externalNo: string | null
  reason: string
}

export interface ImportBatchView {
  batchId: string
  platform: string
  fileName: string
  state: 'running' | 'done' | 'refused'
  /** Why the whole file was refused (not a CSV/XLSX, required columns missing). */
  refusal: string | null
  totalRows: number
  processedRows: number
  created: number
  /** Orders already imported before (by this or an earlier file, or pushed): not created again. */
  existing: number
  failed: number
  /** The malformed rows, first ones (failed counts them all). */
  problems: ImportProblem[]
  /** The cases created by this batch, first ones: reference number and order number. */
  createdCases: Array<{ caseId: string; refNo: string; externalNo: string }>
  createdAt: string
  updatedAt: string
}

const platformIdSchema = z
  .string({ error: '请选择工单平台' })
  .check(z.regex(/^[a-z0-9-]{2,20}$/, '工单平台编号不正确'))

const startImportInput = z.object({
  platform: platformIdSchema,
  fileId: fileIdSchema,
  fileName: z
    .string({ error: '缺少文件名' })
    .check(z.trim(), z.minLength(1, '缺少文件名'), z.maxLength(200, '文件名最多 200 个字')),
})

const batchRefInput = z.object({ batchId: idSchema })

// ---------- results fed back ----------

export const DELIVERY_STATES = {
  pending: '待推送',
  delivered: '已推送',
  failed: '推送失败',
  'export-only': '仅导出（平台未配置推送地址）',
} as const
export type DeliveryState = keyof typeof DELIVERY_STATES

export interface FeedbackView {
  feedbackId: string
  caseId: string
  record: FeedbackRecord
  state: DeliveryState
  stateLabel: string
  attempts: number
  lastAttemptAt: string | null
  lastError: string | null
  nextAttemptAt: string | null
  deliveredAt: string | null
  createdAt: string
}

const listFeedbackInput = z._default(z.object({ cursor: cursorSchema, limit: pageLimitSchema(50) }), {
  limit: 20,
})

const feedbackRefInput = z.object({
  feedbackId: z
    .string({ error: '缺少反馈编号' })
    .check(z.regex(/^fb-[A-Za-z0-9_-]{1,80}$/, '反馈编号不正确')),
})

const dateRangeSchema = {
  from: dateSchema('开始日期'),
  to: dateSchema('结束日期'),
}
const rangeChecks = z.refine<{ from: string; to: string }>((r) => r.from <= r.to, {
  message: '开始日期不能晚于结束日期',
  path: ['to'],
})

const exportFeedbackInput = z.object({ platform: platformIdSchema, ...dateRangeSchema }).check(rangeChecks)

const exportNationalRecordsInput = z.object(dateRangeSchema).check(rangeChecks)

export interface ExportFile {
  fileId: string
  url: string
  fileName: string
  count: number
  /** The export stopped at its limit: narrow the dates for the rest. */
  truncated: boolean
}

/**
 * Who works with the platforms: intake (受理) and supervisors (the 支队's oversight) — posts with case duty, since
 * feedback records and the national record carry the cases' findings (least privilege: not 系统管理员 as such).
 */
const PLATFORM_STAFF = staffWith('intake', 'supervisor')

export const channelsContract = {
  /** Registers a report received by phone, letter, visit, instruction or referral (the same filing path). */
  registerReport: action<RegisteredReport>()(registerReportInput, staffWith('intake')),
  /** weapp: a file uploaded to cloud storage, checked and registered as this channel's material or export. */
  registerUpload: action<UploadRecord>()(registerChannelUploadInput, staffWith('intake')),
  /** The deployment's platforms and the columns their exports need. */
  platforms: action<PlatformInfo[]>()(z._default(z.object({}), {}), PLATFORM_STAFF),
  /** Starts importing an uploaded export; works through rows within the call's budget. */
  startImport: action<ImportBatchView>()(startImportInput, staffWith('intake')),
  /** Goes on with a batch where the last call stopped (a large file takes several calls). */
  continueImport: action<ImportBatchView>()(batchRefInput, staffWith('intake')),
  getImport: action<ImportBatchView>()(batchRefInput, staffWith('intake')),
  /** The feedback records of the caller's units, newest first, with their delivery state. */
  listFeedback: action<CasePage<FeedbackView>>()(listFeedbackInput, PLATFORM_STAFF),
  /** Pushes one feedback record now (a failed or waiting one). */
  retryFeedback: action<FeedbackView>()(feedbackRefInput, PLATFORM_STAFF),
  /** One platform's feedback records of a period, as a file (CSV). */
  exportFeedback: action<ExportFile>()(exportFeedbackInput, PLATFORM_STAFF),
  /** The national 12369 platform's record of every case received in a period (S3 第四条), as a file (CSV). */
  exportNationalRecords: action<ExportFile>()(exportNationalRecordsInput, PLATFORM_STAFF),
}
