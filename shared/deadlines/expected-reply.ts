// 预计答复: the date a citizen can expect the reply by, before the report is submitted. Where the handling limit
// counts from receipt (S0 第七条(四), S1 第七条) the date is that limit. Where it counts from acceptance
// (S3 第十一条, S1 第十二条, S2 第十七条, S4 四(四)) there is no acceptance yet: the estimate lets acceptance take its
// whole limit and runs the handling limit from that day — the latest date the rules allow, never a promise the
// rules do not make. Computed by the same clocks as a filed case, so the stricter limit wins here too.
import type { WorkingCalendar } from '@shared/calendar'
import type { RequestTypeKey } from '@shared/vocabulary/request-types'
import type { DayUnit, PolicyProfile } from '@shared/policy'
import { startOfLocalDate, type LocalDate } from '@shared/time'
import { computeClocks, findClock, type CaseClock } from './clocks'
import { clockFactsFor } from './facts'

interface ExpectedReplyStep {
  clock: 'acceptance' | 'handling'
  label: string
  days: number
  unit: DayUnit
  /** The step's last day in this estimate. */
  due: LocalDate
  basis: string
}

export interface ExpectedReply {
  date: LocalDate
  /** The articles of every step, `; `-separated. */
  basis: string
  /** A date lies in a year without a published holiday notice. */
  provisional: boolean
  /** Before submitting every date is an estimate (预计): how this one was reached. */
  estimate: {
    /**
     * `handling`: the handling limit counts from receipt, the date is that limit.
     * `acceptance-then-handling`: acceptance takes its whole limit, then the handling limit runs from that day.
     */
    composition: 'handling' | 'acceptance-then-handling'
    steps: ExpectedReplyStep[]
    /** For people, e.g. `受理告知 15 日 + 办结答复 60 日`. */
    summary: string
  }
}

export interface ExpectedReplyInput {
  profile: PolicyProfile
  calendar: WorkingCalendar
  /** The moment the report would be received (now, injected). */
  receivedAt: string
  requestType: RequestTypeKey
  important?: boolean
  emergency?: boolean
  referred?: boolean
}

/** `10 个工作日`, `60 日`, `当天`. */
export function periodText(days: number, unit: DayUnit): string {
  if (days === 0) return '当天'
  return unit === 'working' ? `${days} 个工作日` : `${days} 日`
}

/** A clock's part in the estimate; null while it has no date. */
function stepOf(clock: CaseClock | undefined, kind: ExpectedReplyStep['clock']): ExpectedReplyStep | null {
  if (!clock || clock.due === null) return null
  return {
    clock: kind,
    label: clock.label,
    days: clock.days,
    unit: clock.unit,
    due: clock.due,
    basis: clock.basis,
  }
}

/** The expected reply date of a report received at `receivedAt`, or null where no clock gives one. */
export function expectedReply(input: ExpectedReplyInput): ExpectedReply | null {
  const { profile, calendar, receivedAt } = input
  const clocksWith = (acceptedAt: string | null) =>
    computeClocks({
      profile,
      calendar,
      facts: clockFactsFor({
        requestType: input.requestType,
        receivedAt,
        acceptedAt,
        important: input.important,
        emergency: input.emergency,
        referred: input.referred,
      }),
      asOf: null,
    })
  const beforeAcceptance = findClock(clocksWith(null), 'acceptance')
  const acceptance = stepOf(beforeAcceptance, 'acceptance')
  // Accepted on the acceptance clock's last day (not before the report arrives): the day counts, not the hour.
  const acceptedAt = acceptance
    ? new Date(Math.max(Date.parse(receivedAt), startOfLocalDate(acceptance.due).getTime())).toISOString()
    : null
  const handlingClock = findClock(clocksWith(acceptedAt), 'handling')
  const handling = stepOf(handlingClock, 'handling')
  if (!handlingClock || !handling) return null

  const steps = handlingClock.from === 'accepted' && acceptance ? [acceptance, handling] : [handling]
  const composition = steps.length === 2 ? 'acceptance-then-handling' : 'handling'
  const summary =
    composition === 'handling'
      ? `${handling.label} ${periodText(handling.days, handling.unit)}（自收到之日起）`
      : steps.map((step) => `${step.label} ${periodText(step.days, step.unit)}`).join(' + ')
  return {
    date: handling.due,
    basis: steps.map((step) => step.basis).join('; '),
    provisional:
      handlingClock.provisional ||
      (composition === 'acceptance-then-handling' && !!beforeAcceptance?.provisional),
    estimate: { composition, steps, summary },
  }
}
