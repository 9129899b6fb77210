// Filing a report (cases.submitReport): check → route → assess → seal the reporter → open the workflow → build
// the case (shared/cases/new-case.ts) and store it in one transaction with its reference number, the reporter's
// follow and its photos → the effects of registration, which never fail the submit. A retried submit (same
// device request) finds the case it filed and answers the same.
import { createHash } from 'node:crypto'
import { buildNewCase, registerEventOf, type NewCaseParts } from '../../../shared/cases/new-case'
import { formatRefNo, type CaseDoc, type StoredCase } from '../../../shared/cases/case-doc'
import { submittedView, type SubmitReportResult } from '../../../shared/cases/views'
import type { SubmitReport } from '../../../shared/contracts/cases'
import { AppError } from '../../../shared/contracts/result'
import type { WorkingCalendar } from '../../../shared/calendar'
import { localDateOf, toShanghaiIso } from '../../../shared/time'
import { openCase, type TransitionResult } from '../../../shared/workflow'
import { calendarFor } from '../calendar'
import { citizenCaseAccess } from '../case-access'
import { profileForNewCase } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import { followInTx } from '../follows'
import { sendCaseNotices } from '../notifications'
import type { Runtime, Tx } from '../ports'
import { queryCodeOf, sealReporter } from '../reporter-identity'
import { routeReport } from '../routing'
import { rescreenCase, screenCitizenContent, type ScreenedContent } from '../screening'
import { attachUploadsInTx } from '../uploads'
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

/** The workflow opened on the report's registration, by its reporter, under the profile in effect today. */
function openReport(
  runtime: Runtime,
  openid: string,
  input: SubmitReport,
  assessment: ReturnType<typeof assessNewReport>,
  now: Date,
): Opened {
  const at = toShanghaiIso(now)
  const opened = openCase({
    event: registerEventOf(input, assessment, openid, at),
    actor: citizenCaseAccess(runtime, openid).actor,
    profile: profileForNewCase(runtime, now),
    ctx: { now: at, clocks: [] },
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
 * The case, its reference number, the reporter's follow and the report's photos in one transaction. A submit
 * retried meanwhile (the same device request) finds the case already stored: it is answered, not filed again.
 */
async function storeNewCase(
  runtime: Runtime,
  caseId: string,
  build: (refNo: string) => CaseDoc,
  uploads: ScreenedContent['uploads'],
  now: Date,
  calendar: WorkingCalendar,
): Promise<{ doc: StoredCase; replayed: boolean }> {
  return runtime.db.transaction(async (tx) => {
    const again = await tx.get<CaseDoc>(COLLECTIONS.cases, caseId)
    if (again) return { doc: again, replayed: true }
    const built = build(await nextRefNo(tx, runtime.deployment.referencePrefix, now))
    // The desk's derived fields and the statistics contributions, written with the case (common/stats).
    const stats = newCaseExtras(caseId, built, calendar, now)
    const fresh = { ...built, ...stats.patch }
    await tx.insert<CaseDoc>(COLLECTIONS.cases, { _id: caseId, ...fresh })
    await writeCaseStatsInTx(tx, stats)
    const openid = fresh.reporter.openid
    await followInTx(tx, { caseId, openid, relation: 'reporter', lastReadSeq: 0, createdAt: fresh.createdAt })
    await attachUploadsInTx(tx, uploads, caseId)
    // Inserted at version 1, counted its reporter's follow at version 2.
    return { doc: { ...fresh, followerCount: 1, _id: caseId, _version: 2 }, replayed: false }
  })
}

/**
 * After the case is stored: tell the unit (or, if a photo check answered before the photo was attached, apply
 * it now), count repeats, check the early warning. Never fails the submit, and one step failing never skips the
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
  const decision = routeReport(runtime, input)
  const assessment = assessNewReport(runtime, input, toShanghaiIso(now))
  const opened = openReport(runtime, openid, input, assessment, now)
  const parts: Omit<NewCaseParts, 'refNo'> = {
    report: input,
    reporter: sealReporter(runtime.secrets.identityKey, openid, input.reporter),
    reporterKey: reporterKeyOf(runtime, openid, input.reporter.mode === 'anonymous'),
    entityKey: entityKeyOf(runtime, input.reportedEntity),
    decision,
    assessment,
    opened,
    hold: screened.hold,
    calendar: await calendarFor(runtime),
    now,
  }
  const build = (refNo: string) => buildNewCase({ ...parts, refNo })
  const { doc, replayed } = await storeNewCase(runtime, caseId, build, screened.uploads, now, parts.calendar)
  if (!replayed) await afterFiling(runtime, doc, opened)
  return submitted(runtime, doc, replayed)
}
