// The demo deployments as the tests load them: deployment.json and its boundary file, read from disk
// (the cloud functions bundle the same files; shared/ never reads them itself).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { DeploymentConfig, RoutedDeployment } from '@shared/deployment/config'
import { requireRouting } from '@shared/routing/config'
import { createRouter, type Router } from '@shared/routing/router'

export const DEMO_DEPLOYMENTS = {
  'jiaozuo-12345': 'jiaozuo',
  'tianjin-12369': 'tianjin',
  'chongqing-jiulongpo': 'jiulongpo',
  haidong: 'haidong',
} as const
export type DemoProfile = keyof typeof DEMO_DEPLOYMENTS

const ROOT = path.resolve(__dirname, '../../../deployments')

export function loadDeployment(dir: string): DeploymentConfig {
  return JSON.parse(readFileSync(path.join(ROOT, dir, 'deployment.json'), 'utf8')) as DeploymentConfig
}

export function loadBoundaries(dir: string): unknown {
  const deployment = requireRouting(loadDeployment(dir))
  return JSON.parse(readFileSync(path.join(ROOT, dir, deployment.routing.boundaries), 'utf8')) as unknown
}

const routers = new Map<string, Router>()

export function demoRouter(profile: DemoProfile): Router {
  const dir = DEMO_DEPLOYMENTS[profile]
  let router = routers.get(dir)
  if (!router) {
    router = createRouter(loadDeployment(dir), loadBoundaries(dir))
    routers.set(dir, router)
  }
  return router
}

export function demoDeployment(profile: DemoProfile): RoutedDeployment {
  return requireRouting(loadDeployment(DEMO_DEPLOYMENTS[profile]))
}
