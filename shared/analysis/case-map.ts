// The map of open cases staff work from: one point per case, coloured by how urgent it is and where its clock
// stands, clustered with supercluster (a maintained, dependency-light clustering library that runs unchanged in the
// mini-program, the browser and node). Staff see where a report was made (the case page shows it too); nothing
// here is ever public — the public page shows counts per county only, and single cases only as their geohash-6
// cell (shared/cases/views/public.ts).
import Supercluster from 'supercluster'
import type { CaseClock } from '../deadlines'
import type { StoredCase } from '../cases/case-doc'
import type { LocalDate } from '../time'
import type { CategoryKey } from '../vocabulary/categories'
import { stateLabel } from '../workflow/states'

/**
 * A marker's colour, most pressing first: a duty past its due date; an urgent report (立即 by the intake rules, or
 * an emergency, S2 第十二条); a duty at or past its 催办 date (the profile's reminder, S2 第十八条); on track.
 */
export const MARKER_TONES = {
  overdue: { label: '已逾期', colour: '#c0392b' },
  urgent: { label: '紧急', colour: '#d35400' },
  'due-soon': { label: '临近期限', colour: '#d4a106' },
  'on-track': { label: '正常办理', colour: '#1f7a4d' },
} as const

export type MarkerTone = keyof typeof MARKER_TONES
/** Most pressing first: a cluster takes the tone of its most pressing case. */
export const MARKER_TONE_KEYS = Object.keys(MARKER_TONES) as MarkerTone[]

/** One open case on the map (WGS-84). */
export interface MapPoint {
  caseId: string
  refNo: string
  lat: number
  lng: number
  category: CategoryKey
  unitId: string
  statusLabel: string
  tone: MarkerTone
  /** The nearest due date of a running duty, if any. */
  due: LocalDate | null
}

export type MapSource = Pick<
  StoredCase,
  '_id' | 'refNo' | 'position' | 'category' | 'unitId' | 'status' | 'intake' | 'facts'
>

/** The tone of a case from its clocks (as of the moment they were computed) and its urgency. */
export function markerTone(
  doc: Pick<MapSource, 'intake' | 'facts'>,
  clocks: readonly CaseClock[],
): MarkerTone {
  const duties = clocks.filter((c) => c.nature === 'duty' && c.state === 'running')
  if (duties.some((c) => c.overdue)) return 'overdue'
  if (doc.intake.urgency === 'immediate' || doc.facts.emergency) return 'urgent'
  if (duties.some((c) => c.reminderDue)) return 'due-soon'
  return 'on-track'
}

export function toMapPoint(doc: MapSource, clocks: readonly CaseClock[]): MapPoint {
  const due = clocks
    .filter((c) => c.nature === 'duty' && c.state === 'running' && c.due !== null)
    .map((c) => c.due!)
    .sort()[0]
  return {
    caseId: doc._id,
    refNo: doc.refNo,
    lat: doc.position.lat,
    lng: doc.position.lng,
    category: doc.category,
    unitId: doc.unitId,
    statusLabel: stateLabel(doc.status),
    tone: markerTone(doc, clocks),
    due: due ?? null,
  }
}

export interface MapFilter {
  categories?: readonly CategoryKey[]
  unitIds?: readonly string[]
  tones?: readonly MarkerTone[]
}

/** The points a filter keeps (an empty or absent list keeps everything of that kind). */
export function filterPoints(points: readonly MapPoint[], filter: MapFilter): MapPoint[] {
  const keeps = <T>(list: readonly T[] | undefined, value: T) => !list?.length || list.includes(value)
  return points.filter(
    (p) =>
      keeps(filter.categories, p.category) && keeps(filter.unitIds, p.unitId) && keeps(filter.tones, p.tone),
  )
}

type ToneCounts = Record<MarkerTone, number>

/** A cluster, or a single case (count 1, with its point). */
export interface MapCluster {
  /** Stable within one index: `c<n>` for a cluster, the case id for a single case. */
  key: string
  lat: number
  lng: number
  count: number
  tone: MarkerTone
  tones: ToneCounts
  /** The zoom at which a cluster breaks up (tap to zoom in); null for a single case. */
  expansionZoom: number | null
  point: MapPoint | null
}

