// The quarterly report as a document a leader can keep, print or forward: one self-contained HTML file (no script,
// no remote font, style or picture), its charts drawn as inline SVG from the same chart specs the app draws with
// F2. Opens in any browser and in WeChat's file preview; prints on A4.
import { seriesOf, categoriesOf, type ChartSpec } from './charts'
import { FIGURE_MEASURES, type FigureCounts } from './figures'
import type { QuarterlyReport } from './quarterly-report'

const PALETTE = ['#1f7a4d', '#2f6fb5', '#d4a106', '#c0392b', '#7d4fb3', '#5b6b63']

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )
}

const W = 640
const H = 260
const PAD = { left: 44, right: 12, top: 28, bottom: 54 }

function niceMax(max: number): number {
  if (max <= 0) return 1
  const step = 10 ** Math.floor(Math.log10(max))
  return Math.ceil(max / step) * step
}

/** One chart spec as an SVG element (bars, grouped bars or lines), with axis labels and a legend. */
export function chartSvg(spec: ChartSpec): string {
  const xs = categoriesOf(spec)
  const series = seriesOf(spec)
  const max = niceMax(Math.max(0, ...spec.data.map((d) => d.y)))
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  const yOf = (v: number) => PAD.top + plotH - (v / max) * plotH
  const band = xs.length ? plotW / xs.length : plotW
  const parts: string[] = []
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i
    const y = yOf(v)
    parts.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="#e3e8e5"/>`,
      `<text x="${PAD.left - 6}" y="${y + 4}" text-anchor="end" font-size="11" fill="#5b6b63">${Math.round(v * 10) / 10}</text>`,
    )
  }
  xs.forEach((x, i) => {
    const cx = PAD.left + band * (i + 0.5)
    parts.push(
      `<text x="${cx}" y="${H - PAD.bottom + 16}" text-anchor="middle" font-size="11" fill="#33413a">${escapeHtml(x)}</text>`,
    )
  })
  const value = (x: string, s: string) => spec.data.find((d) => d.x === x && d.series === s)
  if (spec.kind === 'line') {
    series.forEach((s, si) => {
      const points = xs.flatMap((x, i) => {
        const d = value(x, s)
        return d ? [`${PAD.left + band * (i + 0.5)},${yOf(d.y)}`] : []
      })
      const colour = PALETTE[si % PALETTE.length]
      parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.join(' ')}"/>`)
      for (const p of points) {
        const [cx, cy] = p.split(',')
        parts.push(`<circle cx="${cx}" cy="${cy}" r="3" fill="${colour}"/>`)
      }
    })
  } else {
    const groups = spec.kind === 'grouped-bar' ? series : [series[0] ?? '']
    const barW = (band * 0.7) / Math.max(groups.length, 1)
    xs.forEach((x, i) => {
      groups.forEach((s, si) => {
        const d = value(x, s)
        if (!d) return
        const bx = PAD.left + band * i + band * 0.15 + barW * si
        const by = yOf(d.y)
        parts.push(
          `<rect x="${bx}" y="${by}" width="${barW}" height="${PAD.top + plotH - by}" fill="${PALETTE[si % PALETTE.length]}"/>`,
          `<text x="${bx + barW / 2}" y="${by - 3}" text-anchor="middle" font-size="10" fill="#33413a">${d.y}</text>`,
        )
      })
    })
  }
  series.forEach((s, si) => {
    const lx = PAD.left + si * 120
    parts.push(
      `<rect x="${lx}" y="${H - 16}" width="10" height="10" fill="${PALETTE[si % PALETTE.length]}"/>`,
      `<text x="${lx + 14}" y="${H - 7}" font-size="11" fill="#33413a">${escapeHtml(s)}</text>`,
    )
  })
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeHtml(spec.title)}">` +
    `<text x="${PAD.left}" y="16" font-size="13" font-weight="bold" fill="#1d2b24">${escapeHtml(spec.title)}（${spec.unit}）</text>` +
    parts.join('') +
    '</svg>'
  )
}

