// Working-day calendar of mainland China: State Council notices (bundled + loaded at run time), local rest days,
// provisional estimates for years without a notice, and day counting.
export type * from './types'
export { BUNDLED_NOTICES } from './bundled'
export { isIsoInstant, shanghaiDateOf } from './day-math'
export {
  createWorkingCalendar,
  type NoticeInUse,
  type WorkingCalendar,
  type WorkingCalendarOptions,
} from './calendar'
export {
  addWorkingDays,
  endOfNaturalDayPeriod,
  naturalDaysAfter,
  subtractWorkingDays,
  workingDayOnOrAfter,
  workingDaysBetween,
  type DaySkip,
} from './arithmetic'
export {
  holidayNoticeDaySchema,
  holidayNoticeSchema,
  localRestDaySchema,
  localRestDaysSchema,
  validateHolidayNotice,
  validateLocalRestDays,
  type NoticeValidation,
  type ValidationProblem,
} from './notice-schema'
export {
  lunarHolidayYears,
  STATUTORY_HOLIDAY_BASIS,
  STATUTORY_RULES_FROM_YEAR,
  statutoryHolidaysByLaw,
  type StatutoryHoliday,
} from './statutory-holidays'
