// 领导接访 (S2 第七条): a record of each reception — the day, the leader, the petitioners, their matters and what
// was assigned to whom — and each leader's count for a month against the jurisdiction's minimum. Petitioners are
// personal data like a reporter's identity: their names are sealed (AES-256-GCM, the identity key) and stored
// masked for lists; no count, statistic or export reads them.
import type { ReceptionMonth, ReceptionView } from '../../../shared/contracts/oversight'
import { AppError } from '../../../shared/contracts/result'
import { receptionCounts } from '../../../shared/oversight'
import { oversightPolicy } from '../../../shared/policy/oversight'
import type { ProfileId } from '../../../shared/policy'
import { toShanghaiIso } from '../../../shared/time'
import { audit } from '../audit'
import { COLLECTIONS } from '../collections'
import { findAcross } from '../db/find-across'
import { MAX_PAGE_SIZE, type Page, type Runtime, type WithId } from '../ports'
import { encryptField, maskName } from '../reporter-identity'
import { listActiveStaff, unitNamer, unitScopeOf, type StaffRecord } from '../staff-records'
import { firstDayOf, lastDayOf } from '../../../shared/months'

interface ReceptionDoc {
  date: string
  leaderStaffId: string
  leaderName: string
  /** The leader's unit in the recorder's scope: the record's scope. */
  unitId: string
  petitionersSealed: string[]
  petitionersMasked: string[]
  petitionerCount: number
  matters: string
  assignments: Array<{ unitId: string; task: string }>
  recordedBy: string
  recordedByName: string
  createdAt: string
}

const LEADER_NOT_FOUND = '没有找到该领导，或不在您的范围内'

/** The leaders whose units lie in the caller's scope. */
async function leadersInScope(runtime: Runtime, staff: StaffRecord): Promise<StaffRecord[]> {
  const scope = new Set(unitScopeOf(runtime.deployment.units, staff))
  return (await listActiveStaff(runtime.db)).filter(
    (s) => s.roles.includes('leader') && s.unitIds.some((u) => scope.has(u)),
  )
}

function viewOf(runtime: Runtime, doc: WithId<ReceptionDoc>): ReceptionView {
  const unitName = unitNamer(runtime.deployment.units)
  return {
    id: doc._id,
    date: doc.date,
    leaderStaffId: doc.leaderStaffId,
    leaderName: doc.leaderName,
    unitId: doc.unitId,
    petitioners: doc.petitionersMasked,
    petitionerCount: doc.petitionerCount,
    matters: doc.matters,
    assignments: doc.assignments.map((a) => ({ ...a, unitName: unitName(a.unitId) })),
    recordedBy: doc.recordedByName,
  }
}

export async function recordReception(
  runtime: Runtime,
  staff: StaffRecord,
  request: {
    date: string
    leaderStaffId: string
    petitioners: string[]
    matters: string
    assignments: Array<{ unitId: string; task: string }>
  },
): Promise<ReceptionView> {
  const scope = unitScopeOf(runtime.deployment.units, staff)
  const leader = (await leadersInScope(runtime, staff)).find((s) => s._id === request.leaderStaffId)
  if (!leader) throw new AppError('NOT_FOUND', LEADER_NOT_FOUND)
  const outside = request.assignments.filter((a) => !scope.includes(a.unitId))
  if (outside.length) throw new AppError('NOT_FOUND', '没有找到该单位，或不在您的范围内')
  const now = runtime.clock.now()
  if (request.date > toShanghaiIso(now).slice(0, 10))
    throw new AppError('VALIDATION_FAILED', '接访日期不能晚于今天')
  const key = runtime.secrets.identityKey
  const at = toShanghaiIso(now)
  const doc: ReceptionDoc = {
    date: request.date,
    leaderStaffId: leader._id,
    leaderName: leader.name,
    unitId: leader.unitIds.find((u) => scope.includes(u))!,
    petitionersSealed: request.petitioners.map((name) => encryptField(key, name)),
    petitionersMasked: request.petitioners.map(maskName),
    petitionerCount: request.petitioners.length,
    matters: request.matters,
    assignments: request.assignments,
    recordedBy: staff._id,
    recordedByName: staff.name,
    createdAt: at,
  }
  const id = await runtime.db.transaction(async (tx) => {
    const inserted = await tx.insert<ReceptionDoc>(COLLECTIONS.receptions, doc)
    await audit(tx, 'record-reception', inserted, staff, at, {
      leaderStaffId: leader._id,
      date: doc.date,
      petitionerCount: doc.petitionerCount,
    })
    return inserted
  })
  return viewOf(runtime, { ...doc, _id: id, _version: 1 })
}

/** The month's receptions in the caller's scope and each leader's count against the minimum (S2 第七条). */
export async function receptionMonth(
  runtime: Runtime,
  staff: StaffRecord,
  month: string,
): Promise<ReceptionMonth> {
  const scope = unitScopeOf(runtime.deployment.units, staff)
  const docs: Array<WithId<ReceptionDoc>> = []
  let after: string | null = null
  do {
    const page: Page<WithId<ReceptionDoc>> = await findAcross<ReceptionDoc>(
      runtime.db,
      COLLECTIONS.receptions,
      'unitId',
      scope,
      {
        filter: { date: { $gte: firstDayOf(month), $lte: lastDayOf(month) } },
        orderBy: [['date', 'desc']],
        limit: MAX_PAGE_SIZE,
        after,
      },
    )
    docs.push(...page.items)
    after = page.next
  } while (after && docs.length < 1000)
  const rule = oversightPolicy(runtime.deployment.profileId as ProfileId).leaderReceptions
  const leaders = (await leadersInScope(runtime, staff)).map((s) => ({ staffId: s._id, name: s.name }))
  return {
    month,
    minimum: rule ? { perMonth: rule.minPerMonth, basis: rule.basis } : null,
    counts: receptionCounts(leaders, docs, month, rule?.minPerMonth ?? null),
    receptions: docs.map((d) => viewOf(runtime, d)),
  }
}
