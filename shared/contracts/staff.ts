// staff: the workbench — who am I, my inbox, one case, acting on it through the workflow.
import { CASE_DUTY_ROLES } from '../vocabulary/units'
import type { CaseEventInput } from '../workflow/events'
import { caseEventSchema } from '../workflow/events'
import type { InboxItem, StaffCaseDetail } from '../cases/views/staff'
import type { OnSiteView } from '../cases/views/on-site'
import type { CasePage } from './cases'
import { clientRequestIdSchema, cursorSchema, idSchema, pageLimitSchema } from '../vocabulary/fields'
import { action, ANY_STAFF, staffWith, USER } from './define'
import { enrolmentContract, type StaffProfile } from './enrolment'
import * as z from '../vocabulary/zod'

// The inbox row and the case page are views of a case, declared where they are built (shared/cases/views/staff.ts).
export type { InboxItem, OnSiteView, StaffCaseDetail, StaffProfile }

export const inboxInput = z._default(
  z.object({
    cursor: cursorSchema,
    limit: pageLimitSchema(50),
    scope: z._default(z.enum(['open', 'all'], { error: '范围只能是 open 或 all' }), 'open'),
  }),
  { limit: 20, scope: 'open' },
)

export const actInput = z.object({
  caseId: idSchema,
  /** The version the staff member saw: a concurrent edit answers CONFLICT instead of being overwritten. */
  expectedVersion: z.int({ error: '缺少版本号，请刷新后重试' }).check(z.gte(1, '版本号不正确')),
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
