// Who follows a case: its reporter, citizens who chose "follow" instead of filing a duplicate, and everyone
// following a report merged into it (S3 第九条(四)). One document per (case, citizen) with a deterministic id,
// so concurrent follows never lose one another, and the case's follower count changes in the same transaction.
import { createHash } from 'node:crypto'
import type { CaseDoc } from '../../shared/cases/case-doc'
import type { FollowRelation } from '../../shared/cases/views'
import { COLLECTIONS } from './collections'
import { MAX_PAGE_SIZE, type DocStore, type Page, type Patch, type Tx, type WithId } from './ports'

export interface FollowDoc {
  caseId: string
  openid: string
  relation: FollowRelation
  /** History index of the last entry this citizen has seen (unread = reporter notices after it). */
  lastReadSeq: number
  createdAt: string
  /** Set when the follow came with a merge. */
  mergedFrom?: string
}

export type FollowRecord = WithId<FollowDoc>

export function followId(caseId: string, openid: string): string {
  return 'w' + createHash('sha256').update(`${caseId}\n${openid}`).digest('hex').slice(0, 31)
}

export async function getFollow(db: DocStore, caseId: string, openid: string): Promise<FollowRecord | null> {
  return db.get<FollowDoc>(COLLECTIONS.follows, followId(caseId, openid))
}

/** Every follow of a case, page by page (merges and notifications need all of them). */
export async function listFollows(db: DocStore, caseId: string): Promise<FollowRecord[]> {
  const all: FollowRecord[] = []
  let after: string | null = null
  do {
    const page: Page<FollowRecord> = await db.find<FollowDoc>(COLLECTIONS.follows, {
      filter: { caseId },
      orderBy: [['createdAt', 'asc']],
      limit: MAX_PAGE_SIZE,
      after,
    })
    all.push(...page.items)
    after = page.next
  } while (after)
  return all
}

/** Inside a transaction: the follow documents and the case's counter together. Returns whether it was new. */
export async function followInTx(tx: Tx, doc: FollowDoc): Promise<boolean> {
  const id = followId(doc.caseId, doc.openid)
  if (await tx.get<FollowDoc>(COLLECTIONS.follows, id)) return false
  const target = await tx.get<CaseDoc>(COLLECTIONS.cases, doc.caseId)
  if (!target) return false
  await tx.insert<FollowDoc>(COLLECTIONS.follows, { _id: id, ...doc })
  await tx.update<CaseDoc>(
    COLLECTIONS.cases,
    doc.caseId,
    { followerCount: target.followerCount + 1 },
    target._version,
  )
  return true
}

export async function unfollowInTx(tx: Tx, caseId: string, openid: string): Promise<boolean> {
  const id = followId(caseId, openid)
  const existing = await tx.get<FollowDoc>(COLLECTIONS.follows, id)
  if (!existing || existing.relation === 'reporter') return false
  const target = await tx.get<CaseDoc>(COLLECTIONS.cases, caseId)
  await tx.remove(COLLECTIONS.follows, id)
  if (target) {
    await tx.update<CaseDoc>(
      COLLECTIONS.cases,
      caseId,
      { followerCount: Math.max(0, target.followerCount - 1) },
      target._version,
    )
  }
  return true
}

/** The followers of a merged case join the target (the target's own follows are kept as they are). */
export async function addFollowersInTx(
  tx: Tx,
  targetCaseId: string,
  follows: readonly FollowDoc[],
  at: string,
  /** When the merged case was last reported: the target's duplicate window runs from the latest report. */
  lastReportedAt: string,
): Promise<number> {
  const target = await tx.get<CaseDoc>(COLLECTIONS.cases, targetCaseId)
  if (!target) return 0
  let added = 0
  for (const follow of follows) {
    const id = followId(targetCaseId, follow.openid)
    if (await tx.get<FollowDoc>(COLLECTIONS.follows, id)) continue
    await tx.insert<FollowDoc>(COLLECTIONS.follows, {
      _id: id,
      caseId: targetCaseId,
      openid: follow.openid,
      relation: 'follower',
      lastReadSeq: -1,
      createdAt: at,
      mergedFrom: follow.caseId,
    })
    added++
  }
  const patch: Patch<CaseDoc> = {}
  if (added) patch.followerCount = target.followerCount + added
  // Both are Shanghai ISO times in one format, so they compare as text.
  if (lastReportedAt > target.lastReportedAt) patch.lastReportedAt = lastReportedAt
  if (Object.keys(patch).length > 0) {
    await tx.update<CaseDoc>(COLLECTIONS.cases, targetCaseId, patch, target._version)
  }
  return added
}
