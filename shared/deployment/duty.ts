// The 24-hour duty (24小时值班制和领导带班制, S0 第五条; 值班值守制度, S2 第十二条): each unit's roster names, per duty
// day, who is on duty and which leader leads the shift. A duty day's shift runs from the morning handover to the
// same time the next day, so a noise complaint at 01:00 belongs to the shift that started the morning before.
import { addLocalDays, formatShanghai, localDateOf, type Instant, type LocalDate } from '../time'

/** The morning handover (交接班), Shanghai time: what a bureau's duty office works to. */
export const DUTY_HANDOVER = '08:30'

/** The duty day an instant belongs to: before the handover, the previous day's shift is still on. */
export function dutyDayOf(instant: Instant, handover: string = DUTY_HANDOVER): LocalDate {
  const date = localDateOf(instant)
  return formatShanghai(instant, 'HH:mm') < handover ? addLocalDays(date, -1) : date
}
