// staff: the workbench — who am I, my to-do lists, one case, acting on it through the workflow; the pickers that
// name colleagues, units, regions, departments and cases; the duty roster; reply templates; the audit view.
import { CASE_DUTY_ROLES } from '../vocabulary/units'
import type { CaseEventInput } from '../workflow/events'
import { caseEventSchema } from '../workflow/events'
import type { Colleague } from '../workflow/machine-types'
import { CASE_STATE_KEYS } from '../workflow/states'
import type { InboxItem, MergeCandidate, MergeSide, StaffCaseDetail } from '../cases/views/staff'
import { TODO_LIST_KEYS, type TodoList } from '../cases/todo-lists'
import { REPLY_OUTCOME_KEYS, type ReplyOutcome, type ReplyTemplateTexts } from '../cases/reply-templates'
import type { ReplyContent } from '../workflow/catalogue/reply'
import { REPLY_FIELDS } from '../workflow/catalogue/reply'
import type { CasePage } from './cases'
import { categorySchema, type CategoryKey } from '../vocabulary/categories'
import { requestTypeSchema } from '../vocabulary/request-types'
import {
  clientRequestIdSchema,
  cursorSchema,
  dateSchema,
  idSchema,
  pageLimitSchema,
  versionSchema,
} from '../vocabulary/fields'
import { action, ANY_STAFF, staffWith, USER } from './define'
import { enrolmentContract, type StaffProfile } from './enrolment'
import * as z from '../vocabulary/zod'

// The inbox row and the case page are views of a case, declared where they are built (shared/cases/views/staff.ts).
export type { InboxItem, MergeSide, StaffCaseDetail, StaffProfile, TodoList }

const yes = (label: string) => z.optional(z.literal(true, { error: `${label}只能是 true` }))

/** What a list may be narrowed to; every filter is a condition of the list's one indexed query. */
const inboxFiltersSchema = z.object({
  status: z.optional(z.enum(CASE_STATE_KEYS as [string, ...string[]], { error: '案件状态不正确' })),
  category: z.optional(categorySchema),
  requestType: z.optional(requestTypeSchema),
  /** A county (or special zone) of the territory: the region code routing recorded. */
  regionCode: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/, '区县代码不正确'))),
  important: yes('重要'),
  urgent: yes('紧急'),
  escalated: yes('提级办理'),
  supervised: yes('督办'),
  overdue: yes('逾期'),
})
export type InboxFilters = z.output<typeof inboxFiltersSchema>

/**
 * A page of a list: `todo` — one of my to-do lists (`list`: the post's list, `duty` while on duty), sorted urgent
 * first then by due date; `open` / `all` — the cases of my units, newest first; `co-handling` — open cases my units
 * share with another unit's lead office. `search` (a reference number, or the start of a reported party's name)
 * looks through all my units instead.
 */
const inboxInput = z._default(
  z.object({
    cursor: cursorSchema,
    limit: pageLimitSchema(50),
    scope: z._default(
      z.enum(['todo', 'open', 'all', 'co-handling'], { error: '范围只能是 todo、open、all 或 co-handling' }),
      'open',
    ),
    list: z.optional(z.enum(TODO_LIST_KEYS as [TodoList, ...TodoList[]], { error: '没有这个待办列表' })),
    filters: z._default(inboxFiltersSchema, {}),
    search: z.optional(
      z.string().check(z.trim(), z.minLength(2, '请至少输入 2 个字'), z.maxLength(50, '最多输入 50 个字')),
    ),
  }),
  { limit: 20, scope: 'open', filters: {} },
)
export type InboxInput = NonNullable<z.input<typeof inboxInput>>

const actInput = z.object({
  caseId: idSchema,
  /** The version the staff member saw: a concurrent edit answers CONFLICT instead of being overwritten. */
  expectedVersion: versionSchema,
  event: caseEventSchema,
  /**
   * Made on the device once per action and kept across its retries (an action queued offline is sent again when
   * the network returns): an action already applied answers the case as it is, and is not applied twice.
   */
  clientRequestId: z.optional(clientRequestIdSchema),
})

export type ActInput = {
  caseId: string
  expectedVersion: number
  event: CaseEventInput
  clientRequestId?: string
}

const revealReporterInput = z.object({
  caseId: idSchema,
  reason: z
    .string({ error: '请填写查看反映人信息的理由' })
    .check(z.trim(), z.minLength(4, '理由至少 4 个字'), z.maxLength(200, '理由最多 200 个字')),
})

