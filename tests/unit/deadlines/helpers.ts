import { createWorkingCalendar } from '@shared/calendar'
import type { RequestTypeKey } from '@shared/vocabulary/request-types'
import {
  clockFactsFor,
  computeClocks,
  findClock,
  momentsOf,
  type CaseClock,
  type ClockFacts,
} from '@shared/deadlines'
import { getPolicyProfile, type ClockKind, type ClockStart, type ProfileId } from '@shared/policy'

export const calendar = createWorkingCalendar()

export interface CaseSketch {
  type?: RequestTypeKey
  important?: boolean
  referred?: boolean
  emergency?: boolean
  /** Moments the clocks count from (ISO with offset). */
  starts: Partial<Record<ClockStart, string>>
}

function factsOf(sketch: CaseSketch): ClockFacts {
  const base = clockFactsFor({
    requestType: sketch.type ?? 'complaint',
    receivedAt: sketch.starts.received ?? '2026-01-05T09:00:00+08:00',
    important: sketch.important,
    referred: sketch.referred,
    emergency: sketch.emergency,
  })
  return { ...base, starts: momentsOf(sketch.starts) }
}

export function clocksOf(profile: ProfileId, sketch: CaseSketch, asOf: string | null = null): CaseClock[] {
  return computeClocks({ profile: getPolicyProfile(profile), calendar, facts: factsOf(sketch), asOf })
}

export function clockOf(profile: ProfileId, kind: ClockKind, sketch: CaseSketch): CaseClock | undefined {
  return findClock(clocksOf(profile, sketch), kind)
}
