// Who is on a case, read off its flags: the officer the assignment names in the lead unit, the staff who stepped
// aside (回避, S2 第六条), and whether anyone has been on site yet. Cases stored before these existed read as none.
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

/** Check-ins on site (现场签到) made on the case. */
export function checkInsOf(flags: Pick<CaseFlags, 'checkIns'>): number {
  return flags.checkIns ?? 0
}

/**
 * Someone of the bureau has been on site (S2 第十二条 立即组织现场核实): checked in there — the on-site event, from
 * the phone — or recorded a site visit.
 */
export function hasBeenOnSite(flags: Pick<CaseFlags, 'checkIns' | 'siteVisits'>): boolean {
  return checkInsOf(flags) > 0 || flags.siteVisits > 0
}
