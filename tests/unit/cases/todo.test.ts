// The to-do lists, derived in one place (shared/cases/todo.ts): for a case in each state, which posts' lists owe
// it a move, what it waits for in words, and the sort key each list orders it by — urgent first (S2 第十二条),
// then by the date the move is due. The officer's list is the named officer's (S2 第十六条); an extension request
// adds its approvers (S3 第十一条); a supervised case stays with the supervisors (S2 第十八条); an urgent case is on
// the duty list until someone is on site — a check-in there, or a site-visit record (S2 第十二条).
import { createWorkingCalendar } from '@shared/calendar'
import { dueBadgeOf, waitingOf, workIndexOf, type TodoList } from '@shared/cases/todo'
import type { CaseEventInput, CaseStateKey } from '@shared/workflow'
import { actors, CaseDriver, CHECK_IN, SITE_VISIT } from '../workflow/driver'
import { caseIn, OFFICER, T0, type ActorKey } from '../workflow/paths'

type Setup = Array<[CaseEventInput, ActorKey]>
const later = (driver: CaseDriver) => new Date(Date.parse(driver.lastAt) + 3_600_000).toISOString()

function prepared(state: CaseStateKey, setup: Setup = [], emergency = false): CaseDriver {
  const driver = emergency ? new CaseDriver('national', { receivedAt: T0, emergency: true }) : caseIn(state)
  for (const [event, actor] of setup) driver.apply(event, actors[actor], later(driver))
  return driver
}

const rows: Array<
  [name: string, state: CaseStateKey, setup: Setup, lists: TodoList[], waitsFor: string | null]
> = [
  ['registered: intake decides on acceptance (S4 四(一))', 'registered', [], ['intake'], '待受理'],
  [
    'waiting for the reporter’s supplement: nobody in the bureau (S3 第九条(一))',
    'awaiting-supplement',
    [],
    [],
    '待反映人补充材料',
  ],
  ['accepted: the dispatcher assigns (S2 第十六条)', 'accepted', [], ['dispatcher'], '待交办'],
  [
    'found to be another region’s: the dispatcher transfers it (S3 第十条)',
    'accepted',
    [[{ type: 'find-out-of-remit', finding: 'other-region', note: '位于邻市' }, 'intake']],
    ['dispatcher'],
    '待转交其他行政区',
  ],
  ['assigned: the named officer (S2 第十六条)', 'assigned', [], ['officer'], '待承办人开始调查'],
  [
    'transferred to another unit: its dispatcher names an officer',
    'investigating',
    [[{ type: 'transfer', target: 'unit', to: 'unit-c', reason: '属三大队辖区' }, 'dispatcher']],
    ['dispatcher'],
    '待指定承办人',
  ],
  [
    'the named officer stepped aside (S2 第六条): another is to be named',
    'investigating',
    [[{ type: 'recuse', ground: 'interest-in-matter' }, 'officer']],
    ['dispatcher'],
    '待指定承办人',
  ],
  [
    'an extension requested: the officer works on, the leader decides (S3 第十一条)',
    'investigating',
    [[{ type: 'request-extension', days: 15, reason: '需要检测报告' }, 'officer']],
    ['officer', 'leader'],
    '待承办人调查处理；延期 15 天的申请待审批',
  ],
  [
    'supervised (督办, S2 第十八条): the supervisors follow it while the bureau owes a move',
    'investigating',
    [[{ type: 'supervise', reason: 'repeated-reports', instructions: '限期办结' }, 'supervisor']],
    ['officer', 'supervisor'],
    '待承办人调查处理',
  ],
  [
    'the reply awaits the office head (S1 第十一条, S2 第十七条)',
    'pending-head-approval',
    [],
    ['officeHead'],
    '待科室负责人审核答复',
  ],
  ['then the leader', 'pending-leader-approval', [], ['leader'], '待分管领导审批答复'],
  ['approved: the officer sends it', 'reply-approved', [], ['officer'], '待发送答复'],
  ['replied: the reporter’s turn (S2 第二十条)', 'replied', [], [], '待反映人评价，或申请复查'],
  ['复查 requested: the leader decides (条例 第三十五条)', 'under-review', [], ['leader'], '待作出复查意见'],
  [
    '复核 requested: the leader or the supervisor (条例 第三十六条)',
    'under-re-review',
    [],
    ['leader', 'supervisor'],
    '待作出复核意见',
  ],
  ['closed: nobody', 'closed', [], [], null],
]

