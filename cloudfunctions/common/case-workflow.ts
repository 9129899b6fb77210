// Applying the workflow to stored cases: load → clocks → pure transition (shared/workflow) → one versioned
// write → the effects the transition asked for. Every state change of a case goes through `applyCaseEvent`.
import { AppError } from '../../shared/contracts/result'
import type { WorkingCalendar } from '../../shared/calendar'
import { caseClocks, nextClockDate, type CaseClock } from '../../shared/deadlines'
import { getPolicyProfile, profileInEffect, type PolicyProfile, type ProfileId } from '../../shared/policy'
import { localDateOf, toShanghaiIso } from '../../shared/time'
import {
  caseIdsNamedBy,
  withCaseIds,
  actorOfRecord,
  allowedEvents,
  contextFor,
  isOpenState,
  openCase,
  transition,
  type Actor,
  type CaseEvent,
  type CaseEventType,
  type CaseMachineState,
  type Effect,
  type HistoryEntry,
} from '../../shared/workflow'
import type { CaseAccess } from './case-access'
import { feedbackForStep, insertFeedbackInTx } from './channels/feedback'
import { calendarFor } from './calendar'
import { machineStateOf, type CaseDoc, type StoredCase } from '../../shared/cases/case-doc'
import { workIndexOf } from '../../shared/cases/todo'
import { COLLECTIONS } from './collections'
import { addFollowersInTx, listFollows } from './follows'
import { sendCaseNotices } from './notifications'
import type { Patch, Runtime, Stored, Tx, WithId } from './ports'
import { rewardsAfterCaseEvent } from './rewards/after-case-event'
import { attachUploadsInTx, type UploadDoc } from './uploads'
import { caseWriteExtras, storedStatsOf, writeCaseStatsInTx, type CaseStatFields } from './stats/case-stats'
import { syncCoHandlingInTx } from './workbench/co-handling'

export function profileOf(doc: Pick<CaseDoc, 'profile'>): PolicyProfile {
  return getPolicyProfile(doc.profile.id, doc.profile.version)
}

/** The profile version in effect on the day a case is received (a case keeps it for life). */
export function profileForNewCase(runtime: Runtime, now: Date): PolicyProfile {
  const id = runtime.deployment.profileId as ProfileId
  return profileInEffect(id, localDateOf(now)) ?? getPolicyProfile(id)
}

export function clocksOf(doc: CaseDoc, calendar: WorkingCalendar, now: Date): CaseClock[] {
  return caseClocks({ profile: profileOf(doc), calendar, history: doc.history, asOf: now })
}

/** What `actor` may do to the case now: the workflow's allowed events (the one query behind every button). */
export function allowedFor(
  doc: CaseDoc,
  actor: Actor,
  calendar: WorkingCalendar,
  now: Date,
): CaseEventType[] {
  const ctx = contextFor({ profile: profileOf(doc), calendar, history: doc.history, now: toShanghaiIso(now) })
  return allowedEvents(machineStateOf(doc), actor, ctx)
}

/** Whether the workflow would take `event` from `actor` now (a dry run of the transition; nothing is written). */
export function isLegal(
  doc: CaseDoc,
  event: CaseEvent,
  actor: Actor,
  calendar: WorkingCalendar,
  now: Date,
): boolean {
  const ctx = contextFor({ profile: profileOf(doc), calendar, history: doc.history, now: toShanghaiIso(now) })
  return transition(machineStateOf(doc), event, actor, ctx).ok
}

/** The next Shanghai date the timer must look at this case (stored, indexed: `next_check`). */
export function nextCheckOnOf(clocks: readonly CaseClock[], now: Date): string | null {
  return nextClockDate(clocks, toShanghaiIso(now))
}

/**
 * The registration of a stored case and the effects it asked for (tell the reporter 已登记, tell intake),
 * replayed through the pure core: a case held back at submission (content still being checked) sends these
 * when it is released, exactly as an unheld case sent them at submission.
 */
