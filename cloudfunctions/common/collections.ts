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
  /** The duty roster: one document per unit and duty day (who is on duty, which leader leads the shift). */
  duty: 'duty',
  /** Reply templates per category and outcome, kept by office heads for their units. */
  replyTemplates: 'reply_templates',
  /** One document per case × unit that shares it with the lead office (S2 第十六条): the 协办 list. */
  coHandling: 'co_handling',
} as const
