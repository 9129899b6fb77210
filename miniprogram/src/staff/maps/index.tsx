// 案件地图: the open cases of the staff member's units, clustered (supercluster) and coloured by how pressing they
// are — overdue, urgent, at the reminder date, on track — filterable by tone and category; a cluster lists its
// cases. Links to the trend charts, the quarterly analysis, typical cases and the business sections' copies.
import { useCallback, useEffect, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import {
  boundsOf,
  clusterCases,
  filterPoints,
  MARKER_TONE_KEYS,
  MARKER_TONES,
  zoomToFit,
  type MapCluster,
  type MapPoint,
  type MarkerTone,
} from '@shared/analysis/case-map'
import { CATEGORIES, CATEGORY_KEYS, type CategoryKey } from '@shared/vocabulary/categories'
import ChipPicker from '../../components/chip-picker'
import StateView from '../../components/state-view'
import { useLatestWins } from '../../hooks/use-answer'
import { openCaseMapPage } from '../../services/analysis'
import ClusterView from './cluster-view'
import './maps.scss'

/** At most this many pages of 100 open cases are drawn (a larger backlog is said so). */
const MAX_PAGES = 20

type Load =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; truncated: boolean }

export default function CaseMapPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [points, setPoints] = useState<MapPoint[]>([])
  const [tones, setTones] = useState<MarkerTone[]>([])
  const [categories, setCategories] = useState<CategoryKey[]>([])
  const [zoom, setZoom] = useState<number | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const begin = useLatestWins()

  const refresh = useCallback(async () => {
    const ticket = begin()
    const all: MapPoint[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page = await openCaseMapPage(cursor)
      if (!ticket.isLatest()) return
      if (!page.ok) return setLoad({ status: 'error', message: page.error.message })
      all.push(...page.data.items)
      cursor = page.data.next
      pages++
    } while (cursor && pages < MAX_PAGES)
    setPoints(all)
    setLoad({ status: 'ready', truncated: cursor !== null })
  }, [begin])
  useEffect(() => void refresh(), [refresh])

  const shown = useMemo(() => filterPoints(points, { tones, categories }), [points, tones, categories])
  const index = useMemo(() => clusterCases(shown), [shown])
  const bbox = useMemo(() => boundsOf(shown), [shown])
  const fitted = bbox ? zoomToFit(bbox, 360) : 10
  const level = zoom ?? fitted
  const clusters = useMemo(
    () =>
      bbox
        ? index
            .at(bbox, level)
            .sort(
              (a, b) =>
                MARKER_TONE_KEYS.indexOf(a.tone) - MARKER_TONE_KEYS.indexOf(b.tone) || b.count - a.count,
            )
        : [],
    [index, bbox, level],
  )
  const centre = bbox ? { lat: (bbox[1] + bbox[3]) / 2, lng: (bbox[0] + bbox[2]) / 2 } : { lat: 0, lng: 0 }
  const cases = selected ? index.casesOf(selected) : []

  const tap = (cluster: MapCluster) => {
    if (cluster.point) return void Taro.navigateTo({ url: `/staff/case/index?id=${cluster.point.caseId}` })
    setSelected(cluster.key)
  }

  return (
    <View className="page">
      <View className="maps__links">
        <Text className="link" onClick={() => void Taro.navigateTo({ url: '/staff/maps/trends/index' })}>
          趋势图表
        </Text>
        <Text className="link" onClick={() => void Taro.navigateTo({ url: '/staff/maps/report/index' })}>
          季度分析报告
        </Text>
        <Text className="link" onClick={() => void Taro.navigateTo({ url: '/staff/maps/copies/index' })}>
          业务科室抄送
        </Text>
      </View>
      <ChipPicker
        label="办理状态"
        multiple
        testId="tone-filter"
        options={MARKER_TONE_KEYS.map((t) => ({ value: t, label: MARKER_TONES[t].label }))}
        value={tones}
        onChange={(v) => {
          setTones(v)
          setSelected(null)
        }}
      />
      <ChipPicker
        label="问题类别"
        multiple
        testId="category-filter"
        options={CATEGORY_KEYS.map((c) => ({ value: c, label: CATEGORIES[c].short }))}
        value={categories}
        onChange={(v) => {
          setCategories(v)
          setSelected(null)
        }}
      />
      {load.status === 'loading' && <StateView kind="loading" />}
      {load.status === 'error' && (
        <StateView kind="error" text={load.message} onRetry={() => void refresh()} />
      )}
      {load.status === 'ready' && (
        <>
          <View className="card" data-testid="case-map" data-count={shown.length} data-zoom={level}>
            <View className="row">
              <Text className="card-title">在办案件 {shown.length} 件</Text>
              <View className="row">
                <Button className="btn small secondary" onClick={() => setZoom(Math.max(3, level - 1))}>
                  缩小
                </Button>
                <Button className="btn small secondary" onClick={() => setZoom(Math.min(18, level + 1))}>
                  放大
                </Button>
              </View>
            </View>
            {load.truncated && (
              <Text className="hint">案件较多，地图只显示最近的 {MAX_PAGES * 100} 件。</Text>
            )}
            {shown.length === 0 ? (
              <StateView kind="empty" text="没有符合条件的在办案件" />
            ) : (
              <ClusterView clusters={clusters} centre={centre} zoom={level} onTap={tap} />
            )}
            <View className="row">
              {MARKER_TONE_KEYS.map((t) => (
                <Text key={t} className="muted">
                  <Text className="maps__dot" style={{ backgroundColor: MARKER_TONES[t].colour }} />
                  {MARKER_TONES[t].label}
                </Text>
              ))}
            </View>
          </View>
          {clusters.map((c) => (
            <View
              key={c.key}
              className="list-item"
              data-testid="cluster"
              data-count={c.count}
              data-tone={c.tone}
              onClick={() => tap(c)}
            >
              <View className="row">
                <Text className="card-title">
                  <Text className="maps__dot" style={{ backgroundColor: MARKER_TONES[c.tone].colour }} />
                  {c.point ? c.point.refNo : `${c.count} 件`}
                </Text>
                <Text className={`tag ${c.tone === 'overdue' || c.tone === 'urgent' ? 'warn' : ''}`}>
                  {MARKER_TONES[c.tone].label}
                </Text>
              </View>
              <Text className="hint">
                {c.point
                  ? `${CATEGORIES[c.point.category].label} · ${c.point.statusLabel}${c.point.due ? ` · ${c.point.due} 到期` : ''}`
                  : MARKER_TONE_KEYS.filter((t) => c.tones[t] > 0)
                      .map((t) => `${MARKER_TONES[t].label} ${c.tones[t]}`)
                      .join('，')}
              </Text>
              {selected === c.key &&
                cases.map((p) => (
                  <View
                    key={p.caseId}
                    className="row"
                    data-testid="cluster-case"
                    onClick={(e) => {
                      e.stopPropagation()
                      void Taro.navigateTo({ url: `/staff/case/index?id=${p.caseId}` })
                    }}
                  >
                    <Text className="ref-no">{p.refNo}</Text>
                    <Text className="muted">
                      {CATEGORIES[p.category].short} · {MARKER_TONES[p.tone].label}
                    </Text>
                  </View>
                ))}
            </View>
          ))}
        </>
      )}
    </View>
  )
}
