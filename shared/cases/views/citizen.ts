// Which view of a case a citizen gets: their own report in full (reporter.ts), anyone else's — followed, or
// looked up with its query code — as a follower (follower.ts). The relation comes from the citizen's follow,
// never from the request.
import type { StoredCase } from '../case-doc'
import { toFollowerDetail } from './follower'
import type { CaseDetailForReporter } from './progress'
import { toReporterDetail, type ReporterViewContext } from './reporter'

export function toCitizenDetail(
  doc: StoredCase,
  ctx: ReporterViewContext & { byQueryCode?: boolean },
): CaseDetailForReporter {
  return ctx.follow?.relation === 'reporter' ? toReporterDetail(doc, ctx) : toFollowerDetail(doc, ctx)
}
