// Working-day calendar of mainland China: State Council notices (bundled + loaded at run time), local rest days,
// provisional estimates for years without a notice, and day counting.
export type * from './types'
export { BUNDLED_NOTICES } from './bundled'
export { isIsoInstant, shanghaiDateOf } from './day-math'
export { createWorkingCalendar, type WorkingCalendar } from './calendar'
export {
  addWorkingDays,
  endOfNaturalDayPeriod,
  naturalDaysAfter,
  subtractWorkingDays,
  workingDayOnOrAfter,
  workingDaysBetween,
  type DaySkip,
} from './arithmetic'
export { holidayNoticeSchema, validateHolidayNotice, validateLocalRestDays } from './notice-schema'
export { statutoryHolidaysByLaw } from './statutory-holidays'
