// Who may use the oversight and statistics functions, action by action (the compiler asks for a payload for every
// action of both contracts): a citizen and a staff member without the post are refused by role; a member of another
// unit holding every post is answered exactly as if the case, unit, sample or warning they name did not exist, and
// nothing is written; their lists and figures hold nothing of other units.
import type { CasePage } from '../../shared/contracts/cases'
import type { DeskItem, ReceptionMonth, WarningView } from '../../shared/contracts/oversight'
import { oversightContract } from '../../shared/contracts/oversight'
import type { MonthlyReportView, StatsFigures } from '../../shared/contracts/stats'
import { statsContract } from '../../shared/contracts/stats'
import type { StaffCaseDetail } from '../../shared/contracts/staff'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { handleToReply, reportInput, STAFF } from '../support/reports'
import { startHarness, type Harness } from '../support/local-harness'

jest.setTimeout(120_000)

type Body = { ok: boolean; error?: { code: string; message: string } }
type Action = keyof typeof oversightContract | `stats.${keyof typeof statsContract}`

const OUTSIDER = 'dev-wenxian' // 温县分局, every post
const MISSING_CASE = 'c0000000000000000000000000000000'
const MISSING = 'x-missing-0000'

let h: Harness
let caseId: string
let sampleId: string
const warningId = 'e-scope-warning'

interface Named {
  caseId: string
  unitId: string
  sampleId: string
  warningId: string
  leaderStaffId: string
}

/** Every action with a payload naming things; `names` says which case, unit, sample, warning and leader. */
const PAYLOADS: Record<Action, (n: Named) => object> = {
  desk: () => ({ list: 'overdue' }),
  orderSupervision: (n) => ({
    caseId: n.caseId,
    expectedVersion: 1,
    reason: 'other',
    instructions: '限期上报',
    dueDate: '2026-12-31',
  }),
  checkSupervision: (n) => ({ caseId: n.caseId, expectedVersion: 1, decision: 'accept' }),
  recordReturnVisit: (n) => ({ caseId: n.caseId, expectedVersion: 1, problemRecurred: true, note: '回访' }),
  orderRedo: (n) => ({ caseId: n.caseId, expectedVersion: 1, reason: '重新办理' }),
  drawSpotCheck: (n) => ({ unitId: n.unitId, period: '2026-11' }),
  spotChecks: (n) => ({ unitId: n.unitId }),
  spotCheck: (n) => ({ sampleId: n.sampleId }),
  recordSpotCheck: (n) => ({
    sampleId: n.sampleId,
    caseId: n.caseId,
    expectedVersion: 1,
    finding: 'irregular',
    problemRecurred: false,
    note: '抽查',
  }),
  warnings: () => ({}),
  handleWarning: (n) => ({ warningId: n.warningId, note: '已处置' }),
  leaderCases: () => ({}),
  takeLeaderCase: (n) => ({ caseId: n.caseId, expectedVersion: 1 }),
  recordReception: (n) => ({
    date: '2026-12-01',
    leaderStaffId: n.leaderStaffId,
    petitioners: ['张三'],
    matters: '反映噪声',
    assignments: [],
  }),
  receptions: () => ({ month: '2026-11' }),
  'stats.figures': (n) => ({ from: '2026-11', to: '2026-11', unitId: n.unitId }),
  'stats.monthlyReport': () => ({ month: '2026-11' }),
  'stats.exportFigures': (n) => ({ from: '2026-11', to: '2026-11', unitId: n.unitId, format: 'csv' }),
  'stats.exportCases': (n) => ({ from: '2026-11', to: '2026-11', unitId: n.unitId, format: 'csv' }),
  'stats.exportReport': () => ({ month: '2026-11', format: 'csv' }),
}

const route = (action: Action) =>
  action.startsWith('stats.') ? (['stats', action.slice(6)] as const) : (['oversight', action] as const)

async function call(action: Action, payload: object, openid: string): Promise<Body> {
  const [fn, name] = route(action)
  return (await h.call<Body>(fn, name, payload, openid)).body
}

