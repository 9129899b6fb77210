// Typed coordinates in one county, an address naming another: the preview points it out (a hint, not a block).
// The place of the position comes from the router; the names the address is checked against are the
// deployment's counties and zones (Router.localities, sent to the phone in clientConfig).
import { gcj02 } from '@shared/geo/coordinates'
import { otherLocalityNamed } from '@shared/routing/address-place'
import { demoRouter, type DemoProfile } from './demo-deployments'

function check(profile: DemoProfile, address: string, lat: number, lng: number) {
  const router = demoRouter(profile)
  const { county, zone } = router.route({ location: gcj02(lat, lng), category: 'air' }).placement
  return otherLocalityNamed(address, [county, zone], router.localities)?.name ?? null
}

// 山阳区 (35.29958, 113.27638), 高新区 zone inside 山阳区 (35.36263, 113.41184), 武陟县 (35.09, 113.40).
test.each([
  ['jiaozuo-12345', '焦作市武陟县木城镇大虹桥村', 35.29958, 113.27638, '武陟县'],
  ['jiaozuo-12345', '焦作市山阳区人民路与塔南路交叉口', 35.29958, 113.27638, null],
  ['jiaozuo-12345', '人民路与塔南路交叉口东北角工地', 35.29958, 113.27638, null],
  ['jiaozuo-12345', '焦作市', 35.29958, 113.27638, null],
  // 博爱路 is a street, not 博爱县: only full names count
  ['jiaozuo-12345', '山阳区博爱路 18 号', 35.29958, 113.27638, null],
  ['jiaozuo-12345', '武陟县木城镇', 35.09, 113.4, null],
  // The zone lies in 山阳区: an address naming either is the same place.
  ['jiaozuo-12345', '焦作市山阳区高新区', 35.36263, 113.41184, null],
  ['jiaozuo-12345', '焦作高新技术产业开发区神州路', 35.36263, 113.41184, null],
  ['jiaozuo-12345', '焦作市解放区民主路', 35.36263, 113.41184, '解放区'],
  // Two counties named (a boundary road), one of them here: no hint.
  ['jiaozuo-12345', '山阳区与马村区交界处', 35.29958, 113.27638, null],
] as const)('%s: “%s” at %s, %s → %s', (profile, address, lat, lng, named) => {
  expect(check(profile, address, lat, lng)).toBe(named)
})

test('the localities are the counties and zones of the territory — not the city, not the neighbours', () => {
  const names = demoRouter('jiaozuo-12345').localities.map((l) => l.name)
  expect(names).toEqual(expect.arrayContaining(['山阳区', '武陟县', '孟州市', '焦作高新技术产业开发区']))
  expect(names).not.toContain('焦作市')
  expect(names).not.toContain('新乡市')
  expect(demoRouter('chongqing-jiulongpo').localities.map((l) => l.name)).toEqual(['九龙坡区'])
})

test('outside the territory: an address naming the district the bureau serves is pointed out', () => {
  // 渝中区, outside 九龙坡区 (the point router.test.ts uses)
  const router = demoRouter('chongqing-jiulongpo')
  const d = router.route({ location: gcj02(29.68419, 106.68349), category: 'air' })
  expect(d.outcome).toBe('out-of-jurisdiction')
  expect(otherLocalityNamed('重庆市九龙坡区杨家坪', [d.placement.county], router.localities)?.name).toBe(
    '九龙坡区',
  )
})
