// What each step of the workflow records and asks for, read as the regulations describe the procedure.
import { getPolicyProfile } from '@shared/policy'
import { openCase, type Actor, type CaseEventInput, type Effect } from '@shared/workflow'
import { actors, CaseDriver, ev, REPLY, SITE_VISIT } from './driver'
import { caseIn, OFFICER, T0 } from './paths'

const later = (driver: CaseDriver, hours = 1) =>
  new Date(Date.parse(driver.lastAt) + hours * 3_600_000).toISOString()

function effectsOf(
  driver: CaseDriver,
  input: Parameters<CaseDriver['attempt']>[0],
  actor = actors.officer,
  at = later(driver),
) {
  const result = driver.attempt(input, actor, at)
  if (!result.ok) throw new Error(result.error.message)
  return result.effects
}

describe('registration (S4 四(一) 当天登记)', () => {
  it('opens the case as registered, tells the reporter, starts the clocks that run from receipt', () => {
    const result = openCase({
      event: ev({
        type: 'register',
        channel: 'hotline-12345',
        requestType: 'complaint',
        receivedAt: '2026-03-02T23:58:00+08:00',
        reporterId: null,
      }),
      actor: actors.intake,
      profile: getPolicyProfile('jiaozuo-12345'),
      ctx: { now: '2026-03-03T00:05:00+08:00', clocks: [] },
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.state).toMatchObject({
      status: 'registered',
      profile: { id: 'jiaozuo-12345', version: 1 },
      facts: {
        requestType: 'complaint',
        channel: 'hotline-12345',
        important: false,
        referred: false,
        reporterId: null,
      },
    })
    expect(result.entry).toMatchObject({
      at: '2026-03-03T00:05:00+08:00',
      actor: { kind: 'staff', role: 'intake' },
    })
    expect(result.effects).toEqual<Effect[]>([
      { type: 'notify-reporter', notice: 'registered' },
      { type: 'notify-roles', roles: ['intake'], notice: 'new-case' },
      { type: 'start-clock', clock: 'acceptance' },
      { type: 'start-clock', clock: 'handling' }, // S0 第七条(四): from receipt of the work order
    ])
  })

  it('refuses an officer (registration is for the reporter, intake staff or a platform import)', () => {
    const result = openCase({
      event: ev({ type: 'register', channel: 'visit', requestType: 'report', receivedAt: T0 }),
      actor: actors.officer,
      profile: getPolicyProfile('national'),
      ctx: { now: T0, clocks: [] },
    })
    expect(result.ok ? null : result.error).toMatchObject({
      state: null,
      event: 'register',
      reason: 'role-not-allowed',
    })
  })
})

describe('one-time request for supplementary information (S3 第九条(一))', () => {
  it('asks for every missing item at once and pauses the clocks', () => {
    const driver = caseIn('registered')
    const items = ['现场照片', '具体地址', '发生时段']
    expect(effectsOf(driver, { type: 'request-supplement', missingItems: items }, actors.intake)).toEqual([
      { type: 'notify-reporter', notice: 'supplement-requested' },
      { type: 'pause-clocks' },
    ])
    driver.apply({ type: 'request-supplement', missingItems: items }, actors.intake, later(driver))
    expect(driver.state.flags.supplement).toMatchObject({ missingItems: items, suppliedAt: null })
  })

  it('resumes the clocks when the reporter supplies it', () => {
    const driver = caseIn('awaiting-supplement')
    expect(effectsOf(driver, { type: 'supply-supplement', content: '照片 3 张' }, actors.reporter)).toEqual([
      { type: 'notify-roles', roles: ['intake'], notice: 'supplement-received' },
      { type: 'resume-clocks' },
    ])
  })
})

describe('acceptance', () => {
  it('tells the reporter, hands over to dispatch, stops the acceptance clock and starts assignment and handling', () => {
    expect(effectsOf(caseIn('registered'), { type: 'accept' }, actors.intake)).toEqual([
      { type: 'notify-reporter', notice: 'accepted' },
      { type: 'notify-roles', roles: ['dispatcher'], notice: 'to-assign' },
      { type: 'stop-clock', clock: 'acceptance' },
      { type: 'start-clock', clock: 'assignment' },
      { type: 'start-clock', clock: 'handling' },
    ])
  })

  it('non-acceptance records the legal reason and the guidance given, and stops every clock', () => {
    const driver = caseIn('awaiting-supplement')
    const event = {
      type: 'not-accept',
      reason: 'no-valid-evidence',
      guidance: '补充证据后可重新举报',
    } satisfies CaseEventInput
    expect(effectsOf(driver, event, actors.intake)).toEqual([
      { type: 'notify-reporter', notice: 'not-accepted' },
      { type: 'stop-clock', clock: 'acceptance' },
    ])
    driver.apply(event, actors.intake, later(driver))
    expect(driver.state.flags.outcome).toEqual({
      kind: 'not-accepted',
      reason: 'no-valid-evidence',
      guidance: '补充证据后可重新举报',
    })
  })

  it('a report of a matter already in progress is merged into that case (S3 第九条(四))', () => {
    const driver = caseIn('accepted').apply(
      { type: 'merge', intoCaseId: 'CASE-0042' },
      actors.dispatcher,
      later(caseIn('accepted')),
    )
    expect(driver.state).toMatchObject({
      status: 'merged',
      flags: { outcome: { kind: 'merged', intoCaseId: 'CASE-0042' } },
    })
  })
})

describe('assignment and transfer', () => {
  it('several offices: the lead office is named and every office is notified (S2 第十六条)', () => {
    const driver = caseIn('accepted')
    const event = {
      type: 'assign',
      unitIds: ['unit-a', 'unit-b'],
      leadUnitId: 'unit-b',
      officer: OFFICER,
    } satisfies CaseEventInput
    // The officer named in the lead office, and the office sharing the case.
    expect(effectsOf(driver, event, actors.dispatcher)).toEqual([
      { type: 'notify-staff', staffIds: [OFFICER.id], notice: 'assigned' },
      { type: 'notify-units', unitIds: ['unit-a'], notice: 'co-handling' },
      { type: 'stop-clock', clock: 'assignment' },
    ])
    driver.apply(event, actors.dispatcher, later(driver))
    expect(driver.state.flags.assignment).toEqual({
      unitIds: ['unit-a', 'unit-b'],
      leadUnitId: 'unit-b',
      officer: OFFICER,
      instructions: '',
      dueDate: null,
    })
  })

  it('a single office leads itself', () => {
    expect(caseIn('assigned').state.flags.assignment).toMatchObject({
      unitIds: ['unit-a'],
      leadUnitId: 'unit-a',
      officer: OFFICER,
    })
  })

  it('to another unit of the bureau: the new unit takes over', () => {
    const driver = caseIn('investigating')
    driver.apply(
      { type: 'transfer', target: 'unit', to: 'unit-c', reason: '属三大队辖区' },
      actors.dispatcher,
      later(driver),
    )
    expect(driver.state).toMatchObject({
      status: 'assigned',
      flags: { assignment: { unitIds: ['unit-c'], leadUnitId: 'unit-c' } },
    })
  })

  it('to another region (S3 第十条): found first, then transferred, the reporter told, the clocks stopped', () => {
    const driver = caseIn('accepted')
    expect(
      effectsOf(
        driver,
        { type: 'find-out-of-remit', finding: 'other-region', note: '位于邻市' },
        actors.dispatcher,
      ),
    ).toEqual([
      { type: 'notify-roles', roles: ['dispatcher'], notice: 'out-of-remit' },
      { type: 'start-clock', clock: 'transfer-out' },
    ])
    driver.apply(
      { type: 'find-out-of-remit', finding: 'other-region', note: '位于邻市' },
      actors.dispatcher,
      later(driver),
    )
    const transfer = {
      type: 'transfer',
      target: 'region',
      to: '410700',
      reason: '属新乡市管辖',
    } satisfies CaseEventInput
    expect(effectsOf(driver, transfer, actors.dispatcher)).toEqual([
      { type: 'notify-reporter', notice: 'transferred' },
      { type: 'stop-clock', clock: 'assignment' },
      { type: 'stop-clock', clock: 'transfer-out' },
      { type: 'stop-clock', clock: 'handling' },
    ])
  })
})

describe('investigation, rectification, reply', () => {
  it('the on-site record is kept (S0 第七条(一)) and stops the investigation clock where there is one (S4 四(三))', () => {
    const driver = new CaseDriver('haidong', { receivedAt: T0 })
      .apply({ type: 'accept' }, actors.intake, '2026-03-02T10:00:00+08:00')
      .apply(
        { type: 'assign', unitIds: ['unit-a'], officer: OFFICER },
        actors.dispatcher,
        '2026-03-02T11:00:00+08:00',
      )
      .apply({ type: 'start-investigation' }, actors.officer, '2026-03-02T12:00:00+08:00')
    expect(effectsOf(driver, SITE_VISIT)).toEqual([{ type: 'stop-clock', clock: 'investigation' }])
    expect(effectsOf(driver, { type: 'record-initial-opinion', opinion: '属实' })).toEqual([
      { type: 'stop-clock', clock: 'initial-opinion' },
    ])
  })

  it('rectification (S0 第七条(二)) goes back to investigation when done', () => {
    const driver = caseIn('rectifying')
    expect(driver.state.flags.rectification).toEqual({ dueDate: '2026-03-20', completed: false })
    driver.apply(
      { type: 'complete-rectification', checkedAt: T0, verification: '已密闭' },
      actors.officer,
      later(driver),
    )
    expect(driver.state).toMatchObject({
      status: 'investigating',
      flags: { rectification: { completed: true } },
    })
  })

  it('office head then leader approve the reply (S2 第十七条)', () => {
    const driver = caseIn('investigating').apply(SITE_VISIT, actors.officer, later(caseIn('investigating')))
    expect(effectsOf(driver, REPLY)).toEqual([
      { type: 'notify-roles', roles: ['office-head'], notice: 'approval-needed' },
    ])
    driver.apply(REPLY, actors.officer, later(driver))
    expect(effectsOf(driver, { type: 'approve-reply' }, actors.head)).toEqual([
      { type: 'notify-roles', roles: ['leader'], notice: 'approval-needed' },
    ])
    driver.apply({ type: 'approve-reply' }, actors.head, later(driver))
    expect(effectsOf(driver, { type: 'approve-reply' }, actors.leader)).toEqual([
      { type: 'notify-units', unitIds: ['unit-a'], notice: 'reply-approved' },
    ])
    driver.apply({ type: 'approve-reply' }, actors.leader, later(driver))
    expect(driver.state.flags.reply?.approvals).toEqual(['office-head', 'leader'])
  })

  it('in Tianjin only the leader in charge approves (S1 第十一条)', () => {
    const driver = new CaseDriver('tianjin-12369', { receivedAt: T0, requestType: 'report' })
      .apply({ type: 'accept' }, actors.intake, '2026-03-02T10:00:00+08:00')
      .apply(
        { type: 'assign', unitIds: ['unit-a'], officer: OFFICER },
        actors.dispatcher,
        '2026-03-02T11:00:00+08:00',
      )
      .apply({ type: 'start-investigation' }, actors.officer, '2026-03-02T12:00:00+08:00')
      .apply(SITE_VISIT, actors.officer, '2026-03-03T10:00:00+08:00')
      .apply(REPLY, actors.officer, '2026-03-04T10:00:00+08:00')
    expect(driver.state.status).toBe('pending-leader-approval')
    driver.apply({ type: 'approve-reply' }, actors.leader, '2026-03-04T11:00:00+08:00')
    expect(driver.state.status).toBe('reply-approved')
  })

  it('a sent-back reply returns to the officer with the approvals cleared', () => {
    const driver = caseIn('pending-leader-approval')
    expect(effectsOf(driver, { type: 'send-back-reply', reason: '事实不清' }, actors.leader)).toEqual([
      { type: 'notify-units', unitIds: ['unit-a'], notice: 'reply-sent-back' },
    ])
    driver.apply({ type: 'send-back-reply', reason: '事实不清' }, actors.leader, later(driver))
    expect(driver.state).toMatchObject({ status: 'investigating', flags: { reply: { approvals: [] } } })
  })

  it('sending the reply tells the reporter, stops the handling clock and opens the review window', () => {
    expect(effectsOf(caseIn('reply-approved'), { type: 'send-reply' })).toEqual([
      { type: 'notify-reporter', notice: 'reply' },
      { type: 'stop-clock', clock: 'handling' },
      { type: 'start-clock', clock: 'review-window' },
    ])
  })

  it('in Haidong a key case also starts the return-visit clock (S4 四(七))', () => {
    const driver = new CaseDriver('haidong', { receivedAt: T0, important: true })
    const steps: Array<[CaseEventInput, Actor]> = [
      [{ type: 'accept' }, actors.intake],
      [{ type: 'assign', unitIds: ['unit-a'], officer: OFFICER }, actors.dispatcher],
      [{ type: 'start-investigation' }, actors.officer],
      [SITE_VISIT, actors.officer],
      [{ type: 'record-initial-opinion', opinion: '属实' }, actors.officer],
      [REPLY, actors.officer],
      [{ type: 'approve-reply' }, actors.head],
      [{ type: 'approve-reply' }, actors.leader],
    ]
    for (const [event, actor] of steps) driver.apply(event, actor, later(driver))
    expect(effectsOf(driver, { type: 'send-reply' })).toContainEqual({
      type: 'start-clock',
      clock: 'return-visit',
    })
  })
})

describe('extension (S3 第十一条)', () => {
  it('a request goes to the approver; approval extends the clock and tells the unit and the reporter', () => {
    const driver = caseIn('investigating')
    expect(effectsOf(driver, { type: 'request-extension', days: 20, reason: '等待检测报告' })).toEqual([
      { type: 'notify-roles', roles: ['leader'], notice: 'extension-requested' },
    ])
    driver.apply(
      { type: 'request-extension', days: 20, reason: '等待检测报告' },
      actors.officer,
      later(driver),
    )
    expect(effectsOf(driver, { type: 'approve-extension', days: 15 }, actors.leader)).toEqual([
      { type: 'extend-clock', clock: 'handling', days: 15 },
      { type: 'notify-units', unitIds: ['unit-a'], notice: 'extension-decided' },
      { type: 'notify-reporter', notice: 'extension-granted' },
    ])
    driver.apply({ type: 'approve-extension', days: 15 }, actors.leader, later(driver))
    expect(driver.state.flags.extension).toEqual({ pending: null, grantedDays: 15 })
  })

  it('a rejected request leaves the clock alone', () => {
    const driver = caseIn('investigating')
    driver.apply(
      { type: 'request-extension', days: 20, reason: '等待检测报告' },
      actors.officer,
      later(driver),
    )
    driver.apply({ type: 'reject-extension', reason: '理由不足' }, actors.leader, later(driver))
    expect(driver.state.flags.extension).toEqual({ pending: null, grantedDays: 0 })
  })
})

describe('reminder, supervision, escalation', () => {
  it('the timer reminds 3 working days before due (S2 第十八条)', () => {
    const driver = new CaseDriver('chongqing-jiulongpo', {
      receivedAt: '2026-09-16T09:00:00+08:00',
      important: true,
    })
      .apply({ type: 'accept' }, actors.intake, '2026-09-16T10:00:00+08:00')
      .apply(
        { type: 'assign', unitIds: ['unit-a'], officer: OFFICER },
        actors.dispatcher,
        '2026-09-16T11:00:00+08:00',
      )
    expect(driver.attempt({ type: 'remind' }, actors.system, '2026-09-25T09:00:00+08:00')).toMatchObject({
      ok: false,
      error: { guard: 'reminderDueForTimer' },
    })
    driver.apply({ type: 'remind' }, actors.system, '2026-09-28T01:00:00+08:00')
    expect(driver.state.flags.reminders).toBe(1)
  })

  it('an overdue case goes to supervision (督办), by the timer', () => {
    const driver = caseIn('investigating')
    const overdue = '2026-05-07T01:00:00+08:00' // 60 日 from 03-02 end 05-06
    const event = {
      type: 'supervise',
      reason: 'overdue',
      instructions: '逾期未办结，限 5 日内办结',
    } satisfies CaseEventInput
    expect(driver.attempt(event, actors.system, '2026-05-06T23:00:00+08:00')).toMatchObject({
      ok: false,
      error: { guard: 'supervisionGrounded' },
    })
    expect(effectsOf(driver, event, actors.system, overdue)).toEqual([
      { type: 'notify-units', unitIds: ['unit-a'], notice: 'supervision' },
      { type: 'notify-roles', roles: ['leader'], notice: 'supervision' },
    ])
  })

  it('escalation (提级办理, S0 第十一条) is flagged once', () => {
    const driver = caseIn('assigned').apply(
      { type: 'escalate', reason: 'repeat-reports' },
      actors.supervisor,
      later(caseIn('assigned')),
    )
    expect(driver.state.flags.escalated).toBe(true)
  })

  it('intake (system) escalates on the repeat count of S0 第十一条', () => {
    const driver = caseIn('assigned').apply(
      {
        type: 'escalate',
        reason: 'repeat-reports',
        repeats: { count: 3, threshold: 3, windowDays: 90, basis: 'S0 第十一条' },
      },
      actors.system,
      later(caseIn('assigned')),
    )
    expect(driver.state.flags.escalated).toBe(true)
    expect(driver.history[driver.history.length - 1]!.actor).toEqual({ kind: 'system', id: 'timer' })
  })

  it('an important case is reported to the leader at once (S2 第十条) and gets the shorter limit (S2 第十七条)', () => {
    const driver = new CaseDriver('chongqing-jiulongpo', { receivedAt: T0 }).apply(
      { type: 'accept' },
      actors.intake,
      T0,
    )
    expect(driver.clock('handling')?.due).toBe('2026-04-01')
    expect(effectsOf(driver, { type: 'mark-important', ground: 'joint-report' }, actors.dispatcher)).toEqual([
      { type: 'notify-roles', roles: ['leader'], notice: 'important-case' },
    ])
    driver.apply({ type: 'mark-important', ground: 'joint-report' }, actors.dispatcher, later(driver))
    expect(driver.clock('handling')?.due).toBe('2026-03-17')
  })
})

describe('review (复查) and re-review (复核), 条例 第三十五条、第三十六条', () => {
  it('a review request stops the window and starts the review clock', () => {
    expect(
      effectsOf(caseIn('replied'), { type: 'request-review', grounds: '对答复不满意' }, actors.reporter),
    ).toEqual([
      { type: 'notify-units', unitIds: ['unit-a'], notice: 'review-requested' },
      { type: 'notify-roles', roles: ['leader'], notice: 'review-requested' },
      { type: 'stop-clock', clock: 'review-window' },
      { type: 'start-clock', clock: 'review' },
    ])
  })

  it('the review opinion is sent and opens the re-review window', () => {
    expect(
      effectsOf(
        caseIn('under-review'),
        { type: 'decide-review', outcome: 'revised', opinion: '补充处理' },
        actors.leader,
      ),
    ).toEqual([
      { type: 'notify-reporter', notice: 'review-decision' },
      { type: 'stop-clock', clock: 'review' },
      { type: 'start-clock', clock: 're-review-window' },
    ])
  })

  it('the re-review decision is final: the same facts are not accepted again (S2 第十九条)', () => {
    const driver = caseIn('under-re-review')
    driver.apply(
      { type: 'decide-re-review', outcome: 'upheld', opinion: '维持' },
      actors.leader,
      later(driver),
    )
    expect(driver.state).toMatchObject({ status: 'closed', flags: { finalDecision: true } })
  })

  it('Haidong: the same unit reviews again until the reporter is satisfied (S4 四(五))', () => {
    const driver = caseIn('review-decided', 'haidong')
    driver.apply({ type: 'request-review', grounds: '仍不满意' }, actors.reporter, later(driver))
    expect(driver.state).toMatchObject({ status: 'under-review', flags: { reviewRounds: 2 } })
    expect(driver.clock('review')).toMatchObject({ basis: 'S4 四(五)', days: 5 })
  })
})

describe('closing', () => {
  it('no objection within 30 日 → deemed closed by the timer (S2 第二十条)', () => {
    const driver = caseIn('replied')
    const replied = driver.state.flags.reply?.sentAt ?? ''
    expect(driver.clock('review-window')?.due).toBe('2026-04-01')
    expect(driver.attempt({ type: 'deem-closed' }, actors.system, '2026-04-01T23:00:00+08:00')).toMatchObject(
      {
        ok: false,
        error: { guard: 'objectionWindowElapsed' },
      },
    )
    driver.apply({ type: 'deem-closed' }, actors.system, '2026-04-02T00:10:00+08:00')
    expect([replied.length > 0, driver.state.status]).toEqual([true, 'closed'])
  })

  it('a failed return visit reopens the case to its unit, and the reporter is told (S0 第八条)', () => {
    const driver = caseIn('closed')
    driver.apply(
      { type: 'record-return-visit', kind: 'return-visit', problemRecurred: true, note: '异味又出现' },
      actors.officer,
      later(driver),
    )
    expect(effectsOf(driver, { type: 'reopen', reason: '问题反弹' }, actors.head)).toEqual([
      { type: 'notify-units', unitIds: ['unit-a'], notice: 'reopened' },
      { type: 'notify-reporter', notice: 'reopened' },
      { type: 'start-clock', clock: 'handling' },
    ])
    driver.apply({ type: 'reopen', reason: '问题反弹' }, actors.head, later(driver))
    expect(driver.state).toMatchObject({
      status: 'assigned',
      flags: { reopenCount: 1, reply: null, lastCheck: null },
    })
  })

  it('archived cases are closed for good (S3 第二十四条)', () => {
    expect(caseIn('archived').state.status).toBe('archived')
  })
})