type Cell = string | number | null
function table(head: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const cell = (v: Cell) => (v === null ? '—' : escapeHtml(String(v)))
  return (
    `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>` +
    rows.map((r) => `<tr>${r.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`).join('') +
    '</tbody></table>'
  )
}

const MEASURE_HEAD = Object.values(FIGURE_MEASURES)
const measures = (c: FigureCounts): Cell[] => [
  c.received,
  c.accepted,
  c.closed,
  c.closedOnTime,
  c.rated,
  c.satisfied,
]

const STYLE = `body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1d2b24;max-width:760px;margin:24px auto;padding:0 16px;line-height:1.6}
h1{font-size:22px}h2{font-size:17px;border-bottom:1px solid #d5ddd8;padding-bottom:4px;margin-top:28px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}th,td{border:1px solid #d5ddd8;padding:4px 6px;text-align:left}
th{background:#eef3f0}.meta{color:#5b6b63;font-size:13px}figure{margin:12px 0}@media print{body{margin:0}}`

/** The whole report as one HTML document. */
export function quarterlyReportHtml(report: QuarterlyReport, issuer: string): string {
  const t = report.totals
  const sections = [
    `<h1>${escapeHtml(report.title)}</h1>`,
    `<p class="meta">${escapeHtml(issuer)} · 生成于 ${escapeHtml(report.generatedAt.slice(0, 16).replace('T', ' '))}` +
      (report.complete ? '' : ' · 本季度尚未结束，数据截至生成时') +
      '</p>',
    '<h2>一、总体情况</h2>',
    `<ul>${report.summary.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`,
    table(
      [...MEASURE_HEAD, '按期办结率', '满意率'],
      [
        [
          ...measures(t),
          t.onTimeRate === null ? null : `${t.onTimeRate}%`,
          t.satisfactionRate === null ? null : `${t.satisfactionRate}%`,
        ],
      ],
    ),
    '<h2>二、趋势与构成</h2>',
    ...report.charts.map((c) => `<figure>${chartSvg(c)}</figure>`),
    '<h3>按类别</h3>',
    table(
      ['类别', ...MEASURE_HEAD],
      report.byCategory.map((c) => [c.label, ...measures(c)]),
    ),
    '<h3>按县（市、区）</h3>',
    table(
      ['县（市、区）', ...MEASURE_HEAD],
      report.byCounty.map((c) => [c.name, ...measures(c)]),
    ),
    '<h2>三、反映集中区域（热点）</h2>',
    report.hotspots.length
      ? table(
          ['区域', '县（市、区）', '反映', '主要类别', '中心位置'],
          report.hotspots.map((h) => [
            `${h.cell} 一带`,
            h.county,
            h.count,
            `${h.topCategory.label} ${h.topCategory.count}`,
            `${h.lat}, ${h.lng}`,
          ]),
        )
      : '<p>本季度没有反映。</p>',
    '<h2>四、被反映较多的对象</h2>',
    report.topEntities.length
      ? table(
          ['被反映对象', '反映', '类别'],
          report.topEntities.map((e) => [e.name, e.count, e.categories]),
        )
      : '<p>本季度的反映均未写明被反映对象。</p>',
    '<h2>五、重复反映的问题</h2>',
    `<p>同一对象或地点本季度反映 ${report.repeat.threshold} 次以上（${escapeHtml(report.repeat.basis)}）；因重复反映已启动提级办理、督办等措施 ${report.repeat.actions} 件。</p>`,
    report.repeat.entities.length || report.repeat.places.length
      ? table(
          ['对象或地点', '反映'],
          [...report.repeat.entities, ...report.repeat.places].map((p) => [p.what, p.count]),
        )
      : '<p>没有达到次数的对象或地点。</p>',
    '<h2>数据说明</h2>',
    `<ul>${report.sources.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}<li>本报告不含任何反映人信息。</li></ul>`,
  ]
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(report.title)}</title><style>${STYLE}</style></head><body>${sections.join('\n')}</body></html>`
}
