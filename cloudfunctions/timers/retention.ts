// Retention (part of the timers function's hourly run), as each case's policy profile says (`retention`):
//   1. archive (归档, S3 第二十四条): an ended case whose objection windows (复查/复核申请期) have closed is archived
//      `archive.days` after its last step, through the workflow as the `retention-timer` system actor (a key case
//      still waiting for its return visit is left until the visit is recorded: `returnVisitDoneIfRequired`);
//   2. destroy: `reporterIdentity.days` after archiving, the sealed reporter name, phone and anonymous query code
//      are removed for good — the case keeps the masked name, the phone reads 已销毁, and `reporter.destroyedAt`
//      records when — with an audit record in the same write.
//
// Scale: both are indexed queries (`open_status_updated`, one range per ended state merged in order, and
// `status_identity_updated`: archived, not yet destroyed) in pages of ≤ 100, resumable (paged-job.ts). Idempotent: an archived case leaves the first query, a destroyed identity the
// second; each write is at the version read, so a case changed meanwhile is left for the next run.
import { AppError } from '../../shared/contracts/result'
import type { CaseDoc, ReporterRecord } from '../../shared/cases/case-doc'
import { effectivePolicy, POLICY_PROFILES, type ProfileId, type RetentionRule } from '../../shared/policy'
import { toShanghaiIso } from '../../shared/time'
import { STATE_GROUPS, type CaseEvent } from '../../shared/workflow'
import { recordAudit } from '../common/audit'
import { systemCaseAccess } from '../common/case-access'
import { calendarFor } from '../common/calendar'
import { applyCaseEvent, clocksOf, isLegal, profileOf } from '../common/case-workflow'
import { COLLECTIONS } from '../common/collections'
import type { PagedJobReport } from '../../shared/contracts/timers'
import { combinedOutcome, runPagedJob, sharedBudget, type PagedJobOptions } from '../common/paged-job'
import { VersionConflictError, type Runtime, type WithId } from '../common/ports'

export const ARCHIVE_JOB_ID = 'retention-archive'
const IDENTITY_JOB_ID = 'retention-identity'
const RETENTION_TIMER = 'retention-timer' as const
/** What the phone (and an anonymous report's code) reads once destroyed. */
export const DESTROYED = '已销毁'

const DAY_MS = 24 * 3600_000

export interface RetentionReport extends PagedJobReport {
  /** Ended cases looked at (`examined`), archived now, and left waiting (a window or a return visit still open). */
  archived: number
  waiting: number
  /** Archived cases whose reporter identity was destroyed now. */
  identitiesDestroyed: number
}

type Period = keyof RetentionRule

/** The period of one case, from its own profile version. */
function daysOf(doc: CaseDoc, period: Period): number {
  return effectivePolicy(profileOf(doc)).retention[period].days
}

/** The shortest period of any version of the deployment's profile: the query's cutoff (each case is then checked). */
function shortestDays(runtime: Runtime, period: Period): number {
  const versions = POLICY_PROFILES[runtime.deployment.profileId as ProfileId]
  return Math.min(...versions.map((p) => effectivePolicy(p).retention[period].days))
}

const before = (now: Date, days: number) => toShanghaiIso(new Date(now.getTime() - days * DAY_MS))

async function archiveCase(runtime: Runtime, doc: WithId<CaseDoc>, report: RetentionReport): Promise<void> {
  const now = runtime.clock.now()
  if (doc.updatedAt > before(now, daysOf(doc, 'archive'))) return void report.waiting++
  const calendar = await calendarFor(runtime)
  // The reporter may still object (复查/复核申请期 running): not yet.
  const windowOpen = clocksOf(doc, calendar, now).some(
    (c) => c.nature === 'window' && c.state === 'running' && !c.elapsed,
  )
  const timer = systemCaseAccess(runtime, RETENTION_TIMER)
  const event: CaseEvent = { type: 'archive' }
  if (windowOpen || !isLegal(doc, event, timer.actor, calendar, now)) return void report.waiting++
  await applyCaseEvent(runtime, timer, doc._id, event, { expectedVersion: doc._version })
  report.archived++
}

