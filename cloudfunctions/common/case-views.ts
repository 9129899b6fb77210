// The views of a case, fed with what only the platform has: the working-day calendar (clocks), temporary photo
// links, the names of the staff who acted, the workflow's allowed events for the caller. The projections are pure
// and decide what each audience may see (shared/cases/views); this only loads their inputs, in batched reads.
import {
  sitePhotoIds,
  toCaseSummary,
  toCitizenDetail,
  toStaffDetail,
  type CaseDetailForReporter,
  type CaseSummary,
  type StaffCaseDetail,
} from '../../shared/cases/views'
import type { CaseDoc, StoredCase } from '../../shared/cases/case-doc'
import { heldPhotoIds, pendingPhotoIds } from '../../shared/cases/content-holds'
import { dueBadgeOf } from '../../shared/cases/todo'
import { localDateOf } from '../../shared/time'
import type { CasePage } from '../../shared/contracts/cases'
import { calendarFor } from './calendar'
import type { CaseAccess, CitizenCaseAccess } from './case-access'
import { allowedFor, clocksOf } from './case-workflow'
import { COLLECTIONS } from './collections'
import { getMany } from './db/get-many'
import type { FollowDoc, FollowRecord } from './follows'
import type { Runtime } from './ports'
import { unitNamer, type StaffDoc } from './staff-records'

interface PageRequest {
  cursor?: string | null
  limit: number
}

/** The case as one citizen sees it: its reporter, a follower, or (by query code) neither. */
export async function citizenCaseView(
  runtime: Runtime,
  doc: StoredCase,
  follow: FollowRecord | null,
  byQueryCode = false,
): Promise<CaseDetailForReporter> {
  const calendar = await calendarFor(runtime)
  const now = runtime.clock.now()
  // Only the reporter sees the report's photos: no links are made for anyone else.
  const ownPhotos = follow?.relation === 'reporter' && doc.photos.length > 0
  return toCitizenDetail(doc, {
    unitName: unitNamer(runtime.deployment.units),
    follow: follow ? { relation: follow.relation, lastReadSeq: follow.lastReadSeq } : null,
    clocks: clocksOf(doc, calendar, now),
    allowed: follow ? allowedFor(doc, { kind: 'reporter', id: follow.openid }, calendar, now) : [],
    photoUrls: ownPhotos ? await runtime.blobs.tempUrls(doc.photos) : {},
    byQueryCode,
  })
}

/** 我的反映: a page of the cases this citizen follows, read in one query (a page holds ≤ 50 follows). */
export async function myCases(
  runtime: Runtime,
  openid: string,
  request: PageRequest,
  now: Date,
): Promise<CasePage<CaseSummary>> {
  const page = await runtime.db.find<FollowDoc>(COLLECTIONS.follows, {
    filter: { openid },
    orderBy: [['createdAt', 'desc']],
    limit: request.limit,
    after: request.cursor,
  })
  const docs = await getMany<CaseDoc>(
    runtime.db,
    COLLECTIONS.cases,
    page.items.map((f) => f.caseId),
  )
  const unitName = unitNamer(runtime.deployment.units)
  const calendar = await calendarFor(runtime)
  const items = page.items.flatMap((follow) => {
    const doc = docs.get(follow.caseId)
    if (!doc) return []
    const clocks = clocksOf(doc, calendar, now)
    const allowed = allowedFor(doc, { kind: 'reporter', id: openid }, calendar, now)
    return [toCaseSummary(doc, unitName(doc.unitId), follow, clocks, allowed)]
  })
  return { items, next: page.next }
}

/** The case as a staff member sees it, with the buttons the workflow allows them now. */
export async function staffCaseView(
  runtime: Runtime,
  access: CaseAccess,
  doc: StoredCase,
): Promise<StaffCaseDetail> {
  const now = runtime.clock.now()
  const calendar = await calendarFor(runtime)
  // The report's photos, held photos a person must look at (photos still being checked get no link), and the
  // photos taken on site.
  const pending = new Set(pendingPhotoIds(doc))
  const shown = [...new Set([...doc.photos, ...heldPhotoIds(doc), ...sitePhotoIds(doc)])].filter(
    (id) => !pending.has(id),
  )
  // Who acted on the case, by name (one read for all of them).
  const actorIds = [...new Set(doc.history.flatMap((h) => (h.actor.kind === 'staff' ? [h.actor.id] : [])))]
  const actors = await getMany<StaffDoc>(runtime.db, COLLECTIONS.staff, actorIds)
  const today = localDateOf(now)
  return toStaffDetail(doc, {
    dueBadgeOf: (due) => dueBadgeOf(due, today, calendar),
    unitName: unitNamer(runtime.deployment.units),
    staffName: (staffId) => actors.get(staffId)?.name ?? null,
    clocks: clocksOf(doc, calendar, now),
    photoUrls: shown.length ? await runtime.blobs.tempUrls(shown) : {},
    allowedEvents: allowedFor(doc, access.actor, calendar, now),
  })
}

/** The case as the citizen reaches it through their access now (after an action: its fresh state). */
export async function followedCaseView(
  runtime: Runtime,
  access: CitizenCaseAccess,
  caseId: string,
): Promise<CaseDetailForReporter> {
  const { follow, doc } = await access.followed(caseId)
  return citizenCaseView(runtime, doc, follow)
}
