// The map of open cases: each case's tone from its clocks and urgency, and clustering (supercluster) that merges
// nearby cases at a low zoom, splits them at a high one, and carries the most pressing tone of its cases.
import type { CaseClock } from '@shared/deadlines'
import {
  boundsOf,
  clusterCases,
  filterPoints,
  markerTone,
  MARKER_TONE_KEYS,
  zoomToFit,
  type MapPoint,
  type MarkerTone,
} from '@shared/analysis/case-map'

const clock = (over: Partial<CaseClock>): CaseClock =>
  ({
    nature: 'duty',
    state: 'running',
    overdue: false,
    reminderDue: false,
    due: '2026-12-07',
    ...over,
  }) as CaseClock

const calm = { intake: { urgency: 'normal' }, facts: { emergency: false } } as never
const urgent = { intake: { urgency: 'immediate' }, facts: { emergency: false } } as never
const emergency = { intake: { urgency: 'normal' }, facts: { emergency: true } } as never

test.each<[string, object, CaseClock[], MarkerTone]>([
  ['a duty past its due date', urgent, [clock({ overdue: true })], 'overdue'],
  ['an immediate report (立即处置, S2 第十二条)', urgent, [clock({ reminderDue: true })], 'urgent'],
  ['an emergency (S3 第九条(五))', emergency, [clock({})], 'urgent'],
  ['a duty at its 催办 date (S2 第十八条)', calm, [clock({ reminderDue: true })], 'due-soon'],
  ['a duty running in time', calm, [clock({})], 'on-track'],
  [
    'a reporter’s window past its day is not the bureau’s delay',
    calm,
    [clock({ nature: 'window', overdue: true })],
    'on-track',
  ],
  ['a completed duty is not overdue', calm, [clock({ state: 'completed', overdue: true })], 'on-track'],
])('%s → %s', (_what, doc, clocks, tone) => {
  expect(markerTone(doc as never, clocks)).toBe(tone)
})

/** `n` cases around a point, ~10 m apart, with the given tones in turn. */
function around(lat: number, lng: number, n: number, tones: MarkerTone[], prefix: string): MapPoint[] {
  return Array.from({ length: n }, (_, i) => ({
    caseId: `${prefix}-${i}`,
    refNo: `JZ-20261120-${prefix}${i}`,
    lat: lat + i * 0.0001,
    lng: lng + i * 0.0001,
    category: i % 2 ? 'noise' : 'air',
    unitId: prefix === 'a' ? 'jz-shanyang' : 'jz-jiefang',
    statusLabel: '已受理',
    tone: tones[i % tones.length]!,
    due: null,
  }))
}

// Two groups ~8 km apart (山阳区 and 解放区 of the demo data).
const A = around(35.3, 113.27, 5, ['on-track', 'due-soon'], 'a')
const B = around(35.3, 113.18, 3, ['overdue', 'on-track'], 'b')
const ALL = [...A, ...B]
const BOX = boundsOf(ALL)!

test('at a city zoom each group is one cluster with its count and most pressing tone', () => {
  const clusters = clusterCases(ALL).at(BOX, 10)
  expect(clusters.map((c) => [c.count, c.tone]).sort()).toEqual([
    [3, 'overdue'],
    [5, 'due-soon'],
  ])
  const b = clusters.find((c) => c.count === 3)!
  expect(b.tones).toEqual({ overdue: 2, urgent: 0, 'due-soon': 0, 'on-track': 1 })
  expect(b.expansionZoom).toBeGreaterThan(10)
})

test('zoomed in past the cluster zoom, every case is its own marker with its point', () => {
  const singles = clusterCases(ALL).at(BOX, 18)
  expect(singles).toHaveLength(ALL.length)
  expect(singles.every((s) => s.count === 1 && s.point !== null && s.key === s.point.caseId)).toBe(true)
})

test('a cluster lists its cases (the list under the map)', () => {
  const index = clusterCases(ALL)
  const a = index.at(BOX, 10).find((c) => c.count === 5)!
  expect(
    index
      .casesOf(a.key)
      .map((p) => p.caseId)
      .sort(),
  ).toEqual(A.map((p) => p.caseId).sort())
  expect(index.casesOf('b-1').map((p) => p.caseId)).toEqual(['b-1'])
})

test('only what is inside the box is returned', () => {
  const onlyA = clusterCases(ALL).at([113.25, 35.29, 113.29, 35.31], 10)
  expect(onlyA.map((c) => c.count)).toEqual([5])
})

test('filters by category, unit and tone; an empty filter keeps everything', () => {
  expect(filterPoints(ALL, {})).toHaveLength(8)
  expect(filterPoints(ALL, { tones: ['overdue'] }).map((p) => p.caseId)).toEqual(['b-0', 'b-2'])
  expect(filterPoints(ALL, { unitIds: ['jz-jiefang'], categories: ['noise'] }).map((p) => p.caseId)).toEqual([
    'b-1',
  ])
})

test('tones are listed most pressing first; the fitted zoom frames the cases', () => {
  expect(MARKER_TONE_KEYS).toEqual(['overdue', 'urgent', 'due-soon', 'on-track'])
  const zoom = zoomToFit(BOX, 360)
  expect(zoom).toBeGreaterThanOrEqual(10)
  expect(zoom).toBeLessThanOrEqual(13)
  expect(boundsOf([])).toBeNull()
})
