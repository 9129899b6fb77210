import type { Location } from '@shared/vocabulary/fields'
import { gcj02, wgs84, type Gcj02Point } from '@shared/geo/coordinates'
import { normaliseEntityName } from '@shared/routing/entity-names'
import type { RouteRequest, RoutingDecision } from '@shared/routing/router'
import { demoRouter, type DemoProfile } from './demo-deployments'

// Points are GCJ-02 (what wx.getLocation / wx.chooseLocation give), each well inside its county in the
// shipped boundary data (≥ 1 km from any edge), so a wrong datum could not move them across a border.
type InsideRow = [
  profile: DemoProfile,
  county: string,
  name: string,
  point: Gcj02Point,
  unitId: string,
  cite: string,
]

const S0_3 = 'S0 第三条 各县（市、区）分局负责本辖区'
const S1_5 = 'S1 第五条 区县为本行政区责任主体'
const S4_2 = 'S4 四(二) 一般信访件由县区单位直接办理'

const INSIDE: InsideRow[] = [
  ['jiaozuo-12345', '410802', '解放区', gcj02(35.39504, 113.3375), 'jz-jiefang', S0_3],
  ['jiaozuo-12345', '410803', '中站区', gcj02(35.3888, 113.26733), 'jz-zhongzhan', S0_3],
  ['jiaozuo-12345', '410804', '马村区', gcj02(35.42804, 113.50067), 'jz-macun', S0_3],
  ['jiaozuo-12345', '410811', '山阳区', gcj02(35.29958, 113.27638), 'jz-shanyang', S0_3],
  ['jiaozuo-12345', '410821', '修武县', gcj02(35.33939, 113.57667), 'jz-xiuwu', S0_3],
  ['jiaozuo-12345', '410822', '博爱县', gcj02(35.26442, 113.1676), 'jz-boai', S0_3],
  ['jiaozuo-12345', '410823', '武陟县', gcj02(35.17754, 113.40891), 'jz-wuzhi', S0_3],
  ['jiaozuo-12345', '410825', '温县', gcj02(35.06725, 113.15224), 'jz-wenxian', S0_3],
  ['jiaozuo-12345', '410882', '沁阳市', gcj02(35.22597, 112.99548), 'jz-qinyang', S0_3],
  ['jiaozuo-12345', '410883', '孟州市', gcj02(35.05681, 112.87635), 'jz-mengzhou', S0_3],
  ['tianjin-12369', '120101', '和平区', gcj02(39.24765, 117.3245), 'tj-heping', S1_5],
  ['tianjin-12369', '120102', '河东区', gcj02(39.25854, 117.3729), 'tj-hedong', S1_5],
  ['tianjin-12369', '120103', '河西区', gcj02(39.21865, 117.34587), 'tj-hexi', S1_5],
  ['tianjin-12369', '120104', '南开区', gcj02(39.25127, 117.28355), 'tj-nankai', S1_5],
  ['tianjin-12369', '120105', '河北区', gcj02(39.29739, 117.33506), 'tj-hebei', S1_5],
  ['tianjin-12369', '120106', '红桥区', gcj02(39.29685, 117.28135), 'tj-hongqiao', S1_5],
  ['tianjin-12369', '120110', '东丽区', gcj02(39.27171, 117.52949), 'tj-dongli', S1_5],
  ['tianjin-12369', '120111', '西青区', gcj02(39.2187, 117.17909), 'tj-xiqing', S1_5],
  ['tianjin-12369', '120112', '津南区', gcj02(39.0863, 117.50698), 'tj-jinnan', S1_5],
  ['tianjin-12369', '120113', '北辰区', gcj02(39.38674, 117.32493), 'tj-beichen', S1_5],
  ['tianjin-12369', '120114', '武清区', gcj02(39.59737, 117.19193), 'tj-wuqing', S1_5],
  ['tianjin-12369', '120115', '宝坻区', gcj02(39.73511, 117.56172), 'tj-baodi', S1_5],
  ['tianjin-12369', '120116', '滨海新区', gcj02(38.83951, 117.4973), 'tj-binhai', S1_5],
  ['tianjin-12369', '120117', '宁河区', gcj02(39.51287, 117.77705), 'tj-ninghe', S1_5],
  ['tianjin-12369', '120118', '静海区', gcj02(38.98306, 117.13038), 'tj-jinghai', S1_5],
  ['tianjin-12369', '120119', '蓟州区', gcj02(40.13348, 117.49657), 'tj-jizhou', S1_5],
  [
    'chongqing-jiulongpo',
    '500107',
    '九龙坡区',
    gcj02(29.61237, 106.47167),
    'jlp-brigade',
    'S2 第十三条 支队登记查处',
  ],
  ['haidong', '630202', '乐都区', gcj02(36.65577, 102.57547), 'hd-ledu', S4_2],
  ['haidong', '630203', '平安区', gcj02(36.54286, 102.11501), 'hd-pingan', S4_2],
  ['haidong', '630222', '民和回族土族自治县', gcj02(36.33235, 102.90829), 'hd-minhe', S4_2],
  ['haidong', '630223', '互助土族自治县', gcj02(36.95747, 102.20443), 'hd-huzhu', S4_2],
  ['haidong', '630224', '化隆回族自治县', gcj02(36.18486, 102.39838), 'hd-hualong', S4_2],
  ['haidong', '630225', '循化撒拉族自治县', gcj02(35.86115, 102.59522), 'hd-xunhua', S4_2],
]

