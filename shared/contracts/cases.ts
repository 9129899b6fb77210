// cases: the citizen side of a case — filing, following, reading.
import type { CaseStateKey } from '../workflow/states'
import { categorySchema, type CategoryKey } from './categories'
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
} from './common'
import { action, USER } from './define'
import { requestTypeSchema, type RequestTypeKey } from './request-types'
import * as z from './zod'

export const MAX_PHOTOS = 9
export const DESCRIPTION_MIN = 10
export const DESCRIPTION_MAX = 1000

export const reporterSchema = z.discriminatedUnion(
  'mode',
  [
    // 实名: name and mobile are stored encrypted and never shown to the reported party (S0 第十三条, S2 第二十四条).
    z.object({ mode: z.literal('real-name'), name: personNameSchema, phone: mobileSchema }),
    // 匿名: a query code is issued and bound to the WeChat user.
    z.object({ mode: z.literal('anonymous') }),
  ],
  { error: '请选择实名或匿名举报' },
)

export const submitReportInput = z.object({
  clientRequestId: clientRequestIdSchema,
  requestType: requestTypeSchema,
  category: categorySchema,
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
  occurredAt: z.optional(isoWithOffsetSchema),
  reportedEntity: z.optional(z.string().check(z.trim(), z.maxLength(100, '被反映单位名称最多 100 个字'))),
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
  /** Anonymous reports only, shown once: the code to look the report up with. */
  queryCode: string | null
  /** True when this was a retry of a submission that had already been filed. */
  replayed: boolean
}

export interface CaseSummary {
  caseId: string
  refNo: string
  requestType: RequestTypeKey
  category: CategoryKey
  status: CaseStateKey
  statusLabel: string
  statusOpen: boolean
  createdAt: string
  address: string
  unitName: string | null
}

export interface CasePhoto {
  fileId: string
  url: string | null
}

export interface CaseTimelineEntry {
  at: string
  label: string
  detail?: string
}

export interface CaseDetailForReporter extends CaseSummary {
  description: string
  photos: CasePhoto[]
  location: Location
  occurredAt: string | null
  reportedEntity: string | null
  reporterMode: 'real-name' | 'anonymous'
  timeline: CaseTimelineEntry[]
}

export const listMineInput = z._default(z.object({ cursor: cursorSchema, limit: pageLimitSchema(50) }), {
  limit: 20,
})

export interface CasePage<T> {
  items: T[]
  next: string | null
}

export const getMineInput = z.object({ caseId: idSchema })

export const casesContract = {
  submitReport: action<SubmitReportResult>()(submitReportInput, USER),
  listMine: action<CasePage<CaseSummary>>()(listMineInput, USER),
  getMine: action<CaseDetailForReporter>()(getMineInput, USER),
}
