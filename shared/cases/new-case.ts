// A new case document from a filed report, built in one place and pure: the submission (cloud function
// `cases.submitReport`, common/intake/submission.ts) checks, routes, assesses, seals the reporter's identity,
// opens the workflow and numbers the case, then hands the parts to `buildNewCase` and stores what it returns.
// Everything that needs the platform — crypto (sealing, keyed hashes), the reference-number counter, the clock —
// is done by the caller and passed in.
import type { WorkingCalendar } from '../calendar'
import { caseClocks, nextClockDate } from '../deadlines'
import { geoCellsOf } from '../geo/cells'
import type { IntakeAssessment } from '../intake/importance'
import { getPolicyProfile } from '../policy'
import { answeringUnit, guidanceOf, type RoutingDecision } from '../routing/router'
import type { CategoryKey, PollutionSourceKey } from '../vocabulary/categories'
import type { Location } from '../vocabulary/fields'
import type { RequestTypeKey } from '../vocabulary/request-types'
import type { RegisterEvent } from '../workflow/events'
import type { CaseMachineState, HistoryEntry } from '../workflow'
import { isOpenState } from '../workflow/states'
import { toShanghaiIso } from '../time'
import type {
  CaseDoc,
  CaseOrigin,
  IntakeRecord,
  PlacedBy,
  ReporterMode,
  ReporterRecord,
  RoutingRecord,
} from './case-doc'
import { pendingPhotoIds, withHold } from './content-holds'
import type { NewHold } from './held-content'
import { workIndexOf } from './todo'

/** A validated report, as the builder reads it (the output of the contracts' `submitReportInput`). */
export interface NewReport {
  clientRequestId: string
  requestType: RequestTypeKey
  category: CategoryKey
  source?: PollutionSourceKey
  description: string
  photos: string[]
  location: Location
  occurredAt?: string
  reportedEntity?: string
  reporter: { mode: ReporterMode }
}

/**
 * Where a report came in when not through the mini-program: a staff member's registration of a call, letter,
 * visit, instruction or referral, or a platform's work order (common/channels/). Absent: the mini-program.
 */
export type Arrival = Pick<
  RegisterEvent,
  'channel' | 'referredBy' | 'externalNo' | 'platformDue' | 'attachments'
> & {
  /** The intake rules found it important, or its channel makes it so (a leader's instruction, S2 第十条(一)). */
  important?: boolean
}

const MINI_PROGRAM: Arrival = {
  channel: 'mini-program',
  referredBy: null,
  externalNo: null,
  platformDue: null,
  attachments: [],
}

/** The registration of a report, as the workflow opens the case with it (the mini-program's unless `arrival`). */
export function registerEventOf(
  report: Pick<NewReport, 'requestType'>,
  assessment: Pick<IntakeAssessment, 'importance' | 'urgency'>,
  reporterOpenid: string | null,
  receivedAt: string,
  arrival: Arrival = MINI_PROGRAM,
): RegisterEvent {
  const { important, ...where } = arrival
  return {
    type: 'register',
    ...where,
    requestType: report.requestType,
    important: assessment.importance === 'important' || important === true,
    emergency: assessment.urgency === 'immediate',
    receivedAt,
    reporterId: reporterOpenid,
  }
}

/** What intake found, as the case keeps it (the rule, what follows, the basis of every finding). */
function intakeRecordOf(assessment: IntakeAssessment): IntakeRecord {
  return {
    importance: assessment.importance,
    urgency: assessment.urgency,
    findings: assessment.findings.map(({ rule, label, effects, basis }) => ({ rule, label, effects, basis })),
  }
}

/** Where the routing table sent the report, as the case keeps it. */
export function routingRecordOf(decision: RoutingDecision): RoutingRecord {
  return {
    outcome: decision.outcome,
    ruleId: decision.ruleId,
    cite: decision.cite,
    guidance: guidanceOf(decision),
    department: decision.outcome === 'referred' ? decision.department : null,
  }
}

export interface NewCaseParts {
  report: NewReport
  /** The reporter as stored: identity sealed and masked, or the anonymous query code's hash and seal. */
  reporter: ReporterRecord
  /** Keyed hash of the reporter for repeat counting; null for anonymous reports. */
  reporterKey: string | null
  /** Normalised name of the reported party (repeat and duplicate queries); null when none was named. */
  entityKey: string | null
  decision: RoutingDecision
  assessment: IntakeAssessment
  /** The workflow opened on the report's register event (`openCase`). */
  opened: { state: CaseMachineState; entry: HistoryEntry }
  /** The report's content held by screening (texts for a person, photos still being checked); null: none. */
  hold: NewHold | null
  /** `JZ-20261121-0042`, numbered by the caller's counter (formatRefNo). */
  refNo: string
  /** The working-day calendar, for the first date the deadline timer must look at the case. */
  calendar: WorkingCalendar
  /** When the report was received. */
  now: Date
  /** A report staff registered or a platform sent: where it came from, how its reporter hears (absent: mini-program). */
  origin?: CaseOrigin
  /** Absent: the position was marked (`position`). */
  placedBy?: PlacedBy
}

/** The new case document: the workflow as opened, the report as sent, what routing and intake decided. */
export function buildNewCase(parts: NewCaseParts): CaseDoc {
  const { report, decision, opened } = parts
  const at = toShanghaiIso(parts.now)
  const contentHolds = parts.hold ? withHold([], parts.hold, null) : []
  const position = decision.placement.position
  const history = [opened.entry]
  const profile = getPolicyProfile(opened.state.profile.id, opened.state.profile.version)
  const clocks = caseClocks({ profile, calendar: parts.calendar, history, asOf: parts.now })
  return {
    ...opened.state,
    ...workIndexOf(opened.state, clocks),
    open: isOpenState(opened.state.status),
    refNo: parts.refNo,
    requestType: report.requestType,
    category: report.category,
    source: report.source ?? null,
    description: report.description,
    photos: report.photos,
    location: report.location,
    position,
    geo: geoCellsOf(position),
    ...(parts.placedBy && parts.placedBy !== 'position' ? { placedBy: parts.placedBy } : {}),
    ...(parts.origin ? { origin: parts.origin } : {}),
    occurredAt: report.occurredAt ?? null,
    reportedEntity: report.reportedEntity || null,
    entityKey: parts.entityKey,
    reporter: parts.reporter,
    reporterKey: parts.reporterKey,
    lastReportedAt: at,
    // Held back from staff while a photo of the report is still being checked.
    screening: pendingPhotoIds({ contentHolds }).length > 0 ? 'pending' : 'passed',
    contentHolds,
    warningKey: null,
    supervisorStaffId: null,
    history,
    unitId: answeringUnit(decision).id,
    regionCode: decision.region?.code ?? null,
    routing: routingRecordOf(decision),
    intake: intakeRecordOf(parts.assessment),
    nextCheckOn: nextClockDate(clocks, at),
    timerMarks: [],
    followerCount: 0,
    mergedInto: null,
    clientRequestId: report.clientRequestId,
    createdAt: at,
    updatedAt: at,
  }
}
