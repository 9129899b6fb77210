// All cloud functions, by name: the local gateway serves these; `scripts/build-functions.ts` bundles each
// folder that has an index.ts and config.json.
import { casesFunction } from './cases/handlers'
import { filesFunction } from './files/handlers'
import type { CloudFunction } from './common/router'
import { staffFunction } from './staff/handlers'
import { adminFunction } from './admin/handlers'
import { timersFunction } from './timers/handlers'
import { rewardsFunction } from './rewards/handlers'

export const FUNCTIONS: Record<string, CloudFunction> = {
  cases: casesFunction,
  staff: staffFunction,
  files: filesFunction,
  admin: adminFunction,
  timers: timersFunction,
  rewards: rewardsFunction,
}
