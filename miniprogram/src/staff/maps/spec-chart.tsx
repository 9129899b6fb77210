// A chart spec (shared/analysis/charts.ts) drawn with F2 (@antv/f2) on a 2d canvas — the same code in the
// mini-program (canvas node from the selector query) and in H5 (Taro's canvas element) — with its numbers as text
// beneath, so every value can also be read (and is what the tests read).
import { useEffect, useMemo } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, Text, View } from '@tarojs/components'
import { Axis, Canvas as F2Canvas, Chart, Interval, Legend, Line, Point, jsx } from '@antv/f2'
import { categoriesOf, seriesOf, type ChartSpec } from '@shared/analysis/charts'

let serial = 0

/** F2's `jsx` with the component types its generics cannot infer here (props are checked by F2 at run time). */
export const el = (type: unknown, props: object) => jsx(type as never, props as never)

/** The F2 element tree of a spec: bars (dodged when grouped) or lines with points, axes and a legend. */
function chartTree(spec: ChartSpec) {
  const encode = { x: 'x', y: 'y', color: 'series' }
  const geometry =
    spec.kind === 'line'
      ? [el(Line, encode), el(Point, encode)]
      : [el(Interval, { ...encode, ...(spec.kind === 'grouped-bar' ? { adjust: 'dodge' } : {}) })]
  return el(Chart, {
    data: spec.data,
    // Counts and rates start at zero: a bar's length is its value.
    scale: { y: { min: 0, nice: true } },
    children: [
      el(Axis, { field: 'x' }),
      el(Axis, { field: 'y' }),
      ...geometry,
      el(Legend, { position: 'top' }),
    ],
  })
}

export function drawOnCanvas(
  canvasId: string,
  tree: unknown,
  onDone?: (chart: F2Canvas) => void,
): () => void {
  let chart: F2Canvas | null = null
  let cancelled = false
  const draw = (node: HTMLCanvasElement | null | undefined, width?: number, height?: number) => {
    if (cancelled || !node || !width || !height) return
    const pixelRatio = Taro.getSystemInfoSync().pixelRatio || 1
    node.width = width * pixelRatio
    node.height = height * pixelRatio
    chart = new F2Canvas({
      context: node.getContext('2d'),
      pixelRatio,
      width,
      height,
      animate: false,
      children: tree,
    })
    void chart.render().then(() => onDone?.(chart!))
  }
  Taro.nextTick(() => {
    // The page may be gone by now (the person moved on): nothing to draw, and nothing to look for.
    if (cancelled) return
    if (process.env.TARO_ENV === 'h5') {
      // H5: the canvas is ours, in the page's own document; Taro's query would throw (uncaught) for a page left
      // meanwhile, and answers the canvas only when the element reports its type.
      const node = document.querySelector<HTMLCanvasElement>(`#${canvasId} canvas`)
      draw(node, node?.clientWidth, node?.clientHeight)
      return
    }
    Taro.createSelectorQuery()
      .select(`#${canvasId}`)
      .fields({ node: true, size: true, nodeCanvasType: true } as Taro.NodesRef.Fields)
      .exec((res: Array<{ node?: HTMLCanvasElement | null; width?: number; height?: number } | null>) => {
        const found = res?.[0]
        draw(found?.node, found?.width, found?.height)
      })
  })
  return () => {
    cancelled = true
    chart?.destroy()
  }
}

export default function SpecChart({ spec, height = 220 }: { spec: ChartSpec; height?: number }) {
  const id = useMemo(() => `spec-chart-${++serial}`, [])
  useEffect(() => (spec.data.length ? drawOnCanvas(id, chartTree(spec)) : undefined), [id, spec])
  const xs = categoriesOf(spec)
  const series = seriesOf(spec)
  return (
    <View className="card spec-chart" data-testid="chart" data-key={spec.key}>
      <Text className="card-title">
        {spec.title}（{spec.unit}）
      </Text>
      {spec.data.length === 0 ? (
        <Text className="muted">暂无数据</Text>
      ) : (
        <Canvas type="2d" id={id} canvasId={id} style={{ width: '100%', height: `${height}px` }} />
      )}
      <View className="spec-chart__table">
        {xs.map((x) => (
          <View key={x} className="spec-chart__row" data-testid="chart-row" data-x={x}>
            <Text className="spec-chart__x">{x}</Text>
            {series.map((s) => {
              const d = spec.data.find((p) => p.x === x && p.series === s)
              return (
                <Text key={s} className="spec-chart__v">
                  {s} {d ? d.y : '—'}
                </Text>
              )
            })}
          </View>
        ))}
      </View>
    </View>
  )
}
