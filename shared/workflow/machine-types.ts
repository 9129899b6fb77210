// The case as the state machine sees it: plain JSON the cloud function stores next to the history, the effects a
// transition asks for, and the error it gives when an event is illegal.
import type { RequestTypeKey } from '@shared/vocabulary/request-types'
import type { CaseClock } from '@shared/deadlines'
import type { StaffRole } from '@shared/vocabulary/units'
import type { ApprovalStep, ClockKind, NonAcceptanceReasonKey, ProfileId } from '@shared/policy'
import type { LocalDate } from '@shared/time'
import type { ReplyContent } from './catalogue/reply'
import type {
  IntakeChannel,
  LeaderCaseGround,
  MediationMatter,
  RepeatEventType,
  SupervisionReason,
} from './grounds'
import type { CaseStateKey } from './states'

/** What registration established; `important` may be set later (mark-important). */
export interface CaseFacts {
  requestType: RequestTypeKey
  channel: IntakeChannel
  important: boolean
  emergency: boolean
  referred: boolean
  /** The citizen following the case; null for a staff-entered anonymous report. */
  reporterId: string | null
}

/** A staff member as an event records them: their id, and their name at the time. */
export interface Colleague {
  id: string
  name: string
}

/**
 * Who handles the case: the units (several offices have a lead office that replies for all, S2 第十六条), the
 * officer the assignment names in the lead unit, the instructions given and the date set (S2 第十六条 注明办理
 * 时限; null: the legal due date). Cases assigned before officers were named carry units only.
 */
interface Assignment {
  unitIds: readonly string[]
  leadUnitId: string
  officer?: Colleague | null
  instructions?: string
  dueDate?: LocalDate | null
}

export interface CaseFlags {
  /** 一次性告知: asked once, with every missing item (S3 第九条(一)). */
  supplement: { requestedAt: string; missingItems: readonly string[]; suppliedAt: string | null } | null
  outOfRemit: 'other-department' | 'other-region' | null
  /** Handling units and the named officer; several offices have a lead office that replies for all (S2 第十六条). */
  assignment: Assignment | null
  siteVisits: number
  /**
   * 现场签到 made on the case (S2 第十二条 立即组织现场核实): someone of the bureau has been on site. Absent on cases
   * stored before check-ins were counted (`machineStateOf` counts them in the history; read it with `checkInsOf`).
   */
  checkIns?: number
  initialOpinionRecorded: boolean
  rectification: { dueDate: LocalDate; completed: boolean } | null
  reply: { draft: ReplyContent; approvals: readonly ApprovalStep[]; sentAt: string | null } | null
  extension: { pending: { days: number; reason: string; requestedAt: string } | null; grantedDays: number }
  reminders: number
  /** 督办 (S3 第十五条, S2 第十八条). */
  supervised: boolean
  /** 提级办理 (S0 第十一条). */
  escalated: boolean
  /** 列入领导包案 (S2 第八条; S4 五(二)). */
  leaderCase: {
    ground: LeaderCaseGround
    at: string
    /** The leader who took the case in personal charge (take-leader-case); absent while none has. */
    leaderStaffId?: string
  } | null
  /** What the intake's repeat count set off on this case (once per case): the event and the count it acted on. */
  repeatAction: { event: RepeatEventType; count: number; at: string } | null
  reviewRounds: number
  /** The reporter has rated the reply (a rating is given once; it is kept in the history). */
  rated: boolean
  /** 复核 decided: the same facts and reasons are not accepted again (S2 第十九条, 条例 第三十六条). */
  finalDecision: boolean
  lastCheck: {
    kind: 'return-visit' | 'spot-check'
    problemRecurred: boolean
    at: string
    /** A spot check found the handling irregular (S3 第十四条): it may be ordered redone. */
    irregular?: boolean
  } | null
  reopenCount: number
  /**
   * The latest 督办单 (S3 第十五条): its time limit, and whether the handling unit owes the result (open), has
   * reported it for the supervisor's check (reported), or the supervisor accepted it (closed). Absent on cases
   * stored before 督办单 existed (read as null).
   */
  supervisionOrder?: SupervisionOrder | null
  /** How the case ended here: left this bureau's hands, or closed by mediation (S2 第十一条). */
  outcome:
    | { kind: 'not-accepted'; reason: NonAcceptanceReasonKey; guidance: string }
    | { kind: 'merged'; intoCaseId: string }
    | { kind: 'transferred'; target: 'region' | 'department'; to: string }
    | { kind: 'mediated'; matter: MediationMatter }
    | null
  /**
   * Staff who declared a conflict of interest (回避, S2 第六条): excluded from the case from then on. Absent on
   * cases stored before recusal existed (read it with `recusedStaffIds`).
   */
  recused?: readonly string[]
}

