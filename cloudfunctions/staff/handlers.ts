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
import { applyCaseEvent } from '../common/case-workflow'
import { revealReporter } from '../common/reporter-identity'
import { routerFor } from '../common/routing'
import { defineFunction } from '../common/router'
import { clearHold } from '../common/screening'
import { unitNamer } from '../common/staff-records'
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

export const staffFunction = defineFunction('staff', staffContract, {
  async me(_input, { runtime, staff }) {
    if (!staff) return null
    const unitName = unitNamer(runtime.deployment.units)
    return {
      staffId: staff._id,
      name: staff.name,
      title: staff.title,
      roles: staff.roles,
      units: staff.unitIds.map((id) => ({ id, name: unitName(id) })),
    }
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
    // every case the event names, through the same access.
    const current = await access.load(input.caseId)
    const event = await checkStaffEvent(runtime, staff, current, input.event)
    // Files an event attaches (site-visit photos) are the staff member's own uploads, attached in the same write.
    const uploads = await ownUploads(runtime.db, openid, filesOf(event))
    const { doc } = await applyCaseEvent(runtime, access, current._id, event, {
      expectedVersion: input.expectedVersion,
      attach: uploads,
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
