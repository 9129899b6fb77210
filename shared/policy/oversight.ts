// What a jurisdiction asks of its leaders and supervisors beyond case deadlines: the minimum of leader receptions
// (领导接访) per month. A profile without a rule of its own sets none.
import type { ProfileId } from './types'
import type { OversightPolicy } from './oversight-types'
import { JIULONGPO_OVERSIGHT } from './profiles/chongqing-jiulongpo/oversight'

export type { OversightPolicy }

const NONE: OversightPolicy = { leaderReceptions: null }

export const OVERSIGHT_POLICIES: Readonly<Record<ProfileId, OversightPolicy>> = {
  national: NONE,
  'jiaozuo-12345': NONE,
  'tianjin-12369': NONE,
  'chongqing-jiulongpo': JIULONGPO_OVERSIGHT,
  haidong: NONE,
}

export function oversightPolicy(profileId: ProfileId): OversightPolicy {
  return OVERSIGHT_POLICIES[profileId]
}
