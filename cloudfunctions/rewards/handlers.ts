// rewards: whistleblower rewards (有奖举报). Citizens read the jurisdiction's rules, the reward status of their
// report and claim it; reward admins work the queue of claims and decide, refuse, record payouts and recoveries.
// Each action validates (the contract's schema and role, before it is called), authorizes (the citizen's own
// report or the query code they hold; a reward admin reaches a case only through a claim on it), then hands the
// work to common/rewards.
import { rewardsContract } from '../../shared/contracts/rewards'
import { rewardStatusView } from '../../shared/rewards'
import { toShanghaiIso } from '../../shared/time'
import type { StoredCase } from '../../shared/cases/case-doc'
import { calendarFor } from '../common/calendar'
import type { Runtime } from '../common/ports'
import { claimForRewardAdmin, claimQueue } from '../common/rewards/admin-views'
import { fileClaim, ownReport, reportByCode } from '../common/rewards/claim'
import { decideReward, recordPayout, recordRecovery, refuseReward } from '../common/rewards/decisions'
import { jurisdictionRewardRules } from '../common/rewards/rules'
import { loadRewardWorld, statusIn } from '../common/rewards/world'
import { defineFunction } from '../common/router'

async function statusOf(runtime: Runtime, doc: StoredCase, now: Date) {
  const world = await loadRewardWorld(runtime.db, doc)
  const status = statusIn(world, doc._id, await calendarFor(runtime), toShanghaiIso(now))
  return rewardStatusView({ caseId: doc._id, refNo: doc.refNo }, status)
}

export const rewardsFunction = defineFunction('rewards', rewardsContract, {
  async rules(_input, { runtime }) {
    return jurisdictionRewardRules(runtime)
  },

  async status(input, { runtime, openid, now }) {
    return statusOf(runtime, await ownReport(runtime, openid, input.caseId), now)
  },

  async statusByCode(input, { runtime, openid, now }) {
    return statusOf(runtime, await reportByCode(runtime, openid, input.code), now)
  },

  async claim(input, { runtime, openid, staffRecord, now }) {
    return fileClaim(runtime, { openid, staff: await staffRecord(), now }, input)
  },

  async queue(input, { runtime }) {
    return claimQueue(runtime, input)
  },

  async getClaim(input, { runtime, staff, now }) {
    return claimForRewardAdmin(runtime, staff, input.claimId, now)
  },

  async decide(input, { runtime, staff, now }) {
    return decideReward(runtime, staff, input, now)
  },

  async refuse(input, { runtime, staff, now }) {
    return refuseReward(runtime, staff, input, now)
  },

  async recordPayout(input, { runtime, staff, now }) {
    return recordPayout(runtime, staff, input, now)
  },

  async recordRecovery(input, { runtime, staff, now }) {
    return recordRecovery(runtime, staff, input, now)
  },
})
