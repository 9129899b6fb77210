// Deadline clocks derived from a policy profile and a case's history, on the working-day calendar.
export {
  caseClocks,
  computeClocks,
  findClock,
  nextClockDate,
  type CaseClock,
  type ClockState,
} from './clocks'
export { clockFactsFor, clockFactsFromHistory, momentsOf, type ClockFacts } from './facts'
export { completedClocks, endsCase, startedBy } from './lifecycle'
export { expectedReply, periodText } from './expected-reply'
export { timerSteps } from './timer-steps'
