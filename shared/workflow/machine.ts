// The case state machine: pure functions from (state, event, actor, context) to the next state, the history entry
// to append and the effects to run. It reads no clock, no database, no network; the cloud function loads the
// case, computes its clocks, calls `transition`, persists `state` + `entry`, then runs `effects`.
import { isIsoInstant, type WorkingCalendar } from '@shared/calendar'
import { caseClocks, completedClocks, endsCase, startedBy } from '@shared/deadlines'
import {
  CLOCK_KIND_KEYS,
  effectivePolicy,
  getPolicyProfile,
  rulesFor,
  type ClockKind,
  type ClockStart,
  type EffectivePolicy,
  type PolicyProfile,
} from '@shared/policy'
import { localDateOf } from '@shared/time'
import {
  ACTOR_ROLE_LABELS,
  actorOfRecord,
  actorRoles,
  type Actor,
  type ActorRole,
  type HistoryEntry,
  type RecordedActor,
} from './actors'
import {
  CASE_EVENT_LABELS,
  CASE_EVENT_TYPES,
  type CaseEvent,
  type CaseEventType,
  type RegisterEvent,
} from './events'
import { GUARDS, type GuardInput, type GuardName } from './guards'
import type { CaseFlags, CaseMachineState, Effect, TransitionContext } from './machine-types'
import { stateLabel, type CaseStateKey } from './states'
import { TRANSITIONS, type RowInput, type TransitionRow } from './transitions'

type IllegalReason = 'not-allowed-in-state' | 'role-not-allowed' | 'guard-failed'

interface IllegalTransition {
  code: 'ILLEGAL_TRANSITION'
  /** null when opening a case. */
  state: CaseStateKey | null
  event: CaseEventType
  reason: IllegalReason
  guard: GuardName | null
  /** Chinese, for the person who tried. */
  message: string
}

export type TransitionResult =
  | { ok: true; state: CaseMachineState; effects: readonly Effect[]; entry: HistoryEntry }
  | { ok: false; error: IllegalTransition }

type AnyRow = TransitionRow<CaseEventType>
type AnyRowInput = RowInput<CaseEventType>

const INITIAL_FLAGS: CaseFlags = {
  supplement: null,
  outOfRemit: null,
  assignment: null,
  siteVisits: 0,
  checkIns: 0,
  initialOpinionRecorded: false,
  rectification: null,
  reply: null,
  extension: { pending: null, grantedDays: 0 },
  reminders: 0,
  supervised: false,
  escalated: false,
  leaderCase: null,
  repeatAction: null,
  reviewRounds: 0,
  rated: false,
  finalDecision: false,
  lastCheck: null,
  reopenCount: 0,
  outcome: null,
  supervisionOrder: null,
  recused: [],
}

/** Who may register a case: the citizen in the app, intake staff for calls, letters and visits, a platform import. */
const REGISTER_ROLES: readonly ActorRole[] = ['reporter', 'intake', 'system']
const REGISTER_GUARDS: readonly GuardName[] = ['reporterFilesOwnCase', 'receivedNotInFuture']

function illegal(
  state: CaseStateKey | null,
  event: CaseEventType,
  reason: IllegalReason,
  guard: GuardName | null,
  detail: string,
): { ok: false; error: IllegalTransition } {
  const where = state === null ? '' : `「${stateLabel(state)}」状态下`
  const message =
    reason === 'not-allowed-in-state'
      ? `${where}不能${CASE_EVENT_LABELS[event]}`
      : `不能${CASE_EVENT_LABELS[event]}：${detail}`
  return { ok: false, error: { code: 'ILLEGAL_TRANSITION', state, event, reason, guard, message } }
}

function rolesOf(row: AnyRow, policy: EffectivePolicy): readonly ActorRole[] {
  return typeof row.roles === 'function' ? row.roles(policy) : row.roles
}

/** The role recorded in the history: the first of the actor's roles the row allows. */
function recordedActor(actor: Actor, allowed: readonly ActorRole[]): RecordedActor | null {
  if (actor.kind !== 'staff') return allowed.includes(actor.kind) ? actor : null
  const role = actor.roles.find((r) => allowed.includes(r))
  return role ? { kind: 'staff', id: actor.id, role } : null
}

