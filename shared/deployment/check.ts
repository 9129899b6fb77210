// How a bureau describes itself, checked: the schema of deployments/<id>/deployment.json and every problem
// of a deployment folder (units, posts, routing table, boundary file, profile), as Chinese sentences for the
// bureau's IT person. `npm run -s cli -- deployment check <dir>` prints them; the unit tests run it on every
// folder of deployments/. The routing table's own checks stay in routing/config.ts (`routingProblems`).
import * as z from '../vocabulary/zod'
import type { DeploymentConfig } from './config'
import { platformConfigSchema, platformProblems } from './platforms'
import { STAFF_ROLE_KEYS } from '../vocabulary/units'
import { categorySchema, pollutionSourceSchema } from '../vocabulary/categories'
import { divisionCovers, divisionLevel, isDivisionCode } from '../geo/division-codes'
import { isTopology, regionsFromTopology } from '../geo/topology'
import { isProfileId, PROFILE_IDS } from '../policy/types'
import { routingConfigSchema, routingProblems } from '../routing/config'
import { territorialUnitFor } from '../routing/router'
import { isLocalDate } from '../time'

/** Deployment ids name folders and function bundles: lower-case letters, digits and hyphens. */
export const DEPLOYMENT_ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/
/** Reference numbers read `JZ-20261121-0042`: two to four capital letters. */
export const REFERENCE_PREFIX_PATTERN = /^[A-Z]{2,4}$/

/** The baseline every profile falls back to; it is not a jurisdiction and has no deployment. */
const BASELINE_PROFILE = 'national'
export const DEPLOYABLE_PROFILE_IDS = PROFILE_IDS.filter((id) => id !== BASELINE_PROFILE)

const text = (what: string) =>
  z.string({ error: `${what}必须是文字` }).check(z.minLength(1, `${what}不能为空`))
const id = (what: string) =>
  z
    .string({ error: `${what}必须是文字` })
    .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, `${what}只能由字母、数字、下划线和连字符组成（最多 64 个）`))

const deploymentConfigSchema = z.object({
  id: z
    .string({ error: 'id 必须是文字' })
    .check(z.regex(DEPLOYMENT_ID_PATTERN, 'id 只能由小写字母、数字和连字符组成，以字母开头')),
  name: text('单位名称'),
  profileId: z.enum(PROFILE_IDS, { error: `profileId 必须是 ${DEPLOYABLE_PROFILE_IDS.join('、')} 之一` }),
  referencePrefix: z
    .string({ error: 'referencePrefix 必须是文字' })
    .check(z.regex(REFERENCE_PREFIX_PATTERN, 'referencePrefix 必须是 2 到 4 个大写字母（如 JZ）')),
  regionCode: z
    .string({ error: 'regionCode 必须是文字' })
    .check(z.refine(isDivisionCode, 'regionCode 必须是六位行政区划代码')),
  regionName: text('regionName'),
  units: z
    .array(
      z.object({
        id: id('单位编号'),
        name: text('单位名称'),
        kind: z.enum(['bureau', 'brigade', 'branch', 'zone-centre', 'department'], {
          error: '单位类型必须是 bureau、brigade、branch、zone-centre 或 department',
        }),
        parentId: z.optional(id('上级单位编号')),
        regionCodes: z.array(z.string({ error: '区划代码必须是文字' })),
      }),
      { error: 'units 必须是单位列表' },
    )
    .check(z.minLength(1, '至少要有一个单位')),
  staff: z.array(
    z.object({
      id: id('人员编号'),
      name: text('姓名'),
      title: text('职务'),
      roles: z
        .array(
          z.enum(STAFF_ROLE_KEYS as [string, ...string[]], {
            error: `角色必须是 ${STAFF_ROLE_KEYS.join('、')} 之一`,
          }),
        )
        .check(z.minLength(1, '至少要有一个角色')),
      unitIds: z.array(id('单位编号')).check(z.minLength(1, '至少要属于一个单位')),
    }),
    { error: 'staff 必须是人员列表（可以为空）' },
  ),
  personas: z.array(
    z.object({
      key: id('演示身份 key'),
      label: text('演示身份名称'),
      openid: id('演示身份 openid'),
      staffId: z.optional(id('人员编号')),
    }),
    { error: 'personas 必须是列表（可以为空）' },
  ),
  routing: z.optional(routingConfigSchema),
  localRestDays: z.optional(
    z.array(
      z.object({
        date: z.string().check(z.refine(isLocalDate, '日期必须是 YYYY-MM-DD')),
        name: text('休息日名称'),
        basis: text('休息日依据'),
      }),
    ),
  ),
  platforms: z.optional(z.array(platformConfigSchema, { error: 'platforms 必须是平台列表' })),
  publicInfo: z.optional(
    z.object({
      channels: z.array(z.object({ name: text('举报途径名称'), how: text('举报途径说明') })),
    }),
  ),
  sharing: z.optional(
    z.object({
      sections: z.array(
        z.object({
          unitId: id('业务科室单位编号'),
          when: z.object({
            categories: z.optional(z.array(categorySchema)),
            sources: z.optional(z.array(pollutionSourceSchema)),
          }),
          cite: text('共享依据'),
        }),
      ),
      judiciary: z.array(z.object({ id: id('司法机关编号'), name: text('司法机关名称') })),
    }),
  ),
  departments: z.optional(z.array(text('部门名称'), { error: 'departments 必须是部门名称列表' })),
})

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const v of values) (seen.has(v) ? repeated : seen).add(v)
  return [...repeated]
}

