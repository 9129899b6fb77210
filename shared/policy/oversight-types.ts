// The shape of a jurisdiction's oversight rules (shared/policy/oversight.ts; profiles/<id>/oversight.ts).
export interface OversightPolicy {
  /** Each leader receives petitioners at least this often in a month; null: no minimum is set. */
  leaderReceptions: { minPerMonth: number; basis: string } | null
}
