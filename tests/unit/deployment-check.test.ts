// A new jurisdiction without code: `deployment check` finds every problem of a deployment folder, in Chinese;
// `deployment new` scaffolds one from a boundary file that passes the check.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Topology } from 'topojson-specification'
import type { DeploymentConfig } from '@shared/deployment/config'
import { deploymentProblems } from '@shared/deployment/check'
import { cutDeploymentBoundaries } from '@shared/geo/topology'
import { createRouter } from '@shared/routing/router'
import { checkDeploymentDir, run, scaffoldDeployment, type NewOutput } from '../../scripts/cli/deployment'

const ROOT = path.resolve(__dirname, '../..')
const DEPLOYMENTS = path.join(ROOT, 'deployments')
const FOLDERS = ['jiaozuo', 'tianjin', 'jiulongpo', 'haidong']
const load = (id: string) =>
  JSON.parse(readFileSync(path.join(DEPLOYMENTS, id, 'deployment.json'), 'utf8')) as DeploymentConfig
const boundaries = (id: string) =>
  JSON.parse(readFileSync(path.join(DEPLOYMENTS, id, 'boundaries.topo.json'), 'utf8')) as Topology

let scratch: string
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'gw-deployment-'))
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('deployment check', () => {
  test.each(FOLDERS)('deployments/%s passes', (id) => {
    expect(checkDeploymentDir(path.join(DEPLOYMENTS, id))).toEqual({
      ok: true,
      dir: path.join(DEPLOYMENTS, id),
      id,
      problems: [],
    })
  })

  const edit = (change: (d: DeploymentConfig) => void) => {
    const d = load('jiaozuo')
    change(d)
    return d
  }
  test.each<[string, DeploymentConfig, string[]]>([
    [
      'a unit under an unknown parent, a unit code outside the territory',
      edit((d) => {
        d.units[2]!.parentId = 'jz-nowhere'
        d.units[3]!.regionCodes = ['410100']
      }),
      [
        'units[2] (jz-jiefang)：上级单位 jz-nowhere 不存在',
        'units[3] (jz-zhongzhan)：区划代码 410100 不在本辖区 410800 内',
      ],
    ],
    [
      'a cycle in the unit tree',
      edit((d) => (d.units[0]!.parentId = 'jz-brigade')),
      [
        'units[0] (jz-bureau)：上级单位形成循环（jz-bureau → jz-brigade → jz-bureau）',
        'units[1] (jz-brigade)：上级单位形成循环（jz-brigade → jz-bureau → jz-brigade）',
        'units：没有负责全辖区 410800 的顶级单位（无 parentId，regionCodes 含 410800）',
      ],
    ],
    [
      'a post in an unknown unit, a persona of an unknown post, a duplicate unit id',
      edit((d) => {
        d.staff[0]!.unitIds = ['jz-gone']
        d.personas[2]!.staffId = 'st-gone'
        d.units[4]!.id = 'jz-jiefang'
      }),
      [
        'units：单位编号 jz-jiefang 重复',
        'staff[0] (st-officer)：单位 jz-gone 不存在',
        'personas[2] (officer)：人员 st-gone 不存在',
        // The platforms name the renamed unit by its old id: the check finds that too.
        'platforms[0] (12345)：units 中「马村区生态环境分局」对应的单位 jz-macun 不存在',
        'platforms[1] (12369)：units 中「马村区生态环境分局」对应的单位 jz-macun 不存在',
      ],
    ],
    [
      'a platform: a required column missing, a header for two fields, a unit it does not have, a channel twice',
      edit((d) => {
        const [hotline, national] = d.platforms!
        delete hotline!.columns.externalNo
        hotline!.columns.reportedEntity = ['诉求内容']
        hotline!.units['外县分局'] = 'jz-elsewhere'
        national!.channel = 'hotline-12345'
      }),
      [
        'platforms[0] (12345)：columns 缺少必需的 externalNo（工单编号）',
        'platforms[0] (12345)：列名「诉求内容」用于多个字段',
        'platforms[0] (12345)：units 中「外县分局」对应的单位 jz-elsewhere 不存在',
        'platforms[1] (12369)：来源渠道 hotline-12345 已被平台 12345 使用',
      ],
    ],
    [
      'a platform field in the schema',
      edit((d) => {
        d.platforms![0]!.feedbackUrl = 'http://12345.example/feedback'
        d.platforms![0]!.values.category['噪声污染'] = 'loud' as never
      }),
      [
        'platforms.0.values.category.噪声污染：问题类别不正确',
        'platforms.0.feedbackUrl：feedbackUrl 必须是 https:// 地址或 null',
      ],
    ],
    [
      'the national baseline as profile',
      edit((d) => (d.profileId = 'national')),
      [
        'profileId：national 是各地规则的全国基线，不是一个辖区；请选择 jiaozuo-12345、tianjin-12369、chongqing-jiulongpo、haidong 之一',
      ],
    ],
    [
      'routing problems (routingProblems, in Chinese)',
      edit((d) => {
        d.routing!.intakeUnitId = 'nobody'
        d.routing!.zones[0]!.polygon.pop()
      }),
      [
        'routing.intakeUnitId：未知单位 nobody',
        'routing.zones[0]：范围多边形未闭合（最后一个点须与第一个点相同）',
      ],
    ],
  ])('%s', (_why, deployment, problems) => {
    expect(deploymentProblems(deployment, boundaries('jiaozuo'))).toEqual(problems)
  })

  test('schema errors name the field, in Chinese', () => {
    const d = load('jiaozuo') as unknown as Record<string, unknown>
    d.referencePrefix = 'jz'
    ;(d.units as Array<Record<string, unknown>>)[1]!.kind = 'office'
    ;(d.staff as Array<Record<string, unknown>>)[0]!.roles = ['boss']
    expect(deploymentProblems(d, boundaries('jiaozuo'))).toEqual([
      'referencePrefix：referencePrefix 必须是 2 到 4 个大写字母（如 JZ）',
      'units.1.kind：单位类型必须是 bureau、brigade、branch、zone-centre 或 department',
      'staff.0.roles.0：角色必须是 intake、dispatcher、officer、office-head、leader、supervisor、reward-admin、admin 之一',
    ])
  })

  test('the boundary file against the units: a county without a unit, a unit code the file does not draw', () => {
    const d = load('haidong')
    // Without the bureau and the brigade (which cover all of 630200), 循化 has no unit left.
    d.units = d.units.filter((u) => !['hd-bureau', 'hd-brigade', 'hd-xunhua'].includes(u.id))
    d.units[0]!.regionCodes.push('630299')
    d.staff = []
    d.personas = []
    d.routing = { ...d.routing!, intakeUnitId: 'hd-pingan', supervisingUnitId: 'hd-pingan' }
    const problems = deploymentProblems(d, boundaries('haidong'))
    expect(problems).toContain(
      'boundaries.topo.json：630225 循化撒拉族自治县 没有负责的单位（请在某个单位的 regionCodes 中加入它）',
    )
    expect(problems).toContain(`units[0] (${d.units[0]!.id})：区划代码 630299 在边界文件中没有区域`)
    expect(deploymentProblems(d, { type: 'FeatureCollection' })).toContain(
      'boundaries.topo.json：不是 TopoJSON 边界文件（type 须为 Topology，含 objects 与 arcs）',
    )
  })

  test('a folder: missing files, broken JSON, a folder name that differs from the id', () => {
    const dir = path.join(scratch, 'broken')
    cpSync(path.join(DEPLOYMENTS, 'haidong'), dir, { recursive: true })
    writeFileSync(path.join(dir, 'boundaries.topo.json'), '{ not json')
    expect(checkDeploymentDir(dir).problems).toEqual([
      expect.stringMatching(/^routing\.boundaries：boundaries\.topo\.json：不是合法的 JSON/),
      'id：haidong 与文件夹名 broken 不一致（构建和部署按文件夹名查找辖区）',
    ])
    rmSync(path.join(dir, 'deployment.json'))
    expect(checkDeploymentDir(dir).problems).toEqual(['deployment.json：文件不存在或无法读取'])
  })
})

