// Deadline clocks of a case: for each clock its due date (the last on-time day, Asia/Shanghai), its reminder
// date, and its state as of a given instant, derived from the policy profile and the case's facts.
//
// Where several rules bind one clock (the profile's and the national baseline's), each is computed and the
// stricter wins: the earliest date for a duty of the bureau, the latest for a window the reporter acts in. The
// same holds across clocks: a step of handling is never due after a step it comes before (CLOCK_PRECEDES), so
// acceptance and assignment are never due after the reply, whichever profile set each date.
import {
  addWorkingDays,
  endOfNaturalDayPeriod,
  naturalDaysAfter,
  shanghaiDateOf,
  subtractWorkingDays,
  workingDayOnOrAfter,
  type CalendarDate,
  type DaySkip,
  type WorkingCalendar,
} from '@shared/calendar'
import {
  CLOCK_KIND_KEYS,
  CLOCK_KINDS,
  CLOCK_PRECEDES,
  effectivePolicy,
  fieldWorkPolicyFor,
  PLATFORM_DEADLINE,
  rulesFor,
  type ClockKind,
  type ClockNature,
  type ClockStart,
  type DayUnit,
  type EffectivePolicy,
  type PolicyProfile,
  type ProfileId,
  type SourcedClockRule,
} from '@shared/policy'
import { addLocalDays, daysBetween, type Instant, type LocalDate } from '@shared/time'
import type { HistoryEntry } from '@shared/workflow/actors'
import { clockFactsFromHistory, isAfter, type ClockFacts, type ClockPause, type Moment } from './facts'
import { ORDERED_CLOCKS, type OrderedClockKind } from './lifecycle'

export type ClockState = 'running' | 'paused' | 'completed' | 'cancelled'

/** One rule's result, kept for audit: why the winning rule won. */
interface ClockCandidate {
  basis: string
  origin: ProfileId
  due: LocalDate | null
  provisional: boolean
  /** Not a rule of this clock: the due date of a later step it may not fall after. */
  boundBy?: ClockKind
}

export interface CaseClock {
  clock: ClockKind
  label: string
  nature: ClockNature
  /** Citation of the rule that set the due date: seed label and article. */
  basis: string
  origin: ProfileId
  note: string | null
  /** The period of the clock's own stricter rule, and the event it counts from. */
  days: number
  unit: DayUnit
  from: ClockStart
  /** The due date is a later step's, which this one may not fall after (`basis` is then that step's). */
  boundBy: ClockKind | null
  /** The instant the clock counts from, and its Shanghai date (not counted). */
  startedAt: string
  start: LocalDate
  /** Last on-time day (Shanghai). Null while paused with days still to run. */
  due: LocalDate | null
  /** 催办 date, where the profile asks for one. */
  reminder: LocalDate | null
  reminderBasis: string | null
  state: ClockState
  completedAt: string | null
  /** For a completed duty: done on or before the due date. */
  metDeadline: boolean | null
  /** A duty past its due date and not done (as of `asOf`). */
  overdue: boolean
  /** A window past its last day and not used (as of `asOf`). */
  elapsed: boolean
  /** On or after the reminder date and still running (as of `asOf`). */
  reminderDue: boolean
  extendedBy: number
  /** A date this clock depends on lies in a year without a published holiday notice. */
  provisional: boolean
  considered: readonly ClockCandidate[]
}

export interface ClockInput {
  profile: PolicyProfile
  calendar: WorkingCalendar
  facts: ClockFacts
  /** The instant to judge overdue/elapsed/reminder against; null gives due dates only. */
  asOf: Instant | null
}

const instantMs = (instant: string) => Date.parse(instant)

/** Days in (from, to] are not counted; an open pause stops counting after its first day. */
function pauseSkip(
  pauses: readonly ClockPause[],
  after: string,
): { skip: DaySkip | undefined; openFrom: LocalDate | null } {
  const closed: Array<[LocalDate, LocalDate]> = []
  let openFrom: LocalDate | null = null
  for (const pause of pauses) {
    if (pause.to !== null && instantMs(pause.to) < instantMs(after)) continue
    if (pause.to === null) openFrom = shanghaiDateOf(pause.from)
    else closed.push([shanghaiDateOf(pause.from), shanghaiDateOf(pause.to)])
  }
  const skip: DaySkip | undefined =
    closed.length === 0 ? undefined : (date) => closed.some(([from, to]) => date > from && date <= to)
  return { skip, openFrom }
}

