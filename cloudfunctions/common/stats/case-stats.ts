// What every write of a case adds besides the workflow: the desk's derived fields (shared/oversight) in the case's
// patch, and the case's statistics contributions (shared/stats), one `case_stats` document per month it counts
// in, written in the same transaction as the case. The case keeps the months it counts in (`statMonths`) and a
// digest of what is stored for each (`statDigests`), both written only with its contributions, so:
//   - a month it no longer counts in (a reply undone by reopening, an extension moving an overdue day) is
//     removed without a query;
//   - a month whose contribution the write leaves as it was (a reminder, a note, most of the sweep's marks) is
//     neither read nor written;
//   - a month new to the case is inserted without a read (the case's months say it has no document yet).
// Only a contribution that changed is read (for its version) and rewritten.
import { createHash } from 'node:crypto'
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
  /** Month → digest of the contribution stored for it (`contributionDigest`); absent on cases written before. */
  statDigests: Record<string, string>
}

/** What a stored case says about its stored contributions (`storedStatsOf`). */
export interface StoredStats {
  /** Null: a case stored before statistics existed, or one this module never wrote. */
  months: readonly string[] | null
  digests: Readonly<Record<string, string>>
}

/** The value's JSON with every object's keys sorted: the same contribution always gives the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** A digest of everything a stored contribution holds (128 bits of SHA-256, base64url). */
export function contributionDigest(contribution: CaseStatDoc): string {
  return createHash('sha256').update(canonicalJson(contribution)).digest('base64url').slice(0, 22)
}

export const caseStatId = (caseId: string, month: string) => `${caseId}-${month}`

export interface CaseWriteExtras {
  caseId: string
  /** Spread into the case's patch (or the new document). */
  patch: CaseStatFields
  /** The contributions to write: those that differ from what is stored (all of them when that is not known). */
  contributions: CaseStatDoc[]
  /** Months the case counted in before and no longer does. */
  removedMonths: string[]
  /** What the stored case said about its contributions before this write. */
  previous: StoredStats
}

const NOTHING_STORED: StoredStats = { months: null, digests: {} }

/** The desk fields and statistics contributions of a case as it will be stored. */
export function caseWriteExtras(
  caseId: string,
  doc: CaseDoc,
  context: { profile: PolicyProfile; calendar: WorkingCalendar; clocks: readonly CaseClock[] },
  previous: StoredStats,
): CaseWriteExtras {
  const all = caseContributions(doc, context).map((c): CaseStatDoc => ({
    caseId,
    month: c.month,
    dims: c.dims,
    tally: sparseTally(c.tally),
    overdueOn: c.overdueOn,
    overdueMonth: c.overdueMonth,
  }))
  const digests = Object.fromEntries(all.map((c) => [c.month, contributionDigest(c)]))
  const months = all.map((c) => c.month)
  const stored = (month: string) => previous.months?.includes(month) === true
  return {
    caseId,
    patch: { oversight: oversightFieldsOf(doc, context.clocks), statMonths: months, statDigests: digests },
    contributions: all.filter((c) => !stored(c.month) || previous.digests[c.month] !== digests[c.month]),
    removedMonths: (previous.months ?? []).filter((m) => !months.includes(m)),
    previous,
  }
}

/** The months whose sums read the contributions written: their own, and the months of their overdue days. */
export function monthsSummedWith(extras: CaseWriteExtras): string[] {
  const months = extras.contributions.flatMap((c) => [c.month, ...(c.overdueMonth ? [c.overdueMonth] : [])])
  return [...new Set(months)].sort()
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
  return caseWriteExtras(caseId, doc, { profile, calendar, clocks }, NOTHING_STORED)
}

/**
 * Writes the contributions that changed and removes the months no longer counted, in `tx`. A month the case did
 * not count in before has no document yet (the case's months say so; a case just filed has none): it is inserted
 * without a read. A month it counted in is read for its version and updated. Only a case whose months are not
 * known (stored before statistics) has each of its months read first.
 */
export async function writeCaseStatsInTx(
  tx: Tx,
  extras: CaseWriteExtras,
  { newCase = false }: { newCase?: boolean } = {},
): Promise<void> {
  const known = newCase ? [] : extras.previous.months
  for (const contribution of extras.contributions) {
    const id = caseStatId(contribution.caseId, contribution.month)
    const mayExist = known === null || known.includes(contribution.month)
    const stored = mayExist ? await tx.get<CaseStatDoc>(COLLECTIONS.caseStats, id) : null
    if (stored) await tx.update<CaseStatDoc>(COLLECTIONS.caseStats, id, contribution, stored._version)
    else await tx.insert<CaseStatDoc>(COLLECTIONS.caseStats, { _id: id, ...contribution })
  }
  for (const month of extras.removedMonths) {
    await tx.remove(COLLECTIONS.caseStats, caseStatId(extras.caseId, month))
  }
}

/** What a stored case says about its stored contributions (nothing for a case stored before statistics existed). */
export function storedStatsOf(doc: object): StoredStats {
  const { statMonths, statDigests } = doc as Partial<CaseStatFields>
  return Array.isArray(statMonths) ? { months: statMonths, digests: statDigests ?? {} } : NOTHING_STORED
}

/** A write with statistics has stored the case (only cases stored before statistics existed have not). */
export function hasCaseStats(doc: object): boolean {
  return Array.isArray((doc as Partial<CaseStatFields>).statMonths)
}
