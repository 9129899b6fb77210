// What repeat reports set off, as workflow transitions taken by the system (the intake's count): 提级办理
// (S0 第十一条), 督办 (S3 第十五条(二), S1 第十四条), 重点信访案件 (S4 四(二)) and 领导包案 (S2 第八条). Each records
// the count in the history entry, flags the case, asks for the notices the article implies, and happens once.
import type { ProfileId } from '@shared/policy'
import {
  onRepeatGround,
  REPEAT_GROUNDS,
  systemActor,
  parseCaseEvent,
  type Actor,
  type CaseEvent,
  type CaseEventInput,
  type Effect,
  type RepeatEventType,
} from '@shared/workflow'
import { actors, ev, type CaseDriver } from './driver'
import { caseIn } from './paths'

const later = (driver: CaseDriver, hours = 1) =>
  new Date(Date.parse(driver.lastAt) + hours * 3_600_000).toISOString()

const INTAKE = systemActor('intake')
const counted = (count = 3, threshold = 3) => ({ count, threshold, windowDays: 90, basis: '依据（测试）' })

type Row = [
  article: string,
  profile: ProfileId,
  event: CaseEventInput & { type: RepeatEventType },
  recorded: (driver: CaseDriver) => unknown,
  effects: Effect[],
]

const REPORTERS: Effect = { type: 'notify-reporter', notice: 'stepped-up' }

const ROWS: Row[] = [
  [
    'S0 第十一条 重复举报3次以上 → 提级办理: the branch (handling unit) leads, leaders and supervisors oversee',
    'jiaozuo-12345',
    { type: 'escalate', reason: 'repeat-reports', note: '分局主要负责人带队', repeats: counted() },
    (d) => d.state.flags.escalated,
    [
      { type: 'notify-units', unitIds: ['unit-a'], notice: 'escalated' },
      { type: 'notify-roles', roles: ['leader', 'supervisor'], notice: 'escalated' },
      REPORTERS,
    ],
  ],
  [
    'S3 第十五条(二) 问题久拖不决，公众反复举报 → 督办 (national baseline)',
    'national',
    { type: 'supervise', reason: 'repeated-reports', instructions: '限期办结', repeats: counted() },
    (d) => d.state.flags.supervised,
    [
      { type: 'notify-units', unitIds: ['unit-a'], notice: 'supervision' },
      { type: 'notify-roles', roles: ['leader'], notice: 'supervision' },
      REPORTERS,
    ],
  ],
  [
    'S1 第十四条 对重复举报的事项督促区县认真办理 → 督办',
    'tianjin-12369',
    { type: 'supervise', reason: 'repeated-reports', instructions: '认真办理', repeats: counted() },
    (d) => d.state.flags.supervised,
    [
      { type: 'notify-units', unitIds: ['unit-a'], notice: 'supervision' },
      { type: 'notify-roles', roles: ['leader'], notice: 'supervision' },
      REPORTERS,
    ],
  ],
  [
    'S4 四(二) 群众反映集中 → 重点信访案件, reported to the leaders',
    'haidong',
    { type: 'mark-important', ground: 'many-affected', note: '群众反映集中', repeats: counted() },
    (d) => d.state.facts.important,
    [{ type: 'notify-roles', roles: ['leader'], notice: 'important-case' }, REPORTERS],
  ],
  [
    'S2 第八条 信访积案 → 列入局领导包案: the leaders name the leader, the handling unit is told',
    'chongqing-jiulongpo',
    { type: 'list-leader-case', ground: 'backlog', note: '列入包案', repeats: counted() },
    (d) => d.state.flags.leaderCase?.ground === 'backlog',
    [
      { type: 'notify-roles', roles: ['leader'], notice: 'leader-case' },
      { type: 'notify-units', unitIds: ['unit-a'], notice: 'leader-case' },
      REPORTERS,
    ],
  ],
]

describe.each(ROWS)('%s', (_article, profile, event, recorded, effects) => {
  it('the system (intake) takes it on the count: history entry, flags, notices', () => {
    const driver = caseIn('assigned', profile)
    const at = later(driver)
    const result = driver.attempt(event, INTAKE, at)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.effects).toEqual(effects)
    expect(result.entry).toMatchObject({ at, actor: { kind: 'system', id: 'intake' }, event })
    driver.apply(event, INTAKE, at)
    expect(recorded(driver)).toBe(true)
    expect(driver.state.flags.repeatAction).toEqual({ event: event.type, count: 3, at })
    expect(driver.state.status).toBe('assigned')
  })

  it('is taken on its repeat ground (REPEAT_GROUNDS)', () => {
    expect(onRepeatGround(ev(event))).not.toBeNull()
    expect(REPEAT_GROUNDS[event.type]).toBe('reason' in event ? event.reason : event.ground)
  })

  it('once per case: a further count is refused', () => {
    const driver = caseIn('assigned', profile)
    driver.apply(event, INTAKE, later(driver))
    expect(driver.attempt({ ...event, repeats: counted(4) }, INTAKE, later(driver, 2))).toMatchObject({
      ok: false,
      error: { reason: 'guard-failed' },
    })
  })

  it('the system cannot take it without a count that reached the threshold (systemActsOnRepeatCount)', () => {
    const driver = caseIn('assigned', profile)
    const { repeats: _dropped, ...uncounted } = event
    for (const attempt of [uncounted, { ...event, repeats: counted(2, 3) }]) {
      expect(driver.attempt(attempt, INTAKE, later(driver))).toMatchObject({
        ok: false,
        error: { guard: 'systemActsOnRepeatCount' },
      })
    }
  })

  it('staff cannot record a count: the count is the system’s (systemActsOnRepeatCount)', () => {
    const driver = caseIn('assigned', profile)
    const anyRole: Actor = { kind: 'staff', id: 'st-1', roles: ['supervisor', 'leader', 'dispatcher'] }
    expect(driver.attempt(event, anyRole, later(driver))).toMatchObject({
      ok: false,
      error: { guard: 'systemActsOnRepeatCount' },
    })
  })
})