interface Evaluation {
  rule: SourcedClockRule
  startedAt: Moment
  start: LocalDate
  due: LocalDate | null
  provisional: boolean
  extendedBy: number
}

function evaluate(rule: SourcedClockRule, facts: ClockFacts, calendar: WorkingCalendar): Evaluation | null {
  let startedAt = facts.starts[rule.from]
  if (rule.clock === 'handling' && facts.handlingRestartedAt) startedAt = facts.handlingRestartedAt
  if (!startedAt) return null
  const start = shanghaiDateOf(startedAt.at)
  const { skip, openFrom } = pauseSkip(facts.pauses, startedAt.at)
  const extendedBy = rule.clock === 'handling' ? facts.extensionDays : 0

  let last: CalendarDate
  if (rule.unit === 'working') {
    last = addWorkingDays(calendar, start, rule.days, skip)
  } else {
    last = { date: naturalDaysAfter(start, rule.days, skip), provisional: false }
  }
  // Still waiting for supplementary material and the period had not run out before the wait began.
  if (openFrom !== null && last.date > openFrom)
    return { rule, startedAt, start, due: null, provisional: false, extendedBy }

  // An extension adds natural days to the last day of the original period (S3 第十一条, S1 第十二条).
  let end = extendedBy > 0 ? addLocalDays(last.date, extendedBy) : last.date
  let provisional = last.provisional
  const roll = rule.unit === 'working' ? extendedBy > 0 : rule.rollOverRestDays !== false
  if (roll) {
    const rolled =
      rule.unit === 'working' ? workingDayOnOrAfter(calendar, end) : endOfNaturalDayPeriod(calendar, end, 0)
    end = rolled.date
    provisional ||= rolled.provisional
  }
  return { rule, startedAt, start, due: end, provisional, extendedBy }
}

const isOrdered = (kind: ClockKind): kind is OrderedClockKind => kind in ORDERED_CLOCKS

/**
 * A clock whose due date a decision on the case set (整改期限: the plan's deadline, S0 第七条(二)): it counts from
 * the latest starting event to the date that event named, with no roll-over (the date was chosen, not counted).
 */
function orderedEvaluation(
  kind: OrderedClockKind,
  facts: ClockFacts,
  policy: EffectivePolicy,
): Evaluation | null {
  const { start: from, basis } = ORDERED_CLOCKS[kind]
  const startedAt = facts.starts[from]
  const due = facts.orderedDue[kind]
  if (!startedAt || !due) return null
  const start = shanghaiDateOf(startedAt.at)
  const rule: SourcedClockRule = {
    clock: kind,
    from,
    days: Math.max(0, daysBetween(start, due)),
    unit: 'natural',
    rollOverRestDays: false,
    basis,
    origin: policy.profile.id,
  }
  return { rule, startedAt, start, due, provisional: false, extendedBy: 0 }
}

/** 催办: the profile's reminder of a clock; a rectification plan's, from the field-work values (a decision). */
function reminderOf(
  policy: EffectivePolicy,
  kind: ClockKind,
): { workingDaysBefore: number; basis: string } | null {
  const rule = policy.reminders.find((r) => r.clock === kind)
  if (rule) return rule
  if (kind !== 'rectification') return null
  const days = fieldWorkPolicyFor(policy.profile.id).rectificationReminderWorkingDays
  return { workingDaysBefore: days, basis: `整改期限届满前 ${days} 个工作日提醒复查` }
}

/**
 * The platform's own 办理时限 for an order (S2 第十七条 从其规定), as one more candidate of the handling clock: its
 * date as the platform set it (no rest-day roll, no pause — the platform's date does not wait), moved by the
 * extension days approved (S0 第七条(四): an extension is applied for in time). None after a reopening.
 */
