// CloudBase entry of the `cases` function: identity from cloud.getWXContext(), then the action router.
import { bundledMain } from '../common/cloudbase/bundled'
import { casesFunction } from './handlers'

export const main = bundledMain(casesFunction)
