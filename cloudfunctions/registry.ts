// All cloud functions, by name: the local gateway serves these; `scripts/build-functions.ts` bundles each
// folder that has an index.ts and config.json.
import { casesFunction } from './cases/handlers'
import { channelsFunction } from './channels/handlers'
import { filesFunction } from './files/handlers'
import type { CloudFunction } from './common/router'
import { staffFunction } from './staff/handlers'
import { adminFunction } from './admin/handlers'
import { timersFunction } from './timers/handlers'
import { rewardsFunction } from './rewards/handlers'
import { statsFunction } from './stats/handlers'
import { oversightFunction } from './oversight/handlers'
import { publicFunction } from './public/handlers'
import { analysisFunction } from './analysis/handlers'
import { sharingFunction } from './sharing/handlers'

export const FUNCTIONS: Record<string, CloudFunction> = {
  cases: casesFunction,
  staff: staffFunction,
  files: filesFunction,
  admin: adminFunction,
  timers: timersFunction,
  rewards: rewardsFunction,
  stats: statsFunction,
  oversight: oversightFunction,
  channels: channelsFunction,
  public: publicFunction,
  analysis: analysisFunction,
  sharing: sharingFunction,
}