/**
 * Everything wrong with a deployment, as Chinese sentences (empty when it is sound). `boundaries` is the parsed
 * content of the file `routing.boundaries` names, `undefined` when it could not be read (the caller says why).
 */
export function deploymentProblems(raw: unknown, boundaries?: unknown): string[] {
  const parsed = deploymentConfigSchema.safeParse(raw)
  if (!parsed.success) {
    return parsed.error.issues.map(
      (i) => `${i.path.length ? i.path.join('.') : 'deployment.json'}：${i.message}`,
    )
  }
  const d = parsed.data as DeploymentConfig
  const problems: string[] = []
  if (d.profileId === BASELINE_PROFILE) {
    problems.push(
      `profileId：${BASELINE_PROFILE} 是各地规则的全国基线，不是一个辖区；请选择 ${DEPLOYABLE_PROFILE_IDS.join('、')} 之一`,
    )
  }
  if (!isProfileId(d.profileId)) problems.push(`profileId：未知的规则配置 ${d.profileId}`)

  const unitIds = new Set(d.units.map((u) => u.id))
  for (const dup of duplicates(d.units.map((u) => u.id))) problems.push(`units：单位编号 ${dup} 重复`)
  const parents = new Map(d.units.map((u) => [u.id, u.parentId]))
  d.units.forEach((unit, i) => {
    const where = `units[${i}] (${unit.id})`
    if (unit.parentId !== undefined && !unitIds.has(unit.parentId))
      problems.push(`${where}：上级单位 ${unit.parentId} 不存在`)
    // A cycle in the tree would make unit scope (a unit sees its descendants' cases) endless. Each unit on
    // the cycle is named; a unit that merely hangs below it is not.
    const path = new Set<string>([unit.id])
    for (let up = unit.parentId; up !== undefined; up = parents.get(up)) {
      if (up === unit.id) problems.push(`${where}：上级单位形成循环（${[...path, up].join(' → ')}）`)
      if (path.has(up)) break
      path.add(up)
    }
    for (const code of unit.regionCodes) {
      if (!isDivisionCode(code)) problems.push(`${where}：区划代码 ${code} 不是六位行政区划代码`)
      else if (!divisionCovers(d.regionCode, code))
        problems.push(`${where}：区划代码 ${code} 不在本辖区 ${d.regionCode} 内`)
    }
  })
  if (!d.units.some((u) => !u.parentId && u.regionCodes.includes(d.regionCode))) {
    problems.push(
      `units：没有负责全辖区 ${d.regionCode} 的顶级单位（无 parentId，regionCodes 含 ${d.regionCode}）`,
    )
  }

  for (const dup of duplicates(d.staff.map((s) => s.id))) problems.push(`staff：人员编号 ${dup} 重复`)
  d.staff.forEach((s, i) => {
    for (const unitId of s.unitIds)
      if (!unitIds.has(unitId)) problems.push(`staff[${i}] (${s.id})：单位 ${unitId} 不存在`)
  })
  const staffIds = new Set(d.staff.map((s) => s.id))
  for (const dup of duplicates(d.personas.map((p) => p.key))) problems.push(`personas：演示身份 ${dup} 重复`)
  for (const dup of duplicates(d.personas.map((p) => p.openid)))
    problems.push(`personas：演示身份 openid ${dup} 重复`)
  d.personas.forEach((p, i) => {
    if (p.staffId !== undefined && !staffIds.has(p.staffId))
      problems.push(`personas[${i}] (${p.key})：人员 ${p.staffId} 不存在`)
  })
  for (const dup of duplicates((d.localRestDays ?? []).map((r) => r.date)))
    problems.push(`localRestDays：日期 ${dup} 重复`)

  d.sharing?.sections.forEach((section, i) => {
    if (!unitIds.has(section.unitId))
      problems.push(`sharing.sections[${i}]：业务科室单位 ${section.unitId} 不存在`)
    if (!section.when.categories?.length && !section.when.sources?.length)
      problems.push(`sharing.sections[${i}] (${section.unitId})：请写明抄送哪些类别或来源的反映`)
  })
  for (const dup of duplicates((d.sharing?.judiciary ?? []).map((j) => j.id)))
    problems.push(`sharing.judiciary：司法机关编号 ${dup} 重复`)

  problems.push(...routingProblems(d))
  problems.push(...platformProblems(d))
  if (d.routing && boundaries !== undefined) problems.push(...boundaryProblems(d, boundaries))
  return problems
}

