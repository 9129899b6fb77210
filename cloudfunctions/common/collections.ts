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
} as const
