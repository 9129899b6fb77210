// Every query the functions run is served by an index of database/indexes.json, on the real SQLite store:
//   1. a list of the queries the functions run, each with and without a page cursor;
//   2. every cursored page the functions actually ran while a citizen, an officer and a 14-unit supervisor
//      paged to the end of their lists, a case with 120 followers was notified, the deadline sweep worked
//      through a backlog larger than a page and the statistics backfill gave as many cases stored before
//      statistics existed theirs — recorded on the port as the functions called it;
//   3. every query a citizen's submit ran (its repeat count and early warning, by entity and by cells).
// A good plan searches the intended index (one range, or for `$in` one range per value merged in order) and
// never scans the collection, sorts in a temporary B-tree or ORs two index searches (MULTI-INDEX OR).
import { idsQuery } from '../../cloudfunctions/common/db/get-many'
import { assertIndexCatalog, INDEXES } from '../../cloudfunctions/common/db/indexes'
import { observeDocStore, type DocStoreCall } from '../../cloudfunctions/common/db/observed'
import { encodeCursor } from '../../cloudfunctions/common/db/query'
import { followId, type FollowDoc } from '../../cloudfunctions/common/follows'
import type { CaseDoc } from '../../shared/cases/case-doc'
import type { FindOptions, Stored } from '../../cloudfunctions/common/ports'
import { startHarness, type Harness } from '../support/local-harness'
import { deskQuery } from '../../cloudfunctions/common/oversight/desk'
import { casesWithoutStatsQuery } from '../../cloudfunctions/common/stats/backfill'
import type { CaseStatFields } from '../../cloudfunctions/common/stats/case-stats'
import { DESK_LISTS, type DeskList } from '../../shared/contracts/oversight'
import { reportInput, STAFF } from '../support/reports'

jest.setTimeout(60_000)

let h: Harness
const calls: DocStoreCall[] = []

const desc = (field: string): FindOptions['orderBy'] => [[field, 'desc']]
/** Reads by id search the primary key (SQLite's index on the `id` column). */
const primaryKey = (collection: string) => `sqlite_autoindex_docs_${collection}_1`
const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`)
/** Every unit of the deployment: the bureau and all below it (branches, zone centre, offices, business sections). */
const SCOPE_OF_THE_SUPERVISOR = 18

/**
 * Fails unless every table access of the plan searches `index`, with no sort and no OR of searches. After a
 * cursor, each search must also be a range (`<expr><?`, `<expr>>?`): an index searched by its equality fields
 * alone (`unitId=? AND open=?`) returns pages in order too, but reads and drops every entry before the cursor
 * — page 200 of an inbox then costs 200 times page 1.
 */
function expectIndexedPlan(plan: string[], index: string, cursored: boolean): void {
  const text = plan.join(' | ')
  expect(text).not.toMatch(/TEMP B-TREE|MULTI-INDEX OR|^SCAN docs_|\| SCAN docs_/)
  const accesses = plan.filter((line) => /^(SEARCH|SCAN) docs_/.test(line))
  expect(accesses.length).toBeGreaterThan(0)
  for (const access of accesses) {
    expect(access).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`))
    if (cursored) expect(access).toMatch(/\(.*[<>]\?\)$/)
  }
}

/** A cursor "after" a document with these sort values (what a first page's `next` would be). */
function cursorAfter(options: FindOptions, values: Record<string, unknown>): string {
  return encodeCursor({ _id: 'c-cursor', _version: 1, ...values } as Stored, options.orderBy)
}

const CURSOR_VALUES = {
  createdAt: '2026-11-01T10:00:00+08:00',
  nextCheckOn: '2026-11-01',
  todo: { intake: 'B2026-11-25', officer: 'B2026-11-25', leader: 'B2026-11-25' },
  entityKey: '某建设工程项目部',
  date: '2026-11-24',
  updatedAt: '2026-10-01T10:00:00+08:00',
  name: '王磊',
  issuedAt: '2026-11-01T10:00:00+08:00',
  at: '2026-11-01T10:00:00+08:00',
  submittedAt: '2026-11-01T10:00:00+08:00',
  nextAttemptAt: '2026-11-01T10:00:00+08:00',
  expiresAt: '2026-11-01T10:05:00+08:00',
  oversight: { dutyDue: '2026-11-01', returnVisitDue: '2026-11-01', closedOn: '2026-11-01' },
  period: '2026-10',
  raisedAt: '2026-11-01T10:00:00+08:00',
  month: '2026-10',
  publishedAt: '2026-11-01T10:00:00+08:00',
  quarter: '2026Q3',
  sharedAt: '2026-11-01T10:00:00+08:00',
  referredAt: '2026-11-01T10:00:00+08:00',
}

