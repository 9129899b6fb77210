// Whistleblower rewards (有奖举报): a report's reward status derived from the case and its claim, the amount from
// the jurisdiction's tier table, the self-check before filing, and the views of each audience. Pure: the rules
// are the policy profiles' (policy/profiles/<id>/rewards.ts); the cloud function `rewards` loads and stores.
export * from './statuses'
export * from './findings'
export * from './amount'
export * from './claim'
export * from './eligibility'
export * from './rules-view'
export * from './self-check'
export * from './views'