describe('deployment new', () => {
  test('one prefecture code: a branch per county, the cut boundary file, and the check passes', async () => {
    const out = path.join(scratch, 'jiaozuo-copy')
    const result = (await run([
      'new',
      '--boundaries',
      path.join(DEPLOYMENTS, 'jiaozuo', 'boundaries.topo.json'),
      '--codes',
      '410800',
      '--profile',
      'jiaozuo-12345',
      '--region-name',
      '焦作市',
      '--out',
      out,
    ])) as NewOutput
    expect(result).toMatchObject({ ok: true, problems: [], id: 'jiaozuo-copy', regionCode: '410800' })
    expect(
      result.units
        .filter((u) => u.id.startsWith('jiaozuo-copy-41'))
        .map((u) => u.name)
        .sort(),
    ).toEqual(
      [
        '中站区分局',
        '修武县分局',
        '博爱县分局',
        '孟州市分局',
        '山阳区分局',
        '武陟县分局',
        '沁阳市分局',
        '温县分局',
        '解放区分局',
        '马村区分局',
      ].sort(),
    )
    expect(checkDeploymentDir(out).ok).toBe(true)
    // The scaffold routes: a point in 山阳区 goes to its new branch.
    const d = JSON.parse(readFileSync(path.join(out, 'deployment.json'), 'utf8')) as DeploymentConfig
    const router = createRouter(d, JSON.parse(readFileSync(path.join(out, 'boundaries.topo.json'), 'utf8')))
    expect(router.territorialUnit('410811')).toEqual({ id: 'jiaozuo-copy-410811', name: '山阳区分局' })
  })

  test('counties of a 直辖市: the municipality is the territory, the bureau keeps the other districts', () => {
    const { deployment } = scaffoldDeployment({
      source: boundaries('tianjin'),
      codes: ['120101', '120102'],
      profileId: 'tianjin-12369',
      id: 'tj',
      referencePrefix: 'TJ',
    })
    expect(deployment.regionCode).toBe('120000')
    expect(deployment.regionName).toBe('天津市')
    expect(deployment.units.map((u) => u.regionCodes)).toEqual([
      ['120000'],
      ['120000'],
      ['120101'],
      ['120102'],
    ])
    expect(deploymentProblems(deployment, cutDeploymentBoundaries(boundaries('tianjin'), '120000'))).toEqual(
      [],
    )
  })

  test('one county code: the county is the territory (its polygon is kept)', () => {
    const { deployment, boundaries: cut } = scaffoldDeployment({
      source: boundaries('jiulongpo'),
      codes: ['500107'],
      profileId: 'chongqing-jiulongpo',
      id: 'jlp',
      referencePrefix: 'JL',
    })
    expect(deployment).toMatchObject({ regionCode: '500107', regionName: '九龙坡区' })
    expect(deploymentProblems(deployment, cut)).toEqual([])
  })

  test.each(FOLDERS)('cutting the committed %s boundary file again changes nothing', (id) => {
    const d = load(id)
    expect(cutDeploymentBoundaries(boundaries(id), d.regionCode)).toEqual(boundaries(id))
  })

  test('the CLI: check exits 0 or 1 with the problems as JSON; bad arguments exit 2', () => {
    const cli = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/cli.ts'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      })
    const good = cli(['deployment', 'check', 'deployments/haidong'])
    expect(good.status).toBe(0)
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, problems: [] })

    const dir = path.join(scratch, 'cli-broken')
    cpSync(path.join(DEPLOYMENTS, 'haidong'), dir, { recursive: true })
    const d = load('haidong')
    d.routing!.supervisingUnitId = 'nobody'
    writeFileSync(path.join(dir, 'deployment.json'), JSON.stringify(d))
    const bad = cli(['deployment', 'check', dir])
    expect(bad.status).toBe(1)
    expect(JSON.parse(bad.stdout).problems).toEqual([
      'routing.supervisingUnitId：未知单位 nobody',
      'id：haidong 与文件夹名 cli-broken 不一致（构建和部署按文件夹名查找辖区）',
    ])

    const usage = cli(['deployment', 'new', '--codes', '4108', '--profile', 'haidong', '--out', dir])
    expect(usage.status).toBe(2)
    expect(usage.stderr).toMatch(/^error: --boundaries is required/)
    expect(
      cli([
        'deployment',
        'new',
        '--boundaries',
        'x',
        '--codes',
        '41080',
        '--profile',
        'haidong',
        '--out',
        'y',
      ]).status,
    ).toBe(2)
    expect(cli(['deployment', 'frobnicate']).status).toBe(2)
  })
})