const DESK_INDEX: Record<DeskList, string> = {
  overdue: 'ix_cases_desk_overdue',
  supervision: 'ix_cases_desk_supervision',
  reported: 'ix_cases_desk_supervision',
  supervised: 'ix_cases_desk_supervised',
  'return-visits': 'ix_cases_desk_return_visit',
}
const UNITS = ['jz-shanyang', 'jz-jiefang', 'jz-macun']

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
    'staff inbox, open cases of several units (one $in query)',
    'cases',
    {
      filter: { unitId: { $in: ['jz-shanyang', 'jz-jiefang', 'jz-macun'] }, open: true, screening: 'passed' },
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
    'earlier reports naming the same entity in the repeat window, oldest first, projected (submit: repeat count)',
    'cases',
    {
      filter: { entityKey: '某建设工程项目部', createdAt: { $gte: '2026-08-23T10:00:00+08:00' } },
      orderBy: [['createdAt', 'asc']],
      limit: 100,
      fields: ['category', 'position', 'createdAt', 'reporterKey', 'flags.repeatAction'],
    },
    'ix_cases_entity_created',
  ],
  [
    'earlier reports of the category in the cells around a place, oldest first, projected (submit: repeat count)',
    'cases',
    {
      filter: {
        category: 'noise',
        'geo.gh6': { $in: ['ww0z8k', 'ww0z8m', 'ww0z87', 'ww0z8h'] },
        createdAt: { $gte: '2026-08-23T10:00:00+08:00' },
      },
      orderBy: [['createdAt', 'asc']],
      limit: 100,
      fields: ['category', 'position', 'createdAt', 'reporterKey', 'flags.repeatAction'],
    },
    'ix_cases_cell6_created',
  ],
  [
    'recent reports of the category in the cells around a place, projected (submit: early warning)',
    'cases',
    {
      filter: {
        category: 'noise',
        'geo.gh6': { $in: ['ww0z8k', 'ww0z8m', 'ww0z87', 'ww0z8h'] },
        createdAt: { $gte: '2026-11-16T10:00:00+08:00' },
      },
      orderBy: desc('createdAt'),
      limit: 100,
      fields: ['category', 'position', 'createdAt', 'reporterKey', 'warningKey'],
    },
    'ix_cases_cell6_created',
  ],
  [
    'the same over larger cells (an early warning within 1000 m)',
    'cases',
    {
      filter: {
        category: 'air',
        'geo.gh5': { $in: ['ww0z8', 'ww0z9'] },
        createdAt: { $gte: '2026-11-16T10:00:00+08:00' },
      },
      orderBy: desc('createdAt'),
      limit: 100,
      fields: ['category', 'position', 'createdAt', 'reporterKey', 'warningKey'],
    },
    'ix_cases_cell5_created',
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
    { filter: { caseId: 'c1' }, orderBy: [['createdAt', 'asc']], limit: 100 },
    'ix_follows_case_created',
  ],
  [
    'active staff, page by page (notification recipients)',
    'staff',
    { filter: { active: true }, limit: 100, after: null },
    'ix_staff_active',
  ],
  [
    'a to-do list of a post over several units, urgent first then by due date (staff.inbox todo)',
    'cases',
    {
      filter: { unitId: { $in: UNITS }, screening: 'passed', 'todo.intake': { $gt: '' } },
      orderBy: [['todo.intake', 'asc']],
      limit: 20,
    },
    'ix_cases_todo_intake',
  ],
  [
    'a to-do list with every filter (state, category, request type, county, flags, overdue)',
    'cases',
    {
      filter: {
        unitId: { $in: UNITS },
        screening: 'passed',
        'todo.leader': { $gt: '' },
        status: 'pending-leader-approval',
        category: 'noise',
        requestType: 'complaint',
        regionCode: '410811',
        'facts.important': true,
        urgent: true,
        'flags.escalated': true,
        'flags.supervised': true,
        dueOn: { $lt: '2026-11-21' },
      },
      orderBy: [['todo.leader', 'asc']],
      limit: 20,
    },
    'ix_cases_todo_leader',
  ],
  [
    'the officer’s own to-do list (assigneeStaffId)',
    'cases',
    {
      filter: { assigneeStaffId: 'st-officer', screening: 'passed', 'todo.officer': { $gt: '' } },
      orderBy: [['todo.officer', 'asc']],
      limit: 20,
    },
    'ix_cases_todo_officer',
  ],
  [
    'a case by its reference number (search, case access)',
    'cases',
    { filter: { refNo: 'JZ-20261120-0001' }, limit: 1 },
    'ix_cases_refno',
  ],
  [
    'cases whose reported party’s name starts with the search (staff.inbox search)',
    'cases',
    {
      filter: { screening: 'passed', entityKey: { $gte: '某建设', $lt: '某建设\uffff' } },
      orderBy: [
        ['entityKey', 'asc'],
        ['createdAt', 'desc'],
      ],
      limit: 20,
    },
    'ix_cases_entity_created',
  ],
  [
    'open cases my units share with another lead office (staff.inbox co-handling)',
    'co_handling',
    { filter: { unitId: { $in: UNITS }, open: true }, orderBy: desc('createdAt'), limit: 20 },
    'ix_co_handling_unit_open_created',
  ],
  [
    'the duty roster of my units (staff.duty)',
    'duty',
    {
      filter: { unitId: { $in: UNITS }, date: { $gte: '2026-11-21', $lte: '2026-12-21' } },
      orderBy: [['date', 'asc']],
      limit: 100,
    },
    'ix_duty_unit_date',
  ],
  ['today’s shifts of my units (getMany)', 'duty', idsQuery(ids(14)), primaryKey('duty')],
  [
    'reply templates offered for a case: its category, the lead unit and the units above (staff.replyTemplates)',
    'reply_templates',
    {
      filter: { unitId: { $in: ['jz-shanyang', 'jz-bureau'] }, category: 'noise' },
      orderBy: desc('updatedAt'),
      limit: 20,
    },
    'ix_reply_templates_category_unit_updated',
  ],
  [
    'reply templates of my units (staff.listReplyTemplates)',
    'reply_templates',
    { filter: { unitId: { $in: UNITS } }, orderBy: desc('updatedAt'), limit: 20 },
    'ix_reply_templates_unit_updated',
  ],
  [
    'reveals and exports in my units (staff.auditLog)',
    'audit',
    { filter: { unitId: { $in: UNITS }, disclosure: true }, orderBy: desc('at'), limit: 20 },
    'ix_audit_disclosure_unit_at',
  ],
  ['the co-handled cases of a page (getMany)', 'cases', idsQuery(ids(20)), primaryKey('cases')],
  [
    'staff by name (admin.listStaff)',
    'staff',
    { filter: { active: true }, orderBy: [['name', 'asc']], limit: 100 },
    'ix_staff_active_name',
  ],
  [
    'staff whose name begins with a search (admin.listStaff)',
    'staff',
    {
      filter: { active: false, name: { $gte: '王', $lt: '王\u{10FFFF}' } },
      orderBy: [['name', 'asc']],
      limit: 100,
    },
    'ix_staff_active_name',
  ],
  [
    'pending invites, newest first (admin.listInvites)',
    'invites',
    { filter: { status: 'pending' }, orderBy: desc('issuedAt'), limit: 100 },
    'ix_invites_status_issued',
  ],
  [
    'all invites, newest first (one range per status, merged)',
    'invites',
    {
      filter: { status: { $in: ['pending', 'redeemed', 'revoked'] } },
      orderBy: desc('issuedAt'),
      limit: 100,
    },
    'ix_invites_status_issued',
  ],
  [
    'audit records about a staff member (admin.listAudit)',
    'audit',
    { filter: { subject: 'st-officer' }, orderBy: desc('at'), limit: 100 },
    'ix_audit_subject_at',
  ],
  [
    'audit records of what a staff member did (admin.listAudit)',
    'audit',
    { filter: { staffId: 'st-admin' }, orderBy: desc('at'), limit: 100 },
    'ix_audit_actor_at',
  ],
  [
    'ended cases due for archiving (retention timer)',
    'cases',
    {
      filter: {
        open: false,
        status: { $in: ['not-accepted', 'merged', 'transferred-out', 'closed'] },
        updatedAt: { $lt: '2026-10-22T10:00:00+08:00' },
      },
      orderBy: [['updatedAt', 'asc']],
      limit: 100,
    },
    'ix_cases_open_status_updated',
  ],
  [
    'archived cases whose reporter identity is due for destruction (retention timer)',
    'cases',
    {
      filter: {
        status: 'archived',
        'reporter.destroyedAt': null,
        updatedAt: { $lt: '2023-10-22T10:00:00+08:00' },
      },
      orderBy: [['updatedAt', 'asc']],
      limit: 100,
    },
    'ix_cases_status_identity_updated',
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
  [
    'reward claims of one state, oldest first (rewards.queue)',
    'reward_claims',
    { filter: { state: 'submitted' }, orderBy: [['submittedAt', 'asc']], limit: 20 },
    'ix_reward_claims_state_submitted',
  ],
  [
    'the reports merged into a case (a reward status reads every report on the case)',
    'cases',
    { filter: { mergedInto: 'c1' }, orderBy: [['createdAt', 'asc']], limit: 100 },
    'ix_cases_merged_into',
  ],
  [
    'the claims on the reports of a case (getMany)',
    'reward_claims',
    idsQuery(ids(5)),
    primaryKey('reward_claims'),
  ],
  [
    'fabrication counts of a page of claims (getMany)',
    'reward_flags',
    idsQuery(ids(20)),
    primaryKey('reward_flags'),
  ],
  // Oversight and statistics (issue 15): the desk's lists for one unit and for a supervisor's units ($in), the
  // leader's list, a spot check's population, a month's contributions, samples, warnings and receptions in scope.
  ...(Object.keys(DESK_LISTS) as DeskList[]).flatMap((list) => {
    const { filter, orderBy } = deskQuery(list, '2026-11-21')
    const index = DESK_INDEX[list]
    return [
      [
        `desk ${list}, one unit (oversight.desk)`,
        'cases',
        { filter: { ...filter, unitId: 'jz-shanyang' }, orderBy, limit: 20 },
        index,
      ],
      [
        `desk ${list}, the supervisor's units (oversight.desk)`,
        'cases',
        {
          filter: { ...filter, unitId: { $in: ['jz-shanyang', 'jz-wenxian', 'jz-brigade'] } },
          orderBy,
          limit: 20,
        },
        index,
      ],
    ] as Array<[string, string, FindOptions, string]>
  }),
  [
    "a leader's 包案 cases (oversight.leaderCases)",
    'cases',
    { filter: { 'oversight.leaderStaffId': 'st-leader' }, orderBy: desc('createdAt'), limit: 20 },
    'ix_cases_leader_created',
  ],
  [
    "a unit's cases closed in a month (oversight.drawSpotCheck)",
    'cases',
    {
      filter: { unitId: 'jz-shanyang', 'oversight.closedOn': { $gte: '2026-11-01', $lte: '2026-11-30' } },
      orderBy: [['oversight.closedOn', 'asc']],
      limit: 100,
      fields: ['unitId'],
    },
    'ix_cases_unit_closed_on',
  ],
  [
    "a month's contributions (stats: monthly pass, CLI)",
    'case_stats',
    { filter: { month: '2026-11' }, limit: 100 },
    'ix_case_stats_month',
  ],
  [
    "a month's contributions from earlier months overdue in it (stats: monthly pass, CLI)",
    'case_stats',
    { filter: { overdueMonth: '2026-12' }, limit: 100 },
    'ix_case_stats_overdue_month',
  ],
  [
    'cases stored before statistics, keys only (timers: the statistics backfill)',
    'cases',
    casesWithoutStatsQuery({ limit: 100, after: null }),
    'ix_cases_stat_months',
  ],
  [
    'spot-check samples of the units in scope (oversight.spotChecks)',
    'spot_checks',
    { filter: { unitId: { $in: ['jz-shanyang', 'jz-wenxian'] } }, orderBy: desc('period'), limit: 20 },
    'ix_spot_checks_unit_period',
  ],
  [
    'open warnings of the supervising units in scope (oversight.warnings)',
    'warnings',
    {
      filter: { supervisingUnitId: { $in: ['jz-brigade', 'jz-bureau'] }, status: 'open' },
      orderBy: desc('raisedAt'),
      limit: 10,
    },
    'ix_warnings_unit_raised',
  ],
  [
    "a month's receptions in scope (oversight.receptions)",
    'receptions',
    {
      filter: {
        unitId: { $in: ['jz-shanyang', 'jz-bureau'] },
        date: { $gte: '2026-11-01', $lte: '2026-11-30' },
      },
      orderBy: desc('date'),
      limit: 100,
    },
    'ix_receptions_unit_date',
  ],
  [
    'the case ledger of a period (stats.exportCases)',
    'cases',
    {
      filter: {
        unitId: { $in: ['jz-shanyang', 'jz-wenxian'] },
        createdAt: { $gte: '2026-11-01T00:00:00+08:00', $lt: '2026-12-01T00:00:00+08:00' },
      },
      orderBy: desc('createdAt'),
      limit: 100,
    },
    'ix_cases_unit_created',
  ],
  [
    'platform feedback due for an attempt, oldest first (timers: feedback delivery)',
    'platform_feedback',
    {
      filter: { state: 'pending', nextAttemptAt: { $lte: '2026-11-21T10:00:00+08:00' } },
      orderBy: [['nextAttemptAt', 'asc']],
      limit: 100,
    },
    'ix_platform_feedback_state_next',
  ],
  [
    'push nonces past their window (timers: nonce cleanup)',
    'channel_nonces',
    {
      filter: { expiresAt: { $lt: '2026-11-21T10:00:00+08:00' } },
      orderBy: [['expiresAt', 'asc']],
      limit: 100,
    },
    'ix_channel_nonces_expires',
  ],
  [
    'platform feedback of the caller’s units (channels.listFeedback)',
    'platform_feedback',
    {
      filter: { unitId: { $in: ['jz-shanyang', 'jz-jiefang', 'jz-macun'] } },
      orderBy: desc('createdAt'),
      limit: 20,
    },
    'ix_platform_feedback_unit_created',
  ],
  [
    'one platform’s feedback of a period (channels.exportFeedback)',
    'platform_feedback',
    {
      filter: {
        platform: '12345',
        createdAt: { $gte: '2026-11-01T00:00:00+08:00', $lt: '2026-12-01T00:00:00+08:00' },
      },
      orderBy: [['createdAt', 'asc']],
      limit: 100,
    },
    'ix_platform_feedback_platform_created',
  ],
  [
    'cases received in a period (channels.exportNationalRecords)',
    'cases',
    {
      filter: { createdAt: { $gte: '2026-11-01T00:00:00+08:00', $lt: '2026-12-01T00:00:00+08:00' } },
      orderBy: [['createdAt', 'asc']],
      limit: 100,
    },
    'ix_cases_created',
  ],
  [
    'Open311 requests.json: cases received in a window, newest first',
    'cases',
    {
      filter: { createdAt: { $gte: '2026-08-23T10:00:00+08:00', $lte: '2026-11-21T10:00:00+08:00' } },
      orderBy: desc('createdAt'),
      limit: 100,
    },
    'ix_cases_created',
  ],
  [
    'Open311 requests/<id>.json: a case by its reference number',
    'cases',
    { filter: { refNo: 'JZ-20261121-0001' }, limit: 1 },
    'ix_cases_refno',
  ],
  [
    'the staff named in a case’s history, for a feedback record’s 承办人 (getMany)',
    'staff',
    idsQuery(ids(5)),
    primaryKey('staff'),
  ],
  [
    'the reports registered in a quarter (the quarter’s tally: hotspots, entities, repeat actions; projected)',
    'cases',
    {
      filter: { createdAt: { $gte: '2026-11-01T00:00:00+08:00', $lt: '2026-12-01T00:00:00+08:00' } },
      orderBy: [['createdAt', 'asc']],
      limit: 100,
      fields: ['category', 'regionCode', 'geo', 'entityKey', 'reportedEntity', 'flags'],
    },
    'ix_cases_created',
  ],
  [
    'the first report ever (months before it are not published)',
    'cases',
    {
      filter: { createdAt: { $lte: '2026-11-21T10:00:00+08:00' } },
      orderBy: [['createdAt', 'asc']],
      limit: 1,
      fields: ['createdAt'],
    },
    'ix_cases_created',
  ],
  [
    'open cases of several units as map points (analysis.openCaseMap; projected)',
    'cases',
    {
      filter: { unitId: { $in: ['jz-shanyang', 'jz-jiefang'] }, open: true, screening: 'passed' },
      orderBy: desc('createdAt'),
      limit: 100,
      fields: ['refNo', 'position', 'category', 'unitId', 'status', 'intake', 'facts', 'history', 'profile'],
    },
    'ix_cases_unit_open_created',
  ],
  [
    'typical cases’ public projections (public.typicalCases: _id $in, public fields only)',
    'cases',
    { ...idsQuery(ids(20)), fields: ['refNo', 'category', 'status', 'unitId', 'geo', 'screening'] },
    primaryKey('cases'),
  ],
  [
    'the published months up to the last finished one (public.disclosure, analysis.trends)',
    'disclosures',
    { filter: { month: { $lte: '2026-11' } }, orderBy: desc('month'), limit: 12 },
    'ix_disclosures_month',
  ],
  [
    'typical cases, newest first (public.typicalCases)',
    'typical_cases',
    {
      filter: { publishedAt: { $lte: '2026-11-21T10:00:00+08:00' } },
      orderBy: desc('publishedAt'),
      limit: 10,
    },
    'ix_typical_cases_published',
  ],
  [
    'quarterly reports, newest first (analysis.quarterlyReports)',
    'analysis_reports',
    {
      filter: { quarter: { $lte: '2026Q4' } },
      orderBy: desc('quarter'),
      limit: 8,
      fields: ['quarter', 'generatedAt', 'complete', 'report.title'],
    },
    'ix_analysis_reports_quarter',
  ],
  [
    'copies for the business sections in scope (sharing.sectionCopies, one $in query)',
    'section_copies',
    {
      filter: { sectionUnitId: { $in: ['jz-water-section', 'jz-air-section'] } },
      orderBy: desc('sharedAt'),
      limit: 20,
    },
    'ix_section_copies_section_shared',
  ],
  [
    'referrals of a case (sharing.referralsOf)',
    'judicial_referrals',
    { filter: { caseId: 'c1' }, orderBy: desc('referredAt'), limit: 50 },
    'ix_judicial_referrals_case_referred',
  ],
]

