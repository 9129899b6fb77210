// The duty roster (值班表): one document per unit and duty day — the officers on duty and the leader who leads the
// shift (24小时值班制和领导带班制, S0 第五条; 每个班次不少于2名执法人员, S2 第十二条). Office heads set their units'
// days (audited); everyone with a case duty reads their units'. An urgent case notifies whoever is on duty for
// its unit now (`onDutyFor`): the unit's own roster, or else the nearest unit above it that keeps one.
import { AppError } from '../../../shared/contracts/result'
import type { DutyDay, DutyRoster } from '../../../shared/contracts/staff'
import { DUTY_HANDOVER, dutyDayOf } from '../../../shared/deployment/duty'
import { addLocalDays, toShanghaiIso, type LocalDate } from '../../../shared/time'
import type { Colleague } from '../../../shared/workflow'
import { audit } from '../audit'
import { COLLECTIONS } from '../collections'
import { getMany } from '../db/get-many'
import type { Page, Runtime, WithId } from '../ports'
import { unitNamer, unitScopeOf, type StaffRecord } from '../staff-records'
import { resolveColleague, unitInScope, unitsAbove } from './colleagues'

export interface DutyDoc {
  unitId: string
  date: LocalDate
  officers: Colleague[]
  leader: Colleague | null
  note: string
  updatedAt: string
  updatedBy: Colleague
}

const dutyId = (unitId: string, date: LocalDate) => `${unitId}~${date}`

function dutyView(runtime: Runtime, doc: DutyDoc): DutyDay {
  return {
    unitId: doc.unitId,
    unitName: unitNamer(runtime.deployment.units)(doc.unitId),
    date: doc.date,
    officers: doc.officers,
    leader: doc.leader,
    note: doc.note,
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedBy.name,
  }
}

/** The roster of the caller's units (or one of them) from a duty day on, and their own duty today. */
export async function dutyRoster(
  runtime: Runtime,
  staff: StaffRecord,
  input: { from?: LocalDate; days: number; unitId?: string },
  now: Date,
): Promise<DutyRoster> {
  const today = dutyDayOf(now)
  const scope = unitScopeOf(runtime.deployment.units, staff)
  const units = input.unitId ? [unitInScope(runtime, staff, input.unitId)] : scope
  const from = input.from ?? today
  const to = addLocalDays(from, input.days - 1)
  const days: DutyDay[] = []
  let after: string | null = null
  // At most 31 days of every unit in scope: a few pages, each one merged range per unit.
  do {
    const page: Page<WithId<DutyDoc>> = await runtime.db.find<DutyDoc>(COLLECTIONS.duty, {
      filter: { unitId: units.length === 1 ? units[0]! : { $in: units }, date: { $gte: from, $lte: to } },
      orderBy: [['date', 'asc']],
      limit: 100,
      after,
    })
    days.push(...page.items.map((d) => dutyView(runtime, d)))
    after = page.next
  } while (after)
  const mine = (await myDuty(runtime, staff, now)).map((d) => ({
    unitId: d.unitId,
    unitName: unitNamer(runtime.deployment.units)(d.unitId),
    leads: d.leader?.id === staff._id,
  }))
  return { today, handover: DUTY_HANDOVER, days, mine }
}

/** Today's shifts of the caller's units that name them (one read by id): their duty list's units. */
export async function myDuty(runtime: Runtime, staff: StaffRecord, now: Date): Promise<DutyDoc[]> {
  const today = dutyDayOf(now)
  const scope = unitScopeOf(runtime.deployment.units, staff)
  const todays = await getMany<DutyDoc>(
    runtime.db,
    COLLECTIONS.duty,
    scope.map((u) => dutyId(u, today)),
  )
  return [...todays.values()].filter(
    (d) => d.leader?.id === staff._id || d.officers.some((o) => o.id === staff._id),
  )
}

/** Sets one unit's duty day: officers of the unit, a leader of the unit or above it; audited with the change. */
export async function setDutyDay(
  runtime: Runtime,
  staff: StaffRecord,
  input: { unitId: string; date: LocalDate; officerIds: string[]; leaderId: string | null; note: string },
  now: Date,
): Promise<DutyDay> {
  const unitId = unitInScope(runtime, staff, input.unitId)
  if (input.date < dutyDayOf(now)) {
    throw new AppError('VALIDATION_FAILED', '已经过去的值班日不能再修改', {
      date: '已经过去的值班日不能再修改',
    })
  }
  const officers: Colleague[] = []
  for (const [i, id] of input.officerIds.entries()) {
    officers.push(await resolveColleague(runtime, { id, name: '' }, unitId, 'officer', `officerIds.${i}`))
  }
  const leader = input.leaderId
    ? await resolveColleague(runtime, { id: input.leaderId, name: '' }, unitId, 'leader', 'leaderId')
    : null
  const at = toShanghaiIso(now)
  const doc: DutyDoc = {
    unitId,
    date: input.date,
    officers,
    leader,
    note: input.note,
    updatedAt: at,
    updatedBy: { id: staff._id, name: staff.name },
  }
  const id = dutyId(unitId, input.date)
  await runtime.db.transaction(async (tx) => {
    const stored = await tx.get<DutyDoc>(COLLECTIONS.duty, id)
    if (stored) await tx.update<DutyDoc>(COLLECTIONS.duty, id, doc, stored._version)
    else await tx.insert<DutyDoc>(COLLECTIONS.duty, { _id: id, ...doc })
    await audit(tx, 'set-duty', id, staff, at, {
      unitId,
      date: input.date,
      officers: officers.map((o) => o.name),
      leader: leader?.name ?? null,
    })
  })
  return dutyView(runtime, doc)
}

/** Who is on duty for a unit at an instant: its own roster, else the nearest unit above it with one. */
export async function onDutyFor(runtime: Runtime, unitId: string, at: string): Promise<DutyDoc | null> {
  const day = dutyDayOf(at)
  const line = [unitId, ...unitsAbove(runtime, unitId)]
  const found = await getMany<DutyDoc>(
    runtime.db,
    COLLECTIONS.duty,
    line.map((u) => dutyId(u, day)),
  )
  for (const u of line) {
    const doc = found.get(dutyId(u, day))
    if (doc) return doc
  }
  return null
}
