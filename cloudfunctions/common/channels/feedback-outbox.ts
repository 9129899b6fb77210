// Delivering feedback records to their platform (feedback.ts writes them with the case's step): a signed JSON
// POST to the platform's configured address, the same signature scheme as its pushes (push.ts), each attempt
// recorded on the record — attempts, when, the error — so the delivery state is visible to staff
// (channels.listFeedback). A refused or unanswered push is retried by the timers function's hourly job with a
// growing pause, then marked failed (still retried by hand). Nothing here ever touches the case.
import { randomBytes } from 'node:crypto'
import { AppError } from '../../../shared/contracts/result'
import type { PagedJobReport } from '../../../shared/contracts/timers'
import { platformById } from '../../../shared/deployment/platforms'
import { toShanghaiIso } from '../../../shared/time'
import { COLLECTIONS } from '../collections'
import { combinedOutcome, runPagedJob, sharedBudget, type PagedJobOptions } from '../paged-job'
import { VersionConflictError, type Runtime, type WithId } from '../ports'
import type { FeedbackDoc } from './feedback'
import { posterOf } from './http-post'
import { PUSH_HEADERS, signPush, type NonceDoc } from './push'
import { platformKey } from './secrets'

/** Hours to wait after each failed attempt; after the last the record is marked failed (retried by hand). */
export const FEEDBACK_RETRY_HOURS = [1, 2, 4, 8, 16, 24, 24, 24] as const
const FEEDBACK_TIMEOUT_MS = 10_000
/** How long the platform may keep the evidence links it is sent. */
const EVIDENCE_LINK_SECONDS = 7 * 24 * 3600

export const FEEDBACK_JOB_ID = 'feedback-delivery'
const NONCE_CLEANUP_JOB_ID = 'channel-nonce-cleanup'

export interface FeedbackDeliveryReport extends PagedJobReport {
  /** Records due for an attempt and tried in this run (also counted in `examined`, with the nonces looked at). */
  attempted: number
  delivered: number
  /** Attempts the platform refused or did not answer: retried after a pause (FEEDBACK_RETRY_HOURS). */
  retrying: number
  /** Records given up on (after the last retry): shown as 推送失败 until retried by hand. */
  givenUp: number
  /** Nonces of pushes whose window has passed, removed. */
  noncesRemoved: number
}

/** The JSON a platform receives: the record, the evidence as links it can download for a week. */
async function payloadOf(runtime: Runtime, doc: FeedbackDoc): Promise<string> {
  const ids = doc.record.evidence.map((e) => e.fileId)
  const urls = ids.length > 0 ? await runtime.blobs.tempUrls(ids, EVIDENCE_LINK_SECONDS) : {}
  const { evidence, ...record } = doc.record
  return JSON.stringify({
    feedback: { ...record, evidence: evidence.map((e) => ({ label: e.label, url: urls[e.fileId] ?? null })) },
  })
}

/** One attempt: POST the record; any answer but 2xx, or none, is a failed attempt. Returns the error, or null. */
async function attempt(runtime: Runtime, doc: FeedbackDoc): Promise<string | null> {
  const platform = platformById(runtime.deployment, doc.platform)
  if (!platform?.feedbackUrl) return '平台未配置推送地址'
  const secret = platformKey(runtime, platform.id)
  if (!secret) return '平台未配置共享密钥（GW_PLATFORM_SECRETS）'
  try {
    const body = await payloadOf(runtime, doc)
    const timestamp = String(Math.floor(runtime.clock.now().getTime() / 1000))
    const nonce = randomBytes(16).toString('hex')
    const answer = await posterOf(runtime).post(
      platform.feedbackUrl,
      body,
      {
        [PUSH_HEADERS.timestamp]: timestamp,
        [PUSH_HEADERS.nonce]: nonce,
        [PUSH_HEADERS.signature]: signPush(secret, platform.id, timestamp, nonce, body),
      },
      FEEDBACK_TIMEOUT_MS,
    )
    if (answer.status >= 200 && answer.status < 300) return null
    return `平台答复 HTTP ${answer.status}${answer.body ? `：${answer.body.slice(0, 200)}` : ''}`
  } catch (error) {
    return `无法送达：${error instanceof Error ? error.message : String(error)}`.slice(0, 300)
  }
}

/**
 * Tries a record now and records the outcome at the version it read (a concurrent attempt's outcome wins; this
 * one's is then dropped). Answers the record as stored afterwards.
 */
