// Near a county border the GCJ-02 offset (≈ 150–600 m in the demo regions) decides the county. For each demo
// profile, find points programmatically whose true (WGS-84) position is inside county A while their GCJ-02
// coordinates, wrongly read as WGS-84, fall in B ≠ A; the resolver must answer A.
// Ground truth comes straight from the boundary file via topojson-client and turf, not from the resolver.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import gcoord from 'gcoord'
import { feature } from 'topojson-client'
import type { Topology } from 'topojson-specification'
import { gcj02 } from '@shared/geo/coordinates'
import {
  DEMO_DEPLOYMENTS,
  demoRouter,
  loadBoundaries,
  loadDeployment,
  type DemoProfile,
} from './demo-deployments'

type Shape = Feature<Polygon | MultiPolygon, { NAME: string; QUHUADAIMA: string }>

function shapesOf(dir: string): Shape[] {
  const topology = loadBoundaries(dir) as Topology
  const collection = feature(topology, topology.objects[Object.keys(topology.objects)[0]!]!)
  return ('features' in collection ? collection.features : [collection]) as Shape[]
}

function codeAt(shapes: Shape[], lng: number, lat: number): string | null {
  return shapes.find((s) => booleanPointInPolygon([lng, lat], s))?.properties.QUHUADAIMA ?? null
}

interface BorderCase {
  wgs: [lng: number, lat: number]
  gcj: [lng: number, lat: number]
  truth: string
  misread: string | null
}

/** Points on either side of territory county borders where reading GCJ-02 as WGS-84 changes the answer. */
function borderCases(profile: DemoProfile, wanted: number): BorderCase[] {
  const dir = DEMO_DEPLOYMENTS[profile]
  const territory = loadDeployment(dir).regionCode
  const prefix = territory.replace(/(00)+$/, '')
  const shapes = shapesOf(dir)
  const found: BorderCase[] = []
  const seenPairs = new Set<string>()
  const STEP = 0.0015 // ≈ 150 m
  for (const shape of shapes.filter((s) => s.properties.QUHUADAIMA.startsWith(prefix))) {
    const rings =
      shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates
    for (const [lng0, lat0] of rings.flatMap((p) => p[0] ?? [])) {
      for (const [dx, dy] of [
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
        [1, 1],
        [-1, -1],
        [1, -1],
        [-1, 1],
      ] as const) {
        for (const k of [1, 2, 3]) {
          const lng = lng0! + dx * k * STEP
          const lat = lat0! + dy * k * STEP
          // Both sides of the border: the point may truly lie in the county or in its neighbour.
          const truth = codeAt(shapes, lng, lat)
          if (truth === null) continue
          // Far enough inside that a few metres of conversion error cannot matter.
          const margin = 0.0003
          const solid = [
            [margin, 0],
            [-margin, 0],
            [0, margin],
            [0, -margin],
          ].every(([mx, my]) => codeAt(shapes, lng + mx!, lat + my!) === truth)
          if (!solid) continue
          const [gLng, gLat] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]
          const misread = codeAt(shapes, gLng, gLat)
          if (misread === truth) continue
          const pair = `${truth}>${misread}`
          if (seenPairs.has(pair)) continue
          seenPairs.add(pair)
          found.push({ wgs: [lng, lat], gcj: [gLng, gLat], truth, misread })
          if (found.length >= wanted) return found
        }
      }
    }
  }
  return found
}

describe.each(Object.keys(DEMO_DEPLOYMENTS) as DemoProfile[])(
  'GCJ-02 shift at county borders: %s',
  (profile) => {
    const cases = borderCases(profile, 8)

    test('the search finds border points where the datum decides', () => {
      expect(cases.length).toBeGreaterThanOrEqual(5)
      // Some cases start inside the territory, some outside: the shift decides the jurisdiction itself.
      const prefix = loadDeployment(DEMO_DEPLOYMENTS[profile]).regionCode.replace(/(00)+$/, '')
      expect(cases.some((c) => c.truth.startsWith(prefix))).toBe(true)
    })

    test('the resolver converts GCJ-02 and answers the true county, not the misread one', () => {
      const router = demoRouter(profile)
      for (const c of cases) {
        const placement = router.locate(gcj02(c.gcj[1], c.gcj[0]))
        // Zones are drawn over counties: inside the territory what matters is the county.
        const answered = placement.inTerritory ? placement.county?.code : placement.region?.code
        expect({ at: c.wgs, answered }).toEqual({ at: c.wgs, answered: c.truth })
        expect(answered).not.toBe(c.misread)
        expect(Math.abs(placement.position.lng - c.wgs[0])).toBeLessThan(1e-5)
        expect(Math.abs(placement.position.lat - c.wgs[1])).toBeLessThan(1e-5)
      }
    })
  },
)
