// Policy profiles: each jurisdiction's rules as versioned data with citations, on a national baseline.
export * from './types'
export { citationReferences, citeForCitizens, citeForStaff } from './sources'
export { fieldWorkPolicyFor, getPolicyProfile, POLICY_PROFILES, profileInEffect } from './registry'
export { MEASURE_KEYS, MEASURES, type MeasureKey } from './field-work'
export { replyRemediesText } from './remedies'
export { PLATFORM_DEADLINE } from './platform-deadline'
export {
  effectivePolicy,
  rulesFor,
  type ClockCaseFacts,
  type EffectivePolicy,
  type SourcedClockRule,
} from './effective'
export * from './rewards'
export { latestRewardRules, REWARD_RULES, rewardRulesOn } from './reward-rules'