async function deliverFeedback(runtime: Runtime, doc: WithId<FeedbackDoc>): Promise<WithId<FeedbackDoc>> {
  const error = await attempt(runtime, doc)
  const now = runtime.clock.now()
  const at = toShanghaiIso(now)
  const attempts = doc.attempts + 1
  const wait = FEEDBACK_RETRY_HOURS[attempts - 1]
  const patch: Partial<FeedbackDoc> =
    error === null
      ? {
          state: 'delivered',
          attempts,
          lastAttemptAt: at,
          lastError: null,
          nextAttemptAt: null,
          deliveredAt: at,
        }
      : wait === undefined
        ? { state: 'failed', attempts, lastAttemptAt: at, lastError: error, nextAttemptAt: null }
        : {
            state: 'pending',
            attempts,
            lastAttemptAt: at,
            lastError: error,
            nextAttemptAt: toShanghaiIso(new Date(now.getTime() + wait * 3600_000)),
          }
  try {
    await runtime.db.update<FeedbackDoc>(COLLECTIONS.platformFeedback, doc._id, patch, doc._version)
  } catch (conflict) {
    if (!(conflict instanceof VersionConflictError)) throw conflict
    const fresh = await runtime.db.get<FeedbackDoc>(COLLECTIONS.platformFeedback, doc._id)
    if (fresh) return fresh
  }
  runtime.log[error === null ? 'info' : 'warn']('platform feedback', {
    feedbackId: doc._id,
    platform: doc.platform,
    state: patch.state,
    attempts,
  })
  return { ...doc, ...patch, _version: doc._version + 1 }
}

/** A staff member's retry of a waiting or failed record (a delivered one is answered as it is). */
export async function retryFeedbackNow(
  runtime: Runtime,
  doc: WithId<FeedbackDoc>,
): Promise<WithId<FeedbackDoc>> {
  if (doc.state === 'delivered') return doc
  if (doc.state === 'export-only') {
    throw new AppError('ILLEGAL_TRANSITION', '该平台未配置推送地址：请导出反馈文件报送平台')
  }
  // A record given up on starts its retries afresh.
  return deliverFeedback(runtime, doc.state === 'failed' ? { ...doc, attempts: 0 } : doc)
}

/**
 * The timers function's job: every record due for an attempt, oldest first, then the nonces whose window has
 * passed — two resumable paged jobs (paged-job.ts) within one budget.
 */
export async function runFeedbackDelivery(
  runtime: Runtime,
  options: PagedJobOptions = {},
): Promise<FeedbackDeliveryReport> {
  const budget = sharedBudget(options)
  const now = toShanghaiIso(runtime.clock.now())
  const report: FeedbackDeliveryReport = {
    examined: 0,
    attempted: 0,
    delivered: 0,
    retrying: 0,
    givenUp: 0,
    noncesRemoved: 0,
    conflicts: 0,
    failures: 0,
    complete: false,
    busy: false,
    pages: 0,
    slowestPageMs: 0,
  }
  const delivery = await runPagedJob(
    runtime,
    FEEDBACK_JOB_ID,
    budget,
    (page) =>
      runtime.db.find<FeedbackDoc>(COLLECTIONS.platformFeedback, {
        filter: { state: 'pending', nextAttemptAt: { $lte: now } },
        orderBy: [['nextAttemptAt', 'asc']],
        ...page,
      }),
    async (doc) => {
      report.examined++
      report.attempted++
      try {
        const after = await deliverFeedback(runtime, doc)
        if (after.state === 'delivered') report.delivered++
        else if (after.state === 'failed') report.givenUp++
        else report.retrying++
      } catch (error) {
        report.failures++
        runtime.log.error('platform feedback: attempt not recorded', {
          feedbackId: doc._id,
          error: String(error),
        })
      }
    },
  )
  const nonces = await runPagedJob(
    runtime,
    NONCE_CLEANUP_JOB_ID,
    budget,
    (page) =>
      runtime.db.find<NonceDoc>(COLLECTIONS.channelNonces, {
        filter: { expiresAt: { $lt: now } },
        orderBy: [['expiresAt', 'asc']],
        ...page,
      }),
    async (nonce) => {
      report.examined++
      try {
        await runtime.db.remove(COLLECTIONS.channelNonces, nonce._id)
        report.noncesRemoved++
      } catch (error) {
        report.failures++
        runtime.log.error('channel nonce not removed', { error: String(error) })
      }
    },
  )
  // Complete once both queries are worked through; otherwise the next run resumes them.
  Object.assign(report, combinedOutcome(delivery, nonces))
  runtime.log.info('feedback delivery', { ...report })
  return report
}
