// County-level boundary data arrives as TopoJSON (shared arcs, quantised: a third of the size of GeoJSON).
// Each geometry carries `NAME` and `QUHUADAIMA` (行政区划代码). The source files also hold a frame (`fanwei`),
// sea areas (`hai`), empty placeholder geometries and duplicates; `regionsFromTopology` keeps only named
// polygons with a division code and merges the pieces of one region (e.g. 河北省's four pieces around Tianjin).
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryObject, Topology } from 'topojson-specification'
import { divisionCovers, isDivisionCode } from './division-codes'

export interface RegionRef {
  code: string
  name: string
}

/** A region's outline in WGS-84 longitude/latitude. */
export interface RegionShape extends RegionRef {
  geometry: Polygon | MultiPolygon
}

interface BoundaryProperties {
  NAME?: unknown
  QUHUADAIMA?: unknown
}

export function isTopology(value: unknown): value is Topology {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { type?: unknown; objects?: unknown; arcs?: unknown }
  return v.type === 'Topology' && typeof v.objects === 'object' && v.objects !== null && Array.isArray(v.arcs)
}

function topologyObject(topology: Topology, objectName?: string): Topology['objects'][string] {
  const name = objectName ?? Object.keys(topology.objects)[0]
  const object = name === undefined ? undefined : topology.objects[name]
  if (!object) throw new Error(`topology has no object ${JSON.stringify(objectName ?? '(first)')}`)
  return object
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
}

/** Named regions of one object of the topology (the first object unless named), in file order. */
export function regionsFromTopology(topology: unknown, objectName?: string): RegionShape[] {
  if (!isTopology(topology)) throw new Error('boundary data is not a TopoJSON topology')
  const collection = feature(topology, topologyObject(topology, objectName))
  const features = 'features' in collection ? collection.features : [collection]
  const byCode = new Map<string, { name: string; polygons: Position[][][]; seen: Set<string> }>()
  for (const f of features) {
    const props = (f.properties ?? {}) as BoundaryProperties
    const code = typeof props.QUHUADAIMA === 'string' ? props.QUHUADAIMA : ''
    const name = typeof props.NAME === 'string' ? props.NAME.trim() : ''
    const geometry = f.geometry as Polygon | MultiPolygon | null
    if (!isDivisionCode(code) || !name || !geometry) continue
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue
    const entry = byCode.get(code) ?? { name, polygons: [], seen: new Set<string>() }
    for (const polygon of polygonsOf(geometry)) {
      const fingerprint = JSON.stringify(polygon)
      if (entry.seen.has(fingerprint)) continue
      entry.seen.add(fingerprint)
      entry.polygons.push(polygon)
    }
    byCode.set(code, entry)
  }
  return [...byCode].map(([code, { name, polygons }]) => ({
    code,
    name,
    geometry:
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0]! }
        : { type: 'MultiPolygon', coordinates: polygons },
  }))
}

type ArcRefs = number[] | number[][] | number[][][]

function remapArcRefs(refs: ArcRefs, map: Map<number, number>): ArcRefs {
  return refs.map((ref: number | number[] | number[][]) => {
    if (Array.isArray(ref)) return remapArcRefs(ref as ArcRefs, map)
    // A negative index ~i means arc i reversed (TopoJSON spec 2.1.4).
    const index = ref < 0 ? ~ref : ref
    const mapped = map.get(index)
    if (mapped === undefined) throw new Error(`arc ${index} not kept`)
    return ref < 0 ? ~mapped : mapped
  }) as ArcRefs
}

function collectArcs(refs: ArcRefs, into: Set<number>): void {
  for (const ref of refs) {
    if (Array.isArray(ref)) collectArcs(ref as ArcRefs, into)
    else into.add(ref < 0 ? ~ref : ref)
  }
}

type TopoGeometry = GeometryObject & { arcs?: ArcRefs; properties?: Record<string, unknown> | null }

/**
 * A copy of the topology with only the geometries `keep` accepts and only the arcs they use (renumbered).
 * Used to cut the reference data down to what a deployment ships (see deployments/README.md).
 */
export function subsetTopology(
  topology: Topology,
  keep: (properties: Record<string, unknown>, geometry: GeometryObject) => boolean,
): Topology {
  const objects: Topology['objects'] = {}
  const used = new Set<number>()
  const kept: Record<string, TopoGeometry[]> = {}
  for (const [name, object] of Object.entries(topology.objects)) {
    const members: TopoGeometry[] =
      object.type === 'GeometryCollection' ? (object.geometries as TopoGeometry[]) : [object as TopoGeometry]
    kept[name] = members.filter((g) => g.type !== null && keep(g.properties ?? {}, g))
    for (const g of kept[name]) if (g.arcs) collectArcs(g.arcs, used)
  }
  const order = [...used].sort((a, b) => a - b)
  const map = new Map(order.map((oldIndex, newIndex) => [oldIndex, newIndex]))
  for (const [name, members] of Object.entries(kept)) {
    objects[name] = {
      type: 'GeometryCollection',
      geometries: members.map((g) =>
        g.arcs ? { ...g, arcs: remapArcRefs(g.arcs, map) } : g,
      ) as GeometryObject[],
    }
  }
  const { bbox: _bbox, ...rest } = topology
  return { ...rest, objects, arcs: order.map((i) => topology.arcs[i]!) }
}

/**
 * The boundary file a deployment ships, cut from reference data (deployments/README.md): named geometries with
 * a six-digit division code — the territory's counties and the neighbouring regions, so guidance can name
 * where a point outside lies — without exact duplicates, the frame, the sea and empty placeholders, and
 * without the whole-territory polygon when the file also draws its counties (it is their union); unused arcs
 * removed, properties reduced to `NAME` and `QUHUADAIMA`.
 */
export function cutDeploymentBoundaries(source: Topology, territoryCode: string): Topology {
  const codeOf = (p: Record<string, unknown>) => String(p.QUHUADAIMA ?? '')
  const drawsInside = Object.values(source.objects).some(
    (object) =>
      object.type === 'GeometryCollection' &&
      (object.geometries as TopoGeometry[]).some((g) => {
        const code = codeOf(g.properties ?? {})
        return isDivisionCode(code) && code !== territoryCode && divisionCovers(territoryCode, code)
      }),
  )
  const seen = new Set<string>()
  const subset = subsetTopology(source, (p, g) => {
    const code = codeOf(p)
    const key = code + JSON.stringify((g as { arcs?: unknown }).arcs)
    if (!isDivisionCode(code) || !String(p.NAME ?? '').trim() || seen.has(key)) return false
    if (code === territoryCode && drawsInside) return false
    seen.add(key)
    return true
  })
  const objects: Topology['objects'] = {}
  for (const [name, object] of Object.entries(subset.objects)) {
    objects[name] = {
      type: 'GeometryCollection',
      geometries: (object as { geometries: TopoGeometry[] }).geometries.map((g) => ({
        ...g,
        properties: { NAME: String(g.properties?.NAME).trim(), QUHUADAIMA: codeOf(g.properties ?? {}) },
      })) as GeometryObject[],
    }
  }
  return { ...subset, objects }
}
