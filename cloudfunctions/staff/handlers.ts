// staff: the workbench — who am I, the cases waiting in my units, one case, acting on it.
import { AppError } from '../../shared/contracts/result'
import { staffContract, type StaffCaseDetail } from '../../shared/contracts/staff'
import { toShanghaiIso } from '../../shared/time'
import { allowedEvents, contextFor, filesOf, type CaseEvent } from '../../shared/workflow'
import { caseUnitScope, staffCaseAccess, type CaseAccess } from '../common/case-access'
import { calendarFor } from '../common/calendar'
import { toInboxItem, toStaffDetail, type CaseRecord } from '../common/case-records'
import { machineStateOf, type CaseDoc } from '../../shared/cases/case-doc'
import { applyCaseEvent, clocksOf, profileOf } from '../common/case-workflow'
import { COLLECTIONS } from '../common/collections'
import { findAcross } from '../common/db/find-across'
import type { Filter, Runtime } from '../common/ports'
import { heldPhotoIds, holdsOf, isClearable, pendingPhotoIds } from '../../shared/cases/content-holds'
import { decryptField } from '../common/reporter-identity'
import { ownUploads } from '../common/uploads'
import { defineFunction } from '../common/router'
import { unitNamer, type StaffDoc } from '../common/staff-records'
import { getMany } from '../common/db/get-many'
import { enrolmentHandlers, staffProfileOf } from './enrolment'

async function detailFor(runtime: Runtime, access: CaseAccess, doc: CaseRecord): Promise<StaffCaseDetail> {
  const now = runtime.clock.now()
  const calendar = await calendarFor(runtime)
  const clocks = clocksOf(doc, calendar, now)
  const ctx = contextFor({ profile: profileOf(doc), calendar, history: doc.history, now: toShanghaiIso(now) })
  // The report's photos and held photos a person must look at (photos still being checked get no link).
  const pending = new Set(pendingPhotoIds(doc))
  const shown = [...new Set([...doc.photos, ...heldPhotoIds(doc)])].filter((id) => !pending.has(id))
  // Who acted on the case, by name (one read for all of them).
  const actorIds = [...new Set(doc.history.flatMap((h) => (h.actor.kind === 'staff' ? [h.actor.id] : [])))]
  const actors = await getMany<StaffDoc>(runtime.db, COLLECTIONS.staff, actorIds)
  return toStaffDetail(doc, {
    unitName: unitNamer(runtime.deployment.units),
    staffName: (staffId) => actors.get(staffId)?.name ?? null,
    clocks,
    photoUrls: shown.length ? await runtime.blobs.tempUrls(shown) : {},
    allowedEvents: allowedEvents(machineStateOf(doc), access.actor, ctx),
  })
}

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

  async me(_input, { runtime, staff }) {
    return staff ? staffProfileOf(runtime, staff) : null
  },

  async inbox(input, { runtime, staff, now }) {
    const scope = caseUnitScope(runtime, staff)
    const filter: Filter = { screening: 'passed' }
    if (input.scope === 'open') filter.open = true
    const page = await findAcross<CaseDoc>(runtime.db, COLLECTIONS.cases, 'unitId', scope, {
      filter,
      orderBy: [['createdAt', 'desc']],
      limit: input.limit,
      after: input.cursor,
    })
    const unitName = unitNamer(runtime.deployment.units)
    const calendar = await calendarFor(runtime)
    return {
      items: page.items.map((c) => toInboxItem(c, unitName(c.unitId), clocksOf(c, calendar, now))),
      next: page.next,
    }
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
    return detailFor(runtime, access, await access.load(input.caseId))
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
    return detailFor(runtime, access, doc)
  },

  async clearHeldContent(input, { runtime, staff, now }) {
    const access = staffCaseAccess(runtime, staff)
    const doc = await access.load(input.caseId)
    const hold = holdsOf(doc).find((h) => h.id === input.holdId)
    if (!hold) throw new AppError('NOT_FOUND', '没有这项待审核内容，可能已被审核')
    if (!isClearable(hold)) {
      throw new AppError('ILLEGAL_TRANSITION', '照片的自动检查还没有结果，请有结果后再审核')
    }
    if (input.expectedVersion !== doc._version) {
      throw new AppError('CONFLICT', '案件刚被其他人更新过，请刷新后再操作')
    }
    // The clearance and its audit record together: held content is never released unrecorded.
    await runtime.db.transaction(async (tx) => {
      await tx.update<CaseDoc>(
        COLLECTIONS.cases,
        doc._id,
        { contentHolds: holdsOf(doc).filter((h) => h.id !== hold.id) },
        doc._version,
      )
      await tx.insert(COLLECTIONS.audit, {
        action: 'clear-held-content',
        subject: doc._id,
        holdId: hold.id,
        staffId: staff._id,
        staffName: staff.name,
        at: toShanghaiIso(now),
      })
    })
    return detailFor(runtime, access, await access.load(doc._id))
  },

  async revealReporter(input, { runtime, staff, now }) {
    const doc = await staffCaseAccess(runtime, staff).load(input.caseId)
    if (doc.reporter.mode !== 'real-name' || !doc.reporter.nameSealed || !doc.reporter.phoneSealed) {
      throw new AppError('NOT_FOUND', '匿名反映没有可查看的身份信息')
    }
    // Every reveal is recorded first: no record, no reveal (S0 第十三条 最大限度控制知悉范围).
    const auditId = await runtime.db.insert(COLLECTIONS.audit, {
      action: 'reveal-reporter',
      subject: doc._id,
      refNo: doc.refNo,
      staffId: staff._id,
      staffName: staff.name,
      reason: input.reason,
      at: toShanghaiIso(now),
    })
    runtime.log.info('reporter revealed', { caseId: doc._id, staffId: staff._id, auditId })
    const key = runtime.secrets.identityKey
    return {
      name: decryptField(key, doc.reporter.nameSealed),
      phone: decryptField(key, doc.reporter.phoneSealed),
      auditId,
    }
  },
})
