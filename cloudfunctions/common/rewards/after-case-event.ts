// After a case event: what it means for the rewards of the reports on the case. Runs after the case is saved and
// never fails the event (a step that fails is logged). Only events that can change a reward status are looked at
// (shared/rewards `rewardStatusMayChange`: a finding, or the case ending or reopening). A report found untrue
// refuses the claims on it that are not yet paid and marks a paid one for recovery; one found fabricated counts
// against the reporting account. Then everyone whose reward status changed is told.
import type { StoredCase } from '../../../shared/cases/case-doc'
import {
  fabricationIdOf,
  rewardStatusMayChange,
  type FabricationRecord,
  type RewardClaimDoc,
} from '../../../shared/rewards'
import type { HistoryEntry } from '../../../shared/workflow'
import { calendarFor } from '../calendar'
import { COLLECTIONS } from '../collections'
import { reporterKeyOf } from '../intake/assessment'
import type { Runtime } from '../ports'
import { notifyRewardChanges } from './notify'
import { loadRewardWorld, matterOf, statusesIn, type RewardWorld, type StoredClaim } from './world'

/** Claims on an untrue report: not yet paid → refused (by the system, reason `untrue`); paid → to be recovered. */
async function settleClaimsOnUntrue(
  runtime: Runtime,
  world: RewardWorld,
  matter: StoredCase,
  at: string,
): Promise<void> {
  for (const claim of world.claims.values()) {
    const report = world.cases.get(claim.caseId)
    if (!report || matterOf(world, report)._id !== matter._id) continue
    const settled = await runtime.db.transaction(async (tx) => {
      const current = await tx.get<RewardClaimDoc>(COLLECTIONS.rewardClaims, claim._id)
      if (!current) return null
      let patch: Partial<RewardClaimDoc> | null = null
      if (current.state === 'submitted' || current.state === 'awarded') {
        patch = {
          state: 'refused',
          refusal: { reasons: ['untrue'], note: '', by: { kind: 'system' }, at },
        }
      } else if (current.state === 'paid') {
        patch = {
          state: 'recovery',
          recovery: { markedAt: at, recoveredOn: null, reference: null, staffId: null, at: null },
        }
      }
      if (!patch) return null
      await tx.update<RewardClaimDoc>(
        COLLECTIONS.rewardClaims,
        claim._id,
        { ...patch, updatedAt: at },
        current._version,
      )
      return { ...current, ...patch, updatedAt: at, _version: current._version + 1 } as StoredClaim
    })
    if (settled) {
      world.claims.set(settled.caseId, settled)
      runtime.log.info('reward claim settled: report found untrue', {
        claimId: settled._id,
        state: settled.state,
      })
    }
  }
}

/** A report found fabricated counts against the account that filed it (a flag on its claims from the second). */
async function countFabrication(runtime: Runtime, doc: StoredCase, at: string): Promise<void> {
  const reporterKey = reporterKeyOf(runtime, doc.reporter.openid, false)!
  const id = fabricationIdOf(reporterKey)
  await runtime.db.transaction(async (tx) => {
    const record = await tx.get<FabricationRecord>(COLLECTIONS.rewardFlags, id)
    if (!record) {
      await tx.insert<FabricationRecord>(COLLECTIONS.rewardFlags, {
        _id: id,
        reporterKey,
        caseIds: [doc._id],
        updatedAt: at,
      })
    } else if (!record.caseIds.includes(doc._id)) {
      // The count is what matters; the list is bounded.
      const caseIds = [...record.caseIds, doc._id].slice(-50)
      await tx.update<FabricationRecord>(
        COLLECTIONS.rewardFlags,
        id,
        { caseIds, updatedAt: at },
        record._version,
      )
    }
  })
}

export async function rewardsAfterCaseEvent(
  runtime: Runtime,
  applied: { before: StoredCase; doc: StoredCase; entry: HistoryEntry },
): Promise<void> {
  const { before, doc, entry } = applied
  if (!rewardStatusMayChange(before, doc, entry.event.type)) return
  try {
    const calendar = await calendarFor(runtime)
    const world = await loadRewardWorld(runtime.db, doc)
    const beforeWorld: RewardWorld = {
      cases: new Map(world.cases).set(before._id, before),
      claims: new Map(world.claims),
    }
    const was = statusesIn(beforeWorld, calendar, entry.at)
    if (entry.event.type === 'find-report-untrue') {
      await settleClaimsOnUntrue(runtime, world, doc, entry.at)
      if (entry.event.finding === 'fabricated') await countFabrication(runtime, doc, entry.at)
    }
    await notifyRewardChanges(runtime, world, was, statusesIn(world, calendar, entry.at), entry.at)
  } catch (error) {
    runtime.log.warn('reward follow-up failed', { caseId: doc._id, error: String(error) })
  }
}
