// What every write of a case adds besides the workflow: the desk's derived fields (shared/oversight) in the case's
// patch, and the case's statistics contributions (shared/stats), one `case_stats` document per month it counts
// in, written in the same transaction as the case. The case keeps the months it counts in (`statMonths`), so a
// month it no longer counts in (a reply undone by reopening, an extension moving an overdue day) is removed
// without a query.
import type { WorkingCalendar } from '../../../shared/calendar'
import type { CaseDoc } from '../../../shared/cases/case-doc'
import { caseClocks, type CaseClock } from '../../../shared/deadlines'
import { oversightFieldsOf, type OversightFields } from '../../../shared/oversight'
import { getPolicyProfile, type PolicyProfile } from '../../../shared/policy'
import { caseContributions, sparseTally, type StoredContribution } from '../../../shared/stats'
import { COLLECTIONS } from '../collections'
import type { Tx } from '../ports'

/** A stored contribution: the case, its month, and what it adds to the month's cells. */
export interface CaseStatDoc extends StoredContribution {
  caseId: string
}

/** The fields this module keeps on the case document. */
export interface CaseStatFields {
  oversight: OversightFields
  statMonths: string[]
}

export const caseStatId = (caseId: string, month: string) => `${caseId}-${month}`

export interface CaseWriteExtras {
  caseId: string
  /** Spread into the case's patch (or the new document). */
  patch: CaseStatFields
  contributions: CaseStatDoc[]
  /** Months the case counted in before and no longer does. */
  removedMonths: string[]
}

/** The desk fields and statistics contributions of a case as it will be stored. */
export function caseWriteExtras(
  caseId: string,
  doc: CaseDoc,
  context: { profile: PolicyProfile; calendar: WorkingCalendar; clocks: readonly CaseClock[] },
  previousMonths: readonly string[],
): CaseWriteExtras {
  const contributions = caseContributions(doc, context).map((c) => ({
    caseId,
    month: c.month,
    dims: c.dims,
    tally: sparseTally(c.tally),
    overdueOn: c.overdueOn,
  }))
  const months = contributions.map((c) => c.month)
  return {
    caseId,
    patch: { oversight: oversightFieldsOf(doc, context.clocks), statMonths: months },
    contributions,
    removedMonths: previousMonths.filter((m) => !months.includes(m)),
  }
}

/** The extras of a case with none stored: one just built, or one stored before statistics existed (backfill.ts). */
export function newCaseExtras(
  caseId: string,
  doc: CaseDoc,
  calendar: WorkingCalendar,
  now: Date,
): CaseWriteExtras {
  const profile = getPolicyProfile(doc.profile.id, doc.profile.version)
  const clocks = caseClocks({ profile, calendar, history: doc.history, asOf: now })
  return caseWriteExtras(caseId, doc, { profile, calendar, clocks }, [])
}

/**
 * Writes the contributions (insert or update each) and removes the months no longer counted, in `tx`. A case just
 * filed has none stored yet: its contributions are inserted without a read.
 */
export async function writeCaseStatsInTx(
  tx: Tx,
  extras: CaseWriteExtras,
  { newCase = false }: { newCase?: boolean } = {},
): Promise<void> {
  for (const contribution of extras.contributions) {
    const id = caseStatId(contribution.caseId, contribution.month)
    const stored = newCase ? null : await tx.get<CaseStatDoc>(COLLECTIONS.caseStats, id)
    if (stored) await tx.update<CaseStatDoc>(COLLECTIONS.caseStats, id, contribution, stored._version)
    else await tx.insert<CaseStatDoc>(COLLECTIONS.caseStats, { _id: id, ...contribution })
  }
  for (const month of extras.removedMonths) {
    await tx.remove(COLLECTIONS.caseStats, caseStatId(extras.caseId, month))
  }
}

/** The months a stored case counts in (none for a case stored before statistics existed). */
export function statMonthsOf(doc: object): readonly string[] {
  return (doc as Partial<CaseStatFields>).statMonths ?? []
}

/** A write with statistics has stored the case (only cases stored before statistics existed have not). */
export function hasCaseStats(doc: object): boolean {
  return Array.isArray((doc as Partial<CaseStatFields>).statMonths)
}