/** The queries a citizen's submit runs, by shape, with the index each must search. */
const SUBMIT_QUERIES: Array<[who: string, is: (call: DocStoreCall) => boolean, index: string]> = [
  [
    'repeat count, by the entity named',
    (c) => c.collection === 'cases' && has(c, 'entityKey'),
    'ix_cases_entity_created',
  ],
  [
    'repeat count and early warning, by the geohash-6 cells around the place (radii to ~600 m)',
    (c) => c.collection === 'cases' && has(c, 'geo.gh6'),
    'ix_cases_cell6_created',
  ],
  [
    'repeat count and early warning, by the geohash-5 cells around the place (1000 m)',
    (c) => c.collection === 'cases' && has(c, 'geo.gh5'),
    'ix_cases_cell5_created',
  ],
  ['staff to notify', (c) => c.collection === 'staff' && has(c, 'active'), 'ix_staff_active'],
]
const submitCalls: DocStoreCall[] = []

/** The cursored queries the functions run, by shape, with the index each must search. */
const has = (call: DocStoreCall, field: string) => Object.hasOwn(call.options?.filter ?? {}, field)
const sortedBy = (call: DocStoreCall) => call.options?.orderBy?.[0]?.[0] ?? ''
const todoPage = (list: string) => (c: DocStoreCall) =>
  c.collection === 'cases' && sortedBy(c) === `todo.${list}`
