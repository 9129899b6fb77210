// Who may reach which case. Every action loads the case it names — and every case an event links to (merge
// target, …: `caseIdsNamedBy`) — through the caller's CaseAccess, so one scope check covers them all. Anything
// outside the scope answers exactly like a case that does not exist: same code, same message, nothing that
// tells them apart (no status, no reference number), so other units' cases cannot be probed.
import { AppError } from '../../shared/contracts/result'
import { hasCaseDuty } from '../../shared/vocabulary/units'
import { hasRecused, isOpenState, systemActor, type Actor, type SystemActorId } from '../../shared/workflow'
import type { CaseDoc, StoredCase } from '../../shared/cases/case-doc'
import { visibleToOthers } from '../../shared/cases/content-holds'
import { COLLECTIONS } from './collections'
import { getFollow, type FollowRecord } from './follows'
import type { Runtime } from './ports'
import { unitScopeOf, type StaffRecord } from './staff-records'

/** The one answer for "missing or not yours", per audience. */
export const CASE_NOT_FOUND = {
  staff: '没有找到该案件，或不在您的办理范围内',
  citizen: '没有找到这条反映，可能已被删除或不属于您',
  /** Following: a case that is not open to following (closed, merged, held) is not told apart from a missing one. */
  followable: '没有找到这条反映，或它已办结、已合并，不能再关注',
  system: '案件不存在',
} as const

/** A case the caller names beside the one acted on (a link in an event), labelled for the message. */
interface NamedCase {
  label: string
}

export interface CaseAccess {
  /** Who acts: the workflow's actor for events sent through this access. */
  readonly actor: Actor
  /** The case if the caller may reach it; otherwise NOT_FOUND, the same as for an id no case has. */
  load(caseId: string, named?: NamedCase): Promise<StoredCase>
}

function notFound(message: string, named?: NamedCase): AppError {
  return new AppError('NOT_FOUND', named ? `${named.label}：${message}` : message)
}

/** `JZ-20261128-0001`: the reference number people read, write down and say on the phone. */
export const REF_NO_PATTERN = /^[A-Za-z]{2,4}-\d{8}-\d{4,}$/

/**
 * A case by its id, or by the reference number people know it by (`JZ-20261128-0001`, indexed `refno`): either
 * way the same scope check follows.
 */
export async function caseByIdOrRefNo(runtime: Runtime, idOrRefNo: string): Promise<StoredCase | null> {
  if (!REF_NO_PATTERN.test(idOrRefNo)) return runtime.db.get<CaseDoc>(COLLECTIONS.cases, idOrRefNo)
  const page = await runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
    filter: { refNo: idOrRefNo.toUpperCase() },
    limit: 1,
  })
  return page.items[0] ?? null
}

/** Whether a staff member with this unit scope may reach the case (before any recusal). */
export function caseInUnits(doc: CaseDoc, scope: ReadonlySet<string>): boolean {
  const units = [doc.unitId, ...(doc.flags.assignment?.unitIds ?? [])]
  return doc.screening === 'passed' && units.some((u) => u && scope.has(u))
}

/**
 * The units whose cases a staff member sees (the inbox, a case, acting on it): the scope of their units — their
 * units and the units below them — for posts with case duties; none for the others. A 奖励管理员 or 系统管理员 does not
 * see cases or reporters' masked names and phones (least privilege: as few people as the work needs know of a
 * report); one who also holds a case-duty post sees the cases of that post's units.
 */
export function caseUnitScope(runtime: Runtime, staff: StaffRecord): string[] {
  return hasCaseDuty(staff.roles) ? unitScopeOf(runtime.deployment.units, staff) : []
}

/**
 * A case within these units, named by id or by reference number: held by one of them, or assigned to one. Held
 * cases (content being checked) never; a case the actor stepped aside from (回避, S2 第六条) no longer.
 */
function scopedAccess(runtime: Runtime, actor: Actor, units: readonly string[]): CaseAccess {
  const scope = new Set(units)
  return {
    actor,
    async load(caseId, named) {
      const doc = await caseByIdOrRefNo(runtime, caseId)
      if (!doc || !caseInUnits(doc, scope) || hasRecused(doc.flags, actor.id)) {
        throw notFound(CASE_NOT_FOUND.staff, named)
      }
      return doc
    },
  }
}

/** Staff reach the cases held by, or assigned to, a unit of their case scope (`caseUnitScope`). */
export function staffCaseAccess(runtime: Runtime, staff: StaffRecord): CaseAccess {
  return scopedAccess(
    runtime,
    { kind: 'staff', id: staff._id, roles: staff.roles },
    caseUnitScope(runtime, staff),
  )
}

/**
 * An administrator handing a leaver's open cases to a colleague (移交经办, cloudfunctions/admin/hand-over.ts) reaches
 * the cases of their administrative scope, acting in the admin post only — the workflow lets that post hand a
 * case over and nothing else on an open case. Nothing of the case is shown to the administrator.
 */
export function handOverCaseAccess(runtime: Runtime, admin: StaffRecord): CaseAccess {
  return scopedAccess(
    runtime,
    { kind: 'staff', id: admin._id, roles: ['admin'] },
    unitScopeOf(runtime.deployment.units, admin),
  )
}

export interface CitizenCaseAccess extends CaseAccess {
  /** A case this citizen follows (as its reporter or a follower), with the follow. */
  followed(caseId: string): Promise<{ doc: StoredCase; follow: FollowRecord }>
  /**
   * A case this citizen may start following (follow instead of filing again): one they already follow, or a
   * released, open case not merged into another. Closed, merged and held cases look missing.
   */
  followable(caseId: string): Promise<{ doc: StoredCase; follow: FollowRecord | null }>
}

/** Citizens reach the cases they follow; events they send act on those only. */
export function citizenCaseAccess(runtime: Runtime, openid: string): CitizenCaseAccess {
  const followed = async (caseId: string, named?: NamedCase) => {
    const follow = await getFollow(runtime.db, caseId, openid)
    const doc = follow ? await runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId) : null
    if (!follow || !doc) throw notFound(CASE_NOT_FOUND.citizen, named)
    return { doc, follow }
  }
  return {
    actor: { kind: 'reporter', id: openid },
    followed: (caseId) => followed(caseId),
    load: async (caseId, named) => (await followed(caseId, named)).doc,
    async followable(caseId) {
      const [doc, follow] = await Promise.all([
        runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId),
        getFollow(runtime.db, caseId, openid),
      ])
      if (doc && follow) return { doc, follow }
      // Held content (being checked, or waiting for a person) is not offered to other citizens.
      if (!doc || !visibleToOthers(doc) || doc.mergedInto || !isOpenState(doc.status)) {
        throw notFound(CASE_NOT_FOUND.followable)
      }
      return { doc, follow: null }
    },
  }
}

/** The system (timers, intake) reaches every case. */
export function systemCaseAccess(runtime: Runtime, id: SystemActorId): CaseAccess {
  return {
    actor: systemActor(id),
    async load(caseId, named) {
      const doc = await runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId)
      if (!doc) throw notFound(CASE_NOT_FOUND.system, named)
      return doc
    },
  }
}
