// Collection names, in one place.
export const COLLECTIONS = {
  cases: 'cases',
  staff: 'staff',
  units: 'units',
  uploads: 'uploads',
  counters: 'counters',
  outbox: 'outbox',
  audit: 'audit',
} as const
