// A point inside each locality (county of the territory, special zone) that the deployment's own router places
// in it: where a report is placed when only its county or zone is known (a work order whose address names 武陟县
// but has no coordinates; local mode's demo places). turf's point-on-feature first (the centroid when it lies
// inside, else a point on the surface); where a neighbour's outline or a zone overlaps it, the nearest point of a
// grid over the locality that does route there.
import { bbox } from '@turf/bbox'
import { pointOnFeature } from '@turf/point-on-feature'
import { distanceMetres, wgs84, type Wgs84Point } from '../geo/coordinates'
import { divisionCovers } from '../geo/division-codes'
import { regionsFromTopology, type RegionRef, type RegionShape } from '../geo/topology'
import type { Router } from './router'

const GRID = 16
/** Rounded to ~1 m: enough for routing, and what a person would type. */
const round = (x: number) => Math.round(x * 1e5) / 1e5

type Geometry = RegionShape['geometry']

function candidatesIn(geometry: Geometry): Wgs84Point[] {
  const feature = { type: 'Feature' as const, geometry, properties: {} }
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

export interface LocalityPoint extends RegionRef {
  point: Wgs84Point
}

/**
 * One point per region of the territory (its counties) and per special zone, each placed there by `router` (a locality no
 * candidate routes to — entirely covered by zones — has none). Counties first, in the boundary file's order.
 */
export function localityPoints(
  router: Router,
  deployment: {
    regionCode: string
    routing?: { zones: ReadonlyArray<{ code: string; name: string; polygon: number[][] }> }
  },
  boundaries: unknown,
): LocalityPoint[] {
  const counties = regionsFromTopology(boundaries)
    .filter((r) => divisionCovers(deployment.regionCode, r.code))
    .map((r) => ({ code: r.code, name: r.name, geometry: r.geometry }))
  const zones = (deployment.routing?.zones ?? []).map((z) => ({
    code: z.code,
    name: z.name,
    geometry: { type: 'Polygon', coordinates: [z.polygon] } as Geometry,
  }))
  const found: LocalityPoint[] = []
  for (const locality of [...counties, ...zones]) {
    const point = candidatesIn(locality.geometry).find((p) => router.locate(p).region?.code === locality.code)
    if (point) found.push({ code: locality.code, name: locality.name, point })
  }
  return found
}
