import type { DeploymentConfig } from '@shared/deployment/config'
import { requireRouting, routingProblems } from '@shared/routing/config'
import { createRouter } from '@shared/routing/router'
import { DEMO_DEPLOYMENTS, loadBoundaries, loadDeployment } from './demo-deployments'

const DIRS = Object.values(DEMO_DEPLOYMENTS)

describe('the demo deployments', () => {
  test.each(DIRS)('%s: the routing table is sound', (dir) => {
    expect(routingProblems(loadDeployment(dir))).toEqual([])
  })

  test.each(DIRS)('%s: units, staff and personas are consistent', (dir) => {
    const d = loadDeployment(dir)
    const unitIds = new Set(d.units.map((u) => u.id))
    expect(unitIds.size).toBe(d.units.length)
    for (const u of d.units) if (u.parentId) expect(unitIds.has(u.parentId)).toBe(true)
    for (const s of d.staff) for (const id of s.unitIds) expect(unitIds.has(id)).toBe(true)
    const staffIds = new Set(d.staff.map((s) => s.id))
    for (const p of d.personas) if (p.staffId) expect(staffIds.has(p.staffId)).toBe(true)
    // The same persona keys everywhere, so the local persona picker works for any deployment.
    expect(d.personas.map((p) => p.key)).toEqual(loadDeployment('jiaozuo').personas.map((p) => p.key))
  })

  test.each(Object.entries(DEMO_DEPLOYMENTS))('profile %s is served by deployments/%s', (profile, dir) => {
    expect(loadDeployment(dir).profileId).toBe(profile)
  })
})

function jiaozuo(
  edit: (d: DeploymentConfig & { routing: NonNullable<DeploymentConfig['routing']> }) => void,
) {
  const d = requireRouting(loadDeployment('jiaozuo'))
  edit(d)
  return d
}

describe('routingProblems finds what would misroute', () => {
  test.each([
    [
      'a rule naming an unknown unit',
      jiaozuo((d) => (d.routing.rules[0]!.then = { kind: 'unit', unitId: 'nobody' })),
      /未知单位 nobody/,
    ],
    ['an unknown intake unit', jiaozuo((d) => (d.routing.intakeUnitId = 'nobody')), /intakeUnitId：未知单位/],
    [
      'a zone with a division code',
      jiaozuo((d) => (d.routing.zones[0]!.code = '410899')),
      /与行政区划代码形式相同/,
    ],
    ['an open zone ring', jiaozuo((d) => d.routing.zones[0]!.polygon.pop()), /未闭合/],
    [
      'both source conditions',
      jiaozuo((d) => (d.routing.rules[1]!.when = { sources: ['traffic'], sourcesOtherThan: ['industrial'] })),
      /sources 与 sourcesOtherThan 只能用其一/,
    ],
    [
      'a rule for a region outside the territory',
      jiaozuo((d) => (d.routing.rules[0]!.when = { regions: ['410100'] })),
      /不在本辖区内/,
    ],
    [
      'an unknown category',
      jiaozuo((d) => (d.routing.rules[0]!.when = { categories: ['smell' as never] })),
      /routing\.rules\.0\.when\.categories/,
    ],
    [
      'a duplicate rule id',
      jiaozuo((d) => (d.routing.rules[1]!.id = d.routing.rules[0]!.id)),
      /规则编号 \S+ 重复/,
    ],
    ['no routing section', { ...loadDeployment('jiaozuo'), routing: undefined }, /缺少 routing/],
  ])('%s', (_why, deployment, problem) => {
    const problems = routingProblems(deployment)
    expect(problems.join('\n')).toMatch(problem)
    expect(() => requireRouting(deployment)).toThrow(problem)
  })

  test('a county no unit covers stops the router from being built', () => {
    const d = loadDeployment('haidong')
    d.units = d.units.filter((u) => u.id !== 'hd-bureau' && u.id !== 'hd-brigade' && u.id !== 'hd-xunhua')
    d.staff = []
    d.routing = { ...d.routing!, intakeUnitId: 'hd-pingan', supervisingUnitId: 'hd-pingan' }
    expect(() => createRouter(d, loadBoundaries('haidong'))).toThrow(/no unit covers 630225/)
  })
})
