// Case workflow: the state table, the events, the pure transition function and its guards and effects.
export * from './states'
export * from './events'
export * from './grounds'
export { REPORTER_NOTICES, STAFF_NOTICE_TEMPLATE, STAFF_NOTICES } from './notices'
export { NOT_SHOWN, type Narration, type NarrationContext, type Tone } from './catalogue/define'
export { missingFact, REPLY_FIELDS } from './catalogue/reply'
export { SITE_VISIT_FIELDS } from './catalogue/handling'
export { currentHandlerOf } from './catalogue/staffing'

export { hasRecused, namedOfficer } from './people'

export * from './actors'
export * from './machine-types'
export { GUARD_NAMES, GUARDS, type GuardName } from './guards'
export { TRANSITIONS, type TransitionRow } from './transitions'
export {
  allowedEvents,
  contextFor,
  openCase,
  replayHistory,
  rolesForEvent,
  transition,
  type TransitionResult,
} from './machine'