function platformEvaluation(policy: EffectivePolicy, facts: ClockFacts): Evaluation | null {
  const startedAt = facts.starts.received
  if (!facts.platformDue || facts.handlingRestartedAt || !startedAt) return null
  const start = shanghaiDateOf(startedAt.at)
  const extendedBy = facts.extensionDays
  const rule: SourcedClockRule = {
    clock: 'handling',
    from: 'received',
    days: Math.max(0, daysBetween(start, facts.platformDue)),
    unit: 'natural',
    rollOverRestDays: false,
    basis: PLATFORM_DEADLINE.basis,
    note: PLATFORM_DEADLINE.note,
    origin: policy.profile.id,
  }
  const due = extendedBy > 0 ? addLocalDays(facts.platformDue, extendedBy) : facts.platformDue
  return { rule, startedAt, start, due, provisional: false, extendedBy }
}

/** Duties: the earliest date binds; windows: the latest. A paused candidate has no date yet. */
function pickWinner(nature: ClockNature, evaluations: readonly Evaluation[]): Evaluation {
  const [first, ...rest] = evaluations
  if (!first) throw new Error('no candidate')
  if (nature === 'window' && evaluations.some((e) => e.due === null)) {
    return evaluations.find((e) => e.due === null) ?? first
  }
  let best = first
  for (const candidate of rest) {
    if (candidate.due === null) continue
    if (best.due === null) best = candidate
    else if (nature === 'duty' ? candidate.due < best.due : candidate.due > best.due) best = candidate
  }
  return best
}

/** The first event after the clock's start in the history (not by timestamp: see facts.ts). */
function firstAfter(moments: readonly Moment[] | undefined, startedAt: Moment): string | null {
  return moments?.find((moment) => isAfter(moment, startedAt))?.at ?? null
}

interface Decided {
  own: Evaluation
  evaluations: readonly Evaluation[]
  /** The due date after the later steps' bounds, and the candidate that set it. */
  due: LocalDate | null
  setBy: ClockCandidate
}

const PRECEDES: Partial<Record<ClockKind, readonly ClockKind[]>> = CLOCK_PRECEDES

const candidateOf = (e: Evaluation): ClockCandidate => ({
  basis: e.rule.basis,
  origin: e.rule.origin,
  due: e.due,
  provisional: e.provisional,
})

/**
 * Each clock's own rules first (the stricter wins), then, from the last step back, every step is held to the
 * due dates of the steps it comes before: one rule for every profile, so no profile can combine a long national
 * acceptance limit with a short local handling limit into an acceptance due after the reply.
 */
function decideClocks(
  policy: EffectivePolicy,
  facts: ClockFacts,
  calendar: WorkingCalendar,
): Map<ClockKind, Decided> {
  const decided = new Map<ClockKind, Decided>()
  for (const kind of [...CLOCK_KIND_KEYS].reverse()) {
    const ordered = isOrdered(kind) ? orderedEvaluation(kind, facts, policy) : null
    const evaluations = ordered
      ? [ordered]
      : [
          ...rulesFor(policy, kind, facts).map((rule) => evaluate(rule, facts, calendar)),
          kind === 'handling' ? platformEvaluation(policy, facts) : null,
        ].filter((e): e is Evaluation => e !== null)
    if (evaluations.length === 0) continue
    const own = pickWinner(CLOCK_KINDS[kind].nature, evaluations)
    let setBy = candidateOf(own)
    // A clock held by a pause keeps waiting: a later step's date does not start a period that is not running.
    const later: readonly ClockKind[] = own.due === null ? [] : (PRECEDES[kind] ?? [])
    for (const step of later) {
      const bound = decided.get(step)
      // Only a step already counting when this one started limits it: one that counts from this step's own
      // completion (assignment from acceptance) is a consequence of it, not a limit on it.
      if (!bound || isAfter(bound.own.startedAt, own.startedAt)) continue
      // The step that set the later date is named (handling, when assignment was itself held to it).
      if (bound.due !== null && setBy.due !== null && bound.due < setBy.due)
        setBy = { ...bound.setBy, boundBy: bound.setBy.boundBy ?? step }
    }
    decided.set(kind, { own, evaluations, due: setBy.due, setBy })
  }
  return decided
}

