// Notices of oversight that are not a case's workflow effects: an early warning raised (S3 第十六条) and the monthly
// report sent up go to the leaders and supervisors of a unit and the units above it.
import { STAFF_NOTICE_TEMPLATE } from '../../../shared/workflow'
import { formatShanghai } from '../../../shared/time'
import type { Runtime } from '../ports'
import { listActiveStaff } from '../staff-records'

/** The unit and every unit above it. */
function unitLine(runtime: Runtime, unitId: string): string[] {
  const byId = new Map(runtime.deployment.units.map((u) => [u.id, u]))
  const line: string[] = []
  for (let id: string | undefined = unitId; id && !line.includes(id); id = byId.get(id)?.parentId)
    line.push(id)
  return line
}

/** Openids of the active leaders and supervisors of the unit and the units above it. */
async function overseersOf(runtime: Runtime, unitId: string): Promise<string[]> {
  const line = unitLine(runtime, unitId)
  const staff = await listActiveStaff(runtime.db)
  return staff
    .filter(
      (s) =>
        s.openid &&
        s.unitIds.some((u) => line.includes(u)) &&
        s.roles.some((r) => r === 'leader' || r === 'supervisor'),
    )
    .map((s) => s.openid!)
}

/** Tells the overseers of `unitId` (a task notice, deduplicated per key and recipient). */
export async function tellOverseers(
  runtime: Runtime,
  unitId: string,
  notice: { key: string; code: string; text: string; page: string; at: string; state: string },
): Promise<number> {
  const to = await overseersOf(runtime, unitId)
  for (const openid of to) {
    await runtime.notifier.send({
      to: openid,
      template: STAFF_NOTICE_TEMPLATE,
      page: notice.page,
      data: {
        character_string1: notice.code,
        thing2: notice.text.slice(0, 20),
        phrase3: notice.state.slice(0, 5),
        time4: formatShanghai(notice.at),
      },
      dedupeKey: `${notice.key}:${openid}`,
    })
  }
  return to.length
}
