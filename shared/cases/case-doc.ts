// The case document as stored: one per report (or merged matter), holding its workflow state, its history and
// what intake found. Pure shapes and the small facts derived from them; how each audience sees a case is in
// views/. Clocks are never stored: they are derived from the history and the profile on every read.
import type { CategoryKey, PollutionSourceKey } from '../vocabulary/categories'
import type { Location } from '../vocabulary/fields'
import type { RequestTypeKey } from '../vocabulary/request-types'
import type { GeoCells } from '../geo/cells'
import type { Wgs84Point } from '../geo/coordinates'
import type { IntakeAssessment, IntakeFinding } from '../intake/importance'
import type { RoutingDecision } from '../routing/router'
import type { CaseMachineState, HistoryEntry } from '../workflow'
import type { ContentHold } from './held-content'
import type { WorkIndex } from './todo'

/** 实名 or 匿名: how the citizen chose to report (the contracts' reporterSchema offers the same two). */
export type ReporterMode = 'real-name' | 'anonymous'

export interface ReporterRecord {
  /** The citizen's WeChat identity; null for a report staff registered or a platform sent (no WeChat user). */
  openid: string | null
  mode: ReporterMode
  /** AES-GCM sealed (reporter-identity.ts); real-name only. */
  nameSealed?: string
  phoneSealed?: string
  nameMasked?: string
  phoneMasked?: string
  /** Anonymous only: keyed hash for lookup, and the sealed code so a retried submit can show it again. */
  queryCodeHash?: string
  queryCodeSealed?: string
  /**
   * When the retention period ended and the sealed name, phone and query code were destroyed (timers/retention.ts):
   * the masked name stays, the masked phone reads 已销毁.
   */
  destroyedAt?: string
}

/**
 * How the position of a report was known: `position` — marked on a map or given as coordinates; `locality` — only
 * the county or zone its address names (or the platform's dispatch to a unit) was known, and the position is a
 * point inside that area (common/channels/placement.ts). A locality position is never published as a point.
 */
export type PlacedBy = 'position' | 'locality'

/**
 * A report that did not come in through the mini-program (common/channels/): the platform whose order it is, and
 * how the reporter hears of it. What came in and from where is the register event's (channel, 交办渠道, 工单编号,
 * 平台办理时限, the original material); this is what the case itself needs to be found and answered by.
 */
export interface CaseOrigin {
  /** The deployment's platform (`12345`, `12369`) whose work order this is; null for a staff registration. */
  platform: string | null
  /**
   * How the reporter is told of the case's steps: `wechat` — a WeChat user follows it (the normal notices);
   * `phone` — staff call them (each notice becomes a to-do for intake staff, an SMS is not sent); `none` — no
   * contact was given (anonymous), or the platform answers its caller itself.
   */
  tellReporter: 'wechat' | 'phone' | 'none'
  /** The import batch that brought the order in (an upload of the platform's export), if any. */
  importBatchId: string | null
}
export interface RoutingRecord {
  outcome: RoutingDecision['outcome']
  ruleId: string | null
  cite: string
  guidance: string | null
  department: string | null
}

export interface IntakeRecord extends Pick<IntakeAssessment, 'importance' | 'urgency'> {
  /** What the intake rules found, with what follows and the basis, as the assessment gave them. */
  findings: Array<Pick<IntakeFinding, 'rule' | 'label' | 'effects' | 'basis'>>
}

/**
 * A stored case. The work index (`assigneeStaffId`, `dueOn`, `urgent`, `todo`: shared/cases/todo.ts) is derived
 * from the state and the clocks and written with every change, for the staff to-do queries.
 */
export interface CaseDoc extends CaseMachineState, WorkIndex {
  refNo: string
  requestType: RequestTypeKey
  category: CategoryKey
  source: PollutionSourceKey | null
  description: string
  photos: string[]
  location: Location
  /** WGS-84 position and its proximity keys (duplicate and early-warning queries). */
  position: Wgs84Point
  geo: GeoCells
  /** How the position was known; absent: `position` (every mini-program report is placed on a map). */
  placedBy?: PlacedBy
  /** Absent for a report filed in the mini-program. */
  origin?: CaseOrigin
  occurredAt: string | null
  reportedEntity: string | null
  /** Normalised entity name (repeat and duplicate queries); null when none was named. */
  entityKey: string | null
  reporter: ReporterRecord
  /** Keyed hash of the reporter for repeat counting (null for anonymous reports). */
  reporterKey: string | null
  /** The latest report merged into this case: the duplicate time window runs from it. */
  lastReportedAt: string
  /**
   * Content security (msgSecCheck / mediaCheckAsync): `pending` while a photo of the report is still being
   * checked — the case is held back from staff until the check answers. Rejected content is refused.
   */
  screening: 'passed' | 'pending'
  /**
   * Citizen content a person must clear (check said `review` or failed; photo checks still running): flagged
   * for staff, never shown to other citizens (content-holds.ts). Absent on cases filed before content review.
   */
  contentHolds?: ContentHold[]
  /** Whether `status` is an open state: kept with every status write so the staff inbox has an index for it. */
  open: boolean
  /** Early-warning cluster this report belongs to (S3 第十六条). */
  warningKey: string | null
  /** 专人督办: the officer named to supervise an escalated case (S0 第十一条). */
  supervisorStaffId: string | null
  history: HistoryEntry[]
  /** The unit holding the case now (the lead unit when several handle it). */
  unitId: string
  regionCode: string | null
  routing: RoutingRecord
  intake: IntakeRecord
  /** The next Shanghai date the deadline timer must look at the case (index for the timer). */
  nextCheckOn: string | null
  /** What the timer has already done (`remind:handling:2026-12-03`), so a second run sends nothing twice. */
  timerMarks: string[]
  followerCount: number
  mergedInto: string | null
  clientRequestId: string
  createdAt: string
  updatedAt: string
}

/** A stored case: the document with its id and version (the DocStore's `WithId`). */
export type StoredCase = CaseDoc & { _id: string; _version: number }

/** `JZ-20261121-0042`: prefix, Shanghai date of registration, daily sequence. */
export function formatRefNo(prefix: string, localDate: string, seq: number): string {
  return `${prefix}-${localDate.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`
}

/**
 * The case as the state machine sees it. A flag counted only since some cases were stored is counted in their
 * history: check-ins (现场签到), so such a case leaves the duty list once re-derived (timers/work-index.ts).
 */
export function machineStateOf(doc: CaseDoc): CaseMachineState {
  const flags =
    doc.flags.checkIns === undefined
      ? { ...doc.flags, checkIns: doc.history.filter((e) => e.event.type === 'check-in').length }
      : doc.flags
  return { status: doc.status, profile: doc.profile, facts: doc.facts, flags }
}

/** The reporter's rating of the reply: a history entry (评价答复, or 认可答复 with stars), given once. */
export interface Rating {
  stars: number
  comment: string | null
  at: string
  /** The history entry that holds it (a held comment is held on that entry). */
  entry: number
}

export function ratingOf(doc: Pick<CaseDoc, 'history'>): Rating | null {
  for (let i = doc.history.length - 1; i >= 0; i--) {
    const { event, at } = doc.history[i]!
    if ((event.type === 'rate-reply' || event.type === 'accept-reply') && event.rating !== null) {
      return { stars: event.rating, comment: event.comment || null, at, entry: i }
    }
  }
  return null
}