const ours = (): Named => ({ caseId, unitId: 'jz-shanyang', sampleId, warningId, leaderStaffId: 'st-leader' })
const missing = (): Named => ({
  caseId: MISSING_CASE,
  unitId: MISSING,
  sampleId: MISSING,
  warningId: MISSING,
  leaderStaffId: MISSING,
})

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-02T09:00:00+08:00' })
  await h.runtime.db.insert('staff', {
    _id: 'st-wenxian',
    openid: OUTSIDER,
    name: '温县工作人员',
    title: '温县分局',
    roles: ['intake', 'dispatcher', 'officer', 'office-head', 'leader', 'supervisor'],
    unitIds: ['jz-wenxian'],
    active: true,
  })
  caseId = (await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')).caseId
  await handleToReply(h, caseId)
  await h.runtime.db.insert(COLLECTIONS.warnings, {
    _id: warningId,
    clusterKey: 'ew:noise:scope',
    category: 'noise',
    reporters: 3,
    memberIds: [caseId],
    centre: { lat: 35.29, lng: 113.27 },
    supervisingUnitId: 'jz-brigade',
    basis: 'S3 第十六条',
    raisedAt: '2026-11-02T10:00:00+08:00',
    status: 'open',
  })
  h.clock.set('2026-12-01T09:00:00+08:00')
  await h.fireTimer('timers')
  sampleId = (
    await h.ok<{ id: string }>(
      'oversight',
      'drawSpotCheck',
      { unitId: 'jz-shanyang', period: '2026-11' },
      STAFF.supervisor,
    )
  ).id
})

afterAll(async () => {
  await h.close()
})

const ACTIONS = Object.keys(PAYLOADS) as Action[]

test('every action of both contracts has a payload here', () => {
  expect(ACTIONS.sort()).toEqual(
    [...Object.keys(oversightContract), ...Object.keys(statsContract).map((a) => `stats.${a}`)].sort(),
  )
})

test.each(ACTIONS)(
  '%s: a citizen and a staff member without the post are refused by role',
  async (action) => {
    const before = await h.snapshot()
    for (const openid of ['dev-citizen', 'dev-reward-admin']) {
      expect((await call(action, PAYLOADS[action](ours()), openid)).error?.code).toBe('FORBIDDEN')
    }
    expect(await h.snapshot()).toEqual(before)
  },
)

/** Actions that name something of another unit: answered like the missing one. */
const NAMING: Action[] = [
  'orderSupervision',
  'checkSupervision',
  'recordReturnVisit',
  'orderRedo',
  'drawSpotCheck',
  'spotChecks',
  'spotCheck',
  'recordSpotCheck',
  'handleWarning',
  'takeLeaderCase',
  'recordReception',
  'stats.figures',
  'stats.exportFigures',
  'stats.exportCases',
]

test.each(NAMING)(
  '%s by another unit: answered exactly like a missing one, nothing written',
  async (action) => {
    const before = await h.snapshot()
    const theirs = await call(action, PAYLOADS[action](ours()), OUTSIDER)
    const absent = await call(action, PAYLOADS[action](missing()), OUTSIDER)
    expect(theirs.error?.code).toBe('NOT_FOUND')
    expect(theirs).toEqual(absent)
    expect(await h.snapshot()).toEqual(before)
  },
)

test("another unit's lists and figures hold nothing of ours; ours do", async () => {
  for (const [who, expected] of [
    [OUTSIDER, 0],
    [STAFF.supervisor, 1],
  ] as const) {
    const supervised = await h.ok<CasePage<DeskItem>>('oversight', 'desk', { list: 'supervised' }, who)
    expect(supervised.items).toHaveLength(0)
    const warnings = await h.ok<CasePage<WarningView>>('oversight', 'warnings', {}, who)
    expect(warnings.items).toHaveLength(expected)
    const report = await h.ok<MonthlyReportView>('stats', 'monthlyReport', { month: '2026-11' }, who)
    expect(report.report.total.received).toBe(expected)
    const figures = await h.ok<StatsFigures>('stats', 'figures', { from: '2026-11', to: '2026-11' }, who)
    expect(figures.breakdown.total.closed).toBe(expected)
    const receptions = await h.ok<ReceptionMonth>('oversight', 'receptions', { month: '2026-11' }, who)
    const leaders = receptions.counts.map((c) => c.leaderStaffId)
    // The outsider's scope is 温县 only; the city's supervisor's holds every unit, 温县 too.
    if (who === OUTSIDER) expect(leaders).toEqual(['st-wenxian'])
    else expect(leaders).toEqual(expect.arrayContaining(['st-leader', 'st-wenxian']))
  }
  // The case is ours: our supervisor may act on it.
  const version = (await h.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, STAFF.supervisor)).version
  await h.ok(
    'oversight',
    'orderSupervision',
    { caseId, expectedVersion: version, reason: 'other', instructions: '核实', dueDate: '2026-12-31' },
    STAFF.supervisor,
  )
})
