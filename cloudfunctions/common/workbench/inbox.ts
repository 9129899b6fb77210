// The workbench's lists, each page ONE indexed query (database/indexes.json; tests/integration/query-plans):
//   todo        one of my to-do lists — the stored `todo.<list>` key of the cases of my units (the officer's list:
//               the cases naming me), urgent first, then by due date (shared/cases/todo.ts)
//   duty        the same over the units whose shift names me today (one read by id finds them)
//   open / all  the cases of my units, newest first
//   co-handling open cases my units share with another unit's lead office (the `co_handling` links)
//   search      a reference number (the `refno` index), or the start of a reported party's name (`entity_created`)
// Posts without case duty (reward admin, system admin) have no units here and see no cases (least privilege,
// caseUnitScope). Filters are conditions of the same query. A case its reader stepped aside from (回避, S2 第六条) is left out
// of the page they get; the page's cursor still continues after it.
import type { CaseDoc, StoredCase } from '../../../shared/cases/case-doc'
import { dueBadgeOf, TODO_LISTS, todoField, type TodoList } from '../../../shared/cases/todo'
import type { InboxItem } from '../../../shared/cases/views'
import type { CasePage } from '../../../shared/contracts/cases'
import { AppError } from '../../../shared/contracts/result'
import type { InboxFilters } from '../../../shared/contracts/staff'
import { entityKey } from '../../../shared/routing/entity-names'
import { localDateOf } from '../../../shared/time'
import { hasRecused } from '../../../shared/workflow'
import { toInboxItem } from '../../../shared/cases/views/staff'
import { calendarFor } from '../calendar'
import { caseByIdOrRefNo, caseInUnits, caseUnitScope, REF_NO_PATTERN } from '../case-access'
import { clocksOf } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import { findAcross } from '../db/find-across'
import { getMany } from '../db/get-many'
import type { Filter, FindOptions, Runtime } from '../ports'
import { routerFor } from '../routing'
import { unitNamer, type StaffRecord } from '../staff-records'
import type { CoHandlingDoc } from './co-handling'
import { myDuty } from './duty'

export interface InboxRequest {
  cursor?: string | null
  limit: number
  scope: 'todo' | 'open' | 'all' | 'co-handling'
  list?: TodoList
  filters: InboxFilters
  search?: string
}

/** The filters as conditions of the list's query (overdue: the next duty's date is before today). */
function filterOf(filters: InboxFilters, today: string): Filter {
  const f: Filter = { screening: 'passed' }
  if (filters.status) f.status = filters.status
  if (filters.category) f.category = filters.category
  if (filters.requestType) f.requestType = filters.requestType
  if (filters.regionCode) f.regionCode = filters.regionCode
  if (filters.important) f['facts.important'] = true
  if (filters.urgent) f.urgent = true
  if (filters.escalated) f['flags.escalated'] = true
  if (filters.supervised) f['flags.supervised'] = true
  if (filters.overdue) f.dueOn = { $lt: today }
  return f
}

/** Inbox rows of a page of cases, in the page's order, with their clocks and due badges as of now. */
async function inboxItems(runtime: Runtime, docs: readonly StoredCase[], now: Date): Promise<InboxItem[]> {
  const unitName = unitNamer(runtime.deployment.units)
  const calendar = await calendarFor(runtime)
  const today = localDateOf(now)
  return docs.map((doc) =>
    toInboxItem(doc, unitName(doc.unitId), clocksOf(doc, calendar, now), (due) =>
      dueBadgeOf(due, today, calendar),
    ),
  )
}

