// Results fed back to the platform an order came from (S0 第七条(三) 双反馈): when its case closes, is returned
// (S0 第五条; a referred order's objection, S2 第十五条), refused or merged, a feedback record is written in the
// same transaction as the case's step (common/case-workflow.ts) — a transactional outbox, so a record is never
// lost and never written twice — and delivered later by the timers function's hourly job
// (feedback-outbox.ts), with retries and a visible state. Building or delivering it never blocks the case: a
// record that cannot be built is logged and the step goes on.
import type { CaseDoc } from '../../../shared/cases/case-doc'
import { feedbackOn, platformFeedbackOf, type FeedbackRecord } from '../../../shared/cases/views/platform'
import type { DeliveryState, FeedbackView } from '../../../shared/contracts/channels'
import { DELIVERY_STATES } from '../../../shared/contracts/channels'
import { platformById } from '../../../shared/deployment/platforms'
import { toShanghaiIso } from '../../../shared/time'
import type { CaseStateKey } from '../../../shared/workflow'
import { calendarFor } from '../calendar'
import { COLLECTIONS } from '../collections'
import { getMany } from '../db/get-many'
import type { Runtime, Tx, WithId } from '../ports'
import { unitNamer, type StaffDoc } from '../staff-records'

export interface FeedbackDoc {
  platform: string
  externalNo: string
  caseId: string
  /** The unit answering for it (scope of who may see and retry it). */
  unitId: string
  record: FeedbackRecord
  state: DeliveryState
  attempts: number
  /** When the hourly job next tries it (pending only; indexed with the state). */
  nextAttemptAt: string | null
  lastAttemptAt: string | null
  lastError: string | null
  deliveredAt: string | null
  createdAt: string
}

/** One record per step of a case that owes one: a retried transaction writes the same document. */
const feedbackDocId = (caseId: string, index: number) => `fb-${caseId}-${index}`

export function feedbackView(doc: WithId<FeedbackDoc>): FeedbackView {
  return {
    feedbackId: doc._id,
    caseId: doc.caseId,
    record: doc.record,
    state: doc.state,
    stateLabel: DELIVERY_STATES[doc.state],
    attempts: doc.attempts,
    lastAttemptAt: doc.lastAttemptAt,
    lastError: doc.lastError,
    nextAttemptAt: doc.nextAttemptAt,
    deliveredAt: doc.deliveredAt,
    createdAt: doc.createdAt,
  }
}

/** Staff named in the history, by id (one query), for the 承办人. */
async function staffNames(runtime: Runtime, doc: Pick<CaseDoc, 'history'>) {
  const ids = doc.history.flatMap(({ actor }) => (actor.kind === 'staff' ? [actor.id] : []))
  const found = await getMany<StaffDoc>(runtime.db, COLLECTIONS.staff, ids)
  return (id: string) => {
    const staff = found.get(id)
    return staff ? { name: staff.name, title: staff.title } : null
  }
}

/**
 * The feedback record a step owes the order's platform, built before the step's write (which inserts it):
 * null when the case is no platform's order, the status did not change into a state that owes one, or the record
 * cannot be built (logged: the step goes on).
 */
export async function feedbackForStep(
  runtime: Runtime,
  beforeStatus: CaseStateKey,
  next: CaseDoc & { _id: string },
  now: Date,
): Promise<WithId<FeedbackDoc> | null> {
  const platformId = next.origin?.platform
  if (!platformId || beforeStatus === next.status || !feedbackOn(next.status)) return null
  try {
    const platform = platformById(runtime.deployment, platformId)
    if (!platform) throw new Error(`platform ${platformId} is not configured`)
    const index = next.history.length - 1
    const last = next.history[index]!.event
    const target =
      last.type === 'merge' ? await runtime.db.get<CaseDoc>(COLLECTIONS.cases, last.intoCaseId) : null
    const record = platformFeedbackOf(next, index, platform.id, {
      unitName: unitNamer(runtime.deployment.units),
      staff: await staffNames(runtime, next),
      refNoOf: (id) => (target && target._id === id ? target.refNo : null),
      calendar: await calendarFor(runtime),
    })
    if (!record) return null
    const at = toShanghaiIso(now)
    return {
      _id: feedbackDocId(next._id, index),
      _version: 1,
      platform: platform.id,
      externalNo: record.externalNo,
      caseId: next._id,
      unitId: record.unit.id,
      record,
      state: platform.feedbackUrl ? 'pending' : 'export-only',
      attempts: 0,
      nextAttemptAt: platform.feedbackUrl ? at : null,
      lastAttemptAt: null,
      lastError: null,
      deliveredAt: null,
      createdAt: at,
    }
  } catch (error) {
    runtime.log.error('platform feedback not built', { caseId: next._id, error: String(error) })
    return null
  }
}

/** Inside the step's transaction: the record is written with the case, or not at all. */
export async function insertFeedbackInTx(tx: Tx, feedback: WithId<FeedbackDoc> | null): Promise<void> {
  if (!feedback) return
  const { _id, _version: _v, ...doc } = feedback
  await tx.insert<FeedbackDoc>(COLLECTIONS.platformFeedback, { _id, ...doc })
}
