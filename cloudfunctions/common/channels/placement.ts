// Where a report staff registered or a platform sent is: its coordinates when it has them (marked on a map, the
// 12369 platform's 经纬度); else the county or zone its address names (`武陟县…`); else the unit the platform
// dispatched it to (its 承办单位) and that unit's area — placed at the locality's own point
// (shared/routing/locality-points.ts) and marked `locality`, so the point is never published as a position.
// Nothing known: refused with the reason (the report must say where, S4 四(一) 记录反映内容).
import { AppError } from '../../../shared/contracts/result'
import type { PlacedBy } from '../../../shared/cases/case-doc'
import type { CoordSystem } from '../../../shared/geo/coordinates'
import { localityPoints, type LocalityPoint } from '../../../shared/routing/locality-points'
import type { Location } from '../../../shared/vocabulary/fields'
import type { Runtime } from '../ports'
import { routerFor } from '../routing'

type Source = Pick<Runtime, 'deployment' | 'boundaries'>

const cache = new WeakMap<object, LocalityPoint[]>()

function pointsOf(source: Source): LocalityPoint[] {
  let points = cache.get(source.deployment)
  if (!points) {
    points = localityPoints(routerFor(source), source.deployment, source.boundaries)
    cache.set(source.deployment, points)
  }
  return points
}

export interface PlaceInput {
  address: string
  lat?: number
  lng?: number
  coordSystem?: CoordSystem
  /** The unit a platform dispatched the order to (its 承办单位), if known: a branch places it in its county. */
  unitId?: string | null
}

export interface Placed {
  location: Location
  placedBy: PlacedBy
}

const UNPLACEABLE =
  '无法确定问题发生地：没有经纬度，地址中也没有写明本辖区的区县（如「武陟县」），请补充后重新登记'

/** The report's location for routing and the case, and how it was known. */
export function placeReport(source: Source, input: PlaceInput): Placed {
  const address = input.address.trim()
  if (input.lat !== undefined && input.lng !== undefined) {
    const coordSystem = input.coordSystem ?? 'gcj02'
    return { location: { lat: input.lat, lng: input.lng, coordSystem, address }, placedBy: 'position' }
  }
  const points = pointsOf(source)
  // The longest name the address holds: 焦作高新技术产业开发区 before a county it lies in.
  const named = points
    .filter((p) => address.includes(p.name))
    .sort((a, b) => b.name.length - a.name.length)[0]
  const unit = input.unitId ? source.deployment.units.find((u) => u.id === input.unitId) : undefined
  const zone = unit && source.deployment.routing?.zones.find((z) => z.unitId === unit.id)
  const ofUnit = unit
    ? points.find((p) => p.code === zone?.code || unit.regionCodes.includes(p.code))
    : undefined
  const found = named ?? ofUnit
  if (!found) throw new AppError('VALIDATION_FAILED', UNPLACEABLE, { 'location.address': UNPLACEABLE })
  const { lat, lng } = found.point
  return { location: { lat, lng, coordSystem: 'wgs84', address }, placedBy: 'locality' }
}
