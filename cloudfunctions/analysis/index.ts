// CloudBase entry of the `analysis` function.
import { bundledMain } from '../common/cloudbase/bundled'
import { analysisFunction } from './handlers'

export const main = bundledMain(analysisFunction)
