import { decodeGeohashBounds, encodeGeohash, geoCellsOf, nearbyCells } from '@shared/geo/cells'
import { distanceMetres, offsetMetres, wgs84 } from '@shared/geo/coordinates'

describe('geohash', () => {
  // Reference values of the standard algorithm (Niemeyer's examples, geohash.org).
  test.each([
    [57.64911, 10.40744, 11, 'u4pruydqqvj'],
    [42.6, -5.6, 5, 'ezs42'],
    [39.9042, 116.4074, 6, 'wx4g0b'],
  ])('(%d, %d) at precision %d → %s', (lat, lng, precision, hash) => {
    expect(encodeGeohash(lat, lng, precision)).toBe(hash)
  })

  test('a cell’s bounds contain the point it was made from', () => {
    const b = decodeGeohashBounds(encodeGeohash(35.2996, 113.2764, 7))
    expect(b.south).toBeLessThanOrEqual(35.2996)
    expect(b.north).toBeGreaterThan(35.2996)
    expect(b.west).toBeLessThanOrEqual(113.2764)
    expect(b.east).toBeGreaterThan(113.2764)
  })

  test('the stored cells are prefixes of one another (one field per precision)', () => {
    const cells = geoCellsOf(wgs84(35.2996, 113.2764))
    expect(cells.gh7.startsWith(cells.gh6)).toBe(true)
    expect(cells.gh6.startsWith(cells.gh5)).toBe(true)
    expect([cells.gh5.length, cells.gh6.length, cells.gh7.length]).toEqual([5, 6, 7])
  })

  test('an invalid hash is rejected', () => {
    expect(() => decodeGeohashBounds('wx4a')).toThrow(RangeError)
  })
})

/** A small deterministic generator, so the property test is the same on every run. */
function lcg(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

describe('nearbyCells: the $in keys for "within r metres"', () => {
  // Radii of the intake policies: duplicates 200–1000 m, early warning 500–1000 m.
  test.each([
    [100, 7],
    [200, 6],
    [300, 6],
    [500, 6],
    [1000, 5],
    [3000, 5],
  ])('radius %d m at 35°N uses precision %d with at most 9 keys', (radius, precision) => {
    const q = nearbyCells(wgs84(35.3, 113.27), radius)
    expect(q.precision).toBe(precision)
    expect(q.field).toBe(`gh${precision}`)
    expect(q.keys.length).toBeGreaterThanOrEqual(1)
    expect(q.keys.length).toBeLessThanOrEqual(9)
  })

  test.each([
    ['焦作', 35.3, 113.27],
    ['天津', 39.25, 117.32],
    ['重庆', 29.61, 106.47],
    ['海东', 36.54, 102.11],
    ['漠河 (53°N, cells narrowest)', 52.97, 122.53],
    ['a cell corner', 35.15625, 112.5],
  ])(
    'complete near %s: every point within the radius has its stored cell among the keys',
    (_name, lat, lng) => {
      const random = lcg(Math.round(lat * 1000))
      const centre = wgs84(lat, lng)
      for (const radius of [100, 300, 1000, 2500]) {
        const q = nearbyCells(centre, radius)
        const keys = new Set(q.keys)
        for (let i = 0; i < 300; i++) {
          const angle = random() * 2 * Math.PI
          const r = radius * Math.sqrt(random())
          const p = offsetMetres(centre, r * Math.cos(angle), r * Math.sin(angle))
          if (distanceMetres(centre, p) > radius) continue
          expect(keys.has(geoCellsOf(p)[q.field])).toBe(true)
        }
      }
    },
  )

  test('a radius beyond the coarsest cell still covers the circle, with more keys', () => {
    const q = nearbyCells(wgs84(35.3, 113.27), 8000)
    expect(q.precision).toBe(5)
    expect(q.keys.length).toBeGreaterThan(9)
    const edge = offsetMetres(wgs84(35.3, 113.27), 0, 7990)
    expect(q.keys).toContain(geoCellsOf(edge).gh5)
  })

  test.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, 10_001])('radius %d m is rejected', (radius) => {
    expect(() => nearbyCells(wgs84(35, 113), radius)).toThrow(RangeError)
  })
})
