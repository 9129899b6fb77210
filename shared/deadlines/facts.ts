// The facts clocks are computed from, folded out of a case's history. Nothing here is stored: the history is the
// record, the clocks are derived, so a corrected calendar or a newly loaded notice year changes them everywhere.
import type { RequestTypeKey } from '@shared/contracts/request-types'
import type { ClockCaseFacts, ClockKind, ClockStart } from '@shared/policy'
import type { HistoryEntry } from '@shared/workflow/actors'
import { completedClocks, endsCase, startedBy } from './lifecycle'

export interface ClockPause {
  /** 一次性告知 sent: the clocks stop counting after this day… */
  from: string
  /** …until the material arrives (this day is not counted either); null while still waiting. */
  to: string | null
}

export interface ClockFacts extends ClockCaseFacts {
  /** The latest moment of each clock start (ISO instants). */
  starts: Partial<Record<ClockStart, string>>
  /** Every moment an event satisfied each clock; a clock takes the first one after its start. */
  completions: Partial<Record<ClockKind, readonly string[]>>
  /** The case left this bureau's hands (not accepted, merged, transferred out). */
  endedAt: string | null
  pauses: readonly ClockPause[]
  /** Approved extension days on the handling clock since it last started. */
  extensionDays: number
  /** A reopened case gets a fresh handling period from this moment (S3 第十四条 重新办理). */
  handlingRestartedAt: string | null
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
  return {
    requestType: input.requestType,
    important: input.important ?? false,
    emergency: input.emergency ?? false,
    referred: input.referred ?? false,
    starts: input.acceptedAt
      ? { received: input.receivedAt, accepted: input.acceptedAt }
      : { received: input.receivedAt },
    completions: input.acceptedAt ? { acceptance: [input.acceptedAt] } : {},
    endedAt: null,
    pauses: [],
    extensionDays: 0,
    handlingRestartedAt: null,
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
  const starts: Partial<Record<ClockStart, string>> = {}
  const completions: Partial<Record<ClockKind, string[]>> = {}
  const pauses: ClockPause[] = []
  let important = registration.important
  let endedAt: string | null = null
  let extensionDays = 0
  let handlingRestartedAt: string | null = null

  for (const { at, event } of history) {
    const start = startedBy(event)
    if (start) starts[start] = event.type === 'register' ? event.receivedAt : at
    for (const clock of completedClocks(event)) (completions[clock] ??= []).push(at)
    if (endsCase(event)) endedAt ??= at
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
        handlingRestartedAt = at
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
  }
}