const clearHeldContentInput = z.object({
  caseId: idSchema,
  expectedVersion: versionSchema,
  holdId: z
    .string({ error: '请选择要审核的内容' })
    .check(z.regex(/^[a-z-]{1,40}(-\d{1,4})?$/, '待审核内容编号不正确')),
})

export interface RevealedReporter {
  name: string | null
  phone: string | null
  auditId: string
}

export interface UnitOption {
  id: string
  name: string
  kind: string
  parentId: string | null
}

/** A colleague as the pickers offer them. */
export interface ColleagueOption {
  id: string
  name: string
  title: string
}

const listColleaguesInput = z.object({
  unitId: idSchema,
  role: z.enum(['officer', 'leader'], { error: '只能查找承办人员或分管领导' }),
  /** Leaves out who stepped aside from this case (回避). */
  caseId: z.optional(idSchema),
})

/** Where a case may be transferred: the bureau's units, the neighbouring regions, other departments. */
export interface TransferOptions {
  units: UnitOption[]
  regions: Array<{ code: string; name: string }>
  departments: string[]
}

export interface MergeCandidates {
  /** The case to be merged, as the candidates are shown beside it. */
  case: MergeSide
  candidates: MergeCandidate[]
}

/** One unit's duty day: who is on duty, which leader leads the shift (S0 第五条, S2 第十二条). */
export interface DutyDay {
  unitId: string
  unitName: string
  /** The duty day: its shift runs from the handover time on this date to the same time the next day. */
  date: string
  officers: Colleague[]
  leader: Colleague | null
  note: string
  updatedAt: string
  updatedBy: string
}

export interface DutyRoster {
  /** The duty day now (before the morning handover it is still yesterday's). */
  today: string
  handover: string
  days: DutyDay[]
  /** The caller's own duty today: the units whose shift names them. */
  mine: Array<{ unitId: string; unitName: string; leads: boolean }>
}

const MAX_DUTY_DAYS = 31
const MAX_ON_DUTY = 10

const dutyInput = z._default(
  z.object({
    /** First duty day; today's when absent. */
    from: z.optional(dateSchema('开始日期')),
    days: z._default(
      z
        .int({ error: '天数必须是整数' })
        .check(z.gte(1, '至少 1 天'), z.lte(MAX_DUTY_DAYS, `最多 ${MAX_DUTY_DAYS} 天`)),
      7,
    ),
    /** One unit of my scope; all of them when absent. */
    unitId: z.optional(idSchema),
  }),
  { days: 7 },
)

const setDutyInput = z.object({
  unitId: idSchema,
  date: dateSchema('值班日期'),
  officerIds: z.array(idSchema).check(
    z.minLength(1, '请至少安排 1 名值班人员'),
    z.maxLength(MAX_ON_DUTY, `值班人员最多 ${MAX_ON_DUTY} 名`),
    z.refine((ids) => new Set(ids).size === ids.length, '值班人员重复'),
  ),
  leaderId: z.nullable(idSchema),
  note: z._default(z.string().check(z.trim(), z.maxLength(200, '备注最多 200 个字')), ''),
})

/** A reply template as office heads keep it. */
export interface ReplyTemplate {
  templateId: string
  version: number
  unitId: string
  unitName: string
  category: CategoryKey
  outcome: ReplyOutcome
  title: string
  texts: ReplyTemplateTexts
  updatedAt: string
  updatedBy: string
}

/** A template offered when drafting: merged with the case's facts. */
export interface ReplyTemplateDraft {
  templateId: string
  title: string
  outcome: ReplyOutcome
  unitName: string
  reply: ReplyContent
}

const templateTexts = z.object(
  Object.fromEntries(
    Object.entries(REPLY_FIELDS).map(([key, field]) => {
      const max = field.form.kind === 'text' ? field.form.max : 4000
      const label = field.form.label
      return [key, z._default(z.string().check(z.trim(), z.maxLength(max, `${label}最多 ${max} 个字`)), '')]
    }),
  ) as { [K in keyof ReplyTemplateTexts]: z.ZodMiniDefault<z.ZodMiniString<string>> },
)