const CURSORED: Array<[who: string, is: (call: DocStoreCall) => boolean, index: string]> = [
  [
    'staff inbox, open cases (staff.inbox scope open)',
    (c) => c.collection === 'cases' && has(c, 'unitId') && has(c, 'open'),
    'ix_cases_unit_open_created',
  ],
  [
    'staff inbox, all cases (staff.inbox scope all)',
    (c) => c.collection === 'cases' && has(c, 'unitId') && !has(c, 'open') && sortedBy(c) === 'createdAt',
    'ix_cases_unit_created',
  ],
  ['the intake’s to-do list over 14 units', todoPage('intake'), 'ix_cases_todo_intake'],
  ['the supervisors’ to-do list over 14 units', todoPage('supervisor'), 'ix_cases_todo_supervisor'],
  ['the officer’s own to-do list', todoPage('officer'), 'ix_cases_todo_officer'],
  [
    'search by the start of a reported party’s name',
    (c) => c.collection === 'cases' && sortedBy(c) === 'entityKey',
    'ix_cases_entity_created',
  ],
  ['co-handled cases', (c) => c.collection === 'co_handling', 'ix_co_handling_unit_open_created'],
  ['the duty roster', (c) => c.collection === 'duty' && has(c, 'date'), 'ix_duty_unit_date'],
  [
    'reply templates of my units',
    (c) => c.collection === 'reply_templates',
    'ix_reply_templates_unit_updated',
  ],
  [
    'reveals and exports',
    (c) => c.collection === 'audit' && has(c, 'disclosure'),
    'ix_audit_disclosure_unit_at',
  ],
  [
    'deadline sweep (timers)',
    (c) => c.collection === 'cases' && has(c, 'nextCheckOn'),
    'ix_cases_next_check',
  ],
  [
    'statistics backfill (timers)',
    (c) => c.collection === 'cases' && has(c, 'statMonths'),
    'ix_cases_stat_months',
  ],
  [
    "a month's contributions (timers: the monthly pass)",
    (c) => c.collection === 'case_stats' && has(c, 'month'),
    'ix_case_stats_month',
  ],
  [
    "a month's contributions overdue in it from earlier months (timers: the monthly pass)",
    (c) => c.collection === 'case_stats' && has(c, 'overdueMonth'),
    'ix_case_stats_overdue_month',
  ],
  [
    'My reports (cases.listMine)',
    (c) => c.collection === 'follows' && has(c, 'openid'),
    'ix_follows_openid_created',
  ],
  [
    'followers of a case (notifications)',
    (c) => c.collection === 'follows' && has(c, 'caseId'),
    'ix_follows_case_created',
  ],
  [
    'staff by name (admin.listStaff)',
    (c) => c.collection === 'staff' && has(c, 'active') && c.options?.orderBy?.[0]?.[0] === 'name',
    'ix_staff_active_name',
  ],
  [
    'invites (admin.listInvites, all)',
    (c) => c.collection === 'invites' && has(c, 'status'),
    'ix_invites_status_issued',
  ],
  [
    'what a staff member did (admin.listAudit as actor)',
    (c) => c.collection === 'audit' && has(c, 'staffId'),
    'ix_audit_actor_at',
  ],
  [
    'reward claims queue (rewards.queue)',
    (c) => c.collection === 'reward_claims' && has(c, 'state'),
    'ix_reward_claims_state_submitted',
  ],
]