/** The to-do list query of a post: the cases of my units that owe it a move, urgent first, then by due date. */
async function todoQuery(
  runtime: Runtime,
  staff: StaffRecord,
  list: TodoList,
  filter: Filter,
  after: string | null | undefined,
  now: Date,
): Promise<{ field: string; values: string[]; options: Omit<FindOptions, 'limit'> } | null> {
  const key = todoField(list)
  // Only the cases on the list (those without the key are not); after a cursor its range says as much.
  const on = after ? {} : { [key]: { $gt: '' } }
  const options = { filter: { ...filter, ...on }, orderBy: [[key, 'asc']] as const }
  const role = TODO_LISTS[list].role
  if (role !== null && !staff.roles.includes(role)) {
    throw new AppError('FORBIDDEN', `您的岗位没有「${TODO_LISTS[list].label}」待办`)
  }
  if (list === 'officer') return { field: 'assigneeStaffId', values: [staff._id], options }
  if (list === 'duty') {
    const units = (await myDuty(runtime, staff, now)).map((d) => d.unitId)
    return units.length ? { field: 'unitId', values: units, options } : null
  }
  return { field: 'unitId', values: caseUnitScope(runtime, staff), options }
}

export async function inboxPage(
  runtime: Runtime,
  staff: StaffRecord,
  request: InboxRequest,
  now: Date,
): Promise<CasePage<InboxItem>> {
  if (request.search) return searchPage(runtime, staff, request, now)
  const mine = (docs: StoredCase[]) => docs.filter((d) => !hasRecused(d.flags, staff._id))
  const page = { limit: request.limit, after: request.cursor }
  const filter = filterOf(request.filters, localDateOf(now))
  if (request.scope === 'co-handling') {
    const links = await findAcross<CoHandlingDoc>(
      runtime.db,
      COLLECTIONS.coHandling,
      'unitId',
      caseUnitScope(runtime, staff),
      { filter: { open: true }, orderBy: [['createdAt', 'desc']], ...page },
    )
    const cases = await getMany<CaseDoc>(
      runtime.db,
      COLLECTIONS.cases,
      links.items.map((l) => l.caseId),
    )
    const docs = links.items.flatMap((l) => {
      const doc = cases.get(l.caseId)
      return doc && doc.screening === 'passed' ? [doc] : []
    })
    return { items: await inboxItems(runtime, mine(docs), now), next: links.next }
  }
  if (request.scope === 'todo') {
    if (!request.list) throw new AppError('VALIDATION_FAILED', '请选择待办列表', { list: '请选择待办列表' })
    const query = await todoQuery(runtime, staff, request.list, filter, request.cursor, now)
    if (!query) return { items: [], next: null }
    const found = await findAcross<CaseDoc>(runtime.db, COLLECTIONS.cases, query.field, query.values, {
      ...query.options,
      ...page,
    })
    return { items: await inboxItems(runtime, mine(found.items), now), next: found.next }
  }
  if (request.scope === 'open') filter.open = true
  const found = await findAcross<CaseDoc>(
    runtime.db,
    COLLECTIONS.cases,
    'unitId',
    caseUnitScope(runtime, staff),
    { filter, orderBy: [['createdAt', 'desc']], ...page },
  )
  return { items: await inboxItems(runtime, mine(found.items), now), next: found.next }
}

/**
 * A reference number finds that case, through the same scope check as opening it; anything else is the start of
 * a reported party's name, normalised like the stored key (焦作市恒通化工有限公司 → 恒通化工), over every case of
 * the deployment that names one — the page keeps the ones in my units.
 */
async function searchPage(
  runtime: Runtime,
  staff: StaffRecord,
  request: InboxRequest,
  now: Date,
): Promise<CasePage<InboxItem>> {
  const scope = new Set(caseUnitScope(runtime, staff))
  const reachable = (doc: StoredCase) => caseInUnits(doc, scope) && !hasRecused(doc.flags, staff._id)
  const text = request.search!.trim()
  if (REF_NO_PATTERN.test(text)) {
    if (request.cursor) return { items: [], next: null }
    const doc = await caseByIdOrRefNo(runtime, text)
    return { items: doc && reachable(doc) ? await inboxItems(runtime, [doc], now) : [], next: null }
  }
  const key = entityKey(text, routerFor(runtime).entityNames) ?? text
  const found = await runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
    filter: { ...filterOf(request.filters, localDateOf(now)), entityKey: { $gte: key, $lt: `${key}\uffff` } },
    orderBy: [
      ['entityKey', 'asc'],
      ['createdAt', 'desc'],
    ],
    limit: request.limit,
    after: request.cursor,
  })
  return { items: await inboxItems(runtime, found.items.filter(reachable), now), next: found.next }
}