interface SupervisionOrder {
  reason: SupervisionReason
  /** The last day for the result (督办的时限要求); a send-back sets a new one. */
  dueDate: LocalDate
  issuedAt: string
  state: 'open' | 'reported' | 'closed'
  reportedAt: string | null
  sendBacks: number
}

export interface CaseMachineState {
  status: CaseStateKey
  /** The profile version the case is handled under (the one in effect when it was received). */
  profile: { id: ProfileId; version: number }
  facts: CaseFacts
  flags: CaseFlags
}

export interface TransitionContext {
  /** When the event happens (ISO 8601 with offset); it becomes the history entry's `at`. */
  now: string
  /** The case's clocks as of `now`: `caseClocks({ profile, calendar, history, asOf: now })`. */
  clocks: readonly CaseClock[]
}

export type ReporterNotice =
  | 'registered'
  | 'supplement-requested'
  | 'accepted'
  | 'not-accepted'
  | 'merged'
  | 'transferred'
  | 'extension-granted'
  | 'reply'
  | 'review-decision'
  | 're-review-decision'
  | 'reopened'
  | 'closed'
  /** Closed by a mediation the parties agreed to (S2 第十一条). */
  | 'mediated'
  /** Repeat reports set off a stronger handling (提级办理, 督办, 重点案件, 领导包案). */
  | 'stepped-up'

export type StaffNotice =
  | 'new-case'
  | 'supplement-received'
  | 'to-assign'
  | 'out-of-remit'
  | 'important-case'
  | 'assigned'
  | 'approval-needed'
  | 'reply-approved'
  | 'reply-sent-back'
  | 'extension-requested'
  | 'extension-decided'
  | 'reminder'
  | 'supervision'
  | 'escalated'
  | 'leader-case'
  | 'review-requested'
  | 're-review-requested'
  | 'reopened'
  | 'supervision-order'
  | 'supervision-result'
  | 'supervision-sent-back'
  | 'supervision-closed'
  /** A reporter with no WeChat to hear it is told by phone: each of their notices is an intake to-do. */
  | 'tell-reporter'
  /** Night-time construction noise, risk of a mass incident: go on site at once (S2 第十二条). */
  | 'urgent-case'
  /** The named officer stepped aside (S2 第六条): the case needs another officer. */
  | 'recused'
  /** A unit shares a case another office leads (S2 第十六条). */
  | 'co-handling'

/** What a transition asks the caller to do. Nothing is executed by the workflow itself. */
export type Effect =
  | { type: 'notify-reporter'; notice: ReporterNotice }
  | { type: 'notify-units'; unitIds: readonly string[]; notice: StaffNotice }
  | { type: 'notify-roles'; roles: readonly StaffRole[]; notice: StaffNotice }
  /** Named staff members (the officer an assignment names). */
  | { type: 'notify-staff'; staffIds: readonly string[]; notice: StaffNotice }
  /** The officers and the leader on duty now for the case's unit (值班、领导带班: S0 第五条, S2 第十二条). */
  | { type: 'notify-duty'; notice: StaffNotice }
  | { type: 'start-clock'; clock: ClockKind }
  | { type: 'stop-clock'; clock: ClockKind }
  | { type: 'pause-clocks' }
  | { type: 'resume-clocks' }
  | { type: 'extend-clock'; clock: 'handling'; days: number }