/** West, south, east, north (WGS-84 degrees), as supercluster takes it. */
export type BBox = [west: number, south: number, east: number, north: number]

const zeroTones = (): ToneCounts => ({ overdue: 0, urgent: 0, 'due-soon': 0, 'on-track': 0 })

function mostPressing(tones: ToneCounts): MarkerTone {
  return MARKER_TONE_KEYS.find((t) => tones[t] > 0) ?? 'on-track'
}

// Supercluster copies cluster properties shallowly between zoom levels: the counts are flat numbers, never a
// nested object that two levels would share and both add to.
type ClusterProps = ToneCounts
type PointProps = ToneCounts & { index: number }

const tonesOf = (props: ToneCounts): ToneCounts => ({
  overdue: props.overdue,
  urgent: props.urgent,
  'due-soon': props['due-soon'],
  'on-track': props['on-track'],
})

export interface CaseClusters {
  /** Clusters and single cases inside `bbox` at a zoom level (0–20, web-map zoom; the weapp map's `scale`). */
  at(bbox: BBox, zoom: number): MapCluster[]
  /** Every case of a cluster (by its key), for the list under the map. */
  casesOf(key: string): MapPoint[]
}

/** Clusters within 60 px of each other at a zoom merge; single cases show from zoom 17 on. */
const CLUSTER_OPTIONS = { radius: 60, maxZoom: 16, minPoints: 2 } as const

export function clusterCases(points: readonly MapPoint[]): CaseClusters {
  const index = new Supercluster<PointProps, ClusterProps>({
    ...CLUSTER_OPTIONS,
    map: (props) => tonesOf(props),
    reduce: (acc, props) => {
      for (const tone of MARKER_TONE_KEYS) acc[tone] += props[tone]
    },
  })
  index.load(
    points.map((p, i) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] },
      properties: { index: i, ...zeroTones(), [p.tone]: 1 },
    })),
  )
  return {
    at(bbox, zoom) {
      return index.getClusters(bbox, Math.round(zoom)).map((feature) => {
        const [lng, lat] = feature.geometry.coordinates as [number, number]
        const props = feature.properties as {
          cluster?: boolean
          cluster_id?: number
          point_count?: number
        } & PointProps
        const tones = tonesOf(props)
        if (props.cluster) {
          const id = props.cluster_id!
          return {
            key: `c${id}`,
            lat,
            lng,
            count: props.point_count!,
            tone: mostPressing(tones),
            tones,
            expansionZoom: index.getClusterExpansionZoom(id),
            point: null,
          }
        }
        const point = points[props.index]!
        return { key: point.caseId, lat, lng, count: 1, tone: point.tone, tones, expansionZoom: null, point }
      })
    },
    casesOf(key) {
      if (!key.startsWith('c')) return points.filter((p) => p.caseId === key)
      const leaves = index.getLeaves(Number(key.slice(1)), Infinity)
      return leaves.map((leaf) => points[(leaf.properties as PointProps).index]!)
    },
  }
}

/** The box around some points, grown by `margin` of its size on each side (a single point: ±0.01°). */
export function boundsOf(points: ReadonlyArray<{ lat: number; lng: number }>, margin = 0.05): BBox | null {
  if (points.length === 0) return null
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const p of points) {
    west = Math.min(west, p.lng)
    east = Math.max(east, p.lng)
    south = Math.min(south, p.lat)
    north = Math.max(north, p.lat)
  }
  const dx = Math.max((east - west) * margin, 0.01)
  const dy = Math.max((north - south) * margin, 0.01)
  return [west - dx, south - dy, east + dx, north + dy]
}

/** The web-map zoom at which `bbox` fits `widthPx` pixels (256-px tiles), within 3–16. */
export function zoomToFit(bbox: BBox, widthPx: number): number {
  const span = Math.max(bbox[2] - bbox[0], 1e-6)
  const zoom = Math.log2((widthPx * 360) / (256 * span))
  return Math.max(3, Math.min(16, Math.floor(zoom)))
}
