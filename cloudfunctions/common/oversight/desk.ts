// The supervisor's desk and the leaders' lists: cases of the caller's units read by the derived, indexed fields
// every case write keeps (`oversight.*`, shared/oversight/desk-fields.ts) — one query over all the units of the
// scope (findAcross), in pages; overdue is asked of a date (`dutyDue < today`), so no write is needed for a case
// to appear once its due date passes.
import type { CaseDoc, StoredCase } from '../../../shared/cases/case-doc'
import { toInboxItem } from '../../../shared/cases/views'
import type { CasePage } from '../../../shared/contracts/cases'
import type { DeskItem, DeskList } from '../../../shared/contracts/oversight'
import { supervisionOrderClock, type OversightFields } from '../../../shared/oversight'
import { localDateOf } from '../../../shared/time'
import type { WorkingCalendar } from '../../../shared/calendar'
import { calendarFor } from '../calendar'
import { clocksOf } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import { findAcross } from '../db/find-across'
import type { Filter, FindOptions, OrderBy, Runtime } from '../ports'
import { unitNamer, unitScopeOf, type StaffRecord } from '../staff-records'

type DeskCase = CaseDoc & { oversight?: OversightFields }

/** The filter and order of each desk list (every one served by an index of `cases` that starts with unitId). */
export function deskQuery(list: DeskList, today: string): { filter: Filter; orderBy: OrderBy } {
  const released: Filter = { screening: 'passed' }
  switch (list) {
    case 'overdue':
      return {
        filter: { ...released, 'oversight.dutyDue': { $lt: today } },
        orderBy: [['oversight.dutyDue', 'asc']],
      }
    case 'supervision':
      return { filter: { ...released, 'oversight.supervision': 'open' }, orderBy: [['createdAt', 'desc']] }
    case 'reported':
      return {
        filter: { ...released, 'oversight.supervision': 'reported' },
        orderBy: [['createdAt', 'desc']],
      }
    case 'supervised':
      return { filter: { ...released, 'oversight.supervised': true }, orderBy: [['createdAt', 'desc']] }
    case 'return-visits':
      return {
        filter: { ...released, 'oversight.returnVisitDue': { $gt: '' } },
        orderBy: [['oversight.returnVisitDue', 'asc']],
      }
  }
}

function deskItemOf(runtime: Runtime, doc: StoredCase, calendar: WorkingCalendar, now: Date): DeskItem {
  const fields = (doc as DeskCase).oversight
  return {
    ...toInboxItem(doc, unitNamer(runtime.deployment.units)(doc.unitId), clocksOf(doc, calendar, now)),
    version: doc._version,
    supervisionOrder: supervisionOrderClock(doc, localDateOf(now)),
    returnVisitDue: fields?.returnVisitDue ?? null,
    leaderStaffId: fields?.leaderStaffId ?? null,
  }
}

/** A page of one desk list over the units of the caller's scope. */
export async function deskPage(
  runtime: Runtime,
  staff: StaffRecord,
  request: { list: DeskList; cursor?: string | null; limit: number },
  now: Date,
): Promise<CasePage<DeskItem>> {
  const scope = unitScopeOf(runtime.deployment.units, staff)
  const query = deskQuery(request.list, localDateOf(now))
  const options: FindOptions = { ...query, limit: request.limit, after: request.cursor }
  const page = await findAcross<CaseDoc>(runtime.db, COLLECTIONS.cases, 'unitId', scope, options)
  const calendar = await calendarFor(runtime)
  return { items: page.items.map((doc) => deskItemOf(runtime, doc, calendar, now)), next: page.next }
}

/** The leader's own 包案 cases, newest first (by the `leader_created` index), within their scope. */
export async function leaderCasesPage(
  runtime: Runtime,
  staff: StaffRecord,
  request: { cursor?: string | null; limit: number },
  now: Date,
): Promise<CasePage<DeskItem>> {
  const scope = new Set(unitScopeOf(runtime.deployment.units, staff))
  const page = await runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
    filter: { 'oversight.leaderStaffId': staff._id },
    orderBy: [['createdAt', 'desc']],
    limit: request.limit,
    after: request.cursor,
  })
  const calendar = await calendarFor(runtime)
  const reachable = page.items.filter(
    (doc) =>
      doc.screening === 'passed' &&
      [doc.unitId, ...(doc.flags.assignment?.unitIds ?? [])].some((u) => scope.has(u)),
  )
  return { items: reachable.map((doc) => deskItemOf(runtime, doc, calendar, now)), next: page.next }
}