describe.each(rows)('%s', (_name, state, setup, lists, waitsFor) => {
  const driver = prepared(state, setup)
  const index = workIndexOf(driver.state, driver.clocks(later(driver)))

  it('is on the lists of the posts whose move it is, and says what it waits for', () => {
    expect(Object.keys(index.todo).sort()).toEqual([...lists].sort())
    expect(waitingOf(driver.state).waitsFor).toBe(waitsFor)
  })

  it('names the officer it is assigned to, and sorts by the due date of the next duty', () => {
    const named = driver.state.flags.assignment?.officer?.id ?? null
    expect(index.assigneeStaffId).toBe(named)
    for (const list of lists) expect(index.todo[list]).toBe(`B${index.dueOn ?? '9999-12-31'}`)
  })
})

test('an urgent case (night-time construction noise, S2 第十二条) is on the duty list and first on every list', () => {
  const driver = prepared('registered', [], true)
  const index = workIndexOf(driver.state, driver.clocks(later(driver)))
  expect(index.urgent).toBe(true)
  expect(Object.keys(index.todo).sort()).toEqual(['duty', 'intake'])
  expect(index.todo.intake! < workIndexOf(caseIn('registered').state, []).todo.intake!).toBe(true)
  // Until someone has been on site: then it leaves the duty list.
  driver.apply({ type: 'accept' }, actors.intake, later(driver))
  driver.apply({ type: 'assign', unitIds: ['unit-a'], officer: OFFICER }, actors.dispatcher, later(driver))
  driver.apply({ type: 'start-investigation' }, actors.officer, later(driver))
  expect(Object.keys(workIndexOf(driver.state, driver.clocks()).todo).sort()).toEqual(['duty', 'officer'])
  driver.apply(SITE_VISIT, actors.officer, later(driver))
  expect(Object.keys(workIndexOf(driver.state, driver.clocks()).todo)).toEqual(['officer'])
})

// S2 第十二条: 夜间施工噪声投诉…应立即组织现场核实处置. The duty list holds an urgent case until someone is on site:
// the check-in made there (现场签到) ends it, as does a site-visit record entered afterwards.
const accepted: Setup = [
  [{ type: 'accept' }, 'intake'],
  [{ type: 'assign', unitIds: ['unit-a'], officer: OFFICER }, 'dispatcher'],
]
const onSite: Array<[name: string, onDuty: boolean, setup: Setup]> = [
  ['filed: nobody on site yet', true, []],
  ['assigned to the named officer, who has not gone yet', true, accepted],
  ['investigation started at the desk', true, [...accepted, [{ type: 'start-investigation' }, 'officer']]],
  ['the officer checked in on site', false, [...accepted, [CHECK_IN, 'officer']]],
  ['the head leading the visit checked in (S0 第五条 领导带班)', false, [...accepted, [CHECK_IN, 'head']]],
  [
    'a site visit recorded without a check-in',
    false,
    [...accepted, [{ type: 'start-investigation' }, 'officer'], [SITE_VISIT, 'officer']],
  ],
]

test.each(onSite)(
  'urgent (S2 第十二条 立即组织现场核实), %s: on the duty list %s',
  (_name, onDuty, setup) => {
    const driver = prepared('registered', setup, true)
    const index = workIndexOf(driver.state, driver.clocks(later(driver)))
    expect('duty' in index.todo).toBe(onDuty)
    expect(waitingOf(driver.state).lists.includes('duty')).toBe(onDuty)
    // Still urgent, and first on the lists it stays on.
    expect(index.urgent).toBe(true)
    for (const key of Object.values(index.todo)) expect(key.startsWith('A')).toBe(true)
  },
)

test('the officer’s list is ordered by the date the assignment set, where it is earlier than the law’s (S2 第十六条)', () => {
  const driver = caseIn('accepted')
  const at = later(driver)
  const legal = driver.clock('handling', at)!.due!
  driver.apply(
    { type: 'assign', unitIds: ['unit-a'], officer: OFFICER, dueDate: '2026-03-10' },
    actors.dispatcher,
    at,
  )
  const index = workIndexOf(driver.state, driver.clocks(at))
  expect(legal > '2026-03-10').toBe(true)
  expect(index.todo.officer).toBe('B2026-03-10')
})

describe('due badges count working days of the calendar (S2 第十八条: three working days before the date)', () => {
  const calendar = createWorkingCalendar()
  it.each([
    ['2026-11-23', '2026-11-20', 'overdue'],
    ['2026-11-23', '2026-11-23', 'today'],
    // Friday: Monday to Wednesday are the next three working days.
    ['2026-11-20', '2026-11-25', 'soon'],
    ['2026-11-20', '2026-11-26', null],
    // Before 国庆: the holiday does not count, the Saturday worked after it does.
    ['2026-09-30', '2026-10-10', 'soon'],
    ['2026-09-30', '2026-10-12', null],
  ] as const)('today %s, due %s: %s', (today, due, badge) => {
    expect(dueBadgeOf(due, today, calendar)).toBe(badge)
  })
  it('no date, no badge', () => expect(dueBadgeOf(null, '2026-11-23', calendar)).toBeNull())
})
