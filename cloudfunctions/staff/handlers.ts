// staff: the workbench — who am I, my to-do lists, one case, acting on it; the pickers (colleagues, transfer
// targets, merge candidates), the duty roster, reply templates and the disclosure log. Each action validates
// (the contract's schema and role, before it is called), authorizes (every case through the staff member's unit
// scope and recusal: out of scope answers like missing; every unit and template through their scope), then
// hands the domain work to common/ (common/workbench/ for the workbench's own steps).
import { staffContract } from '../../shared/contracts/staff'
import { toShanghaiIso } from '../../shared/time'
import { filesOf } from '../../shared/workflow'
import { staffCaseAccess } from '../common/case-access'
import { staffCaseView } from '../common/case-views'
import { applyOnce } from '../common/act-once'
import { revealReporter } from '../common/reporter-identity'
import { routerFor } from '../common/routing'
import { defineFunction } from '../common/router'
import { clearHold } from '../common/screening'
import { ownUploads } from '../common/uploads'
import { disclosureLog } from '../common/workbench/audit-log'
import { colleaguesIn, unitInScope } from '../common/workbench/colleagues'
import { dutyRoster, setDutyDay } from '../common/workbench/duty'
import { checkStaffEvent, transferOptions } from '../common/workbench/event-input'
import { inboxPage } from '../common/workbench/inbox'
import { mergeCandidates } from '../common/workbench/merge-candidates'
import {
  listReplyTemplates,
  removeReplyTemplate,
  replyTemplateDrafts,
  saveReplyTemplate,
} from '../common/workbench/reply-templates'
import { enrolmentHandlers, staffProfileOf } from './enrolment'

export const staffFunction = defineFunction('staff', staffContract, {
  ...enrolmentHandlers,

  async me(_input, { runtime, staffRecord }) {
    const staff = await staffRecord()
    return staff ? staffProfileOf(runtime, staff) : null
  },

  async inbox(input, { runtime, staff, now }) {
    return inboxPage(runtime, staff, input, now)
  },

  async units(_input, { runtime }) {
    return runtime.deployment.units.map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      parentId: u.parentId ?? null,
    }))
  },

  async getCase(input, { runtime, staff }) {
    const access = staffCaseAccess(runtime, staff)
    return staffCaseView(runtime, access, await access.load(input.caseId))
  },

  async act(input, { runtime, staff, openid }) {
    const access = staffCaseAccess(runtime, staff)
    // Scope before anything else (out of scope answers like missing); applyCaseEvent loads the case again, and
    // every case the event names, through the same access. A retry of an applied action answers the case as it
    // is (act-once.ts).
    const loaded = await access.load(input.caseId)
    const doc = await applyOnce(runtime, access, loaded, input, async () => {
      const event = await checkStaffEvent(runtime, staff, loaded, input.event)
      // Files an event attaches (site-visit photos) are the staff member's own uploads, attached in the same write.
      const uploads = await ownUploads(runtime.db, openid, filesOf(event))
      return { event, expectedVersion: input.expectedVersion, attach: uploads }
    })
    return staffCaseView(runtime, access, doc)
  },

  async clearHeldContent(input, { runtime, staff, now }) {
    const access = staffCaseAccess(runtime, staff)
    const doc = await access.load(input.caseId)
    await clearHold(runtime, staff, doc, input, toShanghaiIso(now))
    return staffCaseView(runtime, access, await access.load(doc._id))
  },

  async revealReporter(input, { runtime, staff, now }) {
    const doc = await staffCaseAccess(runtime, staff).load(input.caseId)
    return revealReporter(runtime, staff, doc, input.reason, toShanghaiIso(now))
  },

  async listColleagues(input, { runtime, staff }) {
    const unitId = unitInScope(runtime, staff, input.unitId)
    const doc = input.caseId ? await staffCaseAccess(runtime, staff).load(input.caseId) : null
    return colleaguesIn(runtime, unitId, input.role, doc?.flags ?? null)
  },

  async counties(_input, { runtime }) {
    return [...routerFor(runtime).localities]
  },

  async transferOptions(_input, { runtime }) {
    return transferOptions(runtime)
  },

  async mergeCandidates(input, { runtime, staff }) {
    const doc = await staffCaseAccess(runtime, staff).load(input.caseId)
    return mergeCandidates(runtime, staff, doc)
  },

  async duty(input, { runtime, staff, now }) {
    return dutyRoster(runtime, staff, input, now)
  },

  async setDuty(input, { runtime, staff, now }) {
    return setDutyDay(runtime, staff, input, now)
  },

  async replyTemplates(input, { runtime, staff }) {
    const doc = await staffCaseAccess(runtime, staff).load(input.caseId)
    return replyTemplateDrafts(runtime, doc)
  },

  async listReplyTemplates(input, { runtime, staff }) {
    return listReplyTemplates(runtime, staff, input)
  },

  async saveReplyTemplate(input, { runtime, staff, now }) {
    return saveReplyTemplate(runtime, staff, input, now)
  },

  async removeReplyTemplate(input, { runtime, staff, now }) {
    await removeReplyTemplate(runtime, staff, input, now)
    return { removed: true as const }
  },

  async auditLog(input, { runtime, staff }) {
    return disclosureLog(runtime, staff, input)
  },
})
