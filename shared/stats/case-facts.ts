// A case's contribution to the statistics, derived from its history by the same clock code as everything else
// (shared/deadlines caseClocks): what happened on which Shanghai day, filed under the month it happened in. The
// cloud functions store one contribution per case and month on every write of the case (`case_stats`), and the
// month's figures are the sum of its contributions — never a scan of the cases.
//
// When something counts (the period is the Shanghai calendar month of the day named):
//   received        the day the report was received (register.receivedAt)
//   accepted        the day it was accepted; working days to accept = working days in (received, accepted]
//   not accepted    the day of the 不予受理 decision, with its reason
//   closed (办结)    the day the written reply completed the handling clock; on time = the clock's metDeadline;
//                   working days to close = working days in (received, closed]. A reopened case is closed again by
//                   its new reply (the handling clock restarts: S3 第十四条 重新办理)
//   overdue         the day after the earliest due date of a bureau duty (any duty clock) that passed with the
//                   duty not done — a date known when the clock started, so a case becomes overdue in the
//                   statistics without being written again; a later extension moves it as it moves the clock.
//                   The day is kept on the contribution of the month the case was received in, with its month
//                   (`overdueMonth`) when that is a later one: a case filed in one month and falling due in the
//                   next has one contribution, not a second one that holds nothing else, and the later month's
//                   sum finds it by that field
//   extended, escalated, supervised, repeat, 复查/复核 requests and decisions, ratings: the day of the event
//                   (each counted once per case and month)
import { workingDaysBetween, shanghaiDateOf, type WorkingCalendar } from '../calendar'
import { caseClocks, type CaseClock } from '../deadlines'
import { CLOCK_KINDS, type PolicyProfile } from '../policy/types'
import { addLocalDays, type LocalDate } from '../time'
import type { CaseFacts } from '../workflow/machine-types'
import { repeatCountOf } from '../workflow/events'
import type { HistoryEntry } from '../workflow/actors'
import type { CaseStateKey } from '../workflow/states'
import type { CategoryKey } from '../vocabulary/categories'
import type { RequestTypeKey } from '../vocabulary/request-types'
import { outcomeOf, type CaseDims } from './dimensions'
import { emptyTally, SATISFIED_FROM_STARS, type Tally } from './tally'

/** What of a stored case its statistics read (no reporter field: statistics never see one). */
export interface StatCaseInput {
  status: CaseStateKey
  unitId: string
  regionCode: string | null
  category: CategoryKey
  requestType: RequestTypeKey
  facts: Pick<CaseFacts, 'channel'>
  history: readonly HistoryEntry[]
}

/** The case's tally for one month; `overdueOn` is counted once the day has come (see the month's fold). */
export interface MonthContribution {
  month: string
  dims: CaseDims
  tally: Tally
  /** The day the case became (or will become) overdue, on the contribution of the month it was received in. */
  overdueOn: LocalDate | null
  /** The month of `overdueOn` when it is not this contribution's own month (null: none, or this month). */
  overdueMonth: string | null
}

export const monthOf = (date: LocalDate): string => date.slice(0, 7)

/** The day after the earliest due date a duty clock missed (completed late, or still pending past it). */
export function overdueOnOf(clocks: readonly CaseClock[]): LocalDate | null {
  const days = clocks.flatMap((clock) => {
    if (CLOCK_KINDS[clock.clock].nature !== 'duty' || clock.due === null) return []
    if (clock.state === 'cancelled') return []
    if (clock.state === 'completed') {
      const done = clock.completedAt ? shanghaiDateOf(clock.completedAt) : null
      return done !== null && done > clock.due ? [addLocalDays(clock.due, 1)] : []
    }
    return [addLocalDays(clock.due, 1)]
  })
  return days.sort()[0] ?? null
}

/**
 * The contributions of one case, one per month it counts in, from its history and its clocks (computed here
 * with the case's profile and the calendar: the clocks staff see).
 */
export function caseContributions(
  doc: StatCaseInput,
  context: { profile: PolicyProfile; calendar: WorkingCalendar },
): MonthContribution[] {
  const first = doc.history[0]
  if (!first || first.event.type !== 'register')
    throw new Error('a case history starts with its register event')
  const dims: CaseDims = {
    unitId: doc.unitId,
    category: doc.category,
    requestType: doc.requestType,
    county: doc.regionCode,
    channel: doc.facts.channel,
    outcome: outcomeOf(doc.status),
  }
  const months = new Map<string, MonthContribution>()
  const at = (day: LocalDate) => {
    const month = monthOf(day)
    let c = months.get(month)
    if (!c) months.set(month, (c = { month, dims, tally: emptyTally(), overdueOn: null, overdueMonth: null }))
    return c
  }
  /** Counted once per case and month. */
  const once = (day: LocalDate, key: 'extended' | 'escalated' | 'supervised' | 'repeat') => {
    const tally = at(day).tally
    tally[key] = 1
  }
  const receivedOn = shanghaiDateOf(first.event.receivedAt)
  const workingDays = (to: LocalDate) => String(workingDaysBetween(context.calendar, receivedOn, to).count)
  const received = at(receivedOn)
  received.tally.received = 1

  let accepted = false
  for (const { at: when, event } of doc.history) {
    const day = shanghaiDateOf(when)
    const tally = () => at(day).tally
    if (repeatCountOf(event)) once(day, 'repeat')
    switch (event.type) {
      case 'accept':
        if (accepted) break
        accepted = true
        tally().accepted += 1
        tally().acceptDays[workingDays(day)] = 1
        break
      case 'not-accept':
        tally().notAccepted += 1
        tally().notAcceptedBy[event.reason] = 1
        break
      case 'approve-extension':
        once(day, 'extended')
        break
      case 'escalate':
        once(day, 'escalated')
        break
      case 'supervise':
      case 'issue-supervision-order':
        once(day, 'supervised')
        break
      case 'request-review':
        tally().reviewRequested += 1
        break
      case 'decide-review':
        tally()[event.outcome === 'upheld' ? 'reviewUpheld' : 'reviewRevised'] += 1
        break
      case 'request-re-review':
        tally().reReviewRequested += 1
        break
      case 'decide-re-review':
        tally()[event.outcome === 'upheld' ? 'reReviewUpheld' : 'reReviewRevised'] += 1
        break
      case 'rate-reply':
      case 'accept-reply':
        if (event.rating !== null) {
          tally().rated += 1
          tally().starsTotal += event.rating
          if (event.rating >= SATISFIED_FROM_STARS) tally().satisfied += 1
        }
        break
      default:
        break
    }
  }

  const clocks = caseClocks({ ...context, history: doc.history, asOf: null })
  const handling = clocks.find((c) => c.clock === 'handling')
  if (handling?.state === 'completed' && handling.completedAt) {
    const closedOn = shanghaiDateOf(handling.completedAt)
    const tally = at(closedOn).tally
    tally.closed = 1
    if (handling.metDeadline) tally.closedOnTime = 1
    tally.closeDays[workingDays(closedOn)] = 1
  }
  const overdueOn = overdueOnOf(clocks)
  if (overdueOn) {
    received.overdueOn = overdueOn
    received.overdueMonth = monthOf(overdueOn) === received.month ? null : monthOf(overdueOn)
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month))
}
