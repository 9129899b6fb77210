// Jurisdiction and handling unit of a report, from its position and classification. Pure and fast: the
// report form shows the result before the citizen submits, and the intake function records the same answer.
//
//   const router = createRouter(deployment, boundaryTopology)   // once per cold start
//   router.route({ location: { lat, lng, coordSystem: 'gcj02' }, category: 'air', requestType: 'report' })
//
// Position → place: GCJ-02 is converted to WGS-84 first (the boundaries are CGCS2000 ≈ WGS-84). Inside the
// territory, a special zone drawn over a county wins over the county (S0 第三条 高新区生态环境服务中心). Outside it,
// the neighbouring region found in the boundary data is named in the guidance (S0 第五条 退回, S3 第十条 转交).
import type { CategoryKey, PollutionSourceKey } from '../vocabulary/categories'
import type { RequestTypeKey } from '../vocabulary/request-types'
import type { UnitConfig } from '../vocabulary/units'
import { toWgs84, type GeoPoint, type Wgs84Point } from '../geo/coordinates'
import {
  divisionCovers,
  divisionLevel,
  divisionSpecificity,
  isDivisionCode,
  qualifiedRegionName,
} from '../geo/division-codes'
import { RegionIndex } from '../geo/region-index'
import { regionsFromTopology, type RegionRef, type RegionShape } from '../geo/topology'
import { requireRouting, type RouteCondition, type Routed, type RoutingTerritory } from './config'
import { shortPlaceName, type EntityNameOptions } from './entity-names'

export type { RegionRef } from '../geo/topology'

export interface UnitRef {
  id: string
  name: string
}

export interface RouteRequest {
  /** As the client sends it: GCJ-02 from the mini-program's location APIs, WGS-84 from browsers. */
  location: GeoPoint
  category: CategoryKey
  /** Optional: rules that name request types do not match a request without one. */
  requestType?: RequestTypeKey
  /** Optional: rules that name sources do not match a request without one (the territorial unit triages). */
  source?: PollutionSourceKey
}

/** Where a point lies. */
export interface Placement {
  /** The position in WGS-84: store this, not the GCJ-02 input. */
  position: Wgs84Point
  inTerritory: boolean
  /** The zone or county that decides the territorial unit; outside, the neighbouring region found, if any. */
  region: RegionRef | null
  /** The county-level division (also when a zone decides). */
  county: RegionRef | null
  zone: RegionRef | null
  /** `重庆市渝中区`: the region's name with its province (and prefecture when known), for guidance. */
  qualifiedName: string | null
}

interface DecisionBase {
  placement: Placement
  /** The rule that decided, or null for the territorial default / out-of-jurisdiction handling. */
  ruleId: string | null
  /** Article (or documented decision) the outcome rests on. */
  cite: string
}

/** A unit of this deployment handles the report. */
interface AssignedDecision extends DecisionBase {
  outcome: 'assigned'
  inJurisdiction: true
  region: RegionRef
  unit: UnitRef
}

/** Inside the territory but not handled here: the reporter is told who handles it. */
interface ReferredDecision extends DecisionBase {
  outcome: 'referred'
  inJurisdiction: true
  region: RegionRef
  department: string
  guidance: string
  /** Records the reply / hands the matter on within the limit (S4 四(四): 3日内转办相关部门并告知). */
  respondingUnit: UnitRef
}

/** Outside the territory: returned or transferred, with guidance naming the right region. */
interface OutOfJurisdictionDecision extends DecisionBase {
  outcome: 'out-of-jurisdiction'
  inJurisdiction: false
  /** The region the point lies in, when the boundary data knows it. */
  region: RegionRef | null
  guidance: string
  handling: 'return' | 'transfer'
  respondingUnit: UnitRef
}

export type RoutingDecision = AssignedDecision | ReferredDecision | OutOfJurisdictionDecision

/** The unit that answers the report: the handling unit, or the one that replies with guidance. */
export function answeringUnit(decision: RoutingDecision): UnitRef {
  return decision.outcome === 'assigned' ? decision.unit : decision.respondingUnit
}

/** Where the report is not handled here, what the reporter is told to do; null when it is handled here. */
export function guidanceOf(decision: RoutingDecision): string | null {
  return decision.outcome === 'assigned' ? null : decision.guidance
}

const unitRef = (u: UnitConfig): UnitRef => ({ id: u.id, name: u.name })
const regionRef = (r: RegionShape): RegionRef => ({ code: r.code, name: r.name })