export function registrationOf(doc: CaseDoc): { entry: HistoryEntry; effects: readonly Effect[] } {
  const entry = doc.history[0]
  if (!entry || entry.event.type !== 'register')
    throw new Error('a case history starts with its register event')
  const opened = openCase({
    event: entry.event,
    actor: actorOfRecord(entry.actor),
    profile: profileOf(doc),
    ctx: { now: entry.at, clocks: [] },
  })
  if (!opened.ok) throw new Error(`stored registration does not replay: ${opened.error.message}`)
  return { entry, effects: opened.effects }
}

/** The version the caller saw must be the stored one: a concurrent edit answers CONFLICT, not overwritten. */
export function checkVersion(doc: Stored, expectedVersion: number): void {
  if (expectedVersion !== doc._version) throw new AppError('CONFLICT', '案件刚被其他人更新过，请刷新后再操作')
}

/** The unit that holds the case after a transition: the lead unit of an assignment, else unchanged. */
function holdingUnit(doc: CaseDoc, state: CaseMachineState, event: CaseEvent): string {
  if (event.type === 'transfer' && event.target === 'unit') return event.to
  return state.flags.assignment?.leadUnitId ?? doc.unitId
}

export interface AppliedEvent {
  before: StoredCase
  doc: StoredCase
  effects: readonly Effect[]
  entry: HistoryEntry
}

export interface ApplyOptions {
  /** The version the actor saw; a mismatch answers CONFLICT instead of overwriting a concurrent edit. */
  expectedVersion?: number
  /** Extra fields written in the same update (e.g. a rating), or computed from the case as loaded. */
  extraPatch?: Partial<CaseDoc> | ((before: StoredCase) => Partial<CaseDoc>)
  /** Uploads the event carries (a supplement's photos): attached to the case in the same transaction. */
  attach?: readonly WithId<UploadDoc>[]
  /** Notifications are sent after the write unless the caller batches them. */
  notify?: boolean
  /** The device's id of a staff action, kept on its history entry so a retry is not applied twice (act-once.ts). */
  requestId?: string
}

/**
 * Every other case the event names (`caseIdsNamedBy`), loaded through the same access as the case itself: one
 * outside the caller's scope answers exactly like a missing one.
 */
async function loadNamedCases(access: CaseAccess, event: CaseEvent): Promise<Map<string, StoredCase>> {
  const named = new Map<string, StoredCase>()
  for (const { caseId, ref } of caseIdsNamedBy(event)) {
    if (!named.has(caseId)) named.set(caseId, await access.load(caseId, { label: ref.label }))
  }
  return named
}

/** A case can only join another open case (the target is in the caller's scope: it may be named). */
function checkMergeTarget(doc: StoredCase, target: StoredCase): StoredCase {
  if (target._id === doc._id) throw new AppError('VALIDATION_FAILED', '不能把案件合并到它自己')
  if (target.mergedInto || !isOpenState(target.status)) {
    throw new AppError('ILLEGAL_TRANSITION', `案件 ${target.refNo} 已办结或已合并，不能再合并到它`)
  }
  return target
}

/**
 * The case after a transition the workflow took: its new state and history, the fields derived from them (the
 * to-do lists' work index, `open`, the holding unit, the next date the timer looks at it) and `extraPatch`.
 */
function caseAfter(
  before: CaseDoc,
  result: { state: CaseMachineState; entry: HistoryEntry },
  event: CaseEvent,
  { profile, calendar, now }: { profile: PolicyProfile; calendar: WorkingCalendar; now: Date },
  extraPatch: Partial<CaseDoc> = {},
): { next: CaseDoc; clocks: CaseClock[] } {
  const history = [...before.history, result.entry]
  const clocks = caseClocks({ profile, calendar, history, asOf: now })
  const next: CaseDoc = {
    ...before,
    ...result.state,
    // What the to-do lists query, derived from the new state and clocks (shared/cases/todo.ts).
    ...workIndexOf(result.state, clocks),
    open: isOpenState(result.state.status),
    history,
    unitId: holdingUnit(before, result.state, event),
    updatedAt: result.entry.at,
    nextCheckOn: nextCheckOnOf(clocks, now),
    ...extraPatch,
  }
  return { next, clocks }
}

