// What a case's history says about the violation a reward would rest on: the decisions that confirmed it
// (`confirm-violation`) and whether the report was found untrue (`find-report-untrue`). The latest finding wins:
// a report found untrue after a penalty (the penalty was set aside) is untrue; a violation confirmed after an
// untrue finding (new evidence) stands from then on. Also: who handled the case (a reward admin who did may not
// decide its reward).
import type { ReporterMode, StoredCase } from '../cases/case-doc'
import { localDateOf, type LocalDate } from '../time'
import type { RequestTypeKey } from '../vocabulary/request-types'
import type { CaseStateKey, EventOf, HistoryEntry } from '../workflow'

type ConfirmViolationEvent = EventOf<'confirm-violation'>
type FindReportUntrueEvent = EventOf<'find-report-untrue'>

export interface ConfirmedViolation extends Omit<ConfirmViolationEvent, 'type'> {
  at: string
}

export interface ViolationFindings {
  /** The decisions confirming violations since the last untrue finding, oldest first. */
  confirmations: ConfirmedViolation[]
  /** The untrue finding in force (none was followed by a confirmation), or null. */
  untrue: (Omit<FindReportUntrueEvent, 'type'> & { at: string }) | null
  /** The day the first of `confirmations` was recorded: the claim window counts from it. */
  confirmedOn: LocalDate | null
}

export function violationFindings(history: readonly HistoryEntry[]): ViolationFindings {
  let confirmations: ConfirmedViolation[] = []
  let untrue: ViolationFindings['untrue'] = null
  for (const { at, event } of history) {
    if (event.type === 'confirm-violation') {
      const { type: _type, ...decision } = event
      confirmations = [...confirmations, { ...decision, at }]
      untrue = null
    } else if (event.type === 'find-report-untrue') {
      const { type: _type, ...finding } = event
      untrue = { ...finding, at }
      confirmations = []
    }
  }
  return { confirmations, untrue, confirmedOn: confirmations[0] ? localDateOf(confirmations[0].at) : null }
}

/** The staff who acted on any of these histories (by staff id). */
export function staffWhoHandled(histories: ReadonlyArray<readonly HistoryEntry[]>): Set<string> {
  const ids = new Set<string>()
  for (const history of histories) {
    for (const { actor } of history) if (actor.kind === 'staff') ids.add(actor.id)
  }
  return ids
}

/** One report as the reward rules read it: when it reached the bureau, how, and what was asked. */
export interface RewardReport {
  caseId: string
  refNo: string
  /** When the report reached the bureau (the register event's `receivedAt`): "first" is by this time. */
  receivedAt: string
  mode: ReporterMode
  requestType: RequestTypeKey
  /** The case its handling went to, if it was merged into another. */
  mergedInto: string | null
}

/** The case that holds the handling of one or more reports (its own, and those merged into it). */
export interface RewardMatter {
  caseId: string
  status: CaseStateKey
  history: readonly HistoryEntry[]
}

export function rewardReportOf(doc: StoredCase): RewardReport {
  const first = doc.history[0]
  const receivedAt = first?.event.type === 'register' ? first.event.receivedAt : doc.createdAt
  return {
    caseId: doc._id,
    refNo: doc.refNo,
    receivedAt,
    mode: doc.reporter.mode,
    requestType: doc.requestType,
    mergedInto: doc.mergedInto,
  }
}

export function rewardMatterOf(doc: StoredCase): RewardMatter {
  return { caseId: doc._id, status: doc.status, history: doc.history }
}
