// How each audience may see a case, by explicit projection — pure functions of the stored case, with names,
// clocks, links and the workflow's allowed events injected:
//   reporter.ts   the citizen's own report, in full
//   follower.ts   someone else's report, followed or looked up by its query code: progress only
//   citizen.ts    which of the two a citizen gets
//   staff.ts      the inbox row and the case page (the reporter masked); on-site.ts, its work on site
//   public.ts     what may ever be published (no reporter data, the place only as its area)
//   preview.ts    before filing: routing, the expected reply, similar open reports
// Shared by them: headline.ts (list rows, photos), clocks.ts, timeline.ts (the history as citizens read it),
// progress.ts (what every citizen following a case sees). The API contracts (shared/contracts) name these types
// as the results of their actions.
export { lastSeq } from './timeline'
export {
  HELD_FOR_OTHERS,
  toCaseSummary,
  type CaseDetailForReporter,
  type CaseSummary,
  type CitizenViewContext,
  type FollowRelation,
} from './progress'
export { submittedView, toReporterDetail, type SubmitReportResult } from './reporter'
export { FOLLOWER_VIEW_NOTE, QUERY_CODE_VIEW_NOTE, toFollowerDetail } from './follower'
export { toCitizenDetail } from './citizen'
export { toInboxItem, toStaffDetail, type InboxItem, type StaffCaseDetail } from './staff'
export { sitePhotoIds } from './on-site'
export { publicArea, toPublicCase, type PublicCase, type PublicSource } from './public'
export { routingPreviewOf, similarCaseOf, type ReportPreview, type SimilarCaseSource } from './preview'
