// The case document as stored, and the views each audience may see of it. Views are built here by explicit
// projection, so a reporter's identity reaches staff only masked and never reaches anything else.
import { createHash } from 'node:crypto'
import type {
  CaseHeadline,
  CaseClockView,
  CaseDetailForReporter,
  CaseSummary,
  CaseTimelineEntry,
  CitizenActions,
} from '../../shared/contracts/cases'
import type { InboxItem, StaffCaseDetail } from '../../shared/contracts/staff'
import type { CaseClock } from '../../shared/deadlines'
import { effectivePolicy, getPolicyProfile, replyRemediesText } from '../../shared/policy'
import { describeFinding } from '../../shared/intake/importance'
import {
  actorLabel,
  CASE_EVENT_LABELS,
  EVENT_CATALOGUE,
  isOpenState,
  NOT_SHOWN,
  stateLabel,
  type CaseEventType,
  type CaseFacts,
  type CaseFlags,
  type Narration,
  type RecordedActor,
} from '../../shared/workflow'
import { describeFields } from '../../shared/workflow/catalogue/describe'
import type { CaseStateKey } from '../../shared/workflow/states'
import {
  contentNoticeOf,
  heldContentViews,
  heldPhotoIds,
  holdsOf,
  isEntryHeld,
  visibleToOthers,
} from '../../shared/cases/content-holds'
import type { WithId } from './ports'
import { ratingOf, type CaseDoc } from '../../shared/cases/case-doc'

export type CaseRecord = WithId<CaseDoc>

/** Deterministic: the same device request (openid + clientRequestId) always maps to the same case id. */
export function caseIdFor(openid: string, clientRequestId: string): string {
  return 'c' + createHash('sha256').update(`${openid}\n${clientRequestId}`).digest('hex').slice(0, 31)
}

// ---------- clocks ----------

export function clockViews(clocks: readonly CaseClock[]): CaseClockView[] {
  return clocks
    .filter((c) => c.state !== 'cancelled')
    .map((c) => ({
      clock: c.clock,
      label: c.label,
      due: c.due,
      basis: c.basis,
      state: c.state,
      overdue: c.overdue,
      provisional: c.provisional,
    }))
}

/** The nearest due date of a running duty (what the bureau owes next). */
export function nextDuty(
  clocks: readonly CaseClock[],
): { date: string; label: string; overdue: boolean } | null {
  const running = clocks
    .filter((c) => c.nature === 'duty' && c.state === 'running' && c.due !== null)
    .sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0))
  const first = running[0]
  return first ? { date: first.due!, label: first.label, overdue: first.overdue } : null
}

// ---------- timeline ----------
// Every entry reads as the event catalogue says (shared/workflow/catalogue): for the reporter, privacy-safe or
// not at all; for staff, every field of the event and who acted.

function narrationContext(doc: CaseDoc, index: number, unitName: (id: string) => string, ownReport: boolean) {
  return { history: doc.history, index, unitName, ownReport }
}

/** What the reporter (or a follower) is told of one history entry; null when it is not shown to them. */
function toldToReporter(
  doc: CaseDoc,
  index: number,
  unitName: (id: string) => string,
  ownReport: boolean,
): (Narration & { news: boolean }) | null {
  const entry = doc.history[index]!
  const def = EVENT_CATALOGUE[entry.event.type]
  if (def.reporter === NOT_SHOWN) return null
  const told = def.reporter.tell(entry.event as never, narrationContext(doc, index, unitName, ownReport))
  return told && { ...told, news: def.reporter.news }
}

export function reporterTimeline(
  doc: CaseDoc,
  unitName: (id: string) => string,
  ownReport: boolean,
): CaseTimelineEntry[] {
  return doc.history.flatMap((entry, index) => {
    const told = toldToReporter(doc, index, unitName, ownReport)
    if (!told) return []
    const { news: _news, ...narration } = told
    return [
      { at: entry.at, kind: entry.event.type, tone: EVENT_CATALOGUE[entry.event.type].tone, ...narration },
    ]
  })
}

/** Who acted, as staff read it: the staff member by name (when known) and the post they acted in. */
function actorView(actor: RecordedActor, staffName: (staffId: string) => string | null) {
  return actor.kind === 'staff'
    ? { name: staffName(actor.id), post: actorLabel(actor) }
    : { name: null, post: actorLabel(actor) }
}

