// The whistleblower-reward rules of every profile (profiles/<id>/rewards.ts), by version. A report is judged by
// the version in effect on the day it was received, like its time limits.
import type { LocalDate } from '@shared/time'
import { CHONGQING_JIULONGPO_REWARDS_V1 } from './profiles/chongqing-jiulongpo/rewards'
import { HAIDONG_REWARDS_V1 } from './profiles/haidong/rewards'
import { JIAOZUO_12345_REWARDS_V1 } from './profiles/jiaozuo-12345/rewards'
import { NATIONAL_REWARDS_V1 } from './profiles/national/rewards'
import { TIANJIN_12369_REWARDS_V1 } from './profiles/tianjin-12369/rewards'
import type { RewardRules } from './rewards'
import type { ProfileId } from './types'

/** Versions of each profile's reward rules, oldest first. */
export const REWARD_RULES: Readonly<Record<ProfileId, readonly RewardRules[]>> = {
  national: [NATIONAL_REWARDS_V1],
  'jiaozuo-12345': [JIAOZUO_12345_REWARDS_V1],
  'tianjin-12369': [TIANJIN_12369_REWARDS_V1],
  'chongqing-jiulongpo': [CHONGQING_JIULONGPO_REWARDS_V1],
  haidong: [HAIDONG_REWARDS_V1],
}

/**
 * The reward rules in effect on a date; before the first version took effect, the first version (a report made
 * before the scheme was written down is judged by the earliest rules known, never by none).
 */
export function rewardRulesOn(id: ProfileId, date: LocalDate): RewardRules {
  const versions = REWARD_RULES[id]
  let current = versions[0]!
  for (const rules of versions) if (rules.effectiveFrom <= date) current = rules
  return current
}

/** The latest reward rules of a profile (what the self-check explains and the operator CLI prints). */
export function latestRewardRules(id: ProfileId): RewardRules {
  const versions = REWARD_RULES[id]
  return versions[versions.length - 1]!
}