/** The boundary file against the units: every county of the territory has a unit, every unit code a county. */
function boundaryProblems(d: DeploymentConfig, boundaries: unknown): string[] {
  const file = d.routing?.boundaries ?? 'boundaries'
  if (!isTopology(boundaries))
    return [`${file}：不是 TopoJSON 边界文件（type 须为 Topology，含 objects 与 arcs）`]
  let regions: ReturnType<typeof regionsFromTopology>
  try {
    regions = regionsFromTopology(boundaries)
  } catch (error) {
    return [`${file}：无法读取边界（${error instanceof Error ? error.message : String(error)}）`]
  }
  const problems: string[] = []
  const territory = regions.filter((r) => divisionCovers(d.regionCode, r.code))
  if (territory.length === 0) {
    return [`${file}：没有本辖区 ${d.regionCode} 内的区域（需要带 NAME 与六位 QUHUADAIMA 的县级区域）`]
  }
  for (const region of territory) {
    if (!territorialUnitFor(region.code, d.units))
      problems.push(
        `${file}：${region.code} ${region.name} 没有负责的单位（请在某个单位的 regionCodes 中加入它）`,
      )
  }
  const known = new Set(regions.map((r) => r.code))
  d.units.forEach((unit, i) => {
    for (const code of unit.regionCodes) {
      // A county code must be drawn; a prefecture or province code (the whole territory) need not be.
      if (divisionLevel(code) === 'county' && !known.has(code))
        problems.push(`units[${i}] (${unit.id})：区划代码 ${code} 在边界文件中没有区域`)
    }
  })
  return problems
}
