import { feature } from 'topojson-client'
import type { Topology } from 'topojson-specification'
import { divisionCovers, divisionLevel } from '@shared/geo/division-codes'
import { RegionIndex } from '@shared/geo/region-index'
import { regionsFromTopology, subsetTopology } from '@shared/geo/topology'
import { wgs84 } from '@shared/geo/coordinates'
import { loadBoundaries } from '../routing/demo-deployments'

// A 2×1 grid of unit squares sharing one arc, plus a frame, a sea area, a null geometry and a duplicate,
// as the reference boundary files have them.
const SAMPLE: Topology = {
  type: 'Topology',
  arcs: [
    [
      [1, 0],
      [1, 1],
    ], // 0: shared edge x = 1
    [
      [1, 1],
      [0, 1],
      [0, 0],
      [1, 0],
    ], // 1: left square without the shared edge
    [
      [1, 0],
      [2, 0],
      [2, 1],
      [1, 1],
    ], // 2: right square without the shared edge
    [
      [-1, -1],
      [3, -1],
      [3, 2],
      [-1, 2],
      [-1, -1],
    ], // 3: frame
  ],
  objects: {
    sample: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[3]], properties: { NAME: '', QUHUADAIMA: 'fanwei' } },
        { type: 'Polygon', arcs: [[1, 0]], properties: { NAME: '甲县', QUHUADAIMA: '410801' } },
        { type: 'Polygon', arcs: [[2, -1]], properties: { NAME: '乙县', QUHUADAIMA: '410802' } },
        { type: 'Polygon', arcs: [[2, -1]], properties: { NAME: '乙县', QUHUADAIMA: '410802' } },
        { type: 'Polygon', arcs: [[3]], properties: { NAME: '', QUHUADAIMA: 'hai' } },
        { type: null, properties: { NAME: '丙县', QUHUADAIMA: '410803' } },
      ],
    },
  },
}

describe('regionsFromTopology', () => {
  test('keeps named polygons with a division code; drops frame, sea, empty and duplicate geometries', () => {
    const regions = regionsFromTopology(SAMPLE)
    expect(regions.map((r) => `${r.code} ${r.name}`)).toEqual(['410801 甲县', '410802 乙县'])
    expect(regions[1]!.geometry.type).toBe('Polygon')
  })

  test('pieces of one region become one MultiPolygon (河北省 around Tianjin comes in four pieces)', () => {
    const hebei = regionsFromTopology(loadBoundaries('tianjin')).find((r) => r.code === '130000')
    expect(hebei?.geometry.type).toBe('MultiPolygon')
    expect(hebei?.geometry.type === 'MultiPolygon' && hebei.geometry.coordinates.length).toBe(4)
  })

  test('rejects what is not a topology', () => {
    expect(() => regionsFromTopology({ type: 'FeatureCollection', features: [] })).toThrow(/TopoJSON/)
  })

  test.each([
    ['jiaozuo', 10, '410800'],
    ['tianjin', 16, '120000'],
    ['jiulongpo', 1, '500107'],
    ['haidong', 6, '630200'],
  ])(
    'the shipped %s boundaries hold %d territory counties and no whole-territory polygon',
    (dir, counties, code) => {
      const regions = regionsFromTopology(loadBoundaries(dir))
      const inTerritory = regions.filter((r) => divisionCovers(code, r.code))
      expect(inTerritory.filter((r) => divisionLevel(r.code) === 'county')).toHaveLength(counties)
      expect(inTerritory.every((r) => divisionLevel(r.code) === 'county')).toBe(true)
    },
  )
})

describe('subsetTopology', () => {
  test('keeps the chosen geometries with identical coordinates and only the arcs they use', () => {
    const subset = subsetTopology(SAMPLE, (p) => p.QUHUADAIMA === '410802')
    expect(subset.arcs).toHaveLength(2)
    const before = feature(SAMPLE, SAMPLE.objects.sample!)
    const after = feature(subset, subset.objects.sample!)
    const coords = (fc: typeof before) => ('features' in fc ? fc.features : [fc]).map((f) => f.geometry)
    expect(coords(after)).toEqual([coords(before)[2], coords(before)[3]])
  })
})

describe('RegionIndex', () => {
  const index = new RegionIndex(regionsFromTopology(SAMPLE))

  test.each([
    [0.5, 0.5, '410801'],
    [0.5, 1.5, '410802'],
    [1.5, 0.5, null],
    [-0.5, 0.5, null],
  ])('(lat %d, lng %d) → %s', (lat, lng, code) => {
    expect(index.find(wgs84(lat, lng))?.code ?? null).toBe(code)
  })

  test('a point on the shared edge is in both; find returns the first in priority order', () => {
    expect(index.findAll(wgs84(0.5, 1)).map((r) => r.code)).toEqual(['410801', '410802'])
    expect(index.find(wgs84(0.5, 1))?.code).toBe('410801')
  })
})
