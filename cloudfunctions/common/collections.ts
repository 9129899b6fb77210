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
} as const
