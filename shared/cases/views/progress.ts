// What every citizen who follows a case sees of it: its progress. The reporter (reporter.ts) and a follower or the
// holder of the query code (follower.ts) both start from here; what only the reporter may see is added there.
import type { CaseClock } from '../../deadlines'
import type { Location } from '../../vocabulary/fields'
import { isOpenState } from '../../workflow/states'
import type { CaseEventType } from '../../workflow/events'
import type { ReporterMode, StoredCase } from '../case-doc'
import { visibleToOthers } from '../content-holds'
import { clockViews, nextDuty, type CaseClockView } from './clocks'
import { headlineOf, type CaseHeadline, type CasePhoto } from './headline'
import { citizenTimeline, lastSeq, unreadCount, type CaseTimelineEntry } from './timeline'

/** How a citizen relates to a case they follow: they reported it, or follow someone else's report. */
export type FollowRelation = 'reporter' | 'follower'

export interface FollowView {
  relation: FollowRelation
  /** History index of the last entry this citizen has seen. */
  lastReadSeq: number
}

export interface CaseSummary extends CaseHeadline {
  statusOpen: boolean
  unitName: string | null
  /** How the caller relates to it. */
  relation: FollowRelation
  /** The next date the bureau owes something by (Shanghai), if any. */
  nextDue: { date: string; label: string } | null
  /** Replies and decisions not yet read by this citizen. */
  unread: number
  /** The reporter is asked for something (supplementary information, a rating). */
  actionNeeded: string | null
}

interface CitizenActions {
  /** 一次性告知: the items the bureau asked for, all at once (S3 第九条(一)). */
  supply: { missingItems: string[] } | null
  /** Rate the reply / accept it (closes the case). */
  rate: boolean
  review: { until: string; basis: string } | null
  reReview: { until: string; basis: string } | null
  follow: boolean
  unfollow: boolean
}

/** The case as a citizen reads it: their own report (reporter.ts), or someone else's (follower.ts). */
export interface CaseDetailForReporter extends CaseSummary {
  description: string
  photos: CasePhoto[]
  location: Location
  occurredAt: string | null
  reportedEntity: string | null
  reporterMode: ReporterMode
  timeline: CaseTimelineEntry[]
  clocks: CaseClockView[]
  actions: CitizenActions
  rating: { stars: number; comment: string | null; at: string } | null
  followers: number
  /** The reporter's own content held for checking or a person's review, in words (null: nothing held). */
  contentNotice: string | null
}

/** What another citizen reads in place of content held for a person's review (the report's place). */
export const HELD_FOR_OTHERS = '（内容审核中，暂不显示）'

/** What the reporter is asked to do now: the workflow's allowed events for them say it. */
function actionNeeded(doc: StoredCase, allowed: readonly CaseEventType[]): string | null {
  if (allowed.includes('supply-supplement')) return '请补充材料'
  if (allowed.includes('rate-reply') && doc.status === 'replied') return '请评价答复'
  return null
}

export function toCaseSummary(
  doc: StoredCase,
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

/**
 * Which of the citizen's actions are open now. The case actions are the workflow's allowed events for this
 * citizen (the same query that gives staff their buttons; the function checks again when they are used);
 * following is a relation to the case, not a step of it.
 */
function citizenActions(
  doc: StoredCase,
  relation: FollowRelation | null,
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

/** What the caller knows besides the case (names, clocks, links): injected, so the views stay pure. */
export interface CitizenViewContext {
  unitName: (id: string) => string
  /** The caller's follow of the case; null for the holder of a query code who does not follow it. */
  follow: FollowView | null
  clocks: readonly CaseClock[]
  /** The workflow's allowed events for this citizen (none unless it is their own report). */
  allowed: readonly CaseEventType[]
}

/** The fields of the detail that only the reporter may see in full; the follower's view sets its own. */
type OwnContent =
  'description' | 'photos' | 'location' | 'reportedEntity' | 'contentNotice' | 'reporterMode' | 'rating'

/** The progress of a case, as every citizen who may read it sees it; `ownReport`: read by its reporter. */
export function progressOf(
  doc: StoredCase,
  ctx: CitizenViewContext,
  ownReport: boolean,
): Omit<CaseDetailForReporter, OwnContent> {
  const follow = ctx.follow ?? { relation: 'follower' as const, lastReadSeq: lastSeq(doc) }
  return {
    ...toCaseSummary(doc, ctx.unitName(doc.unitId), follow, ctx.clocks, ctx.allowed),
    occurredAt: doc.occurredAt,
    timeline: citizenTimeline(doc, ctx.unitName, ownReport),
    clocks: clockViews(ctx.clocks).filter((c) => c.state === 'running' || c.state === 'completed'),
    actions: citizenActions(doc, ctx.follow?.relation ?? null, ctx.clocks, ctx.allowed),
    followers: doc.followerCount,
  }
}
