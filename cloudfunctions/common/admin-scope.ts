// Whom and what an administrator administers. An administrator's scope is their units and every unit below them;
// they grant posts in those units only, and manage the staff whose units all lie in it. The 系统管理员 post is
// granted and changed only by an administrator of a top unit (a unit with no parent), so a branch's administrator
// can never make anyone — themself included — an administrator of the bureau. Nobody changes their own record.
import { AppError } from '../../shared/contracts/result'
import type { StaffRole } from '../../shared/vocabulary/units'
import type { Runtime } from './ports'
import { topUnitIds, unitNamer, unitScopeOf, type StaffRecord } from './staff-records'

export interface AdminScope {
  admin: StaffRecord
  /** The units administered: the administrator's units and their descendants. */
  units: ReadonlySet<string>
  /** Administrator of a top unit: grants and changes the 系统管理员 post. */
  topAdmin: boolean
}

/** The one answer for a colleague outside the scope, or no such colleague (they are not told apart). */
export const STAFF_NOT_FOUND = '没有找到该工作人员，或不在您的管理范围内'

export function adminScopeOf(runtime: Runtime, admin: StaffRecord): AdminScope {
  const tops = new Set(topUnitIds(runtime.deployment.units))
  return {
    admin,
    units: new Set(unitScopeOf(runtime.deployment.units, admin)),
    topAdmin: admin.roles.includes('admin') && admin.unitIds.some((id) => tops.has(id)),
  }
}

/** A colleague the administrator may see in lists: one of their units is administered. */
export function isVisible(scope: AdminScope, staff: Pick<StaffRecord, 'unitIds'>): boolean {
  return staff.unitIds.some((id) => scope.units.has(id))
}

/** Why the administrator may not change this colleague's record, or null when they may. */
export function whyNotManageable(
  scope: AdminScope,
  staff: Pick<StaffRecord, '_id' | 'unitIds' | 'roles'>,
): string | null {
  if (staff._id === scope.admin._id) return '不能调整或停用自己的账号，请由其他系统管理员办理'
  if (!staff.unitIds.every((id) => scope.units.has(id))) {
    return '该工作人员还在您管理范围以外的单位任职，请由上级单位的系统管理员办理'
  }
  if (staff.roles.includes('admin') && !scope.topAdmin) {
    return '系统管理员岗位只能由最上级单位的系统管理员调整'
  }
  return null
}

/**
 * A colleague to change: visible and manageable. Out of scope answers like no such colleague; a visible one the
 * administrator may not change answers FORBIDDEN with the reason.
 */
export function assertManageable(scope: AdminScope, staff: StaffRecord | null): StaffRecord {
  if (!staff || !isVisible(scope, staff)) throw new AppError('NOT_FOUND', STAFF_NOT_FOUND)
  const why = whyNotManageable(scope, staff)
  if (why) throw new AppError('FORBIDDEN', why)
  return staff
}

/** A post (roles × units) the administrator may grant: units of this deployment within the scope, and no 系统管理员 unless top. */
export function assertMayGrant(
  runtime: Runtime,
  scope: AdminScope,
  post: { roles: readonly StaffRole[]; unitIds: readonly string[] },
): void {
  const known = new Set(runtime.deployment.units.map((u) => u.id))
  const unknown = post.unitIds.filter((id) => !known.has(id))
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', `没有这个单位：${unknown.join('、')}`, {
      unitIds: '请从列表中选择单位',
    })
  }
  const outside = post.unitIds.filter((id) => !scope.units.has(id))
  if (outside.length) {
    const name = unitNamer(runtime.deployment.units)
    throw new AppError('FORBIDDEN', `不能授予您管理范围以外的单位：${outside.map(name).join('、')}`)
  }
  if (post.roles.includes('admin') && !scope.topAdmin) {
    throw new AppError('FORBIDDEN', '系统管理员岗位只能由最上级单位的系统管理员授予')
  }
}