/**
 * What an event writes besides the case, in the transaction that writes the case: a platform order's feedback
 * when the step closes it (S0 第七条(三)) and the co-handling records (协办) its units call for.
 */
async function eventSideWritesInTx(
  tx: Tx,
  before: CaseDoc & { _id: string },
  next: CaseDoc & { _id: string },
  feedback: Awaited<ReturnType<typeof feedbackForStep>>,
): Promise<void> {
  await insertFeedbackInTx(tx, feedback)
  await syncCoHandlingInTx(tx, before, next)
}

/**
 * Once an event is written: its notices (unless the caller sends them itself) and what it means for
 * whistleblower rewards (a violation confirmed, a report found untrue, the case ended).
 */
async function afterEventWritten(runtime: Runtime, applied: AppliedEvent, notify: boolean): Promise<void> {
  if (notify) await sendCaseNotices(runtime, applied.doc, applied.effects, applied.entry)
  await rewardsAfterCaseEvent(runtime, { before: applied.before, doc: applied.doc, entry: applied.entry })
}

/** An event a case takes before its insert (`eventOnNewCase`). */
export interface EventOnNewCase {
  /** The case with the event taken, to be stored (its statistics contributions made from it). */
  doc: CaseDoc
  entry: HistoryEntry
  /** In the transaction that inserts the case, given as stored: what `applyCaseEvent` writes with an event. */
  writeInTx(tx: Tx, stored: CaseDoc & { _id: string }): Promise<void>
  /** Once that transaction has committed: the event's notices and reward follow-up. */
  afterCommit(stored: StoredCase): Promise<void>
}

/**
 * One more event on a case that is not stored yet, taken before its insert: a new report that holds its
 * target's repeat action (intake/registration-checks.ts) is stored with it, in the transaction that stores it,
 * instead of being written twice. The same transition, derived fields, writes and effects as `applyCaseEvent`;
 * the caller inserts the case and calls `writeInTx` and, once committed, `afterCommit`. Events that name other
 * cases (a merge) are not taken here. Null when the workflow refuses the event.
 */
export function eventOnNewCase(
  runtime: Runtime,
  doc: CaseDoc & { _id: string },
  event: CaseEvent,
  actor: Actor,
  { calendar, now }: { calendar: WorkingCalendar; now: Date },
  extraPatch?: Partial<CaseDoc>,
): EventOnNewCase | null {
  if (caseIdsNamedBy(event).length > 0)
    throw new Error(`${event.type} names other cases: apply it once stored`)
  const profile = profileOf(doc)
  const ctx = contextFor({ profile, calendar, history: doc.history, now: toShanghaiIso(now) })
  const result = transition(machineStateOf(doc), event, actor, ctx)
  if (!result.ok) return null
  const { next } = caseAfter(doc, result, event, { profile, calendar, now }, extraPatch)
  return {
    doc: next,
    entry: result.entry,
    async writeInTx(tx, stored) {
      await eventSideWritesInTx(tx, doc, stored, await feedbackForStep(runtime, doc.status, stored, now))
    },
    async afterCommit(stored) {
      // The case as registered, before the event: never stored on its own.
      const before: StoredCase = { ...doc, _version: stored._version }
      await afterEventWritten(
        runtime,
        { before, doc: stored, effects: result.effects, entry: result.entry },
        true,
      )
    },
  }
}

/**
 * Applies one workflow event to a stored case, as the access's actor. The case and every case the event names
 * are loaded through `access` (the caller's scope). Illegal events answer ILLEGAL_TRANSITION with the workflow's
 * Chinese message (naming the failed guard); nothing is written then.
 */