async function pageToTheEnd(fn: string, action: string, payload: object, openid: string): Promise<number> {
  let cursor: string | null = null
  let pages = 0
  do {
    const page: { next: string | null } = await h.ok(fn, action, { ...payload, cursor }, openid)
    cursor = page.next
    pages++
  } while (cursor)
  return pages
}

beforeAll(async () => {
  h = await startHarness()
  const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')
  const filed = (await h.runtime.db.get<CaseDoc & CaseStatFields>('cases', caseId))!
  // 150 more open cases like it, over the 14 units, due for the sweep, three at a time created in the same
  // second (ties on the sort field), each followed by its reporter, stored as before statistics existed.
  const units = h.runtime.deployment.units.map((u) => u.id)
  expect(units).toHaveLength(SCOPE_OF_THE_SUPERVISOR)
  const { _id: _i, _version: _v, statMonths: _m, oversight: _o, ...template } = filed
  const clones: Array<CaseDoc & { _id: string }> = []
  const follows: Array<FollowDoc & { _id: string }> = []
  for (let i = 0; i < 150; i++) {
    const id = `c-clone-${String(i).padStart(3, '0')}`
    const createdAt = new Date(Date.parse('2026-11-20T10:00:00+08:00') - Math.floor(i / 3) * 60_000)
      .toISOString()
      .replace('Z', '+00:00')
    // On the intake's list, every other one supervised, every third the officer's; ranks tied three at a time.
    const rank = `B2026-11-${String(21 + (Math.floor(i / 3) % 9)).padStart(2, '0')}`
    clones.push({
      ...template,
      _id: id,
      refNo: `JZ-20261120-${String(1000 + i)}`,
      clientRequestId: `clone-${i}`,
      unitId: i % 2 ? units[i % units.length]! : 'jz-shanyang',
      createdAt,
      nextCheckOn: '2026-11-01',
      entityKey: '某建设工程项目部',
      assigneeStaffId: i % 3 === 0 ? 'st-officer' : null,
      todo: {
        intake: rank,
        ...(i % 2 === 0 ? { supervisor: rank } : {}),
        ...(i % 3 === 0 ? { officer: rank } : {}),
      },
    })
    follows.push({
      _id: followId(id, 'dev-citizen'),
      caseId: id,
      openid: 'dev-citizen',
      relation: 'reporter',
      lastReadSeq: 0,
      createdAt,
    })
  }
  h.runtime.db.insertMany('cases', clones)
  h.runtime.db.insertMany('follows', follows)
  // 120 citizens follow the filed case: notifying them reads its followers in two pages.
  h.runtime.db.insertMany(
    'follows',
    Array.from({ length: 120 }, (_, i) => ({
      _id: followId(caseId, `citizen-${i}`),
      caseId,
      openid: `citizen-${i}`,
      relation: 'follower',
      lastReadSeq: -1,
      createdAt: `2026-11-21T10:${String(Math.floor(i / 2)).padStart(2, '0')}:00+08:00`,
    })),
  )

  // 30 open cases 山阳区 shares with another lead office; a month of shifts of every unit; 50 templates of 山阳区;
  // 60 reveals over the units.
  h.runtime.db.insertMany(
    'co_handling',
    clones.slice(0, 30).map((c) => ({
      _id: `${c._id}~jz-shanyang`,
      caseId: c._id,
      unitId: 'jz-shanyang',
      leadUnitId: 'jz-jiefang',
      open: true,
      createdAt: c.createdAt,
    })),
  )
  h.runtime.db.insertMany(
    'duty',
    units.flatMap((unitId) =>
      Array.from({ length: 31 }, (_, d) => {
        const date = new Date(Date.parse('2026-11-21T12:00:00+08:00') + d * 86_400_000)
          .toISOString()
          .slice(0, 10)
        const officers = [{ id: 'st-officer', name: '王磊' }]
        return {
          _id: `${unitId}~${date}`,
          unitId,
          date,
          officers,
          leader: null,
          note: '',
          updatedAt: '',
          updatedBy: officers[0],
        }
      }),
    ),
  )
  h.runtime.db.insertMany(
    'reply_templates',
    Array.from({ length: 50 }, (_, i) => ({
      _id: `t-${String(i).padStart(3, '0')}`,
      unitId: 'jz-shanyang',
      category: 'noise',
      outcome: 'substantiated',
      title: `模板 ${i}`,
      texts: { matter: '{反映事项}' },
      updatedAt: `2026-11-${String(1 + Math.floor(i / 3)).padStart(2, '0')}T10:00:00+08:00`,
      updatedBy: { id: 'st-office-head', name: '李娜' },
    })),
  )
  h.runtime.db.insertMany(
    'audit',
    Array.from({ length: 60 }, (_, i) => ({
      _id: `a-${String(i).padStart(3, '0')}`,
      action: 'reveal-reporter',
      subject: clones[i]!._id,
      refNo: clones[i]!.refNo,
      staffId: 'st-officer',
      staffName: '王磊',
      at: `2026-11-${String(1 + Math.floor(i / 3)).padStart(2, '0')}T10:00:00+08:00`,
      disclosure: true,
      unitId: units[i % units.length]!,
      reason: '核实现场位置',
    })),
  )
  // 45 claims waiting for a decision: the reward admin pages through them.
  h.runtime.db.insertMany(
    'reward_claims',
    clones.slice(0, 45).map((c, i) => ({
      _id: `rc-${c._id}`,
      caseId: c._id,
      refNo: c.refNo,
      claimantOpenid: 'dev-citizen',
      claimedBy: 'real-name',
      reporterKey: `key-${i % 7}`,
      identitySealed: null,
      declaredInsider: false,
      declaredExcluded: false,
      checks: { staffAccount: false, nameMatchesStaff: false },
      state: 'submitted',
      decision: null,
      payout: null,
      refusal: null,
      recovery: null,
      submittedAt: c.createdAt,
      updatedAt: c.createdAt,
    })),
  )

  h.runtime.db = observeDocStore(h.runtime.db, (call) => calls.push(call))
  for (const scope of ['open', 'all']) {
    expect(await pageToTheEnd('staff', 'inbox', { scope, limit: 20 }, STAFF.officer)).toBeGreaterThan(2)
    expect(await pageToTheEnd('staff', 'inbox', { scope, limit: 20 }, STAFF.supervisor)).toBeGreaterThan(2)
  }
  expect(await pageToTheEnd('cases', 'listMine', { limit: 20 }, 'dev-citizen')).toBeGreaterThan(2)
  const page = (payload: object, openid: string) =>
    pageToTheEnd('staff', 'inbox', { limit: 20, ...payload }, openid)
  expect(await page({ scope: 'todo', list: 'intake' }, STAFF.supervisor)).toBeGreaterThan(2)
  expect(await page({ scope: 'todo', list: 'supervisor' }, STAFF.supervisor)).toBeGreaterThan(2)
  expect(await page({ scope: 'todo', list: 'officer' }, STAFF.officer)).toBeGreaterThan(2)
  expect(await page({ search: '某建设工程' }, STAFF.supervisor)).toBeGreaterThan(2)
  expect(await page({ scope: 'co-handling' }, STAFF.head)).toBeGreaterThan(1)
  expect(await pageToTheEnd('staff', 'listReplyTemplates', { limit: 20 }, STAFF.head)).toBeGreaterThan(2)
  expect(await pageToTheEnd('staff', 'auditLog', { limit: 20 }, STAFF.supervisor)).toBeGreaterThan(2)
  await h.ok('staff', 'duty', { from: '2026-11-21', days: 31 }, STAFF.supervisor)
  expect(await pageToTheEnd('rewards', 'queue', { limit: 20 }, 'dev-reward-admin')).toBe(3)
  await h.act(STAFF.supervisor, caseId, { type: 'accept' })
  await h.fireTimer('timers')
  // The administrator pages through the staff, the invites they issued and their own audit trail.
  for (let i = 0; i < 3; i++) {
    await h.ok(
      'admin',
      'issueInvite',
      { name: '张伟', title: '执法人员', roles: ['officer'], unitIds: ['jz-shanyang'] },
      'dev-admin',
    )
  }
  expect(await pageToTheEnd('admin', 'listStaff', { limit: 2 }, 'dev-admin')).toBeGreaterThan(2)
  expect(await pageToTheEnd('admin', 'listInvites', { status: 'all', limit: 2 }, 'dev-admin')).toBe(2)
  expect(
    await pageToTheEnd('admin', 'listAudit', { staffId: 'st-admin', as: 'actor', limit: 2 }, 'dev-admin'),
  ).toBe(2)
  // The map of open cases pages through the inbox's query (an 18-unit scope).
  expect(await pageToTheEnd('analysis', 'openCaseMap', { limit: 20 }, STAFF.supervisor)).toBeGreaterThan(2)
  // Citizens file reports where there are many: noise at a place (its repeats within 300 m, its cluster within
  // 500 m: geohash-6 cells), odour naming an entity (repeats by the entity; its cluster within 1000 m: geohash 5).
  const before = calls.length
  await h.ok('cases', 'submitReport', reportInput(), 'dev-citizen')
  await h.ok(
    'cases',
    'submitReport',
    reportInput({ category: 'air', reportedEntity: '某建设工程项目部' }),
    'dev-citizen',
  )
  submitCalls.push(...calls.slice(before))
})

