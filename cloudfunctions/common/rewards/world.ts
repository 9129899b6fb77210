// A report's reward world: the case that holds its handling (itself, or the case it was merged into), every report
// on that case, and their claims — everything shared/rewards derives a reward status from. Loaded in a few reads:
// the matter, the reports merged into it (indexed query `merged_into`), the claims by id (one read).
import type { WorkingCalendar } from '../../../shared/calendar'
import type { CaseDoc, StoredCase } from '../../../shared/cases/case-doc'
import { rewardRulesOn, type RewardRules } from '../../../shared/policy'
import {
  claimIdOf,
  rewardMatterOf,
  rewardReportOf,
  rewardStatus,
  type RewardClaimDoc,
  type RewardStatus,
} from '../../../shared/rewards'
import { localDateOf } from '../../../shared/time'
import { COLLECTIONS } from '../collections'
import { getMany } from '../db/get-many'
import { MAX_PAGE_SIZE, type DocStore, type Page, type WithId } from '../ports'

export type StoredClaim = WithId<RewardClaimDoc>

export interface RewardWorld {
  /** The matter and every report on it, by case id. */
  cases: Map<string, StoredCase>
  /** Their claims, by the case id of the report claimed for. */
  claims: Map<string, StoredClaim>
}

/** The reports merged into a case, oldest first, page by page (a handful in practice). */
async function listMergedInto(db: DocStore, caseId: string): Promise<StoredCase[]> {
  const all: StoredCase[] = []
  let after: string | null = null
  do {
    const page: Page<StoredCase> = await db.find<CaseDoc>(COLLECTIONS.cases, {
      filter: { mergedInto: caseId },
      orderBy: [['createdAt', 'asc']],
      limit: MAX_PAGE_SIZE,
      after,
    })
    all.push(...page.items)
    after = page.next
  } while (after)
  return all
}

export async function loadRewardWorld(db: DocStore, doc: StoredCase): Promise<RewardWorld> {
  const matter = doc.mergedInto ? ((await db.get<CaseDoc>(COLLECTIONS.cases, doc.mergedInto)) ?? doc) : doc
  const cases = new Map<string, StoredCase>([[matter._id, matter]])
  for (const merged of await listMergedInto(db, matter._id)) cases.set(merged._id, merged)
  cases.set(doc._id, doc)
  const found = await getMany<RewardClaimDoc>(db, COLLECTIONS.rewardClaims, [...cases.keys()].map(claimIdOf))
  return { cases, claims: new Map([...found.values()].map((claim) => [claim.caseId, claim])) }
}

/** The case a report is handled in: the one it was merged into, else itself. */
export function matterOf(world: RewardWorld, doc: StoredCase): StoredCase {
  return (doc.mergedInto && world.cases.get(doc.mergedInto)) || doc
}

/** The reward rules a report is judged by: those in effect on the day it reached the bureau. */
export function rewardRulesOf(doc: StoredCase): RewardRules {
  return rewardRulesOn(doc.profile.id, localDateOf(rewardReportOf(doc).receivedAt))
}

/** The reward status of one report of the world. */
export function statusIn(
  world: RewardWorld,
  caseId: string,
  calendar: WorkingCalendar,
  now: string,
): RewardStatus {
  const doc = world.cases.get(caseId)
  if (!doc) throw new Error(`report ${caseId} is not in its reward world`)
  const matter = matterOf(world, doc)
  const reports = [...world.cases.values()]
    .filter((d) => d._id === matter._id || d.mergedInto === matter._id)
    .map(rewardReportOf)
  return rewardStatus({
    rules: rewardRulesOf(doc),
    calendar,
    report: rewardReportOf(doc),
    matter: rewardMatterOf(matter),
    reports,
    claims: world.claims,
    now,
  })
}

/** The status of every report of the world. */
export function statusesIn(
  world: RewardWorld,
  calendar: WorkingCalendar,
  now: string,
): Map<string, RewardStatus> {
  return new Map([...world.cases.keys()].map((id) => [id, statusIn(world, id, calendar, now)]))
}
