// CloudBase entry of the `staff` function: identity from cloud.getWXContext(), then the action router.
import { bundledMain } from '../common/cloudbase/bundled'
import { staffFunction } from './handlers'

export const main = bundledMain(staffFunction)
