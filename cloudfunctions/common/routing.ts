// Which unit handles a new report: the deployment's routing table over its boundaries (shared/routing),
// built once per runtime (cold start) and reused.
import type { CategoryKey, PollutionSourceKey } from '../../shared/vocabulary/categories'
import type { Location } from '../../shared/vocabulary/fields'
import type { RequestTypeKey } from '../../shared/vocabulary/request-types'
import { createRouter, type Router, type RoutingDecision } from '../../shared/routing/router'
import type { Runtime } from './ports'

const routers = new WeakMap<object, Router>()

export function routerFor(runtime: Pick<Runtime, 'deployment' | 'boundaries'>): Router {
  let router = routers.get(runtime.deployment)
  if (!router) {
    router = createRouter(runtime.deployment, runtime.boundaries)
    routers.set(runtime.deployment, router)
  }
  return router
}

export interface RouteInput {
  location: Location
  category: CategoryKey
  requestType?: RequestTypeKey
  source?: PollutionSourceKey
}

/** Where the deployment's routing table sends a report (or a preview of one). */
export function routeReport(
  runtime: Pick<Runtime, 'deployment' | 'boundaries'>,
  input: RouteInput,
): RoutingDecision {
  return routerFor(runtime).route({
    location: input.location,
    category: input.category,
    requestType: input.requestType,
    source: input.source,
  })
}