function bySpecificityDesc(a: RegionShape, b: RegionShape): number {
  return divisionSpecificity(b.code) - divisionSpecificity(a.code)
}

/** Of the units whose regionCodes cover `code`, the most specific; ties go to the unit listed first. */
export function territorialUnitFor(code: string, units: readonly UnitConfig[]): UnitConfig | null {
  let best: UnitConfig | null = null
  let bestSpecificity = -1
  for (const unit of units) {
    for (const covered of unit.regionCodes) {
      if (!divisionCovers(covered, code)) continue
      const specificity = divisionSpecificity(covered)
      if (specificity > bestSpecificity) {
        best = unit
        bestSpecificity = specificity
      }
    }
  }
  return best
}

export class Router {
  readonly deployment: Routed
  /**
   * Place names of this deployment's boundary data, for entity-name matching (焦作市恒通化工 = 恒通化工). Pass it
   * to `entityKey`, `rankDuplicates` and `countRepeats`; reuse the object (its prefix list is cached on it).
   */
  readonly entityNames: EntityNameOptions
  private readonly territory: RegionIndex
  private readonly zones: RegionIndex
  private readonly surroundings: RegionIndex
  private readonly unitsById: Map<string, UnitConfig>
  private readonly territorialUnits = new Map<string, UnitConfig>()
  private readonly knownNames: Map<string, string>
  private readonly intakeUnit: UnitConfig
  private readonly authorityName: string
  /** The counties and special zones of the territory, by name (what an address may name). */
  readonly localities: readonly RegionRef[]
  /**
   * The regions around the territory that the boundary data holds, by their qualified names (河南省新乡市): where a
   * matter found to be another region's is transferred to (S3 第十条).
   */
  readonly neighbours: readonly RegionRef[]

  constructor(deployment: RoutingTerritory, boundaries: unknown) {
    this.deployment = requireRouting(deployment)
    const { routing } = this.deployment
    this.unitsById = new Map(deployment.units.map((u) => [u.id, u]))
    const regions = regionsFromTopology(boundaries)
    this.knownNames = new Map(regions.map((r) => [r.code, r.name]))
    this.knownNames.set(deployment.regionCode, deployment.regionName)
    const ownShortName = shortPlaceName(deployment.regionName)
    this.entityNames = {
      placeNames: [...new Set([deployment.regionName, ...regions.map((r) => r.name)])],
      prefixShortForms: ownShortName ? [ownShortName] : [],
    }
    const inTerritory = (r: RegionShape) => divisionCovers(deployment.regionCode, r.code)
    const territory = regions.filter(inTerritory).sort(bySpecificityDesc)
    if (territory.length === 0) throw new Error(`boundaries hold no region of ${deployment.regionCode}`)
    this.territory = new RegionIndex(territory)
    this.surroundings = new RegionIndex(regions.filter((r) => !inTerritory(r)).sort(bySpecificityDesc))
    this.zones = new RegionIndex(
      routing.zones.map((z) => ({
        code: z.code,
        name: z.name,
        geometry: { type: 'Polygon', coordinates: [z.polygon] },
      })),
    )
    for (const region of territory) {
      const unit = territorialUnitFor(region.code, deployment.units)
      if (!unit) throw new Error(`no unit covers ${region.code} ${region.name}`)
      this.territorialUnits.set(region.code, unit)
    }
    for (const zone of routing.zones) this.territorialUnits.set(zone.code, this.unit(zone.unitId))
    this.localities = [
      ...territory.filter((r) => divisionLevel(r.code) === 'county').map(regionRef),
      ...routing.zones.map((z) => ({ code: z.code, name: z.name })),
    ]
    this.neighbours = regions
      .filter((r) => !inTerritory(r))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((r) => ({ code: r.code, name: this.qualify(r, null) }))
    this.intakeUnit = this.unit(routing.intakeUnitId)
    const top = deployment.units.find((u) => !u.parentId && u.regionCodes.includes(deployment.regionCode))
    this.authorityName = top?.name ?? `${deployment.regionName}生态环境部门`
  }

  private unit(id: string): UnitConfig {
    const unit = this.unitsById.get(id)
    if (!unit) throw new Error(`unknown unit ${id}`)
    return unit
  }

