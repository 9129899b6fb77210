// CloudBase entry of the `files` function: identity from cloud.getWXContext(), then the action router.
import { bundledMain } from '../common/cloudbase/bundled'
import { filesFunction } from './handlers'

export const main = bundledMain(filesFunction)
