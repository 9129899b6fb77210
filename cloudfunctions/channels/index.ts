// CloudBase entry of the `channels` function: actions from the mini-program (identity from
// cloud.getWXContext()), and HTTP access requests — a platform's signed push, Open311 — which authenticate
// themselves (docs/channels.md: the HTTP access paths to configure).
import { bundledMain } from '../common/cloudbase/bundled'
import { channelsFunction } from './handlers'

export const main = bundledMain(channelsFunction)
