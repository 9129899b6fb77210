// The jurisdiction's whistleblower-reward rules as citizens read them: the latest version of the deployment's
// policy profile (shared/policy/profiles/<id>/rewards.ts) through `rewardRulesView` — what makes a report eligible,
// the amounts, each with its citation or marked 暂定 when it is a placeholder. The self-check (rewards.rules) and
// the public page (public.disclosure, 有奖举报政策, S0 第十四条) show this same view.
import { isProfileId, latestRewardRules } from '../../../shared/policy'
import { rewardRulesView, type RewardRulesView } from '../../../shared/rewards'
import type { Runtime } from '../ports'

export function jurisdictionRewardRules(runtime: Runtime): RewardRulesView {
  const profileId = runtime.deployment.profileId
  if (!isProfileId(profileId)) throw new Error(`unknown policy profile: ${profileId}`)
  return rewardRulesView(latestRewardRules(profileId))
}
