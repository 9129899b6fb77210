import {
  distanceMetres,
  gcj02,
  offsetMetres,
  toGcj02,
  toWgs84,
  wgs84,
  type Gcj02Point,
  type Wgs84Point,
} from '@shared/geo/coordinates'

describe('GCJ-02 ⇄ WGS-84', () => {
  // Offsets GCJ-02 − WGS-84 in the demo regions: several hundred metres, enough to cross a county border.
  test.each([
    ['焦作 山阳区', wgs84(35.3, 113.27), 400, 700],
    ['天津 和平区', wgs84(39.246, 117.318), 400, 700],
    ['重庆 九龙坡区', wgs84(29.615, 106.468), 350, 600],
    ['海东 平安区', wgs84(36.543, 102.113), 100, 300],
  ])(
    '%s: the offset is %d–%d m and the inverse returns the WGS-84 point to < 0.5 m',
    (_name, wgs, min, max) => {
      const gcj = toGcj02(wgs)
      const shift = distanceMetres(wgs, wgs84(gcj.lat, gcj.lng))
      expect(shift).toBeGreaterThan(min)
      expect(shift).toBeLessThan(max)
      expect(distanceMetres(toWgs84(gcj), wgs)).toBeLessThan(0.5)
    },
  )

  test('outside China GCJ-02 is WGS-84 (no offset is applied abroad)', () => {
    const sydney = gcj02(-33.8688, 151.2093)
    expect(toWgs84(sydney)).toEqual(wgs84(-33.8688, 151.2093))
  })

  test('a point already in the target system is returned unchanged', () => {
    const w = wgs84(35, 113)
    expect(toWgs84(w)).toBe(w)
    const g = gcj02(35, 113)
    expect(toGcj02(g)).toBe(g)
  })

  test.each([
    [91, 0],
    [-91, 0],
    [0, 181],
    [Number.NaN, 0],
    [0, Number.POSITIVE_INFINITY],
  ])('(%d, %d) is rejected', (lat, lng) => {
    expect(() => gcj02(lat, lng)).toThrow(RangeError)
    expect(() => wgs84(lat, lng)).toThrow(RangeError)
  })

  test('the compiler refuses a GCJ-02 point where WGS-84 is required', () => {
    const needsWgs = (p: Wgs84Point) => p.lat
    const gcj: Gcj02Point = gcj02(35, 113)
    // @ts-expect-error a GCJ-02 point read as WGS-84 is off by hundreds of metres
    needsWgs(gcj)
    expect(needsWgs(toWgs84(gcj))).not.toBe(35)
  })
})

describe('distances', () => {
  test.each([
    ['one degree of latitude', wgs84(35, 113), wgs84(36, 113), 111_195, 5],
    ['one degree of longitude at 35°N', wgs84(35, 113), wgs84(35, 114), 91_088, 5],
    ['天津 to 北京 (≈ 114 km)', wgs84(39.0842, 117.2009), wgs84(39.9042, 116.4074), 113_700, 700],
    ['the same point', wgs84(35, 113), wgs84(35, 113), 0, 0.001],
  ])('%s', (_name, a, b, metres, tolerance) => {
    expect(Math.abs(distanceMetres(a, b) - metres)).toBeLessThanOrEqual(tolerance)
  })

  test('offsetMetres moves by the asked distance', () => {
    const from = wgs84(35.3, 113.27)
    expect(distanceMetres(from, offsetMetres(from, 300, 400))).toBeCloseTo(500, -1)
  })
})