export function computeClocks({ profile, calendar, facts, asOf }: ClockInput): CaseClock[] {
  const policy = effectivePolicy(profile)
  const today = asOf === null ? null : shanghaiDateOf(asOf)
  const decided = decideClocks(policy, facts, calendar)
  const clocks: CaseClock[] = []

  for (const kind of CLOCK_KIND_KEYS) {
    const found = decided.get(kind)
    if (!found) continue
    const { own, evaluations, due, setBy } = found
    const { nature, label } = CLOCK_KINDS[kind]
    const { rule, startedAt, start } = own
    const boundBy = setBy.boundBy ?? null

    const completedAt = firstAfter(facts.completions[kind], startedAt)
    const cancelled = completedAt === null && facts.endedAt !== null && !isAfter(startedAt, facts.endedAt)
    // A clock without a due date is held by an open pause (one that began before it started holds it too).
    const paused =
      due === null || facts.pauses.some((p) => p.to === null && instantMs(p.from) >= instantMs(startedAt.at))
    const state: ClockState = completedAt
      ? 'completed'
      : cancelled
        ? 'cancelled'
        : paused
          ? 'paused'
          : 'running'

    let reminder: CalendarDate | null = null
    const reminderRule = reminderOf(policy, kind)
    if (reminderRule && due !== null) {
      const before = subtractWorkingDays(calendar, due, reminderRule.workingDaysBefore)
      reminder = before.date < start ? { date: start, provisional: before.provisional } : before
    }

    const pending = state === 'running' || state === 'paused'
    const pastDue = today !== null && due !== null && today > due
    clocks.push({
      clock: kind,
      label,
      nature,
      basis: setBy.basis,
      origin: setBy.origin,
      note: boundBy
        ? `${label}不得晚于${CLOCK_KINDS[boundBy].label}的期限（${setBy.basis}）：两个期限都约束时从严`
        : (rule.note ?? null),
      days: rule.days,
      unit: rule.unit,
      from: rule.from,
      boundBy,
      startedAt: startedAt.at,
      start,
      due,
      reminder: reminder?.date ?? null,
      reminderBasis: reminder ? (reminderRule?.basis ?? null) : null,
      state,
      completedAt,
      metDeadline: completedAt && due !== null ? shanghaiDateOf(completedAt) <= due : null,
      overdue: nature === 'duty' && pending && pastDue,
      elapsed: nature === 'window' && pending && pastDue,
      reminderDue: state === 'running' && today !== null && reminder !== null && today >= reminder.date,
      extendedBy: own.extendedBy,
      provisional: setBy.provisional || (reminder?.provisional ?? false),
      considered: [...evaluations.map(candidateOf), ...(boundBy ? [{ ...setBy }] : [])],
    })
  }
  return clocks
}

/** Clocks of a stored case: facts folded from its history. */
export function caseClocks(input: {
  profile: PolicyProfile
  calendar: WorkingCalendar
  history: readonly HistoryEntry[]
  asOf: Instant | null
}): CaseClock[] {
  return computeClocks({ ...input, facts: clockFactsFromHistory(input.history) })
}

export function findClock(clocks: readonly CaseClock[], kind: ClockKind): CaseClock | undefined {
  return clocks.find((clock) => clock.clock === kind)
}

/**
 * The next Shanghai date the timer must look at the case: a reminder date, or the day after a due date (when it
 * becomes overdue), strictly after `asOf`'s date — that day's work is done by the run that computes this.
 */
export function nextClockDate(clocks: readonly CaseClock[], asOf: Instant): LocalDate | null {
  const today = shanghaiDateOf(asOf)
  const dates: LocalDate[] = []
  for (const clock of clocks) {
    if (clock.state !== 'running') continue
    if (clock.reminder !== null && clock.reminder > today) dates.push(clock.reminder)
    // Overdue/elapsed becomes true the day after the due date.
    if (clock.due !== null) {
      const after = addLocalDays(clock.due, 1)
      if (after > today) dates.push(after)
    }
  }
  return dates.sort()[0] ?? null
}