/** The reporter record with the sealed identity and contact removed; the masked name stays. */
function withoutIdentity(reporter: ReporterRecord, at: string): ReporterRecord {
  const { nameSealed: _name, phoneSealed: _phone, queryCodeSealed: _code, ...kept } = reporter
  return { ...kept, ...(reporter.phoneMasked ? { phoneMasked: DESTROYED } : {}), destroyedAt: at }
}

async function destroyIdentity(
  runtime: Runtime,
  doc: WithId<CaseDoc>,
  report: RetentionReport,
): Promise<void> {
  const now = runtime.clock.now()
  if (doc.updatedAt > before(now, daysOf(doc, 'reporterIdentity'))) return
  const at = toShanghaiIso(now)
  const { nameSealed, phoneSealed, queryCodeSealed } = doc.reporter
  const destroyed = [
    ...(nameSealed ? ['name'] : []),
    ...(phoneSealed ? ['phone'] : []),
    ...(queryCodeSealed ? ['query-code'] : []),
  ]
  await runtime.db.transaction(async (tx) => {
    await tx.update<CaseDoc>(
      COLLECTIONS.cases,
      doc._id,
      { reporter: withoutIdentity(doc.reporter, at) },
      doc._version,
    )
    if (destroyed.length > 0) {
      await recordAudit(tx, {
        action: 'destroy-reporter-identity',
        subject: doc._id,
        staffId: `system:${RETENTION_TIMER}`,
        at,
        refNo: doc.refNo,
        destroyed,
      })
    }
  })
  if (destroyed.length > 0) report.identitiesDestroyed++
}

function failed(runtime: Runtime, report: RetentionReport, caseId: string, error: unknown): void {
  const conflict =
    error instanceof VersionConflictError || (error instanceof AppError && error.code === 'CONFLICT')
  if (conflict) return void report.conflicts++
  report.failures++
  runtime.log.error('retention: case failed', { caseId, error: String(error) })
}

export async function runRetention(
  runtime: Runtime,
  options: PagedJobOptions = {},
): Promise<RetentionReport> {
  const budget = sharedBudget(options)
  const now = runtime.clock.now()
  const report: RetentionReport = {
    examined: 0,
    archived: 0,
    waiting: 0,
    identitiesDestroyed: 0,
    conflicts: 0,
    failures: 0,
    complete: false,
    busy: false,
    pages: 0,
    slowestPageMs: 0,
  }
  const archiving = await runPagedJob(
    runtime,
    ARCHIVE_JOB_ID,
    budget,
    (page) =>
      runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
        filter: {
          open: false,
          status: { $in: STATE_GROUPS.endedUnarchived },
          updatedAt: { $lt: before(now, shortestDays(runtime, 'archive')) },
        },
        orderBy: [['updatedAt', 'asc']],
        ...page,
      }),
    async (doc) => {
      report.examined++
      await archiveCase(runtime, doc, report).catch((error: unknown) =>
        failed(runtime, report, doc._id, error),
      )
    },
  )
  const destroying = await runPagedJob(
    runtime,
    IDENTITY_JOB_ID,
    budget,
    (page) =>
      runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
        filter: {
          status: 'archived',
          'reporter.destroyedAt': null,
          updatedAt: { $lt: before(now, shortestDays(runtime, 'reporterIdentity')) },
        },
        orderBy: [['updatedAt', 'asc']],
        ...page,
      }),
    (doc) =>
      destroyIdentity(runtime, doc, report).catch((error: unknown) =>
        failed(runtime, report, doc._id, error),
      ),
  )
  // Complete once both queries are worked through; otherwise the next run resumes them.
  Object.assign(report, combinedOutcome(archiving, destroying))
  runtime.log.info('retention', { ...report })
  return report
}
