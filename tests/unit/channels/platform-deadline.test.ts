// A platform's own deadline for its work order (S2 第十七条: 上级交办案件，来源渠道对办理时限及回复要求另有规定的，
// 从其规定): the handling clock honours the 办理时限 the order carries; where the profile's own limit is stricter,
// it still wins (both bind); an approved extension moves it (S0 第七条(四) 及时申请延期); a reopened case gets the
// bureau's own fresh period (S3 第十四条).
import { getPolicyProfile } from '@shared/policy'
import { replayHistory } from '@shared/workflow'
import { actors, calendar, CaseDriver } from '../workflow/driver'
import { OFFICER } from '../workflow/paths'

const MON = '2026-03-02T09:00:00+08:00'
const order = (platformDue: string | null) =>
  new CaseDriver(
    'jiaozuo-12345',
    {
      receivedAt: MON,
      channel: 'hotline-12345',
      referredBy: '焦作市12345热线',
      externalNo: 'JZ12345-20260302-0001',
      platformDue,
      reporterId: null,
    },
    { actor: actors.intake },
  )

test('without a platform deadline: the profile’s 10 working days for a complaint (S0 第七条(四))', () => {
  expect(order(null).clock('handling')).toMatchObject({ due: '2026-03-16', basis: 'S0 第七条(四)' })
})

test.each([
  ['an earlier 办理时限 governs (S2 第十七条 从其规定)', '2026-03-10', '2026-03-10', 'S2 第十七条'],
  [
    'a later one cannot lengthen the profile’s limit: the stricter wins',
    '2026-03-31',
    '2026-03-16',
    'S0 第七条(四)',
  ],
  ['on the day itself', '2026-03-02', '2026-03-02', 'S2 第十七条'],
])('%s', (_why, platformDue, due, basis) => {
  const handling = order(platformDue).clock('handling')!
  expect(handling).toMatchObject({ due, basis })
  expect(handling.considered.map((c) => c.basis)).toContain('S2 第十七条')
})

test('an earlier platform deadline binds the steps before the reply too (受理告知 not due after 办结答复)', () => {
  const acceptance = order('2026-03-02').clock('acceptance')!
  expect(acceptance.due! <= '2026-03-02').toBe(true)
  expect(acceptance.boundBy).toBe('handling')
})

test('the deadline is overdue the day after, like any duty', () => {
  expect(order('2026-03-04').clock('handling', '2026-03-05T09:00:00+08:00')).toMatchObject({
    due: '2026-03-04',
    overdue: true,
  })
})

test('an approved extension moves the platform’s date by its days', () => {
  const approver = { kind: 'staff', id: 'approver-1', roles: ['leader', 'office-head'] } as const
  const driver = order('2026-03-10')
    .apply({ type: 'accept' }, actors.intake, '2026-03-02T10:00:00+08:00')
    .apply(
      { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER },
      actors.dispatcher,
      '2026-03-02T11:00:00+08:00',
    )
    .apply({ type: 'start-investigation' }, actors.officer, '2026-03-03T09:00:00+08:00')
    .apply(
      { type: 'request-extension', days: 5, reason: '需要监测数据' },
      actors.officer,
      '2026-03-04T09:00:00+08:00',
    )
    .apply(
      { type: 'approve-extension', days: 5 },
      { ...approver, roles: [...approver.roles] },
      '2026-03-04T10:00:00+08:00',
    )
  expect(driver.clock('handling')).toMatchObject({ due: '2026-03-15', basis: 'S2 第十七条', extendedBy: 5 })
})

test('a case with a platform deadline replays like any other (the register event carries it)', () => {
  const driver = order('2026-03-10').apply({ type: 'accept' }, actors.intake, '2026-03-02T10:00:00+08:00')
  expect(driver.history[0]!.event).toMatchObject({ type: 'register', platformDue: '2026-03-10' })
  const replayed = replayHistory(driver.history, calendar, getPolicyProfile('jiaozuo-12345'))
  expect(replayed.ok && replayed.state).toEqual(driver.state)
})
