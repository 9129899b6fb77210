// Every query the functions run is served by an index of database/indexes.json: on the real SQLite store,
// the query plan of each one searches its index and never scans the collection.
import { idsQuery } from '../../cloudfunctions/common/db/get-many'
import type { FindOptions } from '../../cloudfunctions/common/ports'
import { startHarness, type Harness } from '../support/local-harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h.close()
})

const desc = (field: string): FindOptions['orderBy'] => [[field, 'desc']]
/** Reads by id search the primary key (SQLite's index on the `id` column). */
const primaryKey = (collection: string) => `sqlite_autoindex_docs_${collection}_1`
const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`)

const QUERIES: Array<[who: string, collection: string, options: FindOptions, index: string]> = [
  [
    'staff inbox, open cases of one unit (staff.inbox)',
    'cases',
    {
      filter: { unitId: 'jz-shanyang', open: true, screening: 'passed' },
      orderBy: desc('createdAt'),
      limit: 20,
    },
    'ix_cases_unit_open_created',
  ],
  [
    'staff inbox, all cases of one unit',
    'cases',
    { filter: { unitId: 'jz-shanyang', screening: 'passed' }, orderBy: desc('createdAt'), limit: 20 },
    'ix_cases_unit_created',
  ],
  [
    'deadline sweep (timers)',
    'cases',
    { filter: { nextCheckOn: { $lte: '2026-11-21' } }, orderBy: [['nextCheckOn', 'asc']], limit: 100 },
    'ix_cases_next_check',
  ],
  [
    'anonymous lookup by query code',
    'cases',
    { filter: { 'reporter.queryCodeHash': 'h' }, limit: 1 },
    'ix_cases_query_code',
  ],
  [
    'similar open cases nearby (preview, intake)',
    'cases',
    {
      filter: {
        category: 'noise',
        'geo.gh6': { $in: ['ww0z8k', 'ww0z8m', 'ww0z87'] },
        open: true,
        lastReportedAt: { $gte: '2026-11-01T00:00:00+08:00' },
      },
      orderBy: desc('createdAt'),
      limit: 100,
    },
    'ix_cases_cell6_created',
  ],
  [
    'open cases naming the same entity',
    'cases',
    { filter: { entityKey: '某建设工程项目部', open: true }, orderBy: desc('createdAt'), limit: 50 },
    'ix_cases_entity_created',
  ],
  [
    'My reports (follows of one citizen)',
    'follows',
    { filter: { openid: 'dev-citizen' }, orderBy: desc('createdAt'), limit: 20 },
    'ix_follows_openid_created',
  ],
  [
    'My reports: the cases of a page of follows, in one read (getMany)',
    'cases',
    idsQuery(ids(50)),
    primaryKey('cases'),
  ],
  [
    'preview: which similar cases the citizen follows (getMany)',
    'follows',
    idsQuery(ids(5)),
    primaryKey('follows'),
  ],
  [
    'own-upload checks and photo URLs: the upload records of a report’s photos (getMany)',
    'uploads',
    idsQuery(ids(50)),
    primaryKey('uploads'),
  ],
  [
    'followers of a case (notifications, merge)',
    'follows',
    { filter: { caseId: 'c1' }, orderBy: desc('createdAt'), limit: 100 },
    'ix_follows_case_created',
  ],
  [
    'active staff, page by page (notification recipients)',
    'staff',
    { filter: { active: true }, limit: 100, after: null },
    'ix_staff_active',
  ],
  [
    'uploads attached to nothing, oldest first (upload cleanup timer)',
    'uploads',
    {
      filter: { caseId: null, createdAt: { $lt: '2026-10-22T03:30:00+08:00' } },
      orderBy: [['createdAt', 'asc']],
      limit: 100,
    },
    'ix_uploads_unattached_created',
  ],
]

test.each(QUERIES.map(([who, collection, options, index]) => [who, index, collection, options] as const))(
  '%s: %s',
  (_who, index, collection, options) => {
    const plan = h.runtime.db.queryPlan(collection, options)
    expect(plan.join(' | ')).toContain(`USING INDEX ${index}`)
    expect(plan.filter((line) => /^SCAN docs_/.test(line))).toEqual([])
  },
)
