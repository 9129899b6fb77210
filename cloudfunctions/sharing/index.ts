// CloudBase entry of the `sharing` function.
import { bundledMain } from '../common/cloudbase/bundled'
import { sharingFunction } from './handlers'

export const main = bundledMain(sharingFunction)
