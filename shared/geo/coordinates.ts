// Coordinates carry their reference system. The mini-program's location APIs (wx.getLocation type 'gcj02',
// wx.chooseLocation) give GCJ-02, the legally required obfuscated system for maps in China; boundary data,
// stored positions and every distance here are WGS-84 (CGCS2000 agrees with it to within metres).
// A GCJ-02 point read as WGS-84 is off by 100–700 m in the demo regions, enough to pick the wrong county near
// a border, so functions that need WGS-84 take `Wgs84Point` and the compiler refuses a `Gcj02Point`.
import gcoord from 'gcoord'

export type CoordSystem = 'gcj02' | 'wgs84'

export interface Wgs84Point {
  readonly lat: number
  readonly lng: number
  readonly coordSystem: 'wgs84'
}

export interface Gcj02Point {
  readonly lat: number
  readonly lng: number
  readonly coordSystem: 'gcj02'
}

/** A position as the client sends it (shared/contracts/common.ts `locationSchema` has this shape). */
export type GeoPoint = Wgs84Point | Gcj02Point

function checked(lat: number, lng: number): void {
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw new RangeError(`latitude out of range: ${lat}`)
  if (!Number.isFinite(lng) || lng < -180 || lng > 180) throw new RangeError(`longitude out of range: ${lng}`)
}

export function wgs84(lat: number, lng: number): Wgs84Point {
  checked(lat, lng)
  return { lat, lng, coordSystem: 'wgs84' }
}

export function gcj02(lat: number, lng: number): Gcj02Point {
  checked(lat, lng)
  return { lat, lng, coordSystem: 'gcj02' }
}

/** Outside China's bounding box GCJ-02 equals WGS-84 (gcoord returns the input unchanged there). */
export function toWgs84(point: GeoPoint): Wgs84Point {
  if (point.coordSystem === 'wgs84') return point
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.GCJ02, gcoord.WGS84) as [number, number]
  return { lat, lng, coordSystem: 'wgs84' }
}

/** For showing a stored position on a mini-program map (which expects GCJ-02). */
export function toGcj02(point: GeoPoint): Gcj02Point {
  if (point.coordSystem === 'gcj02') return point
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]
  return { lat, lng, coordSystem: 'gcj02' }
}

const EARTH_RADIUS_METRES = 6_371_008.8
const RAD = Math.PI / 180

/** Great-circle (haversine) distance in metres. */
export function distanceMetres(a: Wgs84Point, b: Wgs84Point): number {
  const dLat = (b.lat - a.lat) * RAD
  const dLng = (b.lng - a.lng) * RAD
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Metres per degree at a latitude (spherical approximation, good to 0.5 % — enough for cell sizing). */
export function metresPerDegree(lat: number): { lat: number; lng: number } {
  const perDegree = EARTH_RADIUS_METRES * RAD
  return { lat: perDegree, lng: perDegree * Math.cos(lat * RAD) }
}

/** The point `north` metres north and `east` metres east of `from` (local flat approximation, for short distances). */
export function offsetMetres(from: Wgs84Point, north: number, east: number): Wgs84Point {
  const m = metresPerDegree(from.lat)
  return wgs84(from.lat + north / m.lat, from.lng + east / m.lng)
}
