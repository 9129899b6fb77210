// The routing table of a deployment, as data (deployments/<id>/deployment.json → `routing`).
//
// (region, category, request type, source) → handling unit. The default is territorial (属地管理, S3 第五条(一),
// S1 第四条(一)): the unit whose `regionCodes` cover the county the point lies in, or the unit of a special zone
// drawn over it (S0 第三条: 各县（市、区）分局（含高新区生态环境服务中心）负责本辖区). Rules, checked in order, say
// where that default does not hold: a city-level matter handled by a bureau office (S0 第三条 属于市级管辖事项
// 的，由市局各科室按业务分工直接办理), a request type handled by a business office (S2 第十六条), or a matter that is
// not the environment department's, or not this channel's (S1 第六条), with guidance naming who handles it
// (S3 第九条(六), S2 第十四条, S4 四(四)).
import {
  categorySchema,
  pollutionSourceSchema,
  type CategoryKey,
  type PollutionSourceKey,
} from '../vocabulary/categories'
import { requestTypeSchema, type RequestTypeKey } from '../vocabulary/request-types'
import type { UnitConfig } from '../vocabulary/units'
import * as z from '../vocabulary/zod'
import { divisionCovers, isDivisionCode } from '../geo/division-codes'

interface ZoneConfig {
  /** A key of the zone's own (功能区 have no division code in the boundary data): never a six-digit code. */
  code: string
  name: string
  unitId: string
  /** Outer ring in WGS-84, `[lng, lat]` pairs, closed (last = first). */
  polygon: [number, number][]
  note?: string
}

export interface RouteCondition {
  categories?: CategoryKey[]
  requestTypes?: RequestTypeKey[]
  /** Matches when the report names one of these sources; a report without a source never matches. */
  sources?: PollutionSourceKey[]
  /** Matches when the report names a source and it is none of these. */
  sourcesOtherThan?: PollutionSourceKey[]
  /** Division codes (covering their sub-divisions) or zone codes. */
  regions?: string[]
}

type RouteTarget =
  /** The unit responsible for the place (zone centre, county branch, district bureau). */
  | { kind: 'territorial' }
  /** A named unit, e.g. a bureau office for a city-level matter. */
  | { kind: 'unit'; unitId: string }
  /** Not handled here: the reporter is told who handles it. */
  | { kind: 'refer'; department: string; guidance: string }

export interface RoutingRule {
  id: string
  when: RouteCondition
  then: RouteTarget
  /** The article the rule implements, or `决定：…` / `decision: …` where the seeds leave it open. */
  cite: string
}

interface OutOfJurisdictionConfig {
  /** `return`: back to the dispatching platform (S0 第五条 退回); `transfer`: on to the right region (S3 第十条). */
  handling: 'return' | 'transfer'
  cite: string
}

export interface RoutingConfig {
  /** TopoJSON file next to deployment.json: county boundaries of the territory and of its neighbours. */
  boundaries: string
  /** Receives reports first and returns or transfers what is not this territory's (S0 第五条: 市执法支队统一受理). */
  intakeUnitId: string
  /** Upper-level supervision: early warnings (S3 第十六条), supervision of repeat reports (S0 第十一条 市级加强督办). */
  supervisingUnitId: string
  /** The article behind the territorial default (属地管理), cited when no rule decides. */
  territorialCite: string
  /** Special zones, drawn over the counties; the first containing zone wins over the county. */
  zones: ZoneConfig[]
  /** Checked in order; the first match decides. No match → territorial. */
  rules: RoutingRule[]
  outOfJurisdiction: OutOfJurisdictionConfig
}

const text = z.string().check(z.minLength(1))
const nonEmpty = <T extends z.ZodMiniType>(item: T) => z.array(item).check(z.minLength(1))
const lngLat = z.tuple([z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-90), z.lte(90))])

