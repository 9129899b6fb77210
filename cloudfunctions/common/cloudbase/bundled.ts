// The deployment a function bundle serves: `scripts/build-functions.ts` points these aliases at
// deployments/<GW_DEPLOYMENT>/ (typecheck and tests use Jiaozuo), so the jurisdiction, its policy profile and
// its boundaries travel inside the bundle and need no database read at cold start.
import deployment from '@deployment'
import boundaries from '@deployment-boundaries'
import type { DeploymentConfig } from '../../../shared/deployment/config'
import type { CloudFunction } from '../router'
import { cloudMain, type CloudMain } from './entry'

const BUNDLED_DEPLOYMENT = deployment as unknown as DeploymentConfig
const BUNDLED_BOUNDARIES: unknown = boundaries

/** `export const main = bundledMain(casesFunction)` in each function's index.ts. */
export function bundledMain(fn: CloudFunction): CloudMain {
  return cloudMain(fn, BUNDLED_DEPLOYMENT, { boundaries: BUNDLED_BOUNDARIES })
}