afterAll(async () => {
  await h.close()
})

test.each(QUERIES.map(([who, collection, options, index]) => [who, index, collection, options] as const))(
  '%s: %s, on the first page and after a cursor',
  (_who, index, collection, options) => {
    expectIndexedPlan(h.runtime.db.queryPlan(collection, options), index, false)
    if (!options.orderBy) return
    const after = cursorAfter(options, CURSOR_VALUES)
    expectIndexedPlan(h.runtime.db.queryPlan(collection, { ...options, after }), index, true)
  },
)

test.each(CURSORED.map(([who, is, index]) => [who, index, is] as const))(
  'every cursored page the functions ran — %s — searched %s',
  (_who, index, is) => {
    const pages = calls.filter((c) => c.op === 'find' && c.options?.after && is(c))
    expect(pages.length).toBeGreaterThan(0)
    for (const page of pages) {
      expectIndexedPlan(h.runtime.db.queryPlan(page.collection!, page.options!), index, true)
    }
  },
)

test('every cursored page the functions ran is one of those above', () => {
  const undeclared = calls.filter(
    (c) => c.op === 'find' && c.options?.after && !CURSORED.some(([, is]) => is(c)),
  )
  expect(undeclared).toEqual([])
})

test.each(SUBMIT_QUERIES.map(([who, is, index]) => [who, index, is] as const))(
  'a submit’s query — %s — searched %s',
  (_who, index, is) => {
    const queries = submitCalls.filter((c) => c.op === 'find' && is(c))
    expect(queries.length).toBeGreaterThan(0)
    for (const query of queries) {
      const plan = h.runtime.db.queryPlan(query.collection!, query.options!)
      expectIndexedPlan(plan, index, false)
      // Intake's checks read up to 100 earlier reports each: from the index alone (its `include`), never the
      // documents — at 1M cases those reads were most of a submit's time.
      if (query.collection === 'cases') {
        for (const line of plan.filter((l) => l.startsWith('SEARCH'))) expect(line).toMatch(/COVERING INDEX/)
      }
    }
  },
)

