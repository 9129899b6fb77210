// CloudBase entry of the `rewards` function: identity from cloud.getWXContext(), then the action router.
import { bundledMain } from '../common/cloudbase/bundled'
import { rewardsFunction } from './handlers'

export const main = bundledMain(rewardsFunction)