function route(profile: DemoProfile, request: RouteRequest): RoutingDecision {
  return demoRouter(profile).route(request)
}

describe('a point inside each demo county goes to that county’s unit (属地管理)', () => {
  // hazardous-waste is inside every profile's scope (S1 第六条(四) for Tianjin's narrow WeChat channel).
  test.each(INSIDE)('%s %s %s → %s [%s]', (profile, county, name, point, unitId) => {
    const decision = route(profile, { location: point, category: 'hazardous-waste', requestType: 'report' })
    expect(decision.outcome).toBe('assigned')
    expect(decision.region).toEqual({ code: county, name })
    expect(decision.outcome === 'assigned' && decision.unit.id).toBe(unitId)
  })
})

describe('special zone: 高新区生态环境服务中心 is handled like a county branch (S0 第三条 含高新区生态环境服务中心)', () => {
  const inZone = gcj02(35.36263, 113.41184)

  test('a point in the zone goes to the zone centre, not to 山阳区分局 whose county it lies in', () => {
    const d = route('jiaozuo-12345', { location: inZone, category: 'air' })
    expect(d.outcome === 'assigned' && d.unit.id).toBe('jz-gaoxin')
    expect(d.region).toEqual({ code: 'jz-gaoxin-zone', name: '焦作高新技术产业开发区' })
    expect(d.placement.county).toEqual({ code: '410811', name: '山阳区' })
    expect(d.placement.zone?.code).toBe('jz-gaoxin-zone')
  })

  test('two kilometres east of the zone, still in 山阳区 → 山阳区分局', () => {
    const d = route('jiaozuo-12345', { location: gcj02(35.36263, 113.41184 + 0.025), category: 'air' })
    expect(d.outcome === 'assigned' && d.unit.id).toBe('jz-shanyang')
  })

  test('a city-level rule still wins inside the zone (S0 第三条 市级管辖事项由市局科室直办)', () => {
    const d = route('jiaozuo-12345', { location: inZone, category: 'radiation' })
    expect(d.outcome === 'assigned' && d.unit.id).toBe('jz-radiation')
    expect(d.ruleId).toBe('city-level-radiation')
  })
})

type RuleRow = [
  why: string,
  profile: DemoProfile,
  request: Omit<RouteRequest, 'location'>,
  expected: {
    outcome: RoutingDecision['outcome']
    unitId?: string
    department?: string
    ruleId: string | null
  },
]

const JZ = gcj02(35.29958, 113.27638) // 山阳区
const TJ = gcj02(39.24765, 117.3245) // 和平区
const JLP = gcj02(29.61237, 106.47167) // 九龙坡区
const HD = gcj02(36.54286, 102.11501) // 平安区
const LOCATION: Record<DemoProfile, Gcj02Point> = {
  'jiaozuo-12345': JZ,
  'tianjin-12369': TJ,
  'chongqing-jiulongpo': JLP,
  haidong: HD,
}

