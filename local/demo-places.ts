// Local mode: one named place inside each county of the deployment's territory, so a report can be placed
// without a real position (a desktop browser rarely has one). The points come from the boundaries themselves
// (turf's point-on-feature: the centroid when it lies inside, else a point on the surface) and are kept only
// where the deployment's own router places them in that county — where a neighbour's outline overlaps the
// centroid, the nearest point of a grid over the county that does route there is used instead.
import { bbox } from '@turf/bbox'
import { pointOnFeature } from '@turf/point-on-feature'
import { routerFor } from '../cloudfunctions/common/routing'
import type { Runtime } from '../cloudfunctions/common/ports'
import { distanceMetres, wgs84, type Wgs84Point } from '../shared/geo/coordinates'
import { divisionCovers } from '../shared/geo/division-codes'
import { regionsFromTopology, type RegionShape } from '../shared/geo/topology'

export interface DemoPlace {
  name: string
  address: string
  lat: number
  lng: number
  coordSystem: 'wgs84'
}

type Source = Pick<Runtime, 'deployment' | 'boundaries'>

const GRID = 16
/** Rounded to ~1 m: enough for routing, and what a person would type. */
const round = (x: number) => Math.round(x * 1e5) / 1e5

/** The counties of the deployment's own territory (the boundary data also holds its neighbours). */
export function territoryRegions(source: Source): RegionShape[] {
  return regionsFromTopology(source.boundaries).filter((r) =>
    divisionCovers(source.deployment.regionCode, r.code),
  )
}

function candidatesIn(region: RegionShape): Wgs84Point[] {
  const feature = { type: 'Feature' as const, geometry: region.geometry, properties: {} }
  const [lng, lat] = pointOnFeature(feature).geometry.coordinates as [number, number]
  const first = wgs84(round(lat), round(lng))
  const [west, south, east, north] = bbox(feature)
  const grid: Wgs84Point[] = []
  for (let i = 1; i < GRID; i++) {
    for (let j = 1; j < GRID; j++) {
      grid.push(wgs84(round(south + ((north - south) * i) / GRID), round(west + ((east - west) * j) / GRID)))
    }
  }
  grid.sort((a, b) => distanceMetres(a, first) - distanceMetres(b, first))
  return [first, ...grid]
}

const places = new WeakMap<object, DemoPlace[]>()

export function demoPlaces(source: Source): DemoPlace[] {
  const cached = places.get(source.deployment)
  if (cached) return cached
  const router = routerFor(source)
  const found: DemoPlace[] = []
  for (const region of territoryRegions(source)) {
    const point = candidatesIn(region).find(
      (p) => router.route({ location: p, category: 'noise' }).region?.code === region.code,
    )
    if (!point) continue
    found.push({
      name: region.name,
      address: `${region.name}（演示地点，请补充路名门牌）`,
      lat: point.lat,
      lng: point.lng,
      coordSystem: 'wgs84',
    })
  }
  places.set(source.deployment, found)
  return found
}
