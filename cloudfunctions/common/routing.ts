// Which unit handles a new report: the deployment's routing table over its boundaries (shared/routing),
// built once per runtime (cold start) and reused.
import type { CategoryKey, PollutionSourceKey } from '../../shared/vocabulary/categories'
import type { Location } from '../../shared/vocabulary/fields'
import type { RequestTypeKey } from '../../shared/vocabulary/request-types'
import { geoCellsOf, type GeoCells } from '../../shared/geo/cells'
import type { Wgs84Point } from '../../shared/geo/coordinates'
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

export interface RouteOutcome {
  decision: RoutingDecision
  /** The unit that holds the case: the handling unit, or the one that replies with guidance. */
  unitId: string
  regionCode: string | null
  /** Stored position (WGS-84) and its proximity keys for duplicate / warning queries. */
  position: Wgs84Point
  cells: GeoCells
}

export function routeReport(
  runtime: Pick<Runtime, 'deployment' | 'boundaries'>,
  input: RouteInput,
): RouteOutcome {
  const decision = routerFor(runtime).route({
    location: input.location,
    category: input.category,
    requestType: input.requestType,
    source: input.source,
  })
  const unitId = decision.outcome === 'assigned' ? decision.unit.id : decision.respondingUnit.id
  const position = decision.placement.position
  return {
    decision,
    unitId,
    regionCode: decision.region?.code ?? null,
    position,
    cells: geoCellsOf(position),
  }
}