const RULES: RuleRow[] = [
  // 焦作 (S0)
  [
    'S0 第三条: city-level matter → 市局科室',
    'jiaozuo-12345',
    { category: 'radiation' },
    { outcome: 'assigned', unitId: 'jz-radiation', ruleId: 'city-level-radiation' },
  ],
  [
    'S0 第三条: industrial air stays with the county branch',
    'jiaozuo-12345',
    { category: 'air', source: 'industrial' },
    { outcome: 'assigned', unitId: 'jz-shanyang', ruleId: null },
  ],
  [
    'S0 第三条: construction noise is the branch’s in Jiaozuo',
    'jiaozuo-12345',
    { category: 'noise', source: 'construction' },
    { outcome: 'assigned', unitId: 'jz-shanyang', ruleId: null },
  ],
  [
    'S0 第五条 + 噪声污染防治法 第八条: 社会生活噪声 → 公安机关',
    'jiaozuo-12345',
    { category: 'noise', source: 'social-life' },
    { outcome: 'referred', department: '公安机关', ruleId: 'noise-social-life' },
  ],
  [
    'S0 第五条 + 噪声污染防治法 第八条: 交通噪声 → 交通/公安交管',
    'jiaozuo-12345',
    { category: 'noise', source: 'traffic' },
    { outcome: 'referred', department: '公安交通管理、交通运输等部门', ruleId: 'noise-traffic' },
  ],
  [
    'S0 第五条 + 大气污染防治法 第一百一十八条: 餐饮油烟 → 城管',
    'jiaozuo-12345',
    { category: 'air', source: 'catering' },
    { outcome: 'referred', department: '城市管理部门', ruleId: 'air-catering' },
  ],
  [
    'S3 第五条(四) 有报必接: noise of unknown source → the branch triages',
    'jiaozuo-12345',
    { category: 'noise' },
    { outcome: 'assigned', unitId: 'jz-shanyang', ruleId: null },
  ],
  // 天津 (S1 第六条: WeChat accepts industrial air/water/noise exceedance and hazardous waste only)
  [
    'S1 第六条(一): industrial air → district bureau',
    'tianjin-12369',
    { category: 'air', source: 'industrial' },
    { outcome: 'assigned', unitId: 'tj-heping', ruleId: null },
  ],
  [
    'S1 第六条(四): hazardous waste from any source → district bureau',
    'tianjin-12369',
    { category: 'hazardous-waste', source: 'construction' },
    { outcome: 'assigned', unitId: 'tj-heping', ruleId: null },
  ],
  [
    'S1 第六条(二): non-industrial water → outside the WeChat scope',
    'tianjin-12369',
    { category: 'water', source: 'agriculture' },
    { outcome: 'referred', department: '“12369”环保举报热线', ruleId: 'wechat-scope-industrial-only' },
  ],
  [
    'S1 第六条: solid waste is not in the WeChat scope',
    'tianjin-12369',
    { category: 'solid-waste', source: 'industrial' },
    { outcome: 'referred', department: '“12369”环保举报热线', ruleId: 'wechat-scope-categories' },
  ],
  [
    'S1 第六条(三) + 噪声污染防治法 第八条: 社会生活噪声 → 公安机关 (more specific rule first)',
    'tianjin-12369',
    { category: 'noise', source: 'social-life' },
    { outcome: 'referred', department: '公安机关', ruleId: 'noise-social-life' },
  ],
  [
    'S3 第五条(四): air of unknown source → the district checks whether it is industrial',
    'tianjin-12369',
    { category: 'air' },
    { outcome: 'assigned', unitId: 'tj-heping', ruleId: null },
  ],
  // 九龙坡 (S2): by request type
  [
    'S2 第十三条: a pollution report → 支队',
    'chongqing-jiulongpo',
    { category: 'air', requestType: 'report' },
    { outcome: 'assigned', unitId: 'jlp-brigade', ruleId: 'complaints-to-brigade' },
  ],
  [
    'S2 第十四条(五), 第十六条: a consultation on air → 大气环境科',
    'chongqing-jiulongpo',
    { category: 'air', requestType: 'consult' },
    { outcome: 'assigned', unitId: 'jlp-air', ruleId: 'consultation-air-noise' },
  ],
  [
    'S2 第十四条(五), 第十六条: a suggestion on water → 水生态环境科',
    'chongqing-jiulongpo',
    { category: 'water', requestType: 'suggestion' },
    { outcome: 'assigned', unitId: 'jlp-water', ruleId: 'consultation-water' },
  ],
  [
    'S2 第十四条(五): a consultation on hazardous waste → 土壤与固体废物科',
    'chongqing-jiulongpo',
    { category: 'hazardous-waste', requestType: 'consult' },
    { outcome: 'assigned', unitId: 'jlp-soil', ruleId: 'consultation-waste' },
  ],
  [
    'S2 第十四条(四): criticism of the bureau → 办公室',
    'chongqing-jiulongpo',
    { category: 'other', requestType: 'opinion' },
    { outcome: 'assigned', unitId: 'jlp-office', ruleId: 'criticism-of-bureau' },
  ],
  [
    'S2 第十二条: night construction noise is the bureau’s (支队 on duty)',
    'chongqing-jiulongpo',
    { category: 'noise', source: 'construction', requestType: 'complaint' },
    { outcome: 'assigned', unitId: 'jlp-brigade', ruleId: 'complaints-to-brigade' },
  ],
  [
    'S2 第十四条: 社会生活噪声 → guide to 公安机关',
    'chongqing-jiulongpo',
    { category: 'noise', source: 'social-life', requestType: 'complaint' },
    { outcome: 'referred', department: '公安机关', ruleId: 'noise-social-life' },
  ],
  // 海东 (S4)
  [
    'S4 四(二): a general case → the county branch',
    'haidong',
    { category: 'water', requestType: 'complaint' },
    { outcome: 'assigned', unitId: 'hd-pingan', ruleId: null },
  ],
  [
    'S4 四(四): 生活垃圾 → 城市管理部门 within 3 days',
    'haidong',
    { category: 'solid-waste', source: 'social-life' },
    { outcome: 'referred', department: '城市管理（环境卫生）部门', ruleId: 'solid-waste-municipal' },
  ],
  [
    'S4 四(四): 工业固废 stays with the branch',
    'haidong',
    { category: 'solid-waste', source: 'industrial' },
    { outcome: 'assigned', unitId: 'hd-pingan', ruleId: null },
  ],
]

