// CloudBase entry of the `timers` function: the hourly timer trigger (config.json), and admin calls.
import { bundledMain } from '../common/cloudbase/bundled'
import { timersFunction } from './handlers'

export const main = bundledMain(timersFunction)
