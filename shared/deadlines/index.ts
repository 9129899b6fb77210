// Deadline clocks derived from a policy profile and a case's history, on the working-day calendar.
export {
  caseClocks,
  computeClocks,
  findClock,
  nextClockDate,
  type CaseClock,
  type ClockCandidate,
  type ClockInput,
  type ClockState,
} from './clocks'
export {
  clockFactsFor,
  clockFactsFromHistory,
  isAfter,
  momentsOf,
  type ClockFacts,
  type ClockPause,
  type Moment,
} from './facts'
export {
  CASE_ENDING_EVENTS,
  CLOCK_COMPLETED_BY,
  CLOCK_START_EVENTS,
  completedClocks,
  endsCase,
  startedBy,
} from './lifecycle'
export {
  expectedReply,
  periodText,
  type ExpectedReply,
  type ExpectedReplyInput,
  type ExpectedReplyStep,
} from './expected-reply'
export { timerSteps, type TimerStep } from './timer-steps'
