// Before filing (cases.previewReport): where the report would go, by when a reply is expected (预计答复), whether
// it is urgent, and the open reports it may duplicate — with whether this citizen already follows them, read in
// one query. Nothing is written.
import { routingPreviewOf, similarCaseOf, type ReportPreview } from '../../../shared/cases/views'
import type { casesContract } from '../../../shared/contracts/cases'
import type { ParsedInputOf } from '../../../shared/contracts/define'
import { expectedReply } from '../../../shared/deadlines'
import type { IntakeAssessment } from '../../../shared/intake/importance'
import type { RoutingDecision } from '../../../shared/routing/router'
import { toShanghaiIso } from '../../../shared/time'
import { calendarFor } from '../calendar'
import { profileForNewCase } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import { getMany } from '../db/get-many'
import { followId, type FollowDoc } from '../follows'
import type { Runtime } from '../ports'
import { routeReport } from '../routing'
import { assessNewReport, checkOccurredAt } from './assessment'
import { similarOpenCases } from './similar'

type PreviewInput = ParsedInputOf<(typeof casesContract)['previewReport']>

/**
 * 预计答复 for a report received now: the handling limit, after the acceptance limit where it counts from
 * acceptance (S0 第七条(四), S3 第九条 + 第十一条 …); null when it is not handled here.
 */
async function expectedReplyFor(
  runtime: Runtime,
  input: PreviewInput,
  decision: RoutingDecision,
  assessment: IntakeAssessment,
  now: Date,
): Promise<ReportPreview['expectedReplyBy']> {
  if (decision.outcome !== 'assigned') return null
  return expectedReply({
    profile: profileForNewCase(runtime, now),
    calendar: await calendarFor(runtime),
    receivedAt: toShanghaiIso(now),
    requestType: input.requestType ?? 'complaint',
    important: assessment.importance === 'important',
    emergency: assessment.urgency === 'immediate',
  })
}

/** Open reports the new one may duplicate, and which of them this citizen follows already (one query). */
async function similarCasesFor(runtime: Runtime, openid: string, input: PreviewInput, now: Date) {
  const similar = await similarOpenCases(runtime, input, toShanghaiIso(now))
  const follows = await getMany<FollowDoc>(
    runtime.db,
    COLLECTIONS.follows,
    similar.map(({ doc }) => followId(doc._id, openid)),
  )
  return similar.map(({ doc, assessment }) =>
    similarCaseOf(doc, assessment, follows.has(followId(doc._id, openid))),
  )
}

export async function previewReport(
  runtime: Runtime,
  openid: string,
  input: PreviewInput,
  now: Date,
): Promise<ReportPreview> {
  checkOccurredAt(input.occurredAt, now)
  const decision = routeReport(runtime, input)
  const assessment = assessNewReport(runtime, input, toShanghaiIso(now))
  return {
    routing: routingPreviewOf(decision),
    expectedReplyBy: await expectedReplyFor(runtime, input, decision, assessment, now),
    urgent: assessment.urgency === 'immediate',
    similarCases: await similarCasesFor(runtime, openid, input, now),
  }
}
