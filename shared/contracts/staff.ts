// staff: the workbench — who am I, my inbox, one case, acting on it through the workflow.
import { CASE_DUTY_ROLES } from '../vocabulary/units'
import type { CaseEventInput, CaseEventType } from '../workflow/events'
import { caseEventSchema } from '../workflow/events'
import type { CaseClockView, CaseHeadline, CasePage, CasePhoto, CaseTimelineEntry } from './cases'
import type { HeldContentView } from '../cases/held-content'
import type { Location } from '../vocabulary/fields'
import { cursorSchema, idSchema, pageLimitSchema } from '../vocabulary/fields'
import { action, ANY_STAFF, staffWith, USER } from './define'
import { enrolmentContract, type StaffProfile } from './enrolment'
import * as z from '../vocabulary/zod'

export type { StaffProfile }

/** What staff see of a reporter: masked; revealing is an audited action of its own. */
export interface MaskedReporter {
  mode: 'real-name' | 'anonymous'
  name: string | null
  phone: string | null
}

export interface InboxItem extends CaseHeadline {
  descriptionExcerpt: string
  photoCount: number
  unitId: string
  unitName: string
  reporter: MaskedReporter
  important: boolean
  urgent: boolean
  escalated: boolean
  supervised: boolean
  /** 列入领导包案 (S2 第八条). */
  leaderCase: boolean
  /** Citizen content of the case awaits a person's review (CONTENT_HELD_TAG); see the case's heldContent. */
  contentHeld: boolean
  /** The nearest due date of a running duty, and whether it has passed. */
  nextDue: { date: string; label: string; overdue: boolean } | null
  followers: number
}

export const inboxInput = z._default(
  z.object({
    cursor: cursorSchema,
    limit: pageLimitSchema(50),
    scope: z._default(z.enum(['open', 'all'], { error: '范围只能是 open 或 all' }), 'open'),
  }),
  { limit: 20, scope: 'open' },
)

export interface StaffCaseDetail extends InboxItem {
  version: number
  description: string
  /** The accepted photos of the report (held ones are in heldContent). */
  photos: CasePhoto[]
  /** Citizen content held back until a person clears it (content security). */
  heldContent: HeldContentView[]
  location: Location
  occurredAt: string | null
  reportedEntity: string | null
  routing: { outcome: string; cite: string; guidance: string | null; department: string | null }
  /** 研判: what the intake rules found, each as a sentence for the case file (with its articles). */
  findings: Array<{ label: string; text: string }>
  timeline: CaseTimelineEntry[]
  clocks: CaseClockView[]
  /** The reply's 救济渠道 to start from: the periods and articles of this case's policy (staff may edit it). */
  replyRemedies: string
  /** Workflow events this staff member may send now (buttons), with their Chinese labels. */
  allowedEvents: Array<{ type: CaseEventType; label: string }>
  mergedInto: string | null
}

export const actInput = z.object({
  caseId: idSchema,
  /** The version the staff member saw: a concurrent edit answers CONFLICT instead of being overwritten. */
  expectedVersion: z.int({ error: '缺少版本号，请刷新后重试' }).check(z.gte(1, '版本号不正确')),
  event: caseEventSchema,
})

export type ActInput = { caseId: string; expectedVersion: number; event: CaseEventInput }

export const revealReporterInput = z.object({
  caseId: idSchema,
  reason: z
    .string({ error: '请填写查看反映人信息的理由' })
    .check(z.trim(), z.minLength(4, '理由至少 4 个字'), z.maxLength(200, '理由最多 200 个字')),
})

export const clearHeldContentInput = z.object({
  caseId: idSchema,
  expectedVersion: z.int({ error: '缺少版本号，请刷新后重试' }).check(z.gte(1, '版本号不正确')),
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
  /** Joining: invite and setup codes, and agreeing to staff notices (enrolment.ts). */
  ...enrolmentContract,
}
