// Collection names, in one place. Their indexes are in database/indexes.json.
export const COLLECTIONS = {
  cases: 'cases',
  follows: 'follows',
  staff: 'staff',
  uploads: 'uploads',
  counters: 'counters',
  outbox: 'outbox',
  notifications: 'notifications',
  audit: 'audit',
  holidayNotices: 'holiday_notices',
  warnings: 'warnings',
  rateLimits: 'rate_limits',
  jobs: 'jobs',
  /** One-time setup state: the first administrator's setup code (setup-code.ts) and the last deploy. */
  setup: 'setup',
  /** Invite codes for staff posts, by the keyed hash of the code (enrolment.ts). */
  invites: 'invites',
  /** One document per WeChat identity bound to an active staff record: no identity is bound twice (enrolment.ts). */
  staffBindings: 'staff_bindings',
  /** Staff agreements to subscribe messages, as counted (notice-consent.ts). */
  noticeConsents: 'notice_consents',
  /** Whistleblower reward claims, one per report; the claimant's identity sealed (common/rewards/). */
  rewardClaims: 'reward_claims',
  /** Reports found fabricated, per reporting account (repeated fabrication flags a claim). */
  rewardFlags: 'reward_flags',
  /** The duty roster: one document per unit and duty day (who is on duty, which leader leads the shift). */
  duty: 'duty',
  /** Reply templates per category and outcome, kept by office heads for their units. */
  replyTemplates: 'reply_templates',
  /** One document per case × unit that shares it with the lead office (S2 第十六条): the 协办 list. */
  coHandling: 'co_handling',
} as const
