// Every transition (each row of the table, from each of its states) is taken once with a legal move; every state
// refuses every event it has no row for; every row refuses an actor without the role.
import {
  CASE_EVENT_TYPES,
  CASE_STATE_KEYS,
  stateLabel,
  TRANSITIONS,
  type CaseEventInput,
  type CaseEventType,
  type CaseStateKey,
  type TransitionRow,
} from '@shared/workflow'
import { actors } from './driver'
import { caseIn, MOVES, type Move } from './paths'

type AnyRow = TransitionRow<CaseEventType>
type MovableEvent = keyof typeof MOVES

const pairs: Array<[string, MovableEvent, number, CaseStateKey]> = []
for (const type of CASE_EVENT_TYPES) {
  if (type === 'register') continue
  ;(TRANSITIONS[type] as readonly AnyRow[]).forEach((row, index) => {
    for (const from of row.from) pairs.push([`${type} (row ${index}) from ${from}`, type, index, from])
  })
}

function moveFor(type: MovableEvent, index: number, from: CaseStateKey): Move {
  const make = MOVES[type][index]
  if (!make) throw new Error(`no canonical move for ${type} row ${index}`)
  return make(from)
}

function prepared(move: Move, from: CaseStateKey) {
  const driver = caseIn(from, move.profile)
  for (const [event, actor] of move.setup ?? [])
    driver.apply(event, actors[actor], new Date(Date.parse(driver.lastAt) + 600_000).toISOString())
  const at = new Date(Date.parse(driver.lastAt) + (move.later ?? 1) * 3_600_000).toISOString()
  return { driver, at }
}

it('the table has transitions to test', () => {
  expect(pairs.length).toBeGreaterThan(100)
})

describe.each(pairs)('%s', (_name, type, index, from) => {
  it('is legal with the right actor, and leads where it should', () => {
    const move = moveFor(type, index, from)
    const { driver, at } = prepared(move, from)
    const before = driver.history.length
    driver.apply(move.event, actors[move.actor], at)
    expect(driver.state.status).toBe(move.to === 'same' ? from : move.to)
    expect(driver.history).toHaveLength(before + 1)
    expect(driver.history.at(-1)?.event.type).toBe(type)
  })

  it('is refused to a role that may not send it', () => {
    const move = moveFor(type, index, from)
    const { driver, at } = prepared(move, from)
    const result = driver.attempt(move.event, actors.rewardAdmin, at)
    expect(result.ok ? null : [result.error.reason, result.error.state, result.error.event]).toEqual([
      'role-not-allowed',
      from,
      type,
    ])
  })
})

/** Some event of each type, whatever its row, to send where it is not allowed. */
function anyEvent(type: CaseEventType): CaseEventInput {
  if (type === 'register') {
    return { type, channel: 'mini-program', requestType: 'report', receivedAt: '2026-03-02T09:00:00+08:00' }
  }
  const make = MOVES[type][0]
  if (!make) throw new Error(`no move for ${type}`)
  return make('registered').event
}

describe.each(CASE_STATE_KEYS.map((state) => [state]))('in state %s', (state) => {
  const refused = CASE_EVENT_TYPES.filter(
    (type) => !(TRANSITIONS[type] as readonly AnyRow[]).some((row) => row.from.includes(state)),
  )

  it('some events are illegal', () => {
    expect(refused.length).toBeGreaterThan(0)
  })

  it.each(refused.map((type) => [type]))('%s is refused, naming the state and the event', (type) => {
    const driver = caseIn(state)
    const result = driver.attempt(anyEvent(type), actors.admin, '2026-03-03T09:00:00+08:00')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error).toMatchObject({
        code: 'ILLEGAL_TRANSITION',
        state,
        event: type,
        reason: 'not-allowed-in-state',
        guard: null,
      })
      expect(result.error.message).toContain(stateLabel(state))
    }
  })
})
