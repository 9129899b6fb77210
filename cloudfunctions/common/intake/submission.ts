// Filing a report (cases.submitReport): check → route → assess → seal the reporter → open the workflow → build
// the case (shared/cases/new-case.ts) and store it in one transaction with its reference number, the reporter's
// follow, its photos and its copies to business sections → the effects of registration, which never fail the
// submit. A retried submit (same
// device request) finds the case it filed and answers the same.
//
// `fileCase` is the one path every report takes from "checked, routed, assessed and sealed" on, however it came
// in: the citizen's own submission here, a staff member's registration of a call, letter or visit and a
// platform's work order (common/channels/filing.ts) — the same workflow opening, the same case builder, the same
// transaction and the same effects of registration.
//
// DocStore calls of a report on a place without photos: the transaction (1) reading and writing the day's counter
// (2), one query for the repeat count and the early warning (1; two when the place is busy or the report names
// an entity), inserting the case, the reporter's follow and the case's monthly statistics contribution (3), and
// the staff to notify (1) — 8 (tests/integration/call-budgets.test.ts). A second month of statistics (its clock
// falls due in a later month) adds its insert; photos the read of their records and their attachment; a new
// warning its insert and the supervising unit's notice; a copy to a business section its record and its audit
// record; a repeat action on an earlier case the workflow's write on it (on the new case itself, none: the case
// is stored with it, `repeatActionOnNewCase`).
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
import { profileForNewCase, type EventOnNewCase } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import { followId, type FollowDoc } from '../follows'
import { sendCaseNotices } from '../notifications'
import { DuplicateKeyError, type Runtime, type Tx, type WithId } from '../ports'
import { queryCodeOf, sealReporter } from '../reporter-identity'
import { routeReport } from '../routing'
import { rescreenCase, screenCitizenContent, type ScreenedContent } from '../screening'
import { attachUploadsInTx, type UploadDoc } from '../uploads'
import { newCaseExtras, writeCaseStatsInTx } from '../stats/case-stats'
import { tellWarning } from '../oversight/warnings'
import { copyToSectionsInTx } from '../sharing/section-copies'
import {
  applyRepeatAction,
  checkNewReport,
  repeatActionOnNewCase,
  raiseWarningInTx,
  warningKeyOf,
  type RegistrationChecks,
  type WarningRaised,
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

type Stored =
  | {
      replayed: false
      doc: StoredCase
      checks: RegistrationChecks
      warning: WarningRaised
      /** The repeat action the new report took on its way in (it holds its target): its effects are still due. */
      actedOn: EventOnNewCase | null
    }
  | { replayed: true; doc: StoredCase }

/** The case a device request filed, if any: a retried submit is answered with it. */
async function filedBefore(runtime: Runtime, caseId: string): Promise<StoredCase | null> {
  return runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId)
}

/**
 * The case, its reference number, the reporter's follow, the report's photos, its copies to business sections
 * and what intake found, in one transaction. The intake queries run after the counter is read, so reports filed at the same moment are counted
 * as if one after the other (registration-checks.ts). A retry of the same device request finds the case's id
 * taken: it is answered with the case it filed, not filed again.
 */
async function storeNewCase(
  runtime: Runtime,
  filing: Filing,
  build: (refNo: string) => CaseDoc,
  now: Date,
  calendar: WorkingCalendar,
): Promise<Stored> {
  const { caseId } = filing
  try {
    return await runtime.db.transaction(async (tx): Promise<Stored> => {
      const numbered = build(await nextRefNo(tx, runtime.deployment.referencePrefix, now))
      // Its reporter, when there is one on WeChat, follows it from the start: the follow is inserted with it.
      const built: CaseDoc = filing.follower ? { ...numbered, followerCount: 1 } : numbered
      const checks = await checkNewReport(runtime, { ...built, _id: caseId, _version: 1 })
      // Holding its target, the report takes the repeat action on its way in: stored once, with it.
      const acted = repeatActionOnNewCase(runtime, { ...built, _id: caseId }, checks.repeat, {
        calendar,
        now,
      })
      const registered = acted?.doc ?? built
      // The desk's derived fields and the statistics contributions, written with the case (common/stats).
      const stats = newCaseExtras(caseId, registered, calendar, now)
      const fresh: CaseDoc = { ...registered, ...stats.patch, warningKey: warningKeyOf(checks.warning) }
      await tx.insert<CaseDoc>(COLLECTIONS.cases, { _id: caseId, ...fresh })
      await writeCaseStatsInTx(tx, stats, { newCase: true })
      await acted?.writeInTx(tx, { ...fresh, _id: caseId })
      if (filing.follower) {
        // The case is new, so is its reporter's follow.
        const follow: FollowDoc = {
          caseId,
          openid: filing.follower,
          relation: 'reporter',
          lastReadSeq: 0,
          createdAt: fresh.createdAt,
        }
        await tx.insert<FollowDoc>(COLLECTIONS.follows, { _id: followId(caseId, follow.openid), ...follow })
      }
      await attachUploadsInTx(tx, filing.uploads, caseId)
      // 对内共享 (S0 第十七条): copied to the business sections its category or source concerns, with the case.
      await copyToSectionsInTx(tx, runtime, { ...fresh, _id: caseId })
      await filing.alsoInTx?.(tx, { ...fresh, _id: caseId })
      const warning = await raiseWarningInTx(tx, runtime, checks.warning, fresh.createdAt)
      return { replayed: false, doc: { ...fresh, _id: caseId, _version: 1 }, checks, warning, actedOn: acted }
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
 * it now), tell the supervising unit of a warning the report raised and apply the repeat action the count called
 * for. Never fails the filing, and one step failing never skips another. The steps run side by side (in the
 * cloud each is several round trips), except that a case being screened again is settled before a repeat action
 * may write it.
 */
async function afterFiling(
  runtime: Runtime,
  stored: Extract<Stored, { replayed: false }>,
  opened: Opened,
  follower: string | null,
): Promise<void> {
  const { doc, checks, warning, actedOn } = stored
  const caseId = doc._id
  runtime.log.info('case registered', {
    caseId,
    refNo: doc.refNo,
    unitId: doc.unitId,
    screening: doc.screening,
  })
  for (const { step, error } of checks.failures) runtime.log.error(`${step} failed`, { caseId, error })
  const step = (failure: string, run: () => Promise<unknown>): Promise<void> =>
    Promise.resolve()
      .then(run)
      .then(
        () => undefined,
        (error: unknown) => runtime.log.error(failure, { caseId, error: String(error) }),
      )
  // A case just filed has at most one follower: its reporter.
  const followers = follower ? [follower] : []
  const passed = doc.screening === 'passed'
  // Screening again writes the case, which may be the one that takes the repeat action: that waits for it.
  const screened = passed
    ? Promise.resolve()
    : step('registration notices failed', () => rescreenCase(runtime, caseId))
  const repeat = checks.repeat
  await Promise.all([
    passed &&
      step('registration notices failed', () =>
        sendCaseNotices(runtime, doc, opened.effects, opened.entry, { followers }),
      ),
    // S3 第十六条: the supervising unit is told, with the cases behind it on its desk (common/oversight/warnings.ts).
    warning && step('early-warning notice failed', () => tellWarning(runtime, warning.id, warning.doc)),
    actedOn
      ? step('repeat action notices failed', () => actedOn.afterCommit(doc))
      : screened.then(() => repeat && step('repeat action failed', () => applyRepeatAction(runtime, repeat))),
  ])
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
  if (!stored.replayed) await afterFiling(runtime, stored, opened, filing.follower)
  return { doc: stored.doc, replayed: stored.replayed }
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