describe('what the system may not do, and what stays internal', () => {
  it('marks a case important only on the repeat ground (S4 四(二)); other grounds need a person', () => {
    const driver = caseIn('assigned', 'haidong')
    expect(
      driver.attempt(
        { type: 'mark-important', ground: 'joint-report', repeats: counted() },
        INTAKE,
        later(driver),
      ),
    ).toMatchObject({ ok: false, error: { guard: 'systemActsOnRepeatCount' } })
  })

  it('lists a case for 领导包案 only as 信访积案 (S2 第八条)', () => {
    const driver = caseIn('assigned', 'chongqing-jiulongpo')
    expect(
      driver.attempt(
        { type: 'list-leader-case', ground: 'incident-risk', repeats: counted() },
        INTAKE,
        later(driver),
      ),
    ).toMatchObject({ ok: false, error: { guard: 'systemActsOnRepeatCount' } })
  })

  it('supervises on repeat reports before anything is overdue (S3 第十五条(二)), but not on other grounds', () => {
    const driver = caseIn('assigned')
    const at = later(driver)
    expect(
      driver.attempt(
        { type: 'supervise', reason: 'repeated-reports', instructions: '限期办结', repeats: counted() },
        INTAKE,
        at,
      ).ok,
    ).toBe(true)
    expect(
      driver.attempt({ type: 'supervise', reason: 'procedure-violated', instructions: '整改' }, INTAKE, at),
    ).toMatchObject({ ok: false, error: { guard: 'supervisionGrounded' } })
  })

  it('a person’s own escalation or 领导包案 is not announced to the reporter', () => {
    const driver = caseIn('assigned', 'chongqing-jiulongpo')
    const escalated = driver.attempt({ type: 'escalate', reason: 'key-case' }, actors.leader, later(driver))
    const listed = driver.attempt(
      { type: 'list-leader-case', ground: 'incident-risk' },
      actors.supervisor,
      later(driver),
    )
    for (const result of [escalated, listed]) {
      if (!result.ok) throw new Error(result.error.message)
      expect(result.effects.filter((e) => e.type === 'notify-reporter')).toEqual([])
    }
  })

  it('领导包案 is not for leaders to list themselves: the 支队 does (S2 第八条)', () => {
    const driver = caseIn('assigned', 'chongqing-jiulongpo')
    expect(
      driver.attempt({ type: 'list-leader-case', ground: 'backlog' }, actors.leader, later(driver)),
    ).toMatchObject({ ok: false, error: { reason: 'role-not-allowed' } })
  })

  it('a case already replied to takes no escalation; a 复查 under way can still be listed for 领导包案', () => {
    const replied = caseIn('replied', 'chongqing-jiulongpo')
    expect(
      replied.attempt(
        { type: 'escalate', reason: 'repeat-reports', repeats: counted() },
        INTAKE,
        later(replied),
      ),
    ).toMatchObject({ ok: false, error: { reason: 'not-allowed-in-state' } })
    const reviewing = caseIn('under-review', 'chongqing-jiulongpo')
    expect(
      reviewing.attempt(
        { type: 'list-leader-case', ground: 'backlog', repeats: counted() },
        INTAKE,
        later(reviewing),
      ).ok,
    ).toBe(true)
  })
})

describe('the new event is typed like the others', () => {
  const uncited = { count: 3, threshold: 3, windowDays: 90 }
  // @ts-expect-error a ground the articles do not name
  const unnamed: CaseEvent = { type: 'list-leader-case', ground: 'friendship', note: '' }
  // @ts-expect-error a count must say which article it rests on
  const bare: CaseEvent = { type: 'escalate', reason: 'repeat-reports', note: '', repeats: uncited }

  it('refuses a 领导包案 ground outside S2 第八条 / S4 五(二), and a count without its article', () => {
    for (const event of [unnamed, bare]) expect(parseCaseEvent(event).ok).toBe(false)
  })
})