export async function applyCaseEvent(
  runtime: Runtime,
  access: CaseAccess,
  caseId: string,
  sent: CaseEvent,
  options: ApplyOptions = {},
): Promise<AppliedEvent> {
  const before = await access.load(caseId)
  if (options.expectedVersion !== undefined) checkVersion(before, options.expectedVersion)
  const named = await loadNamedCases(access, sent)
  // A case named by its reference number is recorded by its id.
  const event = withCaseIds(sent, (ref) => named.get(ref)?._id ?? ref)
  const now = runtime.clock.now()
  const calendar = await calendarFor(runtime)
  const profile = profileOf(before)
  const ctx = contextFor({ profile, calendar, history: before.history, now: toShanghaiIso(now) })
  const transitioned = transition(machineStateOf(before), event, access.actor, ctx)
  if (!transitioned.ok) throw new AppError('ILLEGAL_TRANSITION', transitioned.error.message)
  const result = options.requestId
    ? { ...transitioned, entry: { ...transitioned.entry, requestId: options.requestId } }
    : transitioned

  const mergeTarget =
    event.type === 'merge'
      ? checkMergeTarget(
          before,
          [...named.values()].find((d) => d._id === event.intoCaseId)!,
        )
      : null
  const extraPatch =
    typeof options.extraPatch === 'function' ? options.extraPatch(before) : options.extraPatch
  const { next, clocks } = caseAfter(
    before,
    result,
    event,
    { profile, calendar, now },
    {
      mergedInto: mergeTarget ? mergeTarget._id : before.mergedInto,
      ...extraPatch,
    },
  )
  // The desk's derived fields and the statistics contributions (common/stats/case-stats.ts).
  const stats = caseWriteExtras(before._id, next, { profile, calendar, clocks }, storedStatsOf(before))
  const patch: Patch<CaseDoc & CaseStatFields> = {
    status: next.status,
    open: next.open,
    facts: next.facts,
    flags: next.flags,
    history: next.history,
    unitId: next.unitId,
    mergedInto: next.mergedInto,
    updatedAt: next.updatedAt,
    nextCheckOn: next.nextCheckOn,
    assigneeStaffId: next.assigneeStaffId,
    dueOn: next.dueOn,
    urgent: next.urgent,
    todo: next.todo,
    ...extraPatch,
    ...stats.patch,
  }
  // S3 第九条(四): everyone following the merged report follows the case it joined, and hears its replies.
  const movedFollows = mergeTarget ? await listFollows(runtime.db, before._id) : []
  // S0 第七条(三): a platform's order that closes (is returned, refused, merged) owes the platform feedback.
  const feedback = await feedbackForStep(runtime, before.status, { ...next, _id: before._id }, now)
  await runtime.db.transaction(async (tx: Tx) => {
    await tx.update<CaseDoc & CaseStatFields>(COLLECTIONS.cases, before._id, patch, before._version)
    await writeCaseStatsInTx(tx, stats)
    if (options.attach) await attachUploadsInTx(tx, options.attach, before._id)
    await eventSideWritesInTx(tx, before, { ...next, _id: before._id }, feedback)
    if (mergeTarget) {
      // The target's scope and state were checked on the version loaded: a change since is a conflict.
      const target = await tx.get<CaseDoc>(COLLECTIONS.cases, mergeTarget._id)
      if (target?._version !== mergeTarget._version) {
        throw new AppError('CONFLICT', '要合并到的案件刚被其他人更新过，请刷新后再操作')
      }
      await addFollowersInTx(tx, mergeTarget._id, movedFollows, result.entry.at, before.lastReportedAt)
    }
  })
  const doc = { ...next, ...stats.patch, _id: before._id, _version: before._version + 1 } as StoredCase
  const applied = { before, doc, effects: result.effects, entry: result.entry }
  await afterEventWritten(runtime, applied, options.notify !== false)
  return applied
}
