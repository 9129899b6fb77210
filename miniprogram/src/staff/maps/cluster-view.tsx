// Where the clusters are drawn. weapp: the platform's `map` component (real tiles in the app; markers are our
// clusters, coloured by tone, with their count). H5 (local mode and the browser tests): Taro's H5 has no map and a
// web map would need remote tiles, so the clusters are drawn with F2 on a plain longitude/latitude plane — a
// schematic, offline view with the same clusters, colours and taps (documented in docs/architecture.md).
import { useEffect, useMemo } from 'react'
import { Canvas, Map, View } from '@tarojs/components'
import { Axis, Chart, Point } from '@antv/f2'
import { MARKER_TONES, type MapCluster, type MarkerTone } from '@shared/analysis/case-map'
import { toGcj02, wgs84 } from '@shared/geo/coordinates'
import overdue from './assets/overdue.png'
import urgent from './assets/urgent.png'
import dueSoon from './assets/due-soon.png'
import onTrack from './assets/on-track.png'
import { drawOnCanvas, el } from './spec-chart'

const ICONS: Record<MarkerTone, string> = { overdue, urgent, 'due-soon': dueSoon, 'on-track': onTrack }

interface Props {
  clusters: MapCluster[]
  centre: { lat: number; lng: number }
  zoom: number
  onTap: (cluster: MapCluster) => void
}

function WeappMap({ clusters, centre, zoom, onTap }: Props) {
  const gcj = toGcj02(wgs84(centre.lat, centre.lng))
  const markers = clusters.map((c, i) => {
    const p = toGcj02(wgs84(c.lat, c.lng))
    const size = c.count > 1 ? 30 : 20
    return {
      id: i,
      latitude: p.lat,
      longitude: p.lng,
      iconPath: ICONS[c.tone],
      width: size,
      height: size,
      ...(c.count > 1
        ? {
            label: {
              content: String(c.count),
              color: '#ffffff',
              fontSize: 12,
              anchorX: -4,
              anchorY: -24,
              bgColor: MARKER_TONES[c.tone].colour,
              padding: 2,
              borderRadius: 8,
            },
          }
        : {}),
    }
  })
  return (
    <Map
      className="maps__map"
      latitude={gcj.lat}
      longitude={gcj.lng}
      scale={Math.max(3, Math.min(20, zoom))}
      markers={markers as never}
      onError={() => undefined}
      onMarkerTap={(e) => {
        const cluster = clusters[Number((e.detail as { markerId: number }).markerId)]
        if (cluster) onTap(cluster)
      }}
    />
  )
}

let serial = 0

function SchematicPlot({ clusters }: Props) {
  const id = useMemo(() => `cluster-plot-${++serial}`, [])
  useEffect(() => {
    if (!clusters.length) return undefined
    const data = clusters.map((c) => ({
      lng: c.lng,
      lat: c.lat,
      count: c.count,
      tone: c.tone,
    }))
    const tree = el(Chart, {
      data,
      children: [
        el(Axis, { field: 'lng', labelFormatter: (v: number) => v.toFixed(2) }),
        el(Axis, { field: 'lat', labelFormatter: (v: number) => v.toFixed(2) }),
        el(Point, {
          x: 'lng',
          y: 'lat',
          // Each point in its tone's colour (as in the legend and the list), whatever order the tones come in.
          color: { field: 'tone', callback: (tone: MarkerTone) => MARKER_TONES[tone].colour },
          size: { field: 'count', range: [6, 24] },
        }),
      ],
    })
    return drawOnCanvas(id, tree)
  }, [clusters, id])
  return (
    <View data-testid="cluster-plot">
      <Canvas type="2d" id={id} canvasId={id} className="maps__map" />
    </View>
  )
}

export default function ClusterView(props: Props) {
  return process.env.TARO_ENV === 'weapp' ? <WeappMap {...props} /> : <SchematicPlot {...props} />
}
