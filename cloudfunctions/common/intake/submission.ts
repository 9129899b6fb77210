// Filing a report (cases.submitReport): check → route → assess → seal the reporter → open the workflow → build
// the case (shared/cases/new-case.ts) and store it in one transaction with its reference number, the reporter's
// follow and its photos → the effects of registration, which never fail the submit. A retried submit (same
// device request) finds the case it filed and answers the same.
//
// `fileCase` is the one path every report takes from "checked, routed, assessed and sealed" on, however it came
// in: the citizen's own submission here, a staff member's registration of a call, letter or visit and a
// platform's work order (common/channels/filing.ts) — the same workflow opening, the same case builder, the same
// transaction and the same after-registration effects.
import { createHash } from 'node:crypto'
import { buildNewCase, registerEventOf, type Arrival, type NewReport } from '../../../shared/cases/new-case'
import {
  formatRefNo,
  type CaseDoc,
  type CaseOrigin,
  type PlacedBy,
  type ReporterRecord,
  type StoredCase,
} from '../../../shared/cases/case-doc'
import type { NewHold } from '../../../shared/cases/held-content'
import type { IntakeAssessment } from '../../../shared/intake/importance'
import type { RoutingDecision } from '../../../shared/routing/router'
import { submittedView, type SubmitReportResult } from '../../../shared/cases/views'
import type { SubmitReport } from '../../../shared/contracts/cases'
import { AppError } from '../../../shared/contracts/result'
import type { WorkingCalendar } from '../../../shared/calendar'
import { localDateOf, toShanghaiIso } from '../../../shared/time'
import { openCase, type Actor, type TransitionResult } from '../../../shared/workflow'
import { calendarFor } from '../calendar'
import { citizenCaseAccess } from '../case-access'
import { profileForNewCase } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import { followInTx } from '../follows'
import { sendCaseNotices } from '../notifications'
import type { Runtime, Tx, WithId } from '../ports'
import { queryCodeOf, sealReporter } from '../reporter-identity'
import { routeReport } from '../routing'
import { rescreenCase, screenCitizenContent } from '../screening'
import { attachUploadsInTx, type UploadDoc } from '../uploads'
import { newCaseExtras, writeCaseStatsInTx } from '../stats/case-stats'
import { afterRegistration } from './after-registration'
import { assessNewReport, checkOccurredAt, entityKeyOf, reporterKeyOf } from './assessment'

type Opened = Extract<TransitionResult, { ok: true }>

/** Deterministic: the same device request (openid + clientRequestId) always maps to the same case id. */
export function caseIdFor(openid: string, clientRequestId: string): string {
  return 'c' + createHash('sha256').update(`${openid}\n${clientRequestId}`).digest('hex').slice(0, 31)
}

function submitted(runtime: Runtime, doc: StoredCase, replayed: boolean): SubmitReportResult {
  return submittedView(doc, { queryCode: queryCodeOf(runtime.secrets.identityKey, doc.reporter), replayed })
}

/** The report's own words and photos through content security: refused before anything is written. */
function screenReport(runtime: Runtime, openid: string, input: SubmitReport) {
  return screenCitizenContent(runtime, openid, {
    subject: 'report',
    scene: 'report',
    texts: [
      { field: 'description', text: input.description },
      { field: 'reportedEntity', text: input.reportedEntity },
      { field: 'location.address', text: input.location.address },
    ],
    photos: input.photos,
  })
}

/** A report ready to be filed: checked, routed, assessed, its reporter sealed — however it came in. */
export interface Filing {
  /** Derived from what identifies the request (a device request, a staff request, a platform's order number). */
  caseId: string
  report: NewReport
  /** Who registers it: the citizen, the intake staff member, or the system for a platform's push. */
  actor: Actor
  /** When the report reached the bureau (the clocks count from it; the profile in effect then applies). */
  receivedAt: string
  /** Where it came in when not through the mini-program (channel, 交办渠道, 工单编号, 平台办理时限, material). */
  arrival?: Arrival
  reporter: ReporterRecord
  reporterKey: string | null
  /** The WeChat user who follows it as its reporter; null: nobody does (a call, a letter, a platform order). */
  follower: string | null
  /** Uploads attached to the case in the same write (the report's photos, the original material). */
  uploads: readonly WithId<UploadDoc>[]
  hold: NewHold | null
  decision: RoutingDecision
  assessment: IntakeAssessment
  origin?: CaseOrigin
  placedBy?: PlacedBy
  /** More writes of the same transaction, made only when the case is new (a platform order's record). */
  alsoInTx?: (tx: Tx, doc: CaseDoc & { _id: string }) => Promise<void>
}

/** The workflow opened on the report's registration, by its registering actor, under the profile of its receipt. */
function openFiling(runtime: Runtime, filing: Filing, now: Date): Opened {
  const opened = openCase({
    event: registerEventOf(
      filing.report,
      filing.assessment,
      filing.follower,
      filing.receivedAt,
      filing.arrival,
    ),
    actor: filing.actor,
    profile: profileForNewCase(runtime, new Date(filing.receivedAt)),
    ctx: { now: toShanghaiIso(now), clocks: [] },
  })
  if (!opened.ok) throw new AppError('ILLEGAL_TRANSITION', opened.error.message)
  return opened
}

