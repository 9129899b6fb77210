// The monthly figures (S0 第十八条, S1 第十三条) and the chart data derived from them: a month's rows from its
// statistics cells, sums by county and category, the two rates, months and quarters on the Shanghai calendar, and each
// chart's points — what is drawn, tested here; how it is drawn is the renderer's business (F2 in the app, SVG in the
// document).
import {
  byCategory,
  byCounty,
  emptyCounts,
  figureRowsOf,
  mergeRows,
  onTimeRate,
  satisfactionRate,
  totalsOf,
  type MonthlyFigureRow,
  type MonthlyFigures,
} from '@shared/analysis/figures'
import { categoryChart, countyChart, rateTrendChart, trendChart } from '@shared/analysis/charts'
import { emptyTally, type CaseDims, type StatCell, type Tally } from '@shared/stats'

const row = (
  regionCode: string | null,
  category: MonthlyFigureRow['category'],
  over: Partial<MonthlyFigureRow>,
) => ({
  ...emptyCounts(),
  regionCode,
  category,
  ...over,
})

const NOVEMBER: MonthlyFigureRow[] = [
  row('410811', 'noise', { received: 5, accepted: 4, closed: 3, closedOnTime: 2, rated: 2, satisfied: 1 }),
  row('410811', 'air', { received: 2, accepted: 2, closed: 1, closedOnTime: 1 }),
  row('410802', 'noise', { received: 1, accepted: 1 }),
  row(null, 'water', { received: 1 }),
]
const months = (entries: Array<[string, MonthlyFigureRow[]]>): MonthlyFigures[] =>
  entries.map(([month, rows]) => ({
    month,
    rows,
    source: 'monthly-report',
    countedAt: `${month}-28T00:00:00+08:00`,
  }))
const COUNTY = (code: string | null) => ({ '410811': '山阳区', '410802': '解放区' })[code ?? ''] ?? '辖区外'

test('totals, per category in the form’s order and per county with reports outside last', () => {
  expect(totalsOf(NOVEMBER)).toEqual({
    received: 9,
    accepted: 7,
    closed: 4,
    closedOnTime: 3,
    rated: 2,
    satisfied: 1,
  })
  expect(byCategory(NOVEMBER).map((c) => [c.category, c.received])).toEqual([
    ['air', 2],
    ['water', 1],
    ['noise', 6],
  ])
  expect(byCounty(NOVEMBER).map((c) => [c.regionCode, c.received])).toEqual([
    ['410802', 1],
    ['410811', 7],
    [null, 1],
  ])
})

test('rates: 按期办结率 of the closed, 满意率 of the rated, none without a denominator', () => {
  const t = totalsOf(NOVEMBER)
  expect(onTimeRate(t)).toBe(75)
  expect(satisfactionRate(t)).toBe(50)
  expect(onTimeRate(emptyCounts())).toBeNull()
})

test('several months merge into one row per county × category', () => {
  const merged = mergeRows([NOVEMBER, [row('410811', 'noise', { received: 1, closed: 1 })]])
  expect(merged.find((r) => r.regionCode === '410811' && r.category === 'noise')).toMatchObject({
    received: 6,
    closed: 4,
  })
  expect(merged).toHaveLength(4)
})

test('the category chart: one bar per category with reports, labelled', () => {
  expect(categoryChart(NOVEMBER).data).toEqual([
    { x: '大气污染', series: '收到反映', y: 2 },
    { x: '水污染', series: '收到反映', y: 1 },
    { x: '噪声污染', series: '收到反映', y: 6 },
  ])
})

test('the county chart: received and closed per county, by name', () => {
  expect(countyChart(NOVEMBER, COUNTY).data).toEqual([
    { x: '解放区', series: '收到反映', y: 1 },
    { x: '解放区', series: '办结', y: 0 },
    { x: '山阳区', series: '收到反映', y: 7 },
    { x: '山阳区', series: '办结', y: 4 },
    { x: '辖区外', series: '收到反映', y: 1 },
    { x: '辖区外', series: '办结', y: 0 },
  ])
})

test('the trend: months in order whatever order they come in; a rate only where it can be computed', () => {
  const figures = months([
    ['2026-11', NOVEMBER],
    ['2026-10', [row('410811', 'noise', { received: 3, accepted: 3 })]],
  ])
  expect(trendChart(figures).data.filter((d) => d.series === '收到反映')).toEqual([
    { x: '2026年10月', series: '收到反映', y: 3 },
    { x: '2026年11月', series: '收到反映', y: 9 },
  ])
  // October closed and rated nothing: no rate points for it.
  expect(rateTrendChart(figures).data).toEqual([
    { x: '2026年11月', series: '按期办结率', y: 75 },
    { x: '2026年11月', series: '满意率', y: 50 },
  ])
})

describe('a month’s rows from its statistics cells (the one source of the published figures)', () => {
  const cell = (dims: Partial<CaseDims>, counts: Partial<Tally>): StatCell => ({
    dims: {
      unitId: 'jz-shanyang',
      category: 'noise',
      requestType: 'complaint',
      county: '410811',
      channel: 'mini-program',
      outcome: 'open',
      ...dims,
    },
    tally: { ...emptyTally(), ...counts },
  })

  test('cells of one county × category (other units, request types, channels, outcomes) are summed into one row', () => {
    const rows = figureRowsOf([
      cell({}, { received: 2, accepted: 1, overdue: 1 }),
      cell({ unitId: 'jz-brigade', outcome: 'closed' }, { received: 1, closed: 1, closedOnTime: 1 }),
      cell({ requestType: 'report', channel: 'hotline-12345' }, { rated: 2, satisfied: 1, starsTotal: 8 }),
      cell({ category: 'air' }, { received: 1 }),
      cell({ county: null, category: 'water' }, { received: 1, accepted: 1 }),
    ])
    expect(rows).toEqual([
      {
        regionCode: '410811',
        category: 'noise',
        received: 3,
        accepted: 1,
        closed: 1,
        closedOnTime: 1,
        rated: 2,
        satisfied: 1,
      },
      { ...emptyCounts(), regionCode: '410811', category: 'air', received: 1 },
      { ...emptyCounts(), regionCode: null, category: 'water', received: 1, accepted: 1 },
    ])
  })

  test('a combination with none of the published counts (an extension, a review) gives no row', () => {
    expect(figureRowsOf([cell({}, { extended: 1, reviewRequested: 1, overdue: 1 })])).toEqual([])
    expect(figureRowsOf([])).toEqual([])
  })
})
