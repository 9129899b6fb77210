import { offsetMetres, wgs84 } from '@shared/geo/coordinates'
import { geoCellsOf } from '@shared/geo/cells'
import {
  assessDuplicate,
  duplicateCandidateQuery,
  rankDuplicates,
  type DuplicateVerdict,
  type OpenCaseFacts,
} from '@shared/intake/duplicates'
import { entityKey } from '@shared/routing/entity-names'
import { INTAKE_POLICIES } from '@shared/policy/registry'
import type { ReportFacts } from '@shared/intake/report-facts'

const policy = INTAKE_POLICIES['jiaozuo-12345'].duplicate
const names = { placeNames: ['焦作市', '山阳区', '马村区'], prefixShortForms: ['焦作'] }
const HERE = wgs84(35.2996, 113.2701)
const NOW = '2026-11-21T10:00:00+08:00'

const report = (over: Partial<ReportFacts> = {}): ReportFacts => ({
  id: 'new',
  category: 'air',
  position: HERE,
  reportedAt: NOW,
  entityName: null,
  reporterKey: 'r1',
  ...over,
})

const openCase = (over: Partial<OpenCaseFacts> = {}): OpenCaseFacts => ({
  id: 'case-1',
  category: 'air',
  position: HERE,
  lastReportedAt: '2026-11-20T10:00:00+08:00',
  entityNames: [],
  ...over,
})

// Radii and windows from intake-policy.ts (decision under S3 第九条(四)): air 1000 m / 7 d, noise 300 m / 3 d,
// solid waste 300 m / 14 d. A named entity matches an open case at any distance (同一举报事项).
type Row = [
  why: string,
  report: Partial<ReportFacts>,
  openCase: Partial<OpenCaseFacts>,
  verdict: DuplicateVerdict,
]
const ROWS: Row[] = [
  [
    'S3 第九条(四): same category 400 m away a day later',
    { position: offsetMetres(HERE, 400, 0) },
    {},
    'likely-duplicate',
  ],
  [
    'air radius is 1000 m: 1200 m away is another matter',
    { position: offsetMetres(HERE, 0, 1200) },
    {},
    'unrelated',
  ],
  [
    'air window is 7 days: last report 8 days ago',
    {},
    { lastReportedAt: '2026-11-13T09:00:00+08:00' },
    'unrelated',
  ],
  [
    'noise radius is 300 m: 400 m away is another matter',
    { category: 'noise', position: offsetMetres(HERE, 400, 0) },
    { category: 'noise' },
    'unrelated',
  ],
  [
    'noise window is 3 days: 2 days is the same night-time nuisance',
    { category: 'noise' },
    { category: 'noise', lastReportedAt: '2026-11-19T11:00:00+08:00' },
    'likely-duplicate',
  ],
  ['a different category at the same spot is not the same matter', { category: 'water' }, {}, 'unrelated'],
  [
    'S3 第九条(四): the same named entity, written differently, far away and weeks later',
    { entityName: '恒通化工厂', position: offsetMetres(HERE, 5000, 0) },
    { entityNames: ['焦作市恒通化工有限公司'], lastReportedAt: '2026-10-01T10:00:00+08:00' },
    'likely-duplicate',
  ],
  [
    'the same entity for another category is related, not a duplicate',
    { entityName: '恒通化工厂', category: 'noise' },
    { entityNames: ['恒通化工有限公司'] },
    'related',
  ],
  [
    'close by but naming a different entity: two factories side by side',
    { entityName: '万和化工' },
    { entityNames: ['万通建材'] },
    'related',
  ],
  [
    'close by, only one side names an entity: still likely',
    { entityName: '恒通化工' },
    { entityNames: [] },
    'likely-duplicate',
  ],
  [
    'a bare trade (化工厂) names no entity: two reports of "a chemical plant" 5 km apart do not match',
    { entityName: '化工厂', position: offsetMetres(HERE, 5000, 0) },
    { entityNames: ['焦作市化工厂'] },
    'unrelated',
  ],
  [
    'a bare trade next door: proximity decides, the names do not veto',
    { entityName: '化工厂' },
    { entityNames: ['恒通化工有限公司'] },
    'likely-duplicate',
  ],
  [
    'no position on the case: only the entity can match',
    { entityName: '恒通化工' },
    { position: null, entityNames: ['万通建材'] },
    'unrelated',
  ],
]

