// Proximity queries without a geo index. Every stored report carries the geohash of its WGS-84 position at a
// few precisions (`geoCellsOf`); "reports near P within r metres" becomes an equality / `$in` query on one of
// those fields with the keys of the cells that cover the circle (`nearbyCells`), followed by an exact distance
// check in memory. The DocStore supports exactly that (equality, $in, range, ordering); no 2dsphere needed.
//
// Geohash precision → cell size (height × width at 35°N, roughly mid-China):
//   5 → 4.9 km × 4.0 km      6 → 610 m × 1.0 km      7 → 153 m × 125 m
// The query picks the finest precision whose cells are at least r on both sides at that latitude, so the
// circle's bounding box touches at most 3 × 3 cells (usually 4): a `$in` of ≤ 9 keys. Radii beyond the
// precision-5 cell (≈ 3.5 km) still work, with more keys.
import { metresPerDegree, type Wgs84Point } from './coordinates'

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz'

const GEO_CELL_PRECISIONS = [5, 6, 7] as const
type GeoCellPrecision = (typeof GEO_CELL_PRECISIONS)[number]

/** The fields to store on a document (e.g. under `geo.`), one per precision. */
export interface GeoCells {
  gh5: string
  gh6: string
  gh7: string
}
type GeoCellField = keyof GeoCells

/** Standard geohash (Niemeyer) of a WGS-84 position. */
export function encodeGeohash(lat: number, lng: number, precision: number): string {
  let latLo = -90
  let latHi = 90
  let lngLo = -180
  let lngHi = 180
  let hash = ''
  let bits = 0
  let value = 0
  let evenBit = true
  while (hash.length < precision) {
    if (evenBit) {
      const mid = (lngLo + lngHi) / 2
      if (lng >= mid) {
        value = value * 2 + 1
        lngLo = mid
      } else {
        value *= 2
        lngHi = mid
      }
    } else {
      const mid = (latLo + latHi) / 2
      if (lat >= mid) {
        value = value * 2 + 1
        latLo = mid
      } else {
        value *= 2
        latHi = mid
      }
    }
    evenBit = !evenBit
    if (++bits === 5) {
      hash += BASE32.charAt(value)
      bits = 0
      value = 0
    }
  }
  return hash
}

export interface CellBounds {
  south: number
  west: number
  north: number
  east: number
}

export function decodeGeohashBounds(hash: string): CellBounds {
  let latLo = -90
  let latHi = 90
  let lngLo = -180
  let lngHi = 180
  let evenBit = true
  for (const char of hash) {
    const value = BASE32.indexOf(char)
    if (value < 0) throw new RangeError(`not a geohash: ${hash}`)
    for (let bit = 4; bit >= 0; bit--) {
      const on = ((value >> bit) & 1) === 1
      if (evenBit) {
        const mid = (lngLo + lngHi) / 2
        if (on) lngLo = mid
        else lngHi = mid
      } else {
        const mid = (latLo + latHi) / 2
        if (on) latLo = mid
        else latHi = mid
      }
      evenBit = !evenBit
    }
  }
  return { south: latLo, west: lngLo, north: latHi, east: lngHi }
}

/** Cell size in degrees at a precision: 5 bits per character, longitude takes the odd one. */
function cellDegrees(precision: number): { lat: number; lng: number } {
  const bits = 5 * precision
  return { lat: 180 / 2 ** Math.floor(bits / 2), lng: 360 / 2 ** Math.ceil(bits / 2) }
}

export function geoCellsOf(point: Wgs84Point): GeoCells {
  const gh7 = encodeGeohash(point.lat, point.lng, 7)
  return { gh5: gh7.slice(0, 5), gh6: gh7.slice(0, 6), gh7 }
}

export interface NearbyCellQuery {
  /** Which stored field to match, e.g. `{ [`geo.${field}`]: { $in: keys } }`. */
  field: GeoCellField
  precision: GeoCellPrecision
  keys: string[]
}

/** All cells of a precision that intersect the bounding box of the circle (point, radius). */
function coveringCells(point: Wgs84Point, radiusMetres: number, precision: number): string[] {
  const m = metresPerDegree(point.lat)
  const dLat = radiusMetres / m.lat
  const dLng = radiusMetres / Math.max(m.lng, 1)
  const size = cellDegrees(precision)
  const south = Math.max(-90, point.lat - dLat)
  const north = Math.min(90, point.lat + dLat)
  const rowFrom = Math.floor((south + 90) / size.lat)
  const rowTo = Math.min(Math.floor((north + 90) / size.lat), Math.round(180 / size.lat) - 1)
  const colFrom = Math.floor((point.lng - dLng + 180) / size.lng)
  const colTo = Math.floor((point.lng + dLng + 180) / size.lng)
  const columns = Math.round(360 / size.lng)
  const keys: string[] = []
  for (let row = rowFrom; row <= rowTo; row++) {
    for (let col = colFrom; col <= colTo; col++) {
      const wrapped = ((col % columns) + columns) % columns
      const lat = -90 + (row + 0.5) * size.lat
      const lng = -180 + (wrapped + 0.5) * size.lng
      keys.push(encodeGeohash(lat, lng, precision))
    }
  }
  return [...new Set(keys)]
}

/** Up to this the key list stays under a hundred; a wider search wants a different index, not this one. */
const MAX_NEARBY_RADIUS_METRES = 10_000

/**
 * The cell keys to query for candidates within `radiusMetres` of `point`. Complete: every stored point within
 * the radius has its cell among the keys (the caller still filters by exact distance).
 */
export function nearbyCells(point: Wgs84Point, radiusMetres: number): NearbyCellQuery {
  if (!(radiusMetres > 0) || radiusMetres > MAX_NEARBY_RADIUS_METRES) {
    throw new RangeError(`radius must be in (0, ${MAX_NEARBY_RADIUS_METRES}] m: ${radiusMetres}`)
  }
  const m = metresPerDegree(point.lat)
  const finestFirst = [...GEO_CELL_PRECISIONS].reverse()
  const precision =
    finestFirst.find((p) => {
      const size = cellDegrees(p)
      return size.lat * m.lat >= radiusMetres && size.lng * m.lng >= radiusMetres
    }) ?? GEO_CELL_PRECISIONS[0]
  return { field: `gh${precision}`, precision, keys: coveringCells(point, radiusMetres, precision) }
}