describe('routing rules: (region, category, request type, source) → unit, as data', () => {
  test.each(RULES)('%s', (_why, profile, request, expected) => {
    const d = route(profile, { ...request, location: LOCATION[profile] })
    expect(d.outcome).toBe(expected.outcome)
    expect(d.ruleId).toBe(expected.ruleId)
    if (expected.unitId) expect(d.outcome === 'assigned' && d.unit.id).toBe(expected.unitId)
    if (expected.department) {
      expect(d.outcome === 'referred' && d.department).toBe(expected.department)
      // The reporter is told where to go (S3 第九条(六) 告知举报人依法依规向有关机关提出).
      expect(d.outcome === 'referred' && d.guidance.length).toBeGreaterThan(10)
    }
    expect(d.cite).toMatch(/S\d|决定|decision/)
  })

  test('a referred matter names the territorial unit that informs the reporter (S4 四(四) 告知信访举报人)', () => {
    const d = route('haidong', { location: HD, category: 'noise', source: 'social-life' })
    expect(d.outcome === 'referred' && d.respondingUnit.id).toBe('hd-pingan')
  })
})

type OutsideRow = [
  profile: DemoProfile,
  point: Gcj02Point,
  region: { code: string; name: string } | null,
  named: string,
  handling: 'return' | 'transfer',
  cite: string,
]

const SHANGHAI = gcj02(31.2304, 121.4737)

const OUTSIDE: OutsideRow[] = [
  [
    'jiaozuo-12345',
    gcj02(34.87033, 113.53716),
    { code: '410100', name: '郑州市' },
    '河南省郑州市',
    'return',
    'S0 第五条 退回',
  ],
  [
    'jiaozuo-12345',
    gcj02(35.577, 112.60253),
    { code: '140500', name: '晋城市' },
    '山西省晋城市',
    'return',
    'S0 第五条 退回',
  ],
  ['jiaozuo-12345', SHANGHAI, null, '事发地', 'return', 'S0 第五条 退回'],
  [
    'tianjin-12369',
    gcj02(40.40574, 116.93737),
    { code: '110000', name: '北京市' },
    '北京市',
    'transfer',
    'S3 第十条 转交',
  ],
  [
    'tianjin-12369',
    gcj02(40.37466, 118.11288),
    { code: '130000', name: '河北省' },
    '河北省',
    'transfer',
    'S3 第十条 转交',
  ],
  [
    'chongqing-jiulongpo',
    gcj02(29.68419, 106.68349),
    { code: '500103', name: '渝中区' },
    '重庆市渝中区',
    'return',
    'S2 第十四条 引导',
  ],
  [
    'chongqing-jiulongpo',
    gcj02(29.75396, 106.48875),
    { code: '500106', name: '沙坪坝区' },
    '重庆市沙坪坝区',
    'return',
    'S2 第十四条 引导',
  ],
  [
    'chongqing-jiulongpo',
    gcj02(29.52225, 106.55901),
    { code: '500104', name: '大渡口区' },
    '重庆市大渡口区',
    'return',
    'S2 第十四条 引导',
  ],
  [
    'chongqing-jiulongpo',
    gcj02(31.48901, 106.532),
    { code: '510000', name: '四川省' },
    '四川省',
    'return',
    'S2 第十四条 引导',
  ],
  [
    'haidong',
    gcj02(36.65663, 101.84895),
    { code: '630100', name: '西宁市' },
    '青海省西宁市',
    'transfer',
    'S3 第十条, S4 四(四)',
  ],
  [
    'haidong',
    gcj02(36.75338, 103.12508),
    { code: '620100', name: '兰州市' },
    '甘肃省兰州市',
    'transfer',
    'S3 第十条, S4 四(四)',
  ],
  ['haidong', SHANGHAI, null, '事发地', 'transfer', 'S3 第十条'],
]