  /** Where the point lies: zone, county, or the neighbouring region outside the territory. */
  locate(point: GeoPoint): Placement {
    const position = toWgs84(point)
    const county = this.territory.find(position)
    if (county) {
      const zone = this.zones.find(position)
      const region = zone ?? county
      return {
        position,
        inTerritory: true,
        region: regionRef(region),
        county: regionRef(county),
        zone: zone ? regionRef(zone) : null,
        qualifiedName: this.qualify(county, zone),
      }
    }
    const outside = this.surroundings.find(position)
    return {
      position,
      inTerritory: false,
      region: outside ? regionRef(outside) : null,
      county: outside && divisionLevel(outside.code) === 'county' ? regionRef(outside) : null,
      zone: null,
      qualifiedName: outside ? this.qualify(outside, null) : null,
    }
  }

  private qualify(county: RegionShape, zone: RegionShape | null): string {
    return qualifiedRegionName(county.code, zone ? zone.name : county.name, this.knownNames)
  }

  /** The unit responsible for a zone or county of the territory (属地管理). */
  territorialUnit(regionCode: string): UnitRef | null {
    const unit = this.territorialUnits.get(regionCode)
    return unit ? unitRef(unit) : null
  }

  route(request: RouteRequest): RoutingDecision {
    const placement = this.locate(request.location)
    const { routing } = this.deployment
    if (!placement.inTerritory || !placement.region) {
      return {
        outcome: 'out-of-jurisdiction',
        inJurisdiction: false,
        placement,
        region: placement.region,
        guidance: this.outOfJurisdictionGuidance(placement.qualifiedName),
        handling: routing.outOfJurisdiction.handling,
        respondingUnit: unitRef(this.intakeUnit),
        ruleId: null,
        cite: routing.outOfJurisdiction.cite,
      }
    }
    const region = placement.region
    const territorial = this.territorialUnits.get(region.code) ?? this.intakeUnit
    const rule = routing.rules.find((r) => ruleMatches(r.when, request, region))
    const target = rule?.then ?? { kind: 'territorial' as const }
    const base = { placement, region, ruleId: rule?.id ?? null, cite: rule?.cite ?? routing.territorialCite }
    switch (target.kind) {
      case 'refer':
        return {
          ...base,
          outcome: 'referred',
          inJurisdiction: true,
          department: target.department,
          guidance: target.guidance,
          respondingUnit: unitRef(territorial),
        }
      case 'unit':
        return {
          ...base,
          outcome: 'assigned',
          inJurisdiction: true,
          unit: unitRef(this.unit(target.unitId)),
        }
      case 'territorial':
        return {
          ...base,
          outcome: 'assigned',
          inJurisdiction: true,
          unit: unitRef(territorial),
        }
    }
  }

  private outOfJurisdictionGuidance(regionName: string | null): string {
    const where = regionName ? `该位置属于${regionName}，` : '该位置'
    const authority = regionName ? `${regionName}生态环境部门` : '事发地生态环境部门'
    const ending =
      this.deployment.routing.outOfJurisdiction.handling === 'transfer'
        ? `如继续提交，将转交${authority}办理；也可直接向其反映，或拨打12369生态环境举报热线。`
        : `本平台无法受理，请向${authority}反映，或拨打12369生态环境举报热线。`
    return `${where}不在${this.authorityName}管辖范围内。${ending}`
  }
}

/** Whether a rule's condition holds. A condition on a field the request does not state never holds. */
function ruleMatches(
  when: RouteCondition,
  request: Omit<RouteRequest, 'location'>,
  region: RegionRef,
): boolean {
  if (when.categories && !when.categories.includes(request.category)) return false
  if (when.requestTypes && (!request.requestType || !when.requestTypes.includes(request.requestType)))
    return false
  if (when.sources && (!request.source || !when.sources.includes(request.source))) return false
  if (when.sourcesOtherThan && (!request.source || when.sourcesOtherThan.includes(request.source)))
    return false
  if (when.regions) {
    // Division codes cover counties; a zone is matched by its own code only (it is handled like a county).
    const covers = (code: string) =>
      isDivisionCode(region.code) ? divisionCovers(code, region.code) : code === region.code
    if (!when.regions.some(covers)) return false
  }
  return true
}

/** Build once per deployment (cold start) and reuse: building decodes the boundaries. */
export function createRouter(deployment: RoutingTerritory, boundaries: unknown): Router {
  return new Router(deployment, boundaries)
}
