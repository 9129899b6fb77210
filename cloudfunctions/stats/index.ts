// CloudBase entry of the `stats` function: statistics, the monthly report and exports.
import { bundledMain } from '../common/cloudbase/bundled'
import { statsFunction } from './handlers'

export const main = bundledMain(statsFunction)
