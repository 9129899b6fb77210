// The citizen's own report: everything they sent (their words, photos, place, the reported party), how it is
// going, what they are asked to do, their rating, and what of their content is held for review.
import { stateLabel, type CaseStateKey } from '../../workflow/states'
import { ratingOf, type StoredCase } from '../case-doc'
import { contentNoticeOf } from '../content-holds'
import { photoViews } from './headline'
import { progressOf, type CaseDetailForReporter, type CitizenViewContext } from './progress'

export interface ReporterViewContext extends CitizenViewContext {
  /** Links of the report's photos (only its reporter sees them). */
  photoUrls: Record<string, string>
}

/** The reporter's rating as their page shows it. */
function ratingView(doc: StoredCase): CaseDetailForReporter['rating'] {
  const rating = ratingOf(doc)
  return rating && { stars: rating.stars, comment: rating.comment, at: rating.at }
}

export function toReporterDetail(doc: StoredCase, ctx: ReporterViewContext): CaseDetailForReporter {
  return {
    ...progressOf(doc, ctx, true),
    description: doc.description,
    photos: photoViews(doc.photos, ctx.photoUrls),
    location: doc.location,
    reportedEntity: doc.reportedEntity,
    contentNotice: contentNoticeOf(doc),
    reporterMode: doc.reporter.mode,
    rating: ratingView(doc),
  }
}

export interface SubmitReportResult {
  caseId: string
  refNo: string
  status: CaseStateKey
  statusLabel: string
  createdAt: string
  /** Anonymous reports only: the code to look the report up with. */
  queryCode: string | null
  /** True when this was a retry of a submission that had already been filed. */
  replayed: boolean
  /** Whether the photos are still being checked before the report reaches staff. */
  contentPending: boolean
  /** What the reporter is told when part of the report is held for checking or a person's review. */
  contentNotice: string | null
}

/**
 * What the reporter is told when the report is filed (or a retry finds it filed): the reference number and,
 * for an anonymous report, its query code (opened from its seal by the caller: crypto stays in the function).
 */
export function submittedView(
  doc: StoredCase,
  ctx: { queryCode: string | null; replayed: boolean },
): SubmitReportResult {
  return {
    caseId: doc._id,
    refNo: doc.refNo,
    status: doc.status,
    statusLabel: stateLabel(doc.status),
    createdAt: doc.createdAt,
    queryCode: ctx.queryCode,
    replayed: ctx.replayed,
    contentPending: doc.screening === 'pending',
    contentNotice: contentNoticeOf(doc),
  }
}
