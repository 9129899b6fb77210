// CloudBase entry of the `public` function.
import { bundledMain } from '../common/cloudbase/bundled'
import { publicFunction } from './handlers'

export const main = bundledMain(publicFunction)
