// Staff records: a WeChat user (OPENID) bound to roles in units. Seeded for the demo deployment; in
// production bound through a one-time invite code.
import type { StaffRole, UnitConfig } from '../../shared/vocabulary/units'
import { COLLECTIONS } from './collections'
import { MAX_PAGE_SIZE, type DocStore, type Page, type WithId } from './ports'

export interface StaffDoc {
  openid: string | null
  name: string
  title: string
  roles: StaffRole[]
  unitIds: string[]
  active: boolean
  /** When the identity was bound (an invite or the setup code redeemed); absent for seeded demo staff. */
  enrolledAt?: string
  /** The invite that created the record (its id: the keyed hash of the code). */
  inviteId?: string
  deactivatedAt?: string
  deactivatedBy?: string
  updatedAt?: string
}

export type StaffRecord = WithId<StaffDoc>

export async function findStaffByOpenid(db: DocStore, openid: string): Promise<StaffRecord | null> {
  const page = await db.find<StaffDoc>(COLLECTIONS.staff, { filter: { openid, active: true }, limit: 1 })
  return page.items[0] ?? null
}

/**
 * Every active staff member, page by page over the `active` index (a unit's staff are found by their
 * `unitIds` array, which no index can serve, so recipients are picked from the whole active list).
 */
export async function listActiveStaff(db: DocStore): Promise<StaffRecord[]> {
  const all: StaffRecord[] = []
  let after: string | null = null
  do {
    const page: Page<StaffRecord> = await db.find<StaffDoc>(COLLECTIONS.staff, {
      filter: { active: true },
      limit: MAX_PAGE_SIZE,
      after,
    })
    all.push(...page.items)
    after = page.next
  } while (after)
  return all
}

/** The deployment's top units (no parent): their administrators administer the whole deployment. */
export function topUnitIds(units: readonly UnitConfig[]): string[] {
  return units.filter((u) => !u.parentId).map((u) => u.id)
}

/**
 * The units a staff member's work covers: their own units and every unit below them (a city bureau's
 * supervisor sees its branches). The unit tree is the deployment's, bundled with every function.
 */
export function unitScopeOf(units: readonly UnitConfig[], staff: StaffRecord): string[] {
  const children = new Map<string, string[]>()
  for (const unit of units) {
    if (!unit.parentId) continue
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id])
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

/** A unit's name by id, from the deployment; an id it does not know is shown as it is. */
export function unitNamer(units: readonly UnitConfig[]): (id: string) => string {
  const names = new Map(units.map((u) => [u.id, u.name]))
  return (id) => names.get(id) ?? id
}
