// 移交经办: who works a case (经办人) is read from its history — the staff member who acted last, or the colleague
// the latest hand-over named — and an administrator hands an open case over, state and clocks unchanged.
import { currentHandlerOf, type HistoryEntry } from '@shared/workflow'
import { actors } from './driver'
import { caseIn } from './paths'

const at = '2026-03-02T09:00:00+08:00'
const entry = (actor: HistoryEntry['actor'], event: Record<string, unknown>): HistoryEntry =>
  ({ at, actor, event }) as unknown as HistoryEntry

const officer = { kind: 'staff', id: 'st-officer', role: 'officer' } as const
const head = { kind: 'staff', id: 'st-head', role: 'office-head' } as const
const reporter = { kind: 'reporter', id: 'wx-reporter' } as const
const timer = { kind: 'system', id: 'deadline-timer' } as const

test.each([
  ['nobody has acted yet', [entry(reporter, { type: 'register' })], null],
  [
    'the staff member who acted last',
    [entry(officer, { type: 'accept' }), entry(head, { type: 'assign' })],
    'st-head',
  ],
  [
    'the reporter and the timer do not take a case over',
    [
      entry(officer, { type: 'start-investigation' }),
      entry(reporter, { type: 'supply-supplement' }),
      entry(timer, { type: 'remind' }),
    ],
    'st-officer',
  ],
  [
    'a hand-over names the colleague, though an administrator sent it',
    [
      entry(officer, { type: 'start-investigation' }),
      entry(
        { kind: 'staff', id: 'st-admin', role: 'admin' },
        {
          type: 'hand-over',
          from: { id: 'st-officer', name: '王磊' },
          to: { id: 'st-head', name: '李娜' },
          reason: '调离',
        },
      ),
      entry(timer, { type: 'remind' }),
    ],
    'st-head',
  ],
])('%s', (_what, history, handler) => {
  expect(currentHandlerOf(history)).toBe(handler)
})

test('an administrator hands an open case over: state and clocks unchanged, the history names both', () => {
  const driver = caseIn('investigating')
  const clocksBefore = driver.clocks().map((c) => [c.clock, c.due])
  driver.apply(
    {
      type: 'hand-over',
      from: { id: 'st-officer', name: '王磊' },
      to: { id: 'st-head', name: '李娜' },
      reason: '调离',
    },
    actors.admin,
    new Date(Date.parse(driver.lastAt) + 3_600_000).toISOString(),
  )
  expect(driver.state.status).toBe('investigating')
  expect(driver.clocks().map((c) => [c.clock, c.due])).toEqual(clocksBefore)
  expect(currentHandlerOf(driver.history)).toBe('st-head')
})

test('only administrators hand over, and only open cases', () => {
  const event = {
    type: 'hand-over',
    from: { id: 'st-officer', name: '王磊' },
    to: { id: 'st-head', name: '李娜' },
    reason: '调离',
  } as const
  const open = caseIn('investigating')
  const later = new Date(Date.parse(open.lastAt) + 3_600_000).toISOString()
  for (const actor of [actors.officer, actors.head, actors.leader, actors.supervisor, actors.rewardAdmin]) {
    expect(open.attempt(event, actor, later).ok).toBe(false)
  }
  const closed = caseIn('closed')
  expect(
    closed.attempt(event, actors.admin, new Date(Date.parse(closed.lastAt) + 3_600_000).toISOString()).ok,
  ).toBe(false)
})
