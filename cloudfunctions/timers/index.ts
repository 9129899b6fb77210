// CloudBase entry of the `timers` function: its timer triggers (config.json), and admin calls.
import { bundledMain } from '../common/cloudbase/bundled'
import { timersFunction } from './handlers'

export const main = bundledMain(timersFunction)
