// When clocks start and stop, in terms of case events. The same tables drive the clocks derived from a history
// (facts.ts) and the start/stop effects the workflow returns, so the two cannot disagree.
import type { ClockKind, ClockStart } from '@shared/policy'
import type { CaseEvent, CaseEventType } from '@shared/workflow/events'

/** The event that marks each clock start. `received` is the register event's `receivedAt`, not its entry time. */
export const CLOCK_START_EVENTS = {
  received: 'register',
  accepted: 'accept',
  'out-of-remit-found': 'find-out-of-remit',
  replied: 'send-reply',
  'review-requested': 'request-review',
  'review-decided': 'decide-review',
  're-review-requested': 'request-re-review',
  'rectification-ordered': 'order-rectification',
} as const satisfies Record<ClockStart, CaseEventType>

/** `transfer` to another region or department ends the case here; to another unit it does not. */
type ClockEventKey = Exclude<CaseEventType, 'transfer'> | 'transfer-out' | 'transfer-to-unit'

function clockEventKey(event: CaseEvent): ClockEventKey {
  if (event.type === 'transfer') return event.target === 'unit' ? 'transfer-to-unit' : 'transfer-out'
  return event.type
}

/** The events that satisfy a clock: the first one after the clock started stops it. */
const CLOCK_COMPLETED_BY = {
  acceptance: ['accept', 'not-accept', 'merge', 'transfer-out'],
  assignment: ['assign', 'transfer-out'],
  'transfer-out': ['transfer-out', 'not-accept'],
  // Replying closes the investigation steps: nothing can be investigated for this reply afterwards.
  investigation: ['record-site-visit', 'send-reply', 'record-mediation'],
  'initial-opinion': ['record-initial-opinion', 'send-reply', 'record-mediation'],
  // The follow-up check that finds the plan carried out (S0 第七条(二) 抓好落实).
  rectification: ['complete-rectification'],
  // A mediated agreement settles the matter instead of a reply (S2 第十一条).
  handling: ['send-reply', 'record-mediation'],
  'review-window': ['request-review', 'accept-reply', 'deem-closed'],
  review: ['decide-review'],
  // A second 复查 by the same unit (S4 四(五)) also uses this window.
  're-review-window': ['request-re-review', 'request-review', 'accept-reply', 'deem-closed'],
  're-review': ['decide-re-review'],
  'return-visit': ['record-return-visit'],
} as const satisfies Record<ClockKind, readonly ClockEventKey[]>

/** Events after which the case is no longer handled here: clocks still running are cancelled. */
const CASE_ENDING_EVENTS = ['not-accept', 'merge', 'transfer-out'] as const satisfies readonly ClockEventKey[]

export function completedClocks(event: CaseEvent): ClockKind[] {
  const key = clockEventKey(event)
  // A spot check by the upper level (S3 第十四条) is not the handling unit's own return visit (S4 四(七)).
  if (event.type === 'record-return-visit' && event.kind !== 'return-visit') return []
  return (Object.keys(CLOCK_COMPLETED_BY) as ClockKind[]).filter((clock) =>
    (CLOCK_COMPLETED_BY[clock] as readonly ClockEventKey[]).includes(key),
  )
}

/**
 * Clocks whose due date the event that starts them sets — a rectification plan's own deadline (S0 第七条(二)) —
 * rather than a period of the policy profile.
 */
export const ORDERED_CLOCKS = {
  rectification: {
    start: 'rectification-ordered',
    dueOf: (event: CaseEvent) => (event.type === 'order-rectification' ? event.dueDate : null),
    basis: '整改方案确定的整改期限',
  },
} as const satisfies Partial<
  Record<ClockKind, { start: ClockStart; dueOf: (event: CaseEvent) => string | null; basis: string }>
>
export type OrderedClockKind = keyof typeof ORDERED_CLOCKS
export const ORDERED_CLOCK_KINDS = Object.keys(ORDERED_CLOCKS) as OrderedClockKind[]

export function endsCase(event: CaseEvent): boolean {
  return (CASE_ENDING_EVENTS as readonly ClockEventKey[]).includes(clockEventKey(event))
}

export function startedBy(event: CaseEvent): ClockStart | null {
  const entry = Object.entries(CLOCK_START_EVENTS).find(([, type]) => type === event.type)
  return entry ? (entry[0] as ClockStart) : null
}
