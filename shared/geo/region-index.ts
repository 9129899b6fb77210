// Point-in-polygon over a list of regions, in priority order, with a bounding-box pre-filter: most regions
// are rejected by four comparisons, so a lookup runs the exact test (turf, which handles holes and points on
// an edge) on one to three polygons. Built once per deployment at cold start; a lookup takes microseconds.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import type { MultiPolygon, Polygon } from 'geojson'
import type { Wgs84Point } from './coordinates'
import type { RegionShape } from './topology'

interface IndexedRegion<R extends RegionShape> {
  region: R
  west: number
  south: number
  east: number
  north: number
}

function boundsOf(
  geometry: Polygon | MultiPolygon,
): [west: number, south: number, east: number, north: number] {
  let west = Infinity
  let south = Infinity
  let east = -Infinity
  let north = -Infinity
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  for (const polygon of polygons) {
    // The outer ring bounds the polygon; holes lie inside it.
    for (const [lng, lat] of polygon[0] ?? []) {
      if (lng === undefined || lat === undefined) continue
      if (lng < west) west = lng
      if (lng > east) east = lng
      if (lat < south) south = lat
      if (lat > north) north = lat
    }
  }
  return [west, south, east, north]
}

export class RegionIndex<R extends RegionShape = RegionShape> {
  private readonly entries: IndexedRegion<R>[]

  /** `regions` in priority order: `find` returns the first that contains the point. */
  constructor(regions: readonly R[]) {
    this.entries = regions.map((region) => {
      const [west, south, east, north] = boundsOf(region.geometry)
      return { region, west, south, east, north }
    })
  }

  get size(): number {
    return this.entries.length
  }

  /** The first region (in priority order) containing the point; a point on an edge counts as inside. */
  find(point: Wgs84Point): R | null {
    for (const e of this.entries) {
      if (point.lng < e.west || point.lng > e.east || point.lat < e.south || point.lat > e.north) continue
      if (booleanPointInPolygon([point.lng, point.lat], e.region.geometry)) return e.region
    }
    return null
  }

  /** Every region containing the point, in priority order. */
  findAll(point: Wgs84Point): R[] {
    const hits: R[] = []
    for (const e of this.entries) {
      if (point.lng < e.west || point.lng > e.east || point.lat < e.south || point.lat > e.north) continue
      if (booleanPointInPolygon([point.lng, point.lat], e.region.geometry)) hits.push(e.region)
    }
    return hits
  }
}