export const routingConfigSchema = z.object({
  boundaries: z.string().check(z.regex(/^[\w.-]+\.topo\.json$/)),
  intakeUnitId: text,
  supervisingUnitId: text,
  territorialCite: text,
  zones: z.array(
    z.object({
      code: text,
      name: text,
      unitId: text,
      polygon: z.array(lngLat).check(z.minLength(4)),
      note: z.optional(z.string()),
    }),
  ),
  rules: z.array(
    z.object({
      id: text,
      when: z.strictObject({
        categories: z.optional(nonEmpty(categorySchema)),
        requestTypes: z.optional(nonEmpty(requestTypeSchema)),
        sources: z.optional(nonEmpty(pollutionSourceSchema)),
        sourcesOtherThan: z.optional(nonEmpty(pollutionSourceSchema)),
        regions: z.optional(nonEmpty(text)),
      }),
      then: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('territorial') }),
        z.object({ kind: z.literal('unit'), unitId: text }),
        z.object({ kind: z.literal('refer'), department: text, guidance: text }),
      ]),
      cite: text,
    }),
  ),
  outOfJurisdiction: z.object({ handling: z.enum(['return', 'transfer']), cite: text }),
}) satisfies z.ZodMiniType<RoutingConfig>

/** What routing needs of a jurisdiction (a deployment, shared/deployment/config.ts, is one). */
export interface RoutingTerritory {
  id: string
  /** Administrative division code of the whole territory. */
  regionCode: string
  regionName: string
  units: UnitConfig[]
  /**
   * Where reports go: boundary file, special zones, routing rules, out-of-jurisdiction handling. Optional so a
   * jurisdiction without it still loads; routing requires it (`requireRouting`).
   */
  routing?: RoutingConfig
}

/** A territory that has a routing table. */
export type Routed<T extends RoutingTerritory = RoutingTerritory> = T & { routing: RoutingConfig }

/**
 * Everything wrong with a deployment's routing table, as Chinese sentences for the bureau's IT person (empty
 * when it is sound): schema errors, unknown units, rules that can never match, zones that are not closed rings
 * or reuse a division code. Each names where it is (`routing.rules[2] (id)`).
 */
export function routingProblems(deployment: RoutingTerritory): string[] {
  if (!deployment.routing) return ['缺少 routing（分派规则）部分']
  const parsed = routingConfigSchema.safeParse(deployment.routing)
  if (!parsed.success) return parsed.error.issues.map((i) => `routing.${i.path.join('.')}：${i.message}`)
  const routing = parsed.data
  const problems: string[] = []
  const units = new Map<string, UnitConfig>(deployment.units.map((u) => [u.id, u]))
  const needUnit = (id: string, where: string) => {
    if (!units.has(id)) problems.push(`${where}：未知单位 ${id}`)
  }
  needUnit(routing.intakeUnitId, 'routing.intakeUnitId')
  needUnit(routing.supervisingUnitId, 'routing.supervisingUnitId')
  const zoneCodes = new Set<string>()
  routing.zones.forEach((zone, i) => {
    needUnit(zone.unitId, `routing.zones[${i}]`)
    if (isDivisionCode(zone.code))
      problems.push(
        `routing.zones[${i}]：功能区代码 ${zone.code} 与行政区划代码形式相同，请换用非六位数字的代码`,
      )
    if (zoneCodes.has(zone.code)) problems.push(`routing.zones[${i}]：功能区代码 ${zone.code} 重复`)
    zoneCodes.add(zone.code)
    const first = zone.polygon[0]
    const last = zone.polygon[zone.polygon.length - 1]
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
      problems.push(`routing.zones[${i}]：范围多边形未闭合（最后一个点须与第一个点相同）`)
    }
  })
  const ruleIds = new Set<string>()
  routing.rules.forEach((rule, i) => {
    if (ruleIds.has(rule.id)) problems.push(`routing.rules[${i}]：规则编号 ${rule.id} 重复`)
    ruleIds.add(rule.id)
    if (rule.then.kind === 'unit') needUnit(rule.then.unitId, `routing.rules[${i}] (${rule.id})`)
    if (rule.when.sources && rule.when.sourcesOtherThan) {
      problems.push(`routing.rules[${i}] (${rule.id})：sources 与 sourcesOtherThan 只能用其一`)
    }
    for (const region of rule.when.regions ?? []) {
      const known = zoneCodes.has(region) || divisionCovers(deployment.regionCode, region)
      if (!known) problems.push(`routing.rules[${i}] (${rule.id})：区域 ${region} 不在本辖区内`)
    }
  })
  return problems
}

/** The deployment's routing table, checked; throws with every problem listed. */
export function requireRouting<T extends RoutingTerritory>(deployment: T): Routed<T> {
  const problems = routingProblems(deployment)
  if (problems.length > 0) throw new Error(`deployment ${deployment.id}: ${problems.join('; ')}`)
  return deployment as Routed<T>
}
