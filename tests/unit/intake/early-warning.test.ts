import { geoCellsOf } from '@shared/geo/cells'
import { offsetMetres, wgs84 } from '@shared/geo/coordinates'
import {
  assessEarlyWarning,
  earlyWarningCandidateQuery,
  type ClusterReport,
} from '@shared/intake/early-warning'
import { INTAKE_POLICIES } from '@shared/policy/registry'

// S3 第十六条(一) 公众集中举报 → 预警. Profile values (decision): air 5 distinct reporters within 1000 m within 7
// days; noise 500 m; hazardous waste 3 reporters (第十六条(四) 严重威胁公众健康).
const policy = INTAKE_POLICIES.national.earlyWarning
const HERE = wgs84(39.2465, 117.318)
const NOW = '2026-11-21T10:00:00+08:00'

const report = (id: string, over: Partial<ClusterReport> = {}): ClusterReport => ({
  id,
  category: 'air',
  position: HERE,
  reportedAt: NOW,
  reporterKey: id,
  ...over,
})
const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T09:00:00+08:00`
const around = (n: number, over: Partial<ClusterReport> = {}) =>
  Array.from({ length: n }, (_, i) =>
    report(`old-${i + 1}`, {
      position: offsetMetres(HERE, 200 * (i % 3), 150 * i),
      reportedAt: day(15 + i),
      ...over,
    }),
  )

type Row = [why: string, recent: ClusterReport[], newReport: ClusterReport, kind: string]
const ROWS: Row[] = [
  ['4 earlier reporters + this one within 1000 m and 7 days → raise', around(4), report('new'), 'raise'],
  ['3 earlier + this one → below threshold', around(3), report('new'), 'below-threshold'],
  [
    'one reporter five times is one reporter',
    around(4, { reporterKey: 'same' }),
    report('new', { reporterKey: 'same' }),
    'below-threshold',
  ],
  [
    'anonymous reports count one each',
    around(4, { reporterKey: null }),
    report('new', { reporterKey: null }),
    'raise',
  ],
  [
    'reports older than 7 days do not count',
    around(4, { reportedAt: day(10) }),
    report('new'),
    'below-threshold',
  ],
  [
    'reports farther than 1000 m do not count',
    around(4).map((r) => ({ ...r, position: offsetMetres(HERE, 1500, 0) })),
    report('new'),
    'below-threshold',
  ],
  ['other categories do not count', around(4, { category: 'water' }), report('new'), 'below-threshold'],
  [
    'hazardous waste warns from 3 reporters',
    around(2, { category: 'hazardous-waste' }),
    report('new', { category: 'hazardous-waste' }),
    'raise',
  ],
  [
    'noise uses 500 m: 600 m away does not count',
    around(4, { category: 'noise' }).map((r) => ({ ...r, position: offsetMetres(HERE, 600, 0) })),
    report('new', { category: 'noise' }),
    'below-threshold',
  ],
  [
    'a member already carries a warning → join it, raise nothing new',
    [...around(4).slice(0, 3), report('old-4', { warningKey: 'ew:air:old-1', reportedAt: day(18) })],
    report('new'),
    'already-warned',
  ],
  ['a report without a position cannot cluster', around(4), report('new', { position: null }), 'no-position'],
]

describe('assessEarlyWarning', () => {
  test.each(ROWS)('%s → %s', (_why, recent, newReport, kind) => {
    expect(assessEarlyWarning(newReport, recent, policy).kind).toBe(kind)
  })

  test('the cluster key comes from the earliest member: reports completing it together agree on it', () => {
    const cluster = around(3)
    const a = assessEarlyWarning(
      report('a', { reportedAt: '2026-11-21T10:00:00+08:00' }),
      [...cluster, report('x', { reportedAt: day(20) })],
      policy,
    )
    const b = assessEarlyWarning(
      report('b', { reportedAt: '2026-11-21T10:00:01+08:00' }),
      [...cluster, report('x', { reportedAt: day(20) })],
      policy,
    )
    expect(a.kind).toBe('raise')
    expect(b.kind).toBe('raise')
    expect(a.kind === 'raise' && a.clusterKey).toBe('ew:air:old-1')
    expect(b.kind === 'raise' && b.clusterKey).toBe('ew:air:old-1')
  })

  test('a raised warning lists its members, centre and basis', () => {
    const d = assessEarlyWarning(report('new'), around(4), policy)
    if (d.kind !== 'raise') throw new Error(d.kind)
    expect(d.memberIds).toEqual(['old-1', 'old-2', 'old-3', 'old-4', 'new'])
    expect(d.reporters).toBe(5)
    expect(d.basis.cite).toMatch(/S3 第十六条\(一\)/)
    expect(Math.abs(d.centre.lat - HERE.lat)).toBeLessThan(0.01)
  })

  test('with two warned clusters in reach, the new report joins the smaller key (deterministic)', () => {
    const d = assessEarlyWarning(
      report('new'),
      [
        report('p', { warningKey: 'ew:air:p', reportedAt: day(20) }),
        report('q', { warningKey: 'ew:air:b', reportedAt: day(20) }),
      ],
      policy,
    )
    expect(d).toMatchObject({ kind: 'already-warned', clusterKey: 'ew:air:b' })
  })
})

describe('earlyWarningCandidateQuery', () => {
  test('cells around the point at the warning radius, and the window start', () => {
    const q = earlyWarningCandidateQuery(report('new'), policy)
    expect(q?.cells.keys).toContain(geoCellsOf(HERE)[q!.cells.field])
    expect(q?.reportedSince).toBe('2026-11-14T10:00:00+08:00')
  })

  test('no position → nothing to query', () => {
    expect(earlyWarningCandidateQuery(report('new', { position: null }), policy)).toBeNull()
  })
})