test('every query a submit ran is one of those above, and it ran no other', () => {
  const finds = submitCalls.filter((c) => c.op === 'find')
  expect(finds.filter((c) => !SUBMIT_QUERIES.some(([, is]) => is(c)))).toEqual([])
  expect(submitCalls.filter((c) => c.op === 'count')).toEqual([])
})

test('the 14-unit inbox is one query: one range of the index per unit, merged in order', () => {
  const supervisorPages = calls.filter(
    (c) =>
      c.op === 'find' &&
      c.options?.after &&
      c.collection === 'cases' &&
      has(c, 'open') &&
      (c.options.filter?.unitId as { $in?: unknown[] })?.$in?.length === SCOPE_OF_THE_SUPERVISOR,
  )
  expect(supervisorPages.length).toBeGreaterThan(0)
  const plan = h.runtime.db.queryPlan('cases', supervisorPages[0]!.options!)
  expect(plan.filter((line) => line.startsWith('SEARCH docs_cases'))).toHaveLength(SCOPE_OF_THE_SUPERVISOR)
  expect(plan.join(' | ')).toContain('MERGE (UNION ALL)')
})

test('every index that can serve a page ends with _id in the direction of its last sort field', () => {
  expect(() => assertIndexCatalog(INDEXES)).not.toThrow()
  const without = { cases: [{ name: 'x', fields: [['unitId', 1] as [string, 1]] }] }
  expect(() => assertIndexCatalog(without)).toThrow(/cases\.x must end with _id/)
  const against = {
    cases: [
      {
        name: 'y',
        fields: [
          ['createdAt', -1],
          ['_id', 1],
        ] as Array<[string, 1 | -1]>,
      },
    ],
  }
  expect(() => assertIndexCatalog(against)).toThrow(/cases\.y/)
  // A unique index has no ties to break.
  expect(() =>
    assertIndexCatalog({ cases: [{ name: 'z', fields: [['refNo', 1]], unique: true }] }),
  ).not.toThrow()
})

test.each([
  [{ month: '2026-11' }, 'ix_case_stats_month'],
  [{ overdueMonth: '2026-12' }, 'ix_case_stats_overdue_month'],
])(
  "a month's contributions after a cursor (%j): one index range (the monthly pass resumes there)",
  (filter, index) => {
    const options: FindOptions = { filter, limit: 100 }
    const after = cursorAfter(options, {})
    expectIndexedPlan(h.runtime.db.queryPlan('case_stats', { ...options, after }), index, true)
  },
)