describe('assessDuplicate', () => {
  test.each(ROWS)('%s → %s', (_why, r, c, verdict) => {
    const a = assessDuplicate(report(r), openCase(c), policy, names)
    expect(a.verdict).toBe(verdict)
    expect(a.cite).toMatch(/S3 第九条\(四\)/)
    if (verdict === 'likely-duplicate') expect(a.score).toBeGreaterThanOrEqual(0.5)
    if (verdict === 'related') expect(a.score).toBeLessThanOrEqual(0.5)
    if (verdict === 'unrelated') expect(a.score).toBe(0)
  })

  test('closer and more recent scores higher', () => {
    const near = assessDuplicate(report({ position: offsetMetres(HERE, 100, 0) }), openCase(), policy)
    const far = assessDuplicate(report({ position: offsetMetres(HERE, 900, 0) }), openCase(), policy)
    expect(near.score).toBeGreaterThan(far.score)
    expect(near.reasons.join()).toMatch(/相距约 100 米/)
  })

  // The reasons are read by the citizen deciding whether to follow the case instead of filing: what is the same,
  // how far and how long ago in plain words — not the radius and window behind the verdict (S3 第九条(四)).
  test.each([
    [
      'same category nearby, reported yesterday',
      { position: offsetMetres(HERE, 118, 0) },
      {},
      ['同类问题，相距约 120 米，昨天反映'],
    ],
    [
      'same spot, three days ago',
      { position: offsetMetres(HERE, 20, 0) },
      { lastReportedAt: '2026-11-18T21:00:00+08:00' },
      ['同类问题，就在附近，3 天前反映'],
    ],
    [
      'earlier today',
      { position: offsetMetres(HERE, 640, 0) },
      { lastReportedAt: '2026-11-21T08:10:00+08:00' },
      ['同类问题，相距约 640 米，今天反映'],
    ],
    [
      'the same named entity, another category',
      { entityName: '焦作市恒通化工有限公司', category: 'water' },
      { entityNames: ['恒通化工'] },
      ['反映的是同一家单位（恒通化工）', '但问题类别不同'],
    ],
  ] as const)('reasons in plain words: %s', (_why, r, c, reasons) => {
    const a = assessDuplicate(report(r), openCase(c), policy, names)
    expect(a.reasons).toEqual(reasons)
    expect(a.reasons.join()).not.toMatch(/≤|\d\.\d 天/)
  })
})

describe('rankDuplicates', () => {
  test('likely duplicates first, unrelated cases dropped, each case once', () => {
    const ranked = rankDuplicates(
      report({ entityName: '恒通化工' }),
      [
        openCase({ id: 'far', position: offsetMetres(HERE, 3000, 0) }),
        openCase({ id: 'near', position: offsetMetres(HERE, 800, 0) }),
        openCase({ id: 'named', position: offsetMetres(HERE, 3000, 0), entityNames: ['恒通化工有限公司'] }),
        openCase({ id: 'named', position: offsetMetres(HERE, 3000, 0), entityNames: ['恒通化工有限公司'] }),
        openCase({ id: 'other-category', category: 'noise', entityNames: ['恒通化工厂'] }),
      ],
      policy,
      names,
    )
    expect(ranked.map((a) => [a.caseId, a.verdict])).toEqual([
      ['named', 'likely-duplicate'],
      ['near', 'likely-duplicate'],
      ['other-category', 'related'],
    ])
  })
})

describe('duplicateCandidateQuery: what the database is asked (equality / $in only)', () => {
  test('cells sized to the category radius, a window bound and the entity key', () => {
    const q = duplicateCandidateQuery(report({ entityName: '焦作市恒通化工有限公司' }), policy, names)
    expect(q.category).toBe('air')
    expect(q.cells?.precision).toBe(5) // 1000 m
    expect(q.cells?.keys).toContain(geoCellsOf(HERE).gh5)
    expect(q.lastReportedSince).toBe('2026-11-14T10:00:00+08:00') // 7 days
    expect(q.entityKey).toBe('恒通化工')
  })

  test('noise queries finer cells over a shorter window', () => {
    const q = duplicateCandidateQuery(report({ category: 'noise' }), policy)
    expect(q.cells?.precision).toBe(6) // 300 m
    expect(q.lastReportedSince).toBe('2026-11-18T10:00:00+08:00') // 3 days
    expect(q.entityKey).toBeNull()
  })

  test('no position → no cell query', () => {
    expect(duplicateCandidateQuery(report({ position: null }), policy).cells).toBeNull()
  })

  test.each([
    ['焦作市恒通化工有限公司', '恒通化工'],
    ['化工厂', null],
    ['某某工地', '某某工地'],
    ['工地', null],
    ['厂', null],
    ['  ', null],
    [null, null],
  ])('entityKey(%s) = %s', (name, key) => {
    expect(entityKey(name, names)).toBe(key)
  })
})
