// The machine around the table: replaying a stored history, the actions a user may see, event validation,
// the state table.
import {
  allowedEvents,
  CASE_STATE_KEYS,
  contextFor,
  CASE_STATES,
  isOpenState,
  STATE_GROUPS,
  parseCaseEvent,
  replayHistory,
  rolesForEvent,
  stateLabel,
  transition,
  type Actor,
  type HistoryEntry,
} from '@shared/workflow'
import { getPolicyProfile } from '@shared/policy'
import { actors, calendar, CaseDriver, ev, SITE_VISIT } from './driver'
import { caseIn, OFFICER } from './paths'

describe('replayHistory', () => {
  it('rebuilds the stored state from the history (JSON round trip included)', () => {
    const driver = caseIn('under-re-review')
    const stored = JSON.parse(JSON.stringify(driver.history)) as HistoryEntry[]
    const replayed = replayHistory(stored, calendar, driver.profile)
    expect(replayed).toMatchObject({ ok: true, state: driver.state })
  })

  it('finds the entry that could not have happened', () => {
    const driver = caseIn('assigned')
    const tampered = driver.history.filter((entry) => entry.event.type !== 'accept')
    expect(replayHistory(tampered, calendar, driver.profile)).toMatchObject({
      ok: false,
      index: 1,
      error: { state: 'registered', event: 'assign', reason: 'not-allowed-in-state' },
    })
  })

  it('re-checks time guards against the clocks as they were at each step', () => {
    const driver = caseIn('replied')
    const late: HistoryEntry = {
      at: '2026-04-10T09:00:00+08:00',
      actor: { kind: 'reporter', id: driver.state.facts.reporterId ?? '' },
      event: ev({ type: 'request-review', grounds: '对答复不满意' }),
    }
    expect(replayHistory([...driver.history, late], calendar, driver.profile)).toMatchObject({
      ok: false,
      error: { guard: 'withinReviewWindow' },
    })
  })
})

describe('allowedEvents: which buttons to show', () => {
  it.each([
    [
      'registered',
      'intake',
      [
        'request-supplement',
        'accept',
        'not-accept',
        'merge',
        'find-out-of-remit',
        'mark-important',
        'transfer',
        'recuse',
      ],
    ],
    ['registered', 'reporter', []],
    [
      'assigned',
      'officer',
      [
        'find-out-of-remit',
        'start-investigation',
        'record-initial-opinion',
        'request-extension',
        // On site: checking in, photos and readings start the investigation.
        'check-in',
        'add-site-photos',
        'record-measurement',
        'link-penalty-case',
        'recuse',
      ],
    ],
    ['replied', 'reporter', ['request-review', 'rate-reply', 'accept-reply']],
    // Once investigated, the decision confirming the violation (or the finding that the report is untrue) can be
    // recorded by those who handle the case: it is what a whistleblower reward rests on.
    [
      'pending-head-approval',
      'head',
      [
        'approve-reply',
        'send-back-reply',
        'request-extension',
        'link-penalty-case',
        'confirm-violation',
        'find-report-untrue',
        'recuse',
      ],
    ],
    [
      'pending-head-approval',
      'leader',
      ['mark-important', 'escalate', 'confirm-violation', 'find-report-untrue', 'recuse'],
    ],
    [
      'investigating',
      'officer',
      [
        'find-out-of-remit',
        'record-site-visit',
        'record-initial-opinion',
        'request-extension',
        'check-in',
        'add-site-photos',
        'record-measurement',
        'link-penalty-case',
        'confirm-violation',
        'find-report-untrue',
        'recuse',
        'record-mediation',
      ],
    ],
  ] as const)('in %s, %s may: %j', (state, actor, expected) => {
    const driver = caseIn(state)
    const now = new Date(Date.parse(driver.lastAt) + 3_600_000).toISOString()
    expect(allowedEvents(driver.state, actors[actor], { now, clocks: driver.clocks(now) }).sort()).toEqual(
      [...expected].sort(),
    )
  })

  it('offers drafting the reply to the officer the assignment named, not to a colleague (S2 第十六条)', () => {
    const driver = caseIn('investigating')
    driver.apply(SITE_VISIT, actors.officer, driver.lastAt)
    const now = new Date(Date.parse(driver.lastAt) + 3_600_000).toISOString()
    const ctx = { now, clocks: driver.clocks(now) }
    const colleague: Actor = { kind: 'staff', id: 'officer-2', roles: ['officer'] }
    expect(allowedEvents(driver.state, actors.officer, ctx)).toContain('draft-reply')
    expect(allowedEvents(driver.state, colleague, ctx)).not.toContain('draft-reply')
    expect(allowedEvents(driver.state, colleague, ctx)).not.toContain('record-mediation')
  })

  it('hides what a time guard forbids (the review window has passed)', () => {
    const driver = caseIn('replied')
    const now = '2026-04-05T09:00:00+08:00'
    expect(allowedEvents(driver.state, actors.reporter, { now, clocks: driver.clocks(now) }).sort()).toEqual([
      'accept-reply',
      'rate-reply',
    ])
  })
})

