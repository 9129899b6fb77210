// The phone's clock, read in Shanghai time: the today and the month a form starts from or stops at. The server's
// clock decides what is on time; the phone's only fills in and bounds what a person picks.
import { monthOf, type Month } from '@shared/months'
import { localDateOf, type LocalDate } from '@shared/time'

export const phoneToday = (): LocalDate => localDateOf(new Date())

export const phoneMonth = (): Month => monthOf(phoneToday())
