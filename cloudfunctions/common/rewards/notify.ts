// A reward status changed: the person it belongs to hears it through the `reward-result` subscribe message — the
// account that claimed, else the account that reported. The message says where the reward stands, never an
// amount's basis or anyone's identity; the page it opens shows the rest.
import { REWARD_STATUSES, rewardNewsworthy, type RewardStatus } from '../../../shared/rewards'
import { formatShanghai } from '../../../shared/time'
import type { Runtime } from '../ports'
import type { RewardWorld } from './world'

/**
 * Sends `reward-result` for every report whose status changed in a way that is news to its holder
 * (`rewardNewsworthy`). `except`: a report whose holder made the change themselves (their own claim) — they see it
 * on screen. A failed message is logged, never a failed action.
 */
export async function notifyRewardChanges(
  runtime: Runtime,
  world: RewardWorld,
  was: ReadonlyMap<string, RewardStatus>,
  is: ReadonlyMap<string, RewardStatus>,
  at: string,
  except: string | null = null,
): Promise<void> {
  for (const [caseId, status] of is) {
    if (caseId === except || !rewardNewsworthy(was.get(caseId), status)) continue
    const doc = world.cases.get(caseId)!
    const to = world.claims.get(caseId)?.claimantOpenid ?? doc.reporter.openid
    const { label, notice } = REWARD_STATUSES[status.key]
    try {
      await runtime.notifier.send({
        to,
        template: 'reward-result',
        // Someone who claimed with the query code from another account reads it by the code.
        page: to === doc.reporter.openid ? `pages/case/index?id=${caseId}` : 'pages/lookup/index',
        data: {
          character_string1: doc.refNo,
          thing2: notice.slice(0, 20),
          phrase3: label.slice(0, 5),
          time4: formatShanghai(at),
        },
        dedupeKey: `reward:${caseId}:${status.key}:${status.claim?.state ?? '-'}:${at}`,
      })
    } catch (error) {
      runtime.log.warn('reward notification failed', { caseId, error: String(error) })
    }
  }
}