function roleFailure(allowed: readonly ActorRole[]): string {
  return `只有${allowed.map((role) => ACTOR_ROLE_LABELS[role]).join('、')}可以这样做`
}

function failedGuard(
  guards: readonly GuardName[] | undefined,
  input: GuardInput,
  skipEventGuards = false,
): GuardName | null {
  for (const name of guards ?? []) {
    const guard = GUARDS[name]
    if (skipEventGuards && guard.needsEvent) continue
    if (!guard.check(input)) return name
  }
  return null
}

/** start/stop effects from the lifecycle tables, for the clocks this profile runs for this case. */
function clockEffects(
  event: CaseEvent,
  ctx: TransitionContext,
  next: CaseMachineState,
  policy: EffectivePolicy,
): Effect[] {
  const effects: Effect[] = []
  const stopping = new Set<ClockKind>(completedClocks(event))
  for (const clock of ctx.clocks) {
    if (
      (clock.state === 'running' || clock.state === 'paused') &&
      (stopping.has(clock.clock) || endsCase(event))
    ) {
      effects.push({ type: 'stop-clock', clock: clock.clock })
    }
  }
  const start: ClockStart | null = startedBy(event)
  const starting = new Set<ClockKind>()
  if (event.type === 'reopen') starting.add('handling')
  if (start) {
    for (const kind of CLOCK_KIND_KEYS) {
      if (rulesFor(policy, kind, next.facts).some((rule) => rule.from === start)) starting.add(kind)
    }
  }
  for (const clock of starting) effects.push({ type: 'start-clock', clock })
  return effects
}

function checkNow(now: string): void {
  if (!isIsoInstant(now)) throw new RangeError(`context.now must be ISO 8601 with an offset: ${now}`)
}

/** Registers a new case (state `registered`) under the given profile version. */
export function openCase(input: {
  event: RegisterEvent
  actor: Actor
  profile: PolicyProfile
  ctx: TransitionContext
}): TransitionResult {
  const { event, actor, profile, ctx } = input
  checkNow(ctx.now)
  const recorded = recordedActor(actor, REGISTER_ROLES)
  if (!recorded) return illegal(null, 'register', 'role-not-allowed', null, roleFailure(REGISTER_ROLES))
  const state: CaseMachineState = {
    status: 'registered',
    profile: { id: profile.id, version: profile.version },
    facts: {
      requestType: event.requestType,
      channel: event.channel,
      important: event.important,
      emergency: event.emergency,
      referred: event.referredBy !== null,
      reporterId: event.reporterId,
    },
    flags: INITIAL_FLAGS,
  }
  const policy = effectivePolicy(profile)
  const guardInput: GuardInput = { state, event, actor, ctx, policy, today: localDateOf(ctx.now) }
  const failed = failedGuard(REGISTER_GUARDS, guardInput)
  if (failed) return illegal(null, 'register', 'guard-failed', failed, GUARDS[failed].failure)
  return {
    ok: true,
    state,
    entry: { at: ctx.now, actor: recorded, event },
    effects: [
      { type: 'notify-reporter', notice: 'registered' },
      { type: 'notify-roles', roles: ['intake'], notice: 'new-case' },
      // Night-time construction noise, risk of a mass incident: those on duty go at once (S2 第十二条, S0 第五条).
      ...(event.emergency ? [{ type: 'notify-duty', notice: 'urgent-case' } as const] : []),
      ...clockEffects(event, { ...ctx, clocks: [] }, state, policy),
    ],
  }
}

/** The states in which some row of the table takes this event. */
export function statesFor(type: CaseEventType): CaseStateKey[] {
  return [...new Set((TRANSITIONS[type] as readonly AnyRow[]).flatMap((row) => row.from))]
}

function rowsFor(state: CaseMachineState, type: CaseEventType): AnyRow[] {
  return (TRANSITIONS[type] as readonly AnyRow[]).filter((row) => row.from.includes(state.status))
}

/** The context for the next event on a stored case: its clocks as of `now`, derived from its history. */
export function contextFor(input: {
  profile: PolicyProfile
  calendar: WorkingCalendar
  history: readonly HistoryEntry[]
  now: string
}): TransitionContext {
  return { now: input.now, clocks: caseClocks({ ...input, asOf: input.now }) }
}

export function policyOf(state: CaseMachineState): EffectivePolicy {
  return effectivePolicy(getPolicyProfile(state.profile.id, state.profile.version))
}

