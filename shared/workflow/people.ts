// Who is on a case, read off its flags: the officer the assignment names in the lead unit, and the staff who
// stepped aside (回避, S2 第六条). Cases stored before either existed read as none.
import type { CaseFlags, Colleague } from './machine-types'

/** The officer named to handle the case (in the lead unit); null before assignment or while nobody is named. */
export function namedOfficer(flags: Pick<CaseFlags, 'assignment'>): Colleague | null {
  return flags.assignment?.officer ?? null
}

/** Staff excluded from the case by their own declaration of a conflict of interest. */
export function recusedStaffIds(flags: Pick<CaseFlags, 'recused'>): readonly string[] {
  return flags.recused ?? []
}

export function hasRecused(flags: Pick<CaseFlags, 'recused'>, staffId: string): boolean {
  return recusedStaffIds(flags).includes(staffId)
}
