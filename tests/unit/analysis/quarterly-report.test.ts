// The quarterly analysis report (S0 第十五条, S3 第十九条) as a pure function of the months' figures and the quarter's
// tally: totals and change, hotspots (geohash-6 cells), the entities reported most, problems reported 3 times or
// more (S0 第十一条), and the document, self-contained and escaped.
import { emptyCounts, type MonthlyFigures } from '@shared/analysis/figures'
import { seriesOf } from '@shared/analysis/charts'
import { buildQuarterlyReport } from '@shared/analysis/quarterly-report'
import { chartSvg, quarterlyReportHtml } from '@shared/analysis/report-document'
import { addToTally, emptyQuarterTally, type QuarterTallyCase } from '@shared/analysis/quarter-tally'
import { encodeGeohash } from '@shared/geo/cells'

const month = (m: string, received: number, closed = 0): MonthlyFigures => ({
  month: m,
  rows: [
    { ...emptyCounts(), regionCode: '410811', category: 'noise', received, closed, closedOnTime: closed },
  ],
  source: 'monthly-report',
  countedAt: `${m}-28T00:00:00+08:00`,
})

const CELL_A = encodeGeohash(35.3, 113.27, 6)
const CELL_B = encodeGeohash(35.2, 113.1, 6)
let n = 0
const report = (
  cell: string,
  category: QuarterTallyCase['category'],
  entity: string | null,
): QuarterTallyCase =>
  ({
    _id: `c${n++}`,
    category,
    regionCode: '410811',
    geo: { gh5: cell.slice(0, 5), gh6: cell, gh7: `${cell}0` },
    entityKey: entity ? entity.replace(/\s/g, '') : null,
    reportedEntity: entity,
    flags: { repeatAction: entity === '<恒通化工>' ? { event: 'escalate', count: 3, at: '' } : null },
  }) as never

function tally() {
  const t = emptyQuarterTally()
  for (let i = 0; i < 4; i++) addToTally(t, report(CELL_A, 'noise', '<恒通化工>'))
  addToTally(t, report(CELL_A, 'air', null))
  for (let i = 0; i < 2; i++) addToTally(t, report(CELL_B, 'water', '某养殖场'))
  return t
}

const built = buildQuarterlyReport({
  quarter: '2026Q4',
  months: [month('2026-10', 2, 1), month('2026-11', 5, 2)],
  previous: [month('2026-07', 1), month('2026-08', 2), month('2026-09', 1)],
  trend: [month('2026-09', 1), month('2026-10', 2, 1), month('2026-11', 5, 2)],
  tally: tally(),
  countyName: (code) => (code === '410811' ? '山阳区' : '辖区外'),
  repeatPolicy: { threshold: 3, basis: 'S0 第十一条' },
  generatedAt: '2026-12-01T10:00:00+08:00',
  complete: false,
})

test('totals of the months counted, and the change against the quarter before', () => {
  expect(built.totals).toMatchObject({ received: 7, closed: 3, closedOnTime: 3, onTimeRate: 100 })
  expect(built.receivedChange).toBe(75) // 7 against 4
  expect(built.summary[0]).toContain('本季度收到反映 7 件')
  expect(built.summary[1]).toBe('收到反映较上季度增加 75%。')
  // December is not counted yet: the document says so.
  expect(built.sources).toContain('2026年12月：尚无统计数据')
})

test('hotspots: cells by number of reports, with their main category and centre', () => {
  expect(built.hotspots.map((h) => [h.cell, h.count, h.topCategory.label])).toEqual([
    [CELL_A, 5, '噪声污染'],
    [CELL_B, 2, '水污染'],
  ])
  expect(Math.abs(built.hotspots[0]!.lat - 35.3)).toBeLessThan(0.01)
})

test('entities reported most, and problems reported 3 times or more (S0 第十一条)', () => {
  expect(built.topEntities.map((e) => [e.name, e.count])).toEqual([
    ['<恒通化工>', 4],
    ['某养殖场', 2],
  ])
  expect(built.repeat.entities).toEqual([{ what: '<恒通化工>', count: 4 }])
  expect(built.repeat.places).toEqual([{ what: `山阳区 ${CELL_A} 一带 · 噪声污染`, count: 4 }])
  expect(built.repeat.actions).toBe(4)
})

test('the document: one HTML file, charts inline, names escaped, no script or remote resource', () => {
  const html = quarterlyReportHtml(built, '焦作市生态环境局')
  expect(html).toContain('&lt;恒通化工&gt;')
  expect(html).not.toContain('<恒通化工>')
  expect(html.match(/<svg/g)).toHaveLength(built.charts.length)
  expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/)
  expect(html).toContain('本季度尚未结束')
})

test('a bar chart draws one bar per value, a line chart one point per value', () => {
  const county = built.charts.find((c) => c.key === 'by-county')!
  // One rect per bar and one per legend entry.
  expect(chartSvg(county).match(/<rect /g)).toHaveLength(county.data.length + seriesOf(county).length)
  const trend = built.charts.find((c) => c.key === 'trend')!
  expect(chartSvg(trend).match(/<circle/g)).toHaveLength(trend.data.length)
})