describe('points outside the territory are returned or transferred with guidance naming the region', () => {
  test.each(OUTSIDE)('%s %j → %j (%s) [%s]', (profile, point, region, named, handling) => {
    const d = route(profile, {
      location: point,
      category: 'air',
      source: 'industrial',
      requestType: 'report',
    })
    expect(d.outcome).toBe('out-of-jurisdiction')
    expect(d.inJurisdiction).toBe(false)
    expect(d.region).toEqual(region)
    if (d.outcome !== 'out-of-jurisdiction') return
    expect(d.handling).toBe(handling)
    expect(d.guidance).toContain(`${named}生态环境部门`)
    expect(d.respondingUnit.id).toBe(demoRouter(profile).deployment.routing.intakeUnitId)
  })

  test('Jiulongpo is a district bureau: all of Chongqing but 500107 is out of its jurisdiction', () => {
    const inside = route('chongqing-jiulongpo', { location: gcj02(29.61237, 106.47167), category: 'air' })
    expect(inside.inJurisdiction).toBe(true)
    const d = route('chongqing-jiulongpo', { location: gcj02(29.68419, 106.68349), category: 'air' })
    expect(d.outcome === 'out-of-jurisdiction' && d.guidance).toBe(
      '该位置属于重庆市渝中区，不在重庆市九龙坡区生态环境局管辖范围内。本平台无法受理，请向重庆市渝中区生态环境部门反映，或拨打12369生态环境举报热线。',
    )
  })

  test('points on the other side of the world or at the poles do not crash', () => {
    for (const p of [gcj02(90, 180), gcj02(-90, -180), gcj02(0, 0), wgs84(-33.87, 151.21)]) {
      expect(route('jiaozuo-12345', { location: p, category: 'air' }).outcome).toBe('out-of-jurisdiction')
    }
  })
})

describe('entity-name options from the deployment’s places', () => {
  test.each([
    ['jiaozuo-12345', '焦作市山阳区恒通化工有限公司', '恒通化工'],
    ['jiaozuo-12345', '郑州市恒通化工有限公司', '恒通化工'],
    ['chongqing-jiulongpo', '九龙坡恒通化工厂', '恒通化工'],
    ['chongqing-jiulongpo', '重庆市九龙坡区恒通化工有限公司', '恒通化工'],
    ['haidong', '互助土族自治县恒通化工有限公司', '恒通化工'],
  ] as const)('%s: %s → %s', (profile, name, key) => {
    expect(normaliseEntityName(name, demoRouter(profile).entityNames)).toBe(key)
  })
})

describe('WGS-84 input is used as is', () => {
  test('a submitted location (contracts `Location`, either coordinate system) is accepted as it comes', () => {
    const submitted: Location = { lat: 35.29958, lng: 113.27638, coordSystem: 'gcj02', address: '山阳区某路' }
    const d = demoRouter('jiaozuo-12345').route({ location: submitted, category: 'air' })
    expect(d.outcome === 'assigned' && d.unit.id).toBe('jz-shanyang')
  })

  test('the WGS-84 twin of a GCJ-02 point routes the same', () => {
    const router = demoRouter('jiaozuo-12345')
    const gcj = gcj02(35.29958, 113.27638)
    const placement = router.locate(gcj)
    expect(router.locate(placement.position).region).toEqual(placement.region)
  })
})