export function staffTimeline(
  doc: CaseDoc,
  ctx: { unitName: (id: string) => string; staffName: (staffId: string) => string | null },
): CaseTimelineEntry[] {
  return doc.history.map((entry, index) => {
    const def = EVENT_CATALOGUE[entry.event.type]
    const summary = def.staff?.summary(entry.event as never, narrationContext(doc, index, ctx.unitName, true))
    const { lines, sections } = describeFields(def.fields, entry.event as Record<string, unknown>, ctx)
    return {
      at: entry.at,
      kind: entry.event.type,
      label: def.label,
      tone: def.tone,
      ...(summary ? { detail: summary } : {}),
      ...(lines.length ? { lines } : {}),
      ...(sections.length ? { sections } : {}),
      actor: actorView(entry.actor, ctx.staffName),
      ...(isEntryHeld(doc, index) ? { held: true } : {}),
    }
  })
}

/** Reporter-visible news after `lastReadSeq` (history index). */
export function unreadCount(doc: CaseDoc, lastReadSeq: number): number {
  let n = 0
  for (let index = lastReadSeq + 1; index < doc.history.length; index++) {
    if (toldToReporter(doc, index, () => '', true)?.news) n++
  }
  return n
}

export function lastSeq(doc: CaseDoc): number {
  return doc.history.length - 1
}

// ---------- views ----------

export interface FollowView {
  relation: 'reporter' | 'follower'
  lastReadSeq: number
}

function headlineOf(doc: CaseRecord): CaseHeadline {
  return {
    caseId: doc._id,
    refNo: doc.refNo,
    requestType: doc.requestType,
    category: doc.category,
    status: doc.status,
    statusLabel: stateLabel(doc.status),
    createdAt: doc.createdAt,
    address: doc.location.address,
  }
}

const HELD_FOR_OTHERS = '（内容审核中，暂不显示）'

export function toCaseSummary(
  doc: CaseRecord,
  unitName: string | null,
  follow: FollowView,
  clocks: readonly CaseClock[],
  allowed: readonly CaseEventType[],
): CaseSummary {
  const due = nextDuty(clocks)
  const headline = headlineOf(doc)
  return {
    ...headline,
    // Until a person clears the report's own content, only its reporter (and staff) see the place it names.
    address: follow.relation === 'reporter' || visibleToOthers(doc) ? headline.address : HELD_FOR_OTHERS,
    statusOpen: isOpenState(doc.status),
    unitName,
    relation: follow.relation,
    nextDue: due ? { date: due.date, label: due.label } : null,
    unread: unreadCount(doc, follow.lastReadSeq),
    actionNeeded: follow.relation === 'reporter' ? actionNeeded(doc, allowed) : null,
  }
}

/** What the reporter is asked to do now: the workflow's allowed events for them say it. */
function actionNeeded(doc: CaseDoc, allowed: readonly CaseEventType[]): string | null {
  if (allowed.includes('supply-supplement')) return '请补充材料'
  if (allowed.includes('rate-reply') && doc.status === 'replied') return '请评价答复'
  return null
}

/**
 * Which of the citizen's actions are open now. The case actions are the workflow's allowed events for this
 * citizen (the same query that gives staff their buttons; the function checks again when they are used);
 * following is a relation to the case, not a step of it.
 */
export function citizenActions(
  doc: CaseDoc,
  relation: FollowView['relation'] | null,
  clocks: readonly CaseClock[],
  allowed: readonly CaseEventType[],
): CitizenActions {
  const window = (kind: 'review-window' | 're-review-window') => {
    const clock = clocks.find((c) => c.clock === kind && c.state === 'running' && !c.elapsed && c.due)
    return clock ? { until: clock.due!, basis: clock.basis } : null
  }
  return {
    supply:
      allowed.includes('supply-supplement') && doc.flags.supplement
        ? { missingItems: [...doc.flags.supplement.missingItems] }
        : null,
    rate: allowed.includes('rate-reply'),
    // S4 四(五): where the same unit reviews again, a second 复查 runs in the 复核 window.
    review: allowed.includes('request-review')
      ? window(doc.status === 'replied' ? 'review-window' : 're-review-window')
      : null,
    reReview: allowed.includes('request-re-review') ? window('re-review-window') : null,
    follow: relation === null && isOpenState(doc.status) && !doc.mergedInto && visibleToOthers(doc),
    unfollow: relation === 'follower',
  }
}

/** What the holder of a query code reads instead of the report's words (the code may have been passed on). */
export const QUERY_CODE_VIEW_NOTE =
  '（这是该查询码对应的匿名反映。凭查询码可查看办理进度和答复；反映内容和照片只在提交反映的微信账号中显示。）'

