// CloudBase entry of the `oversight` function: the supervisor's desk, spot checks, warnings, leaders.
import { bundledMain } from '../common/cloudbase/bundled'
import { oversightFunction } from './handlers'

export const main = bundledMain(oversightFunction)