/** Today's next reference number, from the daily counter (inside the transaction that stores the case). */
async function nextRefNo(tx: Tx, prefix: string, now: Date): Promise<string> {
  const day = localDateOf(now)
  const counterId = `refno-${day}`
  const counter = await tx.get<{ seq: number }>(COLLECTIONS.counters, counterId)
  const seq = (counter?.seq ?? 0) + 1
  if (counter) await tx.update(COLLECTIONS.counters, counterId, { seq }, counter._version)
  else await tx.insert(COLLECTIONS.counters, { _id: counterId, seq })
  return formatRefNo(prefix, day, seq)
}

/**
 * The case, its reference number, the reporter's follow, its uploads (and what the filing adds) in one
 * transaction. A filing retried meanwhile (the same request) finds the case already stored: it is answered,
 * not filed again.
 */
async function storeNewCase(
  runtime: Runtime,
  filing: Filing,
  build: (refNo: string) => CaseDoc,
  now: Date,
  calendar: WorkingCalendar,
): Promise<{ doc: StoredCase; replayed: boolean }> {
  const { caseId } = filing
  return runtime.db.transaction(async (tx) => {
    const again = await tx.get<CaseDoc>(COLLECTIONS.cases, caseId)
    if (again) return { doc: again, replayed: true }
    const built = build(await nextRefNo(tx, runtime.deployment.referencePrefix, now))
    // The desk's derived fields and the statistics contributions, written with the case (common/stats).
    const stats = newCaseExtras(caseId, built, calendar, now)
    const fresh = { ...built, ...stats.patch }
    await tx.insert<CaseDoc>(COLLECTIONS.cases, { _id: caseId, ...fresh })
    await writeCaseStatsInTx(tx, stats)
    await attachUploadsInTx(tx, filing.uploads, caseId)
    await filing.alsoInTx?.(tx, { ...fresh, _id: caseId })
    if (!filing.follower) return { doc: { ...fresh, _id: caseId, _version: 1 }, replayed: false }
    const follow = { caseId, openid: filing.follower, relation: 'reporter' as const, lastReadSeq: 0 }
    await followInTx(tx, { ...follow, createdAt: fresh.createdAt })
    // Inserted at version 1, counted its reporter's follow at version 2.
    return { doc: { ...fresh, followerCount: 1, _id: caseId, _version: 2 }, replayed: false }
  })
}

/**
 * After the case is stored: tell the unit (or, if a photo check answered before the photo was attached, apply
 * it now), count repeats, check the early warning. Never fails the filing, and one step failing never skips the
 * next.
 */
async function afterFiling(runtime: Runtime, doc: StoredCase, opened: Opened): Promise<void> {
  const caseId = doc._id
  runtime.log.info('case registered', {
    caseId,
    refNo: doc.refNo,
    unitId: doc.unitId,
    screening: doc.screening,
  })
  try {
    if (doc.screening === 'passed') await sendCaseNotices(runtime, doc, opened.effects, opened.entry)
    else await rescreenCase(runtime, caseId)
  } catch (error) {
    runtime.log.error('registration notices failed', { caseId, error: String(error) })
  }
  try {
    await afterRegistration(runtime, doc)
  } catch (error) {
    runtime.log.error('after-registration step failed', { caseId, error: String(error) })
  }
}

/**
 * Files a report — opens the workflow, builds the case, stores it in one transaction, runs the effects of its
 * registration — or answers the case a retry of the same request filed.
 */
export async function fileCase(
  runtime: Runtime,
  filing: Filing,
  now: Date,
): Promise<{ doc: StoredCase; replayed: boolean }> {
  const opened = openFiling(runtime, filing, now)
  const calendar = await calendarFor(runtime)
  const build = (refNo: string) =>
    buildNewCase({
      report: filing.report,
      reporter: filing.reporter,
      reporterKey: filing.reporterKey,
      entityKey: entityKeyOf(runtime, filing.report.reportedEntity),
      decision: filing.decision,
      assessment: filing.assessment,
      opened,
      hold: filing.hold,
      calendar,
      now,
      refNo,
      ...(filing.origin ? { origin: filing.origin } : {}),
      ...(filing.placedBy ? { placedBy: filing.placedBy } : {}),
    })
  const stored = await storeNewCase(runtime, filing, build, now, calendar)
  if (!stored.replayed) await afterFiling(runtime, stored.doc, opened)
  return stored
}

/** Files a citizen's report, or answers the case a retry of the same device request filed. */
export async function fileReport(
  runtime: Runtime,
  openid: string,
  input: SubmitReport,
  now: Date,
): Promise<SubmitReportResult> {
  const caseId = caseIdFor(openid, input.clientRequestId)
  const earlier = await runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId)
  if (earlier) return submitted(runtime, earlier, true)

  checkOccurredAt(input.occurredAt, now)
  const screened = await screenReport(runtime, openid, input)
  const at = toShanghaiIso(now)
  const { doc, replayed } = await fileCase(
    runtime,
    {
      caseId,
      report: input,
      actor: citizenCaseAccess(runtime, openid).actor,
      receivedAt: at,
      reporter: sealReporter(runtime.secrets.identityKey, openid, input.reporter),
      reporterKey: reporterKeyOf(runtime, openid, input.reporter.mode === 'anonymous'),
      follower: openid,
      uploads: screened.uploads,
      hold: screened.hold,
      decision: routeReport(runtime, input),
      assessment: assessNewReport(runtime, input, at),
    },
    now,
  )
  return submitted(runtime, doc, replayed)
}
