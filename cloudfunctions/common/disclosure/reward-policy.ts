// The reward policy summary on the public page (有奖举报政策及其操作流程要求, S0 第十四条).
//
// SWITCH HERE when the policy profiles declare each jurisdiction's reward rules
// (shared/policy/profiles/<id>/rewards.ts, the rewards work): summarise the profile's rules in a few sentences,
// with their sources, instead of the text the deployment supplies. Until then the page shows the deployment's own
// wording (`publicInfo.rewardSummary` of deployments/<id>/deployment.json), marked there as a placeholder.
import type { Runtime } from '../ports'

export function rewardPolicySummary(runtime: Runtime): string | null {
  return runtime.deployment.publicInfo?.rewardSummary ?? null
}
