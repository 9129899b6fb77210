// staff: the workbench — who am I, the cases waiting in my units, one case, acting on it. Each action validates
// (the contract's schema and role, before it is called), authorizes (the case through the staff member's unit
// scope: out of scope answers like missing), then hands the domain work to common/.
import { AppError } from '../../shared/contracts/result'
import { staffContract } from '../../shared/contracts/staff'
import { toShanghaiIso } from '../../shared/time'
import { filesOf, type CaseEvent } from '../../shared/workflow'
import { staffCaseAccess } from '../common/case-access'
import { inbox, staffCaseView } from '../common/case-views'
import { applyCaseEvent } from '../common/case-workflow'
import { revealReporter } from '../common/reporter-identity'
import { defineFunction } from '../common/router'
import { clearHold } from '../common/screening'
import { ownUploads } from '../common/uploads'
import type { Runtime } from '../common/ports'
import { enrolmentHandlers, staffProfileOf } from './enrolment'

/** Units named in an event must be units of this deployment. */
function checkUnits(runtime: Runtime, event: CaseEvent): void {
  const known = new Set(runtime.deployment.units.map((u) => u.id))
  const named =
    event.type === 'assign'
      ? [...event.unitIds, ...(event.leadUnitId ? [event.leadUnitId] : [])]
      : event.type === 'transfer' && event.target === 'unit'
        ? [event.to]
        : []
  const unknown = named.filter((id) => !known.has(id))
  if (unknown.length) throw new AppError('VALIDATION_FAILED', `没有这个承办单位：${unknown.join('、')}`)
}

export const staffFunction = defineFunction('staff', staffContract, {
  ...enrolmentHandlers,

  async me(_input, { runtime, staffRecord }) {
    const staff = await staffRecord()
    return staff ? staffProfileOf(runtime, staff) : null
  },

  async inbox(input, { runtime, staff, now }) {
    return inbox(runtime, staff, input, now)
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
    await access.load(input.caseId)
    checkUnits(runtime, input.event)
    // Files an event attaches (site-visit photos) are the staff member's own uploads, attached in the same write.
    const uploads = await ownUploads(runtime.db, openid, filesOf(input.event))
    const { doc } = await applyCaseEvent(runtime, access, input.caseId, input.event, {
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
})
