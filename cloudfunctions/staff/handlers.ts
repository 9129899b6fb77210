// staff: the workbench — who am I, and the cases waiting in my units.
import { staffContract } from '../../shared/contracts/staff'
import { OPEN_STATE_KEYS } from '../../shared/workflow/states'
import { toInboxItem, type CaseDoc } from '../common/case-records'
import { COLLECTIONS } from '../common/collections'
import type { Filter } from '../common/ports'
import { defineFunction } from '../common/router'
import { unitNames, unitScopeOf } from '../common/staff-records'

export const staffFunction = defineFunction('staff', staffContract, {
  async me(_input, { runtime, staff }) {
    if (!staff) return null
    const names = await unitNames(runtime.db, staff.unitIds)
    return {
      staffId: staff._id,
      name: staff.name,
      title: staff.title,
      roles: staff.roles,
      units: staff.unitIds.map((id) => ({ id, name: names.get(id) ?? id })),
    }
  },

  async inbox(input, { runtime, staff }) {
    const scope = await unitScopeOf(runtime.db, staff)
    const filter: Filter = { unitId: { $in: scope } }
    if (input.scope === 'open') filter.status = { $in: OPEN_STATE_KEYS }
    const page = await runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
      filter,
      orderBy: [['createdAt', 'desc']],
      limit: input.limit,
      after: input.cursor,
    })
    const names = await unitNames(
      runtime.db,
      page.items.map((c) => c.unitId),
    )
    return { items: page.items.map((c) => toInboxItem(c, names.get(c.unitId) ?? c.unitId)), next: page.next }
  },
})
