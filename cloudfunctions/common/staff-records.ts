// Staff records: a WeChat user (OPENID) bound to roles in units. Seeded for the demo deployment; in
// production bound through a one-time invite code.
import type { StaffRole, UnitConfig } from '../../shared/deployment'
import { COLLECTIONS } from './collections'
import type { DocStore, WithId } from './ports'

export interface StaffDoc {
  openid: string | null
  name: string
  title: string
  roles: StaffRole[]
  unitIds: string[]
  active: boolean
}

export type StaffRecord = WithId<StaffDoc>

export async function findStaffByOpenid(db: DocStore, openid: string): Promise<StaffRecord | null> {
  const page = await db.find<StaffDoc>(COLLECTIONS.staff, { filter: { openid, active: true }, limit: 1 })
  return page.items[0] ?? null
}

export type UnitDoc = Omit<UnitConfig, 'id'>

/**
 * The units a staff member's work covers: their own units and every unit below them (a city bureau's
 * supervisor sees its branches). Units per deployment are few (tens), so this reads them in one page.
 */
export async function unitScopeOf(db: DocStore, staff: StaffRecord): Promise<string[]> {
  const units = await db.find<UnitDoc>(COLLECTIONS.units, { limit: 100 })
  const children = new Map<string, string[]>()
  for (const unit of units.items) {
    if (!unit.parentId) continue
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit._id])
  }
  const scope = new Set<string>()
  const visit = (id: string) => {
    if (scope.has(id)) return
    scope.add(id)
    for (const child of children.get(id) ?? []) visit(child)
  }
  staff.unitIds.forEach(visit)
  return [...scope]
}

export async function unitNames(db: DocStore, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  for (const id of new Set(ids)) {
    const unit = await db.get<UnitDoc>(COLLECTIONS.units, id)
    if (unit) names.set(id, unit.name)
  }
  return names
}
