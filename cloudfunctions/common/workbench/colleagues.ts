// Colleagues, for the pickers of the workbench: the officers a dispatcher may name to handle a case, the officers
// and leaders an office head puts on the duty roster. Scoped to the caller's units (their units and those below);
// a unit outside that scope answers like one that does not exist. Staff who stepped aside from a case (回避,
// S2 第六条) are not offered for it.
import { AppError } from '../../../shared/contracts/result'
import type { ColleagueOption } from '../../../shared/contracts/staff'
import type { StaffRole } from '../../../shared/vocabulary/units'
import { hasRecused, type CaseFlags, type Colleague } from '../../../shared/workflow'
import { COLLECTIONS } from '../collections'
import type { Runtime } from '../ports'
import { listActiveStaff, unitScopeOf, type StaffRecord } from '../staff-records'

const UNIT_NOT_FOUND = '没有找到该单位，或不在您的范围内'

/** The unit if it is in the caller's scope; otherwise NOT_FOUND, as for a unit id no unit has. */
export function unitInScope(runtime: Runtime, caller: StaffRecord, unitId: string): string {
  if (!unitScopeOf(runtime.deployment.units, caller).includes(unitId)) {
    throw new AppError('NOT_FOUND', UNIT_NOT_FOUND)
  }
  return unitId
}

/** The units above a unit, nearest first (a branch's bureau): a leader there may lead a branch's shift. */
export function unitsAbove(runtime: Runtime, unitId: string): string[] {
  const byId = new Map(runtime.deployment.units.map((u) => [u.id, u]))
  const line: string[] = []
  for (let id = byId.get(unitId)?.parentId; id && !line.includes(id); id = byId.get(id)?.parentId)
    line.push(id)
  return line
}

/**
 * Active staff with `role` who work in `unitId`: members of the unit itself; for leaders also of the units above
 * it (a bureau leader may lead a branch's shift, 领导带班). Those recused from the case are left out.
 */
export async function colleaguesIn(
  runtime: Runtime,
  unitId: string,
  role: Extract<StaffRole, 'officer' | 'leader'>,
  recusedFrom: Pick<CaseFlags, 'recused'> | null = null,
): Promise<ColleagueOption[]> {
  const units = role === 'leader' ? [unitId, ...unitsAbove(runtime, unitId)] : [unitId]
  const all = await listActiveStaff(runtime.db)
  return all
    .filter((s) => s.roles.includes(role) && s.unitIds.some((u) => units.includes(u)))
    .filter((s) => !recusedFrom || !hasRecused(recusedFrom, s._id))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .map((s) => ({ id: s._id, name: s.name, title: s.title }))
}

/**
 * The colleague an event names, as the record has them: an active staff member with `role` in `unitId` (and not
 * recused from the case). The name is the stored one, whatever the client sent. Anyone else is refused at the
 * field, in Chinese.
 */
export async function resolveColleague(
  runtime: Runtime,
  named: Colleague,
  unitId: string,
  role: Extract<StaffRole, 'officer' | 'leader'>,
  field: string,
  recusedFrom: Pick<CaseFlags, 'recused'> | null = null,
): Promise<Colleague> {
  const found = (await colleaguesIn(runtime, unitId, role, recusedFrom)).find((c) => c.id === named.id)
  if (!found) {
    const unit = runtime.deployment.units.find((u) => u.id === unitId)?.name ?? unitId
    const post = role === 'officer' ? '承办人员' : '分管领导'
    const record = await runtime.db.get<StaffRecord>(COLLECTIONS.staff, named.id)
    const message = `${record?.name ?? '所选人员'}不是${unit}在岗的${post}，或已声明回避本案`
    throw new AppError('VALIDATION_FAILED', message, { [field]: message })
  }
  return { id: found.id, name: found.name }
}
