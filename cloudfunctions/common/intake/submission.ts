// Filing a report (cases.submitReport): check → route → assess → seal the reporter → open the workflow → build
// the case (shared/cases/new-case.ts) and store it in one transaction with its reference number, the reporter's
// follow, its photos and what intake found (repeats, early warning: registration-checks.ts) → the effects of
// registration, which never fail the submit. A retried submit (same device request) finds the case it filed
// and answers the same.
//
// DocStore calls of a report without photos: the transaction (1) reading and writing the day's counter (2),
// the repeat and early-warning queries (2), inserting the case and the reporter's follow (2), and the staff to
// notify (1) — 8 (tests/integration/call-budgets.test.ts). Photos add the read of their records and their
// attachment; a new warning its insert; a repeat action the workflow's write on the case it is applied to.
import { createHash } from 'node:crypto'
import { buildNewCase, registerEventOf, type NewCaseParts } from '../../../shared/cases/new-case'
import { formatRefNo, type CaseDoc, type StoredCase } from '../../../shared/cases/case-doc'
import { submittedView, type SubmitReportResult } from '../../../shared/cases/views'
import type { SubmitReport } from '../../../shared/contracts/cases'
import { AppError } from '../../../shared/contracts/result'
import { localDateOf, toShanghaiIso } from '../../../shared/time'
import { openCase, type TransitionResult } from '../../../shared/workflow'
import { calendarFor } from '../calendar'
import { citizenCaseAccess } from '../case-access'
import { profileForNewCase } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import { followId, type FollowDoc } from '../follows'
import { sendCaseNotices } from '../notifications'
import { DuplicateKeyError, type Runtime, type Tx } from '../ports'
import { queryCodeOf, sealReporter } from '../reporter-identity'
import { routeReport } from '../routing'
import { rescreenCase, screenCitizenContent, type ScreenedContent } from '../screening'
import { attachUploadsInTx } from '../uploads'
import {
  applyRepeatAction,
  checkNewReport,
  raiseWarningInTx,
  warningKeyOf,
  type RegistrationChecks,
} from './registration-checks'
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

type Stored =
  { replayed: false; doc: StoredCase; checks: RegistrationChecks } | { replayed: true; doc: StoredCase }

/** The case a device request filed, if any: a retried submit is answered with it. */
async function filedBefore(runtime: Runtime, caseId: string): Promise<StoredCase | null> {
  return runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId)
}

/**
 * The case, its reference number, the reporter's follow, the report's photos and what intake found, in one
 * transaction. The intake queries run after the counter is read, so reports filed at the same moment are counted
 * as if one after the other (registration-checks.ts). A retry of the same device request finds the case's id
 * taken: it is answered with the case it filed, not filed again.
 */
async function storeNewCase(
  runtime: Runtime,
  caseId: string,
  build: (refNo: string) => CaseDoc,
  uploads: ScreenedContent['uploads'],
  now: Date,
): Promise<Stored> {
  try {
    return await runtime.db.transaction(async (tx): Promise<Stored> => {
      // Its reporter follows it from the start: the follow is inserted with it.
      const built: CaseDoc = {
        ...build(await nextRefNo(tx, runtime.deployment.referencePrefix, now)),
        followerCount: 1,
      }
      const checks = await checkNewReport(runtime, { ...built, _id: caseId, _version: 1 })
      const fresh: CaseDoc = { ...built, warningKey: warningKeyOf(checks.warning) }
      await tx.insert<CaseDoc>(COLLECTIONS.cases, { _id: caseId, ...fresh })
      // The case is new, so is its reporter's follow.
      const follow: FollowDoc = {
        caseId,
        openid: fresh.reporter.openid,
        relation: 'reporter',
        lastReadSeq: 0,
        createdAt: fresh.createdAt,
      }
      await tx.insert<FollowDoc>(COLLECTIONS.follows, { _id: followId(caseId, follow.openid), ...follow })
      await attachUploadsInTx(tx, uploads, caseId)
      await raiseWarningInTx(tx, runtime, checks.warning, fresh.createdAt)
      return { replayed: false, doc: { ...fresh, _id: caseId, _version: 1 }, checks }
    })
  } catch (error) {
    if (!(error instanceof DuplicateKeyError && error.collection === COLLECTIONS.cases)) throw error
    const earlier = await filedBefore(runtime, caseId)
    if (!earlier) throw error
    return { replayed: true, doc: earlier }
  }
}

/**
 * After the case is stored: tell the unit (or, if a photo check answered before the photo was attached, apply
 * it now) and apply the repeat action the count called for. Never fails the submit, and one step failing never
 * skips the next.
 */
async function afterFiling(
  runtime: Runtime,
  doc: StoredCase,
  opened: Opened,
  checks: RegistrationChecks,
): Promise<void> {
  const caseId = doc._id
  runtime.log.info('case registered', {
    caseId,
    refNo: doc.refNo,
    unitId: doc.unitId,
    screening: doc.screening,
  })
  for (const { step, error } of checks.failures) runtime.log.error(`${step} failed`, { caseId, error })
  try {
    // A case just filed has one follower: its reporter.
    const followers = [doc.reporter.openid]
    if (doc.screening === 'passed')
      await sendCaseNotices(runtime, doc, opened.effects, opened.entry, { followers })
    else await rescreenCase(runtime, caseId)
  } catch (error) {
    runtime.log.error('registration notices failed', { caseId, error: String(error) })
  }
  try {
    if (checks.repeat) await applyRepeatAction(runtime, checks.repeat)
  } catch (error) {
    runtime.log.error('repeat action failed', { caseId, error: String(error) })
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
  let screened: ScreenedContent
  try {
    checkOccurredAt(input.occurredAt, now)
    screened = await screenReport(runtime, openid, input)
  } catch (error) {
    // A retry of a request that was filed: its photos belong to the case now, so the check refuses them. A
    // first request pays no read for this; a retry that passes the check finds the case's id taken below.
    const earlier = await filedBefore(runtime, caseId)
    if (earlier) return submitted(runtime, earlier, true)
    throw error
  }
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
  const stored = await storeNewCase(runtime, caseId, build, screened.uploads, now)
  if (stored.replayed) return submitted(runtime, stored.doc, true)
  await afterFiling(runtime, stored.doc, opened, stored.checks)
  return submitted(runtime, stored.doc, false)
}