describe('transition is pure', () => {
  it('leaves the input state untouched and needs now with an offset', () => {
    const driver = caseIn('accepted')
    const before = JSON.stringify(driver.state)
    transition(
      driver.state,
      ev({ type: 'assign', unitIds: ['unit-a'], officer: OFFICER }),
      actors.dispatcher,
      {
        now: '2026-03-03T09:00:00+08:00',
        clocks: driver.clocks(),
      },
    )
    expect(JSON.stringify(driver.state)).toBe(before)
    expect(() =>
      transition(
        driver.state,
        ev({ type: 'assign', unitIds: ['unit-a'], officer: OFFICER }),
        actors.dispatcher,
        {
          now: '2026-03-03 09:00',
          clocks: [],
        },
      ),
    ).toThrow(RangeError)
  })

  it('records the role the staff member acted in', () => {
    const driver = new CaseDriver('national', { receivedAt: '2026-03-02T09:00:00+08:00' })
    const both = { kind: 'staff', id: 'zhang', roles: ['officer', 'intake'] } as const
    driver.apply({ type: 'accept' }, both, '2026-03-02T10:00:00+08:00')
    expect(driver.history.at(-1)?.actor).toEqual({ kind: 'staff', id: 'zhang', role: 'intake' })
  })
})

describe('contextFor', () => {
  it('gives the clocks of a stored case as of now, ready for transition', () => {
    const driver = caseIn('accepted')
    const now = '2026-03-03T09:00:00+08:00'
    const ctx = contextFor({ profile: driver.profile, calendar, history: driver.history, now })
    expect(ctx).toEqual({ now, clocks: driver.clocks(now) })
    expect(
      transition(
        driver.state,
        ev({ type: 'assign', unitIds: ['unit-a'], officer: OFFICER }),
        actors.dispatcher,
        ctx,
      ).ok,
    ).toBe(true)
  })
})

describe('rolesForEvent', () => {
  it('reads the extension approver from the profile', () => {
    expect(rolesForEvent('approve-extension', getPolicyProfile('tianjin-12369'))).toEqual(['leader'])
    expect(rolesForEvent('register', getPolicyProfile('national'))).toEqual(['reporter', 'intake', 'system'])
  })
})

describe('parseCaseEvent', () => {
  it('applies defaults', () => {
    expect(parseCaseEvent({ type: 'assign', unitIds: ['unit-a'], officer: OFFICER })).toEqual({
      ok: true,
      event: {
        type: 'assign',
        unitIds: ['unit-a'],
        leadUnitId: null,
        officer: OFFICER,
        instructions: '',
        dueDate: null,
      },
    })
  })

  it.each([
    [{ type: 'request-supplement', missingItems: [] }, '请填写需补充的内容'],
    [{ type: 'not-accept', reason: 'too-busy', guidance: '请改日再来' }, '不予受理理由不在法定理由之列'],
    [{ type: 'not-accept', reason: 'outside-remit', guidance: '' }, '对反映人的告知和引导'],
    [{ type: 'assign', unitIds: ['unit-a', 'unit-a'], officer: OFFICER }, '承办单位重复'],
    [{ type: 'assign', unitIds: ['unit-a'] }, '请选择承办人'],
    [{ type: 'request-extension', days: 0, reason: '等待检测结果' }, '延期天数至少 1 天'],
    [
      { type: 'register', channel: 'fax', requestType: 'report', receivedAt: '2026-03-02T09:00:00+08:00' },
      '来源渠道不正确',
    ],
    [
      { type: 'register', channel: 'letter', requestType: 'report', receivedAt: '2026-03-02 09:00' },
      '收到时间格式不正确',
    ],
    [{ type: 'fly-away' }, '未知的操作'],
  ])('rejects %j with a Chinese message', (input, message) => {
    const parsed = parseCaseEvent(input)
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.message)).toContainEqual(
      expect.stringContaining(message),
    )
  })
})

describe('the state table', () => {
  it('keeps registered as the initial, open state', () => {
    expect(CASE_STATES.registered).toEqual({
      category: 'open',
      stage: 'intake',
      turn: 'bureau',
      label: '已登记',
    })
  })

  it('gives every state a category and a distinct Chinese label', () => {
    const labels = CASE_STATE_KEYS.map(stateLabel)
    expect(new Set(labels).size).toBe(labels.length)
    expect(STATE_GROUPS.open).toEqual(CASE_STATE_KEYS.filter(isOpenState))
    expect(CASE_STATE_KEYS.filter((k) => !isOpenState(k)).sort()).toEqual(
      ['archived', 'closed', 'merged', 'not-accepted', 'transferred-out'].sort(),
    )
  })
})

describe('state groups are read off the state table', () => {
  // The lists the transition table used to type out, each now one question to the table.
  it.each([
    [
      'handling',
      [
        'accepted',
        'assigned',
        'investigating',
        'rectifying',
        'pending-head-approval',
        'pending-leader-approval',
        'reply-approved',
      ],
    ],
    [
      'bureauTurn',
      [
        'registered',
        'accepted',
        'assigned',
        'investigating',
        'rectifying',
        'pending-head-approval',
        'pending-leader-approval',
        'reply-approved',
        'under-review',
        'under-re-review',
      ],
    ],
    ['awaitingReporter', ['replied', 'review-decided']],
    ['endedUnarchived', ['not-accepted', 'merged', 'transferred-out', 'closed']],
    ['intake', ['registered', 'awaiting-supplement']],
  ] as const)('%s', (group, states) => {
    expect([...STATE_GROUPS[group]].sort()).toEqual([...states].sort())
  })
})
