// Local mode: one named place inside each county of the deployment's territory, so a report can be placed
// without a real position (a desktop browser rarely has one). The points are the localities' own points
// (shared/routing/locality-points.ts: inside the county, and placed there by the deployment's router).
import { routerFor } from '../cloudfunctions/common/routing'
import type { Runtime } from '../cloudfunctions/common/ports'
import { divisionCovers } from '../shared/geo/division-codes'
import { regionsFromTopology, type RegionShape } from '../shared/geo/topology'
import { localityPoints } from '../shared/routing/locality-points'

export interface DemoPlace {
  name: string
  address: string
  lat: number
  lng: number
  coordSystem: 'wgs84'
}

type Source = Pick<Runtime, 'deployment' | 'boundaries'>

/** The counties of the deployment's own territory (the boundary data also holds its neighbours). */
export function territoryRegions(source: Source): RegionShape[] {
  return regionsFromTopology(source.boundaries).filter((r) =>
    divisionCovers(source.deployment.regionCode, r.code),
  )
}

const places = new WeakMap<object, DemoPlace[]>()

export function demoPlaces(source: Source): DemoPlace[] {
  const cached = places.get(source.deployment)
  if (cached) return cached
  const counties = new Set(territoryRegions(source).map((r) => r.code))
  const found = localityPoints(routerFor(source), source.deployment, source.boundaries)
    .filter((l) => counties.has(l.code))
    .map(({ name, point }) => ({
      name,
      address: `${name}（演示地点，请补充路名门牌）`,
      lat: point.lat,
      lng: point.lng,
      coordSystem: 'wgs84' as const,
    }))
  places.set(source.deployment, found)
  return found
}
