// 移交经办: an administrator hands the open cases a colleague works to another colleague — before or after
// deactivating a leaver. "The cases a colleague works" are the open cases of their units whose 经办人 is that
// colleague: the staff member who acted on the case last, or the one a previous hand-over named
// (`currentHandlerOf`), and those whose assignment names them as the officer (`namedOfficer`: the colleague is
// then named instead). Each is handed over through the workflow (`hand-over`, history entry on the case).
//
// A leaver may hold many cases, so the hand-over runs page by page (≤ 100 open cases of their units per call,
// the inbox's index `unit_open_created`) and the caller sends the returned cursor back until it is null. Running
// it again is harmless: a case handed over already has another 经办人 and is passed by. A case someone changed
// meanwhile is left as it was (counted in `conflicts`) for the next run.
import type { HandOverReport } from '../../shared/contracts/staff-admin'
import { AppError } from '../../shared/contracts/result'
import { toShanghaiIso } from '../../shared/time'
import { currentHandlerOf, namedOfficer, type CaseEvent } from '../../shared/workflow'
import type { CaseDoc } from '../../shared/cases/case-doc'
import { assertManageable, isVisible, STAFF_NOT_FOUND, type AdminScope } from '../common/admin-scope'
import { recordAudit } from '../common/audit'
import { caseUnitScope, handOverCaseAccess } from '../common/case-access'
import { applyCaseEvent } from '../common/case-workflow'
import { COLLECTIONS } from '../common/collections'
import { findAcross } from '../common/db/find-across'
import { VersionConflictError, type Runtime } from '../common/ports'
import { unitScopeOf, type StaffDoc } from '../common/staff-records'

export interface HandOverInput {
  fromStaffId: string
  toStaffId: string
  reason: string
  cursor?: string | null
  limit: number
}

export async function handOverCases(
  runtime: Runtime,
  scope: AdminScope,
  input: HandOverInput,
  now: Date,
): Promise<HandOverReport> {
  const from = assertManageable(scope, await runtime.db.get<StaffDoc>(COLLECTIONS.staff, input.fromStaffId))
  const to = await runtime.db.get<StaffDoc>(COLLECTIONS.staff, input.toStaffId)
  if (!to || !isVisible(scope, to)) throw new AppError('NOT_FOUND', `接手人：${STAFF_NOT_FOUND}`)
  if (to._id === from._id) throw new AppError('VALIDATION_FAILED', '接手人不能是原经办人')
  if (!to.active) throw new AppError('VALIDATION_FAILED', '接手人的账号已停用，请另选')
  // The colleague must be able to work every case: a post with case duties over all of the leaver's units.
  const reach = new Set(caseUnitScope(runtime, to))
  if (!from.unitIds.every((id) => reach.has(id))) {
    throw new AppError(
      'VALIDATION_FAILED',
      '接手人须在原经办人的单位（或其上级单位）担任有办案职责的岗位，请另选或先调整其岗位',
    )
  }

  const page = await findAcross<CaseDoc>(
    runtime.db,
    COLLECTIONS.cases,
    'unitId',
    unitScopeOf(runtime.deployment.units, from),
    {
      filter: { open: true, screening: 'passed' },
      orderBy: [['createdAt', 'desc']],
      limit: input.limit,
      after: input.cursor ?? null,
    },
  )
  const event: CaseEvent = {
    type: 'hand-over',
    from: { id: from._id, name: from.name },
    to: { id: to._id, name: to.name },
    reason: input.reason,
  }
  const access = handOverCaseAccess(runtime, scope.admin)
  const report: HandOverReport = { examined: 0, handedOver: 0, conflicts: 0, next: page.next }
  const handed: string[] = []
  for (const doc of page.items) {
    report.examined++
    // The leaver works it: they moved it last, or the assignment names them as its officer.
    if (currentHandlerOf(doc.history) !== from._id && namedOfficer(doc.flags)?.id !== from._id) continue
    try {
      await applyCaseEvent(runtime, access, doc._id, event, { expectedVersion: doc._version, notify: false })
      report.handedOver++
      handed.push(doc.refNo)
    } catch (error) {
      const conflict =
        error instanceof VersionConflictError || (error instanceof AppError && error.code === 'CONFLICT')
      if (!conflict) throw error
      report.conflicts++
    }
  }
  if (handed.length > 0) {
    await recordAudit(runtime.db, {
      action: 'hand-over-cases',
      subject: from._id,
      staffId: scope.admin._id,
      staffName: scope.admin.name,
      at: toShanghaiIso(now),
      toStaffId: to._id,
      toName: to.name,
      reason: input.reason,
      refNos: handed,
    })
  }
  runtime.log.info('cases handed over', { from: from._id, to: to._id, ...report, next: Boolean(report.next) })
  return report
}