export function toReporterDetail(
  doc: CaseRecord,
  ctx: {
    unitName: (id: string) => string
    follow: FollowView | null
    clocks: readonly CaseClock[]
    /** The workflow's allowed events for this citizen (none unless it is their own report). */
    allowed: readonly CaseEventType[]
    photoUrls: Record<string, string>
    /** Opened with the anonymous report's query code (lookupByCode). */
    byQueryCode?: boolean
  },
): CaseDetailForReporter {
  const follow = ctx.follow ?? { relation: 'follower' as const, lastReadSeq: lastSeq(doc) }
  const summary = toCaseSummary(doc, ctx.unitName(doc.unitId), follow, ctx.clocks, ctx.allowed)
  const own = follow.relation === 'reporter'
  const shown = own || visibleToOthers(doc)
  return {
    ...summary,
    // A citizen who follows someone else's case (or looks it up by code) does not see that reporter's own words,
    // photos, rating or how the bureau contacted them.
    description: own
      ? doc.description
      : ctx.byQueryCode
        ? QUERY_CODE_VIEW_NOTE
        : '（他人反映的问题，仅显示办理进度）',
    photos: own ? doc.photos.map((fileId) => ({ fileId, url: ctx.photoUrls[fileId] ?? null })) : [],
    location: shown ? doc.location : { ...doc.location, address: HELD_FOR_OTHERS },
    occurredAt: doc.occurredAt,
    reportedEntity: shown ? doc.reportedEntity : null,
    contentNotice: own ? contentNoticeOf(doc) : null,
    reporterMode: own ? doc.reporter.mode : 'anonymous',
    timeline: reporterTimeline(doc, ctx.unitName, own),
    clocks: clockViews(ctx.clocks).filter((c) => c.state === 'running' || c.state === 'completed'),
    actions: citizenActions(doc, ctx.follow?.relation ?? null, ctx.clocks, ctx.allowed),
    rating: own ? ratingView(doc) : null,
    followers: doc.followerCount,
  }
}

export function toInboxItem(doc: CaseRecord, unitName: string, clocks: readonly CaseClock[]): InboxItem {
  const excerpt = [...doc.description]
  return {
    ...headlineOf(doc),
    descriptionExcerpt: excerpt.length > 60 ? excerpt.slice(0, 60).join('') + '…' : doc.description,
    photoCount: doc.photos.length,
    unitId: doc.unitId,
    unitName,
    reporter: {
      mode: doc.reporter.mode,
      name: doc.reporter.nameMasked ?? null,
      phone: doc.reporter.phoneMasked ?? null,
    },
    important: doc.facts.important,
    urgent: doc.intake.urgency === 'immediate' || doc.facts.emergency,
    escalated: doc.flags.escalated,
    supervised: doc.flags.supervised,
    leaderCase: !!doc.flags.leaderCase,
    contentHeld: holdsOf(doc).length > 0,
    nextDue: nextDuty(clocks),
    followers: doc.followerCount,
  }
}

/** The reporter's rating as their page shows it. */
function ratingView(doc: CaseDoc): CaseDetailForReporter['rating'] {
  const rating = ratingOf(doc)
  return rating && { stars: rating.stars, comment: rating.comment, at: rating.at }
}

export function toStaffDetail(
  doc: CaseRecord,
  ctx: {
    unitName: (id: string) => string
    /** Names of the staff who acted on the case (by staff id; null when unknown). */
    staffName: (staffId: string) => string | null
    clocks: readonly CaseClock[]
    photoUrls: Record<string, string>
    allowedEvents: readonly CaseEventType[]
  },
): StaffCaseDetail {
  const held = heldPhotoIds(doc)
  return {
    ...toInboxItem(doc, ctx.unitName(doc.unitId), ctx.clocks),
    version: doc._version,
    description: doc.description,
    // Held photos are shown with their hold, not among the accepted ones.
    photos: doc.photos
      .filter((fileId) => !held.has(fileId))
      .map((fileId) => ({ fileId, url: ctx.photoUrls[fileId] ?? null })),
    heldContent: heldContentViews(doc, ctx.photoUrls),
    location: doc.location,
    occurredAt: doc.occurredAt,
    reportedEntity: doc.reportedEntity,
    routing: {
      outcome: doc.routing.outcome,
      cite: doc.routing.cite,
      guidance: doc.routing.guidance,
      department: doc.routing.department,
    },
    findings: doc.intake.findings.map((f) => ({ label: f.label, text: describeFinding(f) })),
    timeline: staffTimeline(doc, ctx),
    clocks: clockViews(ctx.clocks),
    replyRemedies: replyRemediesText(effectivePolicy(getPolicyProfile(doc.profile.id, doc.profile.version))),
    allowedEvents: ctx.allowedEvents.map((type) => ({ type, label: CASE_EVENT_LABELS[type] })),
    mergedInto: doc.mergedInto,
  }
}

export type { CaseFacts, CaseFlags, CaseStateKey }
