// What a staff member's event names, checked against the deployment and their scope before the workflow sees it:
// units that exist; the officer an assignment names — an officer of the lead unit, within the caller's units, not
// recused (recorded under the name the staff record has); a transfer's target — a unit of the bureau, a
// neighbouring region of the boundary data, or a department of the deployment's list. The workflow then decides
// whether the event is legal (shared/workflow).
import type { CaseDoc } from '../../../shared/cases/case-doc'
import type { TransferOptions } from '../../../shared/contracts/staff'
import { AppError } from '../../../shared/contracts/result'
import { transferDepartmentsOf } from '../../../shared/deployment/config'
import type { CaseEvent } from '../../../shared/workflow'
import type { Runtime } from '../ports'
import { routerFor } from '../routing'
import { unitScopeOf, type StaffRecord } from '../staff-records'
import { resolveColleague } from './colleagues'

/** Where a case may be transferred. */
export function transferOptions(runtime: Runtime): TransferOptions {
  return {
    units: runtime.deployment.units.map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      parentId: u.parentId ?? null,
    })),
    regions: [...routerFor(runtime).neighbours],
    departments: transferDepartmentsOf(runtime.deployment),
  }
}

function refuse(field: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', message, { [field]: message })
}

/** The event as the workflow will record it, or a refusal at the field that names something it may not. */
export async function checkStaffEvent(
  runtime: Runtime,
  staff: StaffRecord,
  doc: CaseDoc,
  event: CaseEvent,
): Promise<CaseEvent> {
  const known = new Set(runtime.deployment.units.map((u) => u.id))
  const named =
    event.type === 'assign'
      ? [...event.unitIds, ...(event.leadUnitId ? [event.leadUnitId] : [])]
      : event.type === 'transfer' && event.target === 'unit'
        ? [event.to]
        : []
  const unknown = named.filter((id) => !known.has(id))
  if (unknown.length) throw new AppError('VALIDATION_FAILED', `没有这个承办单位：${unknown.join('、')}`)

  if (event.type === 'assign' || event.type === 'designate-officer') {
    const lead =
      event.type === 'assign'
        ? (event.leadUnitId ?? event.unitIds[0]!)
        : (doc.flags.assignment?.leadUnitId ?? doc.unitId)
    if (!unitScopeOf(runtime.deployment.units, staff).includes(lead)) {
      refuse('event.leadUnitId', '只能指定本单位（含下属单位）的承办人：请让牵头单位指定承办人')
    }
    const officer = await resolveColleague(
      runtime,
      event.officer,
      lead,
      'officer',
      'event.officer',
      doc.flags,
    )
    return { ...event, officer }
  }
  if (event.type === 'transfer' && event.target !== 'unit') {
    const options = transferOptions(runtime)
    const allowed = event.target === 'region' ? options.regions.map((r) => r.name) : options.departments
    if (!allowed.includes(event.to)) {
      refuse(
        'event.to',
        event.target === 'region' ? '请从列表中选择要转交的行政区' : '请从列表中选择要转交的部门',
      )
    }
  }
  return event
}
