// The facts clocks are computed from, folded out of a case's history. Nothing here is stored: the history is the
// record, the clocks are derived, so a corrected calendar or a newly loaded notice year changes them everywhere.
//
// Which event came first is the history's order, not the timestamps': entries carry whole seconds, and two events
// in one second (a request decided at once, a script, clocks of two function instances a second apart) must not
// make an earlier event complete a clock that a later one starts. Every moment keeps its place in the history.
import type { RequestTypeKey } from '@shared/vocabulary/request-types'
import type { ClockCaseFacts, ClockKind, ClockStart } from '@shared/policy'
import type { HistoryEntry } from '@shared/workflow/actors'
import type { LocalDate } from '@shared/time'
import {
  CLOCK_START_EVENTS,
  completedClocks,
  endsCase,
  ORDERED_CLOCK_KINDS,
  ORDERED_CLOCKS,
  startedBy,
  type OrderedClockKind,
} from './lifecycle'

/** An event's time (ISO instant) and its place in the case history (0 = registration). */
export interface Moment {
  at: string
  seq: number
}

/** `b` happened after `a`: later in the history. */
export function isAfter(b: Moment, a: Moment): boolean {
  return b.seq > a.seq
}

export interface ClockPause {
  /** 一次性告知 sent: the clocks stop counting after this day… */
  from: string
  /** …until the material arrives (this day is not counted either); null while still waiting. */
  to: string | null
}

export interface ClockFacts extends ClockCaseFacts {
  /** The latest moment of each clock start. */
  starts: Partial<Record<ClockStart, Moment>>
  /** Every moment an event satisfied each clock; a clock takes the first one after its start. */
  completions: Partial<Record<ClockKind, readonly Moment[]>>
  /** The case left this bureau's hands (not accepted, merged, transferred out). */
  endedAt: Moment | null
  pauses: readonly ClockPause[]
  /** Approved extension days on the handling clock since it last started. */
  extensionDays: number
  /** A reopened case gets a fresh handling period from this moment (S3 第十四条 重新办理). */
  handlingRestartedAt: Moment | null
  /** The due date the latest starting event set, for clocks a decision sets (a rectification plan's deadline). */
  orderedDue: Partial<Record<OrderedClockKind, LocalDate>>
}

const START_ORDER = Object.keys(CLOCK_START_EVENTS) as ClockStart[]

/**
 * Moments for clock starts known only by their instants (previews, the operator CLI, tests): in time order, and
 * in lifecycle order (receipt before acceptance …) where two share an instant.
 */
export function momentsOf(starts: Partial<Record<ClockStart, string>>): Partial<Record<ClockStart, Moment>> {
  const ordered = (Object.entries(starts) as Array<[ClockStart, string]>).sort(
    ([a, at], [b, bt]) => Date.parse(at) - Date.parse(bt) || START_ORDER.indexOf(a) - START_ORDER.indexOf(b),
  )
  return Object.fromEntries(ordered.map(([start, at], seq) => [start, { at, seq }]))
}

/** Facts for a case known only by its receipt and acceptance (the operator CLI, previews). */
export function clockFactsFor(input: {
  requestType: RequestTypeKey
  receivedAt: string
  acceptedAt?: string | null
  important?: boolean
  emergency?: boolean
  referred?: boolean
}): ClockFacts {
  const starts = momentsOf(
    input.acceptedAt
      ? { received: input.receivedAt, accepted: input.acceptedAt }
      : { received: input.receivedAt },
  )
  return {
    requestType: input.requestType,
    important: input.important ?? false,
    emergency: input.emergency ?? false,
    referred: input.referred ?? false,
    starts,
    // The acceptance is the event that starts `accepted`.
    completions: starts.accepted ? { acceptance: [starts.accepted] } : {},
    endedAt: null,
    pauses: [],
    extensionDays: 0,
    handlingRestartedAt: null,
    orderedDue: {},
  }
}

/** Clocks that a reopened case starts afresh. */
const RESET_ON_REOPEN: readonly ClockStart[] = [
  'replied',
  'review-requested',
  'review-decided',
  're-review-requested',
]

export function clockFactsFromHistory(history: readonly HistoryEntry[]): ClockFacts {
  const first = history[0]
  if (!first || first.event.type !== 'register')
    throw new Error('a case history starts with its register event')
  const registration = first.event
  const starts: Partial<Record<ClockStart, Moment>> = {}
  const completions: Partial<Record<ClockKind, Moment[]>> = {}
  const pauses: ClockPause[] = []
  let important = registration.important
  let endedAt: Moment | null = null
  let extensionDays = 0
  let handlingRestartedAt: Moment | null = null
  const orderedDue: Partial<Record<OrderedClockKind, LocalDate>> = {}

  for (const [seq, { at, event }] of history.entries()) {
    const moment: Moment = { at, seq }
    const start = startedBy(event)
    if (start) starts[start] = event.type === 'register' ? { at: event.receivedAt, seq } : moment
    for (const kind of ORDERED_CLOCK_KINDS) {
      const due = ORDERED_CLOCKS[kind].dueOf(event)
      if (due !== null) orderedDue[kind] = due
    }
    for (const clock of completedClocks(event)) (completions[clock] ??= []).push(moment)
    if (endsCase(event)) endedAt ??= moment
    switch (event.type) {
      case 'mark-important':
        important = true
        break
      case 'request-supplement':
        pauses.push({ from: at, to: null })
        break
      case 'supply-supplement': {
        const open = pauses.find((pause) => pause.to === null)
        if (open) open.to = at
        break
      }
      case 'approve-extension':
        extensionDays += event.days
        break
      case 'reopen':
        handlingRestartedAt = moment
        extensionDays = 0
        for (const key of RESET_ON_REOPEN) delete starts[key]
        break
      default:
        break
    }
  }

  return {
    requestType: registration.requestType,
    important,
    emergency: registration.emergency,
    referred: registration.referredBy !== null,
    starts,
    completions,
    endedAt,
    pauses,
    extensionDays,
    handlingRestartedAt,
    orderedDue,
  }
}
