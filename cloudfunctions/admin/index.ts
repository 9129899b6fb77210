// CloudBase entry of the `admin` function.
import { bundledMain } from '../common/cloudbase/bundled'
import { adminFunction } from './handlers'

export const main = bundledMain(adminFunction)
