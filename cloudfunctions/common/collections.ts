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
  /** One case's statistics contribution to one month (common/stats/case-stats.ts). */
  caseStats: 'case_stats',
  /** A month's statistics cells, kept by the monthly job (common/stats/months.ts). */
  statsMonths: 'stats_months',
  /** Stored reports: the monthly report (S0 第十八条). */
  reports: 'reports',
  /** 督办 spot-check samples (S3 第十四条). */
  spotChecks: 'spot_checks',
  /** 领导接访 records (S2 第七条). */
  receptions: 'receptions',
  /** A platform's work orders, one per (platform, order number): which case each became (common/channels/). */
  workOrders: 'work_orders',
  /** Uploads of a platform's export being imported, with their progress and the malformed rows. */
  importBatches: 'import_batches',
  /** Nonces of signed pushes from the platforms, kept until their timestamp window has passed (replay). */
  channelNonces: 'channel_nonces',
  /** What goes back to a platform (results, returns): the outbox with its delivery state. */
  platformFeedback: 'platform_feedback',
  /** The monthly figures as published (`month-2026-11`): the public page serves these as stored. */
  disclosures: 'disclosures',
  /** Typical cases on the public page (one per case id), with the staff's handling summary. */
  typicalCases: 'typical_cases',
  /** Quarterly analysis reports (`quarter-2026Q4`) and the link to their document. */
  analysisReports: 'analysis_reports',
  /** Copies of new reports to business sections (`<caseId>:<sectionUnitId>`), S0 第十七条. */
  sectionCopies: 'section_copies',
  /** Referrals of suspected environmental crimes to the judiciary, S0 第十七条. */
  judicialReferrals: 'judicial_referrals',
  /** The duty roster: one document per unit and duty day (who is on duty, which leader leads the shift). */
  duty: 'duty',
  /** Reply templates per category and outcome, kept by office heads for their units. */
  replyTemplates: 'reply_templates',
  /** One document per case × unit that shares it with the lead office (S2 第十六条): the 协办 list. */
  coHandling: 'co_handling',
} as const
