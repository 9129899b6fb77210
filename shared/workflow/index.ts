// Case workflow: the state table, the events, the pure transition function and its guards and effects.
export * from './states'
export * from './events'
export * from './grounds'
export { REPORTER_NOTICES, STAFF_NOTICE_TEMPLATE, STAFF_NOTICES } from './notices'
export {
  NOT_SHOWN,
  type EventDef,
  type Narration,
  type NarrationContext,
  type Tone,
} from './catalogue/define'
export { missingFact, REPLY_FIELDS, replySections, type ReplyContent } from './catalogue/reply'
export { SITE_VISIT_FIELDS } from './catalogue/handling'
export { currentHandlerOf } from './catalogue/staffing'
export { OFFICER_FIELDS } from './catalogue/workbench'
export { hasRecused, namedOfficer, recusedStaffIds } from './people'
export { repeatCountSchema, type RepeatCountRecord } from './catalogue/repeats'
export * from './actors'
export * from './machine-types'
export { GUARD_NAMES, GUARDS, type GuardInput, type GuardName } from './guards'
export {
  TRANSITIONS,
  type CaseUpdate,
  type RowInput,
  type TransitionRow,
  type TransitionTable,
} from './transitions'
export {
  allowedEvents,
  contextFor,
  openCase,
  policyOf,
  replayHistory,
  rolesForEvent,
  statesFor,
  transition,
  IllegalTransitionError,
  type IllegalReason,
  type IllegalTransition,
  type ReplayResult,
  type TransitionResult,
} from './machine'
