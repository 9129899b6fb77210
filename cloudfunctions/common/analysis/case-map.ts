// The map of open cases for staff: a page of the open, released cases of the staff member's case scope (the inbox's
// query and index; none for posts without case duty: `caseUnitScope`), each as a map point with its tone from the
// same clocks the case page shows. The device loads the pages and clusters them (shared/analysis/case-map.ts); the
// positions never leave the staff view.
import { toMapPoint, type MapPoint, type MapSource } from '../../../shared/analysis/case-map'
import type { CaseDoc } from '../../../shared/cases/case-doc'
import type { CasePage } from '../../../shared/contracts/cases'
import { calendarFor } from '../calendar'
import { clocksOf } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import { findAcross } from '../db/find-across'
import type { Runtime } from '../ports'
import { caseUnitScope } from '../case-access'
import type { StaffRecord } from '../staff-records'

/** What a map point needs of a case: the point's fields and what its clocks are derived from. */
const MAP_FIELDS = [
  'refNo',
  'position',
  'category',
  'unitId',
  'status',
  'intake',
  'facts',
  'history',
  'profile',
] as const satisfies ReadonlyArray<keyof CaseDoc>

export async function openCaseMapPage(
  runtime: Runtime,
  staff: StaffRecord,
  request: { cursor?: string | null; limit: number },
): Promise<CasePage<MapPoint>> {
  const page = await findAcross<MapSource & Pick<CaseDoc, 'history' | 'profile'>>(
    runtime.db,
    COLLECTIONS.cases,
    'unitId',
    caseUnitScope(runtime, staff),
    {
      filter: { screening: 'passed', open: true },
      orderBy: [['createdAt', 'desc']],
      limit: request.limit,
      after: request.cursor,
      fields: MAP_FIELDS,
    },
  )
  const calendar = await calendarFor(runtime)
  const now = runtime.clock.now()
  return {
    items: page.items.map((doc) => toMapPoint(doc, clocksOf(doc as unknown as CaseDoc, calendar, now))),
    next: page.next,
  }
}