/** Applies one event. Illegal events give `{ ok: false, error }` naming the state, the event and the failed check. */
export function transition(
  state: CaseMachineState,
  event: CaseEvent,
  actor: Actor,
  ctx: TransitionContext,
): TransitionResult {
  checkNow(ctx.now)
  const policy = policyOf(state)
  const row = rowsFor(state, event.type).find((r) => !r.match || r.match(event))
  if (!row) return illegal(state.status, event.type, 'not-allowed-in-state', null, '')

  const allowed = rolesOf(row, policy)
  const recorded = recordedActor(actor, allowed)
  if (!recorded) return illegal(state.status, event.type, 'role-not-allowed', null, roleFailure(allowed))

  const guardInput: GuardInput = { state, event, actor, ctx, policy, today: localDateOf(ctx.now) }
  const failed = failedGuard(row.guards, guardInput)
  if (failed) return illegal(state.status, event.type, 'guard-failed', failed, GUARDS[failed].failure)

  const input: AnyRowInput = { state, event, actor, ctx, policy }
  const update = row.update?.(input) ?? {}
  const next: CaseMachineState = {
    ...state,
    status: row.to === undefined ? state.status : typeof row.to === 'function' ? row.to(input) : row.to,
    facts: { ...state.facts, ...update.facts },
    flags: { ...state.flags, ...update.flags },
  }
  return {
    ok: true,
    state: next,
    entry: { at: ctx.now, actor: recorded, event },
    effects: [...(row.effects?.(input, next) ?? []), ...clockEffects(event, ctx, next, policy)],
  }
}

/**
 * The events this actor may send now, for deciding which buttons to show. Guards that depend on the event's
 * payload are not evaluated here; `transition` checks them again with authority.
 */
export function allowedEvents(
  state: CaseMachineState,
  actor: Actor,
  ctx: TransitionContext,
): CaseEventType[] {
  const policy = policyOf(state)
  const roles = actorRoles(actor)
  return CASE_EVENT_TYPES.filter((type) =>
    rowsFor(state, type).some((row) => {
      if (!rolesOf(row, policy).some((role) => roles.includes(role))) return false
      // The payload-free guards only; the event is a placeholder they never read.
      const probe = { type } as CaseEvent
      return (
        failedGuard(
          row.guards,
          { state, event: probe, actor, ctx, policy, today: localDateOf(ctx.now) },
          true,
        ) === null
      )
    }),
  )
}

export type ReplayResult =
  | { ok: true; state: CaseMachineState; effects: readonly Effect[] }
  | { ok: false; index: number; error: IllegalTransition }

/**
 * Rebuilds the machine state from a stored history, checking every step with the clocks as they were at that
 * moment. Use it to verify a stored case or to derive its state after a data migration.
 */
export function replayHistory(
  history: readonly HistoryEntry[],
  calendar: WorkingCalendar,
  profile: PolicyProfile,
): ReplayResult {
  const [first, ...rest] = history
  if (!first || first.event.type !== 'register')
    throw new Error('a case history starts with its register event')
  const opened = openCase({
    event: first.event,
    actor: actorOfRecord(first.actor),
    profile,
    ctx: { now: first.at, clocks: [] },
  })
  if (!opened.ok) return { ok: false, index: 0, error: opened.error }
  let state = opened.state
  let effects: readonly Effect[] = opened.effects
  for (const [offset, entry] of rest.entries()) {
    const clocks = caseClocks({ profile, calendar, history: history.slice(0, offset + 1), asOf: entry.at })
    const result = transition(state, entry.event, actorOfRecord(entry.actor), { now: entry.at, clocks })
    if (!result.ok) return { ok: false, index: offset + 1, error: result.error }
    state = result.state
    effects = result.effects
  }
  return { ok: true, state, effects }
}

/** Staff roles that can send an event in some state under a profile: for documentation and permission screens. */
export function rolesForEvent(type: CaseEventType, profile: PolicyProfile): ActorRole[] {
  const policy = effectivePolicy(profile)
  const rows =
    type === 'register' ? [{ roles: REGISTER_ROLES } as AnyRow] : (TRANSITIONS[type] as readonly AnyRow[])
  return [...new Set(rows.flatMap((row) => rolesOf(row, policy)))]
}
