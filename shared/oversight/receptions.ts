// 领导接访 (S2 第七条: 局领导…定期接待群众来访…原则上每名班子成员每月接待来访群众不少于1次): each reception's
// record, and each leader's count for a month against the jurisdiction's minimum (shared/policy/oversight.ts).
// Petitioners are people like reporters: their names are sealed in storage and never counted by name, exported
// or shown outside the record itself.
import type { LocalDate } from '../time'

export interface ReceptionCount {
  leaderStaffId: string
  leaderName: string
  count: number
  /** Below the jurisdiction's monthly minimum (null: it sets none). */
  belowMinimum: boolean | null
}

/**
 * Each leader's receptions in the month, every leader listed (a leader with none counts 0), in the order given;
 * `minimum` null: the jurisdiction sets no minimum, nothing is flagged.
 */
export function receptionCounts(
  leaders: ReadonlyArray<{ staffId: string; name: string }>,
  receptions: ReadonlyArray<{ leaderStaffId: string; date: LocalDate }>,
  month: string,
  minimum: number | null,
): ReceptionCount[] {
  const counts = new Map<string, number>()
  for (const r of receptions) {
    if (r.date.slice(0, 7) === month) counts.set(r.leaderStaffId, (counts.get(r.leaderStaffId) ?? 0) + 1)
  }
  return leaders.map((l) => {
    const count = counts.get(l.staffId) ?? 0
    return {
      leaderStaffId: l.staffId,
      leaderName: l.name,
      count,
      belowMinimum: minimum === null ? null : count < minimum,
    }
  })
}
