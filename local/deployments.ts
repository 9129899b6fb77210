// Loads a deployment's configuration from deployments/<id>/deployment.json.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { DeploymentConfig } from '../shared/deployment/config'
import { requireRouting } from '../shared/routing/config'

export const PROJECT_ROOT = path.resolve(__dirname, '..')
export const DEFAULT_DEPLOYMENT = 'jiaozuo'

export function deploymentDir(id: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new Error(`invalid deployment id: ${id}`)
  return path.join(PROJECT_ROOT, 'deployments', id)
}

export function loadDeployment(id: string = DEFAULT_DEPLOYMENT): DeploymentConfig {
  const file = path.join(deploymentDir(id), 'deployment.json')
  return JSON.parse(readFileSync(file, 'utf8')) as DeploymentConfig
}

/** The boundary file named by the deployment's routing section. */
export function loadBoundaries(deployment: DeploymentConfig): unknown {
  const file = requireRouting(deployment).routing.boundaries
  return JSON.parse(readFileSync(path.join(deploymentDir(deployment.id), file), 'utf8')) as unknown
}