const saveReplyTemplateInput = z.object({
  /** Absent: a new template. */
  templateId: z.optional(idSchema),
  expectedVersion: z.optional(z.int().check(z.gte(1, '版本号不正确'))),
  unitId: idSchema,
  category: categorySchema,
  outcome: z.enum(REPLY_OUTCOME_KEYS, { error: '请选择办理结果' }),
  title: z
    .string({ error: '请填写模板名称' })
    .check(z.trim(), z.minLength(2, '模板名称至少 2 个字'), z.maxLength(40, '模板名称最多 40 个字')),
  texts: templateTexts,
})

const removeReplyTemplateInput = z.object({
  templateId: idSchema,
  expectedVersion: versionSchema,
})

/** A reveal of a reporter's contact, or an export, as supervisors review them. */
export interface DisclosureEntry {
  auditId: string
  action: 'reveal-reporter' | 'export'
  actionLabel: string
  at: string
  staffName: string
  unitName: string
  /** The case's reference number (reveals); what was exported (exports). */
  subject: string
  reason: string | null
}

const auditLogInput = z._default(z.object({ cursor: cursorSchema, limit: pageLimitSchema(50) }), {
  limit: 20,
})

export const staffContract = {
  /** Null for a user who is not bound to a staff record (the staff tab then explains how to get access). */
  me: action<StaffProfile | null>()(z._default(z.object({}), {}), USER),
  inbox: action<CasePage<InboxItem>>()(inboxInput, ANY_STAFF),
  /** The deployment's units, for assigning and transferring. */
  units: action<UnitOption[]>()(z._default(z.object({}), {}), ANY_STAFF),
  getCase: action<StaffCaseDetail>()(z.object({ caseId: idSchema }), ANY_STAFF),
  /** Applies one workflow event (accept, assign, reply, extension, …); the workflow decides if it is legal. */
  act: action<StaffCaseDetail>()(actInput, ANY_STAFF),
  /**
   * A person has looked at held citizen content and clears it: it is no longer flagged, and others may see it
   * (audited). Refused content never reaches this point: the check refuses it when it is sent.
   */
  clearHeldContent: action<StaffCaseDetail>()(clearHeldContentInput, staffWith('intake', 'office-head')),
  /** Shows a real-name reporter's name and phone to staff who need to call back; every reveal is audited. */
  revealReporter: action<RevealedReporter>()(revealReporterInput, staffWith(...CASE_DUTY_ROLES)),
  /** Officers (to name one on a case) or leaders (to lead a shift) of a unit of my scope. */
  listColleagues: action<ColleagueOption[]>()(
    listColleaguesInput,
    staffWith('dispatcher', 'office-head', 'leader', 'supervisor'),
  ),
  /** The counties and special zones of the territory (the county filter of the lists). */
  counties: action<Array<{ code: string; name: string }>>()(z._default(z.object({}), {}), ANY_STAFF),
  /** Where a case may be transferred (the deployment's units, the neighbouring regions, other departments). */
  transferOptions: action<TransferOptions>()(z._default(z.object({}), {}), staffWith('intake', 'dispatcher')),
  /** Open cases of my scope the case may be merged into (nearby, same entity), side by side with it. */
  mergeCandidates: action<MergeCandidates>()(
    z.object({ caseId: idSchema }),
    staffWith('intake', 'dispatcher'),
  ),
  /** The duty roster of my units, and my own duty today. */
  duty: action<DutyRoster>()(dutyInput, staffWith(...CASE_DUTY_ROLES)),
  /** Sets one unit's duty day (office heads of the unit; audited). */
  setDuty: action<DutyDay>()(setDutyInput, staffWith('office-head')),
  /** The templates for drafting this case's reply, merged with its facts. */
  replyTemplates: action<ReplyTemplateDraft[]>()(z.object({ caseId: idSchema }), staffWith('officer')),
  /** The reply templates of my units, for editing. */
  listReplyTemplates: action<CasePage<ReplyTemplate>>()(
    z._default(z.object({ cursor: cursorSchema, limit: pageLimitSchema(50) }), { limit: 20 }),
    staffWith('office-head'),
  ),
  saveReplyTemplate: action<ReplyTemplate>()(saveReplyTemplateInput, staffWith('office-head')),
  removeReplyTemplate: action<{ removed: true }>()(removeReplyTemplateInput, staffWith('office-head')),
  /** Every reveal of a reporter's contact and every export in my scope, newest first. */
  auditLog: action<CasePage<DisclosureEntry>>()(auditLogInput, staffWith('supervisor')),
  /** Joining: invite and setup codes, and agreeing to staff notices (enrolment.ts). */
  ...enrolmentContract,
}
