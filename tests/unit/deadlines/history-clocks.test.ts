// Clocks derived from a case's event history: pauses while awaiting supplementary material (S3 第九条(一)),
// approved extensions (S3 第十一条), reminders and overdue status (S2 第十八条), cancellation, reopening
// (S3 第十四条), and the stricter-wins combination of a profile with the national baseline.
import { clockFactsFromHistory, computeClocks, findClock, momentsOf, nextClockDate } from '@shared/deadlines'
import { getPolicyProfile, type PolicyProfile } from '@shared/policy'
import { actors, calendar, CaseDriver, REPLY, SITE_VISIT } from '../workflow/driver'

const MON = '2026-03-02T09:00:00+08:00'

describe('awaiting supplementary material: the clocks wait (S3 第九条(一))', () => {
  const waiting = () =>
    new CaseDriver('national', { receivedAt: MON }).apply(
      { type: 'request-supplement', missingItems: ['现场照片', '具体地址'] },
      actors.intake,
      '2026-03-03T10:00:00+08:00',
    )

  it('has no due date while waiting, and is not overdue', () => {
    const acceptance = waiting().clock('acceptance', '2026-04-30T10:00:00+08:00')
    expect(acceptance).toMatchObject({ state: 'paused', due: null, overdue: false })
  })

  it('a clock that starts while the wait is open waits too: paused, never running without a due date', () => {
    const outOfRemit = waiting().apply(
      { type: 'find-out-of-remit', finding: 'other-department', note: '属住建部门职责' },
      actors.intake,
      '2026-03-04T10:00:00+08:00',
    )
    for (const clock of outOfRemit.clocks('2026-03-05T10:00:00+08:00')) {
      if (clock.due === null)
        expect({ clock: clock.clock, state: clock.state }).toEqual({ clock: clock.clock, state: 'paused' })
    }
  })

  it('resumes when the material arrives, the days waited not counted (15 日 + 7 days waited)', () => {
    const supplied = waiting().apply(
      { type: 'supply-supplement', content: '补充了照片' },
      actors.reporter,
      '2026-03-10T10:00:00+08:00',
    )
    expect(supplied.clock('acceptance')).toMatchObject({
      state: 'running',
      due: '2026-03-24',
      basis: 'S3 第九条',
    })
  })

  it('also pauses a working-day clock that runs from receipt (S0 第七条(四): 10 个工作日)', () => {
    const jiaozuo = new CaseDriver('jiaozuo-12345', { receivedAt: MON })
    expect(jiaozuo.clock('handling')?.due).toBe('2026-03-16')
    jiaozuo
      .apply(
        { type: 'request-supplement', missingItems: ['具体地址'] },
        actors.intake,
        '2026-03-03T10:00:00+08:00',
      )
      .apply(
        { type: 'supply-supplement', content: '某路 1 号' },
        actors.reporter,
        '2026-03-10T10:00:00+08:00',
      )
    expect(jiaozuo.clock('handling')?.due).toBe('2026-03-23')
  })

  it('cannot rescue a clock that had already run out before the request', () => {
    const consult = new CaseDriver('jiaozuo-12345', { receivedAt: MON, requestType: 'consult' }).apply(
      { type: 'request-supplement', missingItems: ['具体问题'] },
      actors.intake,
      '2026-03-09T10:00:00+08:00',
    )
    expect(consult.clock('handling')).toMatchObject({ state: 'paused', due: '2026-03-05', overdue: true })
  })
})

describe('extension (S3 第十一条: at most 30 日, approved before due)', () => {
  const accepted = () =>
    new CaseDriver('national', { receivedAt: MON }).apply({ type: 'accept' }, actors.intake, MON)

  it('adds the approved days to the last day of the original period', () => {
    const driver = accepted()
    // 60 日 from 03-02 end 05-01 (劳动节) → 05-06.
    expect(driver.clock('handling')?.due).toBe('2026-05-06')
    driver
      .apply(
        { type: 'request-extension', days: 20, reason: '需要第三方检测' },
        actors.officer,
        '2026-04-20T10:00:00+08:00',
      )
      .apply({ type: 'approve-extension', days: 20 }, actors.leader, '2026-04-21T10:00:00+08:00')
    expect(driver.clock('handling')).toMatchObject({ due: '2026-05-21', extendedBy: 20 })
  })

  it('a request alone changes nothing', () => {
    const driver = accepted().apply(
      { type: 'request-extension', days: 20, reason: '需要第三方检测' },
      actors.officer,
      '2026-04-20T10:00:00+08:00',
    )
    expect(driver.clock('handling')).toMatchObject({ due: '2026-05-06', extendedBy: 0 })
  })
})

describe('reminder and overdue (S2 第十八条: 催办 3 个工作日 before due, then 督办)', () => {
  const important = () =>
    new CaseDriver('chongqing-jiulongpo', { receivedAt: '2026-09-16T09:00:00+08:00', important: true }).apply(
      { type: 'accept' },
      actors.intake,
      '2026-09-16T10:00:00+08:00',
    )

  it.each([
    ['2026-09-27T10:00:00+08:00', false, false],
    ['2026-09-28T10:00:00+08:00', true, false],
    ['2026-10-08T23:59:00+08:00', true, false],
    ['2026-10-08T16:30:00Z', true, true], // 00:30 on 10-09 in Shanghai
  ])('as of %s: reminder due %s, overdue %s', (asOf, reminderDue, overdue) => {
    expect(important().clock('handling', asOf)).toMatchObject({
      due: '2026-10-08',
      reminder: '2026-09-28',
      reminderBasis: 'S2 第十八条',
      reminderDue,
      overdue,
    })
  })

  it('a clock done on its last day met the deadline; done a day later did not', () => {
    const reply = (at: string) =>
      important()
        .apply(
          { type: 'assign', unitIds: ['unit-a'], officer: { id: 'officer-1', name: '王磊' } },
          actors.dispatcher,
          '2026-09-17T10:00:00+08:00',
        )
        .apply({ type: 'start-investigation' }, actors.officer, '2026-09-17T11:00:00+08:00')
        .apply(SITE_VISIT, actors.officer, '2026-09-18T10:00:00+08:00')
        .apply(REPLY, actors.officer, '2026-09-21T10:00:00+08:00')
        .apply({ type: 'approve-reply' }, actors.head, '2026-09-22T10:00:00+08:00')
        .apply({ type: 'approve-reply' }, actors.leader, '2026-09-23T10:00:00+08:00')
        .apply({ type: 'send-reply' }, actors.officer, at)
        .clock('handling', '2026-11-01T10:00:00+08:00')
    expect(reply('2026-10-08T17:00:00+08:00')).toMatchObject({
      state: 'completed',
      metDeadline: true,
      overdue: false,
    })
    expect(reply('2026-10-09T09:00:00+08:00')).toMatchObject({
      state: 'completed',
      metDeadline: false,
      overdue: false,
    })
  })

  it('no reminder where the profile asks for none', () => {
    const national = new CaseDriver('national', { receivedAt: MON }).apply(
      { type: 'accept' },
      actors.intake,
      MON,
    )
    expect(national.clock('handling')?.reminder).toBeNull()
  })

  it('tells a timer when to look next', () => {
    const clocks = important().clocks('2026-09-20T10:00:00+08:00')
    expect(nextClockDate(clocks, '2026-09-20T10:00:00+08:00')).toBe('2026-09-21')
    expect(nextClockDate(clocks, '2026-09-22T10:00:00+08:00')).toBe('2026-09-28')
  })
})

describe('a case that ends here without being handled', () => {
  it('cancels the clocks still running (not accepted: 不予受理)', () => {
    const driver = new CaseDriver('jiaozuo-12345', { receivedAt: MON }).apply(
      { type: 'not-accept', reason: 'legal-proceedings', guidance: '请向人民法院提起诉讼' },
      actors.intake,
      '2026-03-03T10:00:00+08:00',
    )
    const clocks = driver.clocks('2026-06-01T10:00:00+08:00')
    expect(findClock(clocks, 'acceptance')).toMatchObject({ state: 'completed', metDeadline: true })
    expect(findClock(clocks, 'handling')).toMatchObject({ state: 'cancelled', overdue: false })
  })
})

describe('reopened after a failed return visit (S0 第八条, S3 第十四条)', () => {
  it('gets a fresh handling period from the reopening, across 清明', () => {
    const driver = new CaseDriver('jiaozuo-12345', { receivedAt: MON })
      .apply({ type: 'accept' }, actors.intake, MON)
      .apply(
        { type: 'assign', unitIds: ['unit-a'], officer: { id: 'officer-1', name: '王磊' } },
        actors.dispatcher,
        '2026-03-02T11:00:00+08:00',
      )
      .apply({ type: 'start-investigation' }, actors.officer, '2026-03-03T09:00:00+08:00')
      .apply(SITE_VISIT, actors.officer, '2026-03-03T10:00:00+08:00')
      .apply(REPLY, actors.officer, '2026-03-04T10:00:00+08:00')
      .apply({ type: 'approve-reply' }, actors.head, '2026-03-05T10:00:00+08:00')
      .apply({ type: 'approve-reply' }, actors.leader, '2026-03-05T11:00:00+08:00')
      .apply({ type: 'send-reply' }, actors.officer, '2026-03-06T10:00:00+08:00')
      .apply({ type: 'accept-reply' }, actors.reporter, '2026-03-07T10:00:00+08:00')
      .apply(
        { type: 'record-return-visit', kind: 'return-visit', problemRecurred: true, note: '异味再次出现' },
        actors.officer,
        '2026-03-31T10:00:00+08:00',
      )
      .apply({ type: 'reopen', reason: '回访发现问题反弹' }, actors.head, '2026-04-01T10:00:00+08:00')
    expect(driver.clock('handling')).toMatchObject({
      state: 'running',
      start: '2026-04-01',
      due: '2026-04-16',
    })
    expect(driver.clock('review-window')).toBeUndefined()
  })
})

describe('where a profile and the national baseline both bind, the stricter wins', () => {
  it('a duty takes the earliest date, and keeps the others for audit', () => {
    const driver = new CaseDriver('jiaozuo-12345', { receivedAt: MON }).apply(
      { type: 'accept' },
      actors.intake,
      MON,
    )
    expect(driver.clock('handling')).toMatchObject({
      due: '2026-03-16',
      basis: 'S0 第七条(四)',
      origin: 'jiaozuo-12345',
      considered: [
        { basis: 'S0 第七条(四)', origin: 'jiaozuo-12345', due: '2026-03-16', provisional: false },
        { basis: 'S3 第十一条; 条例 第三十四条', origin: 'national', due: '2026-05-06', provisional: false },
      ],
    })
  })

  it('a window the reporter acts in takes the longest: a local text cannot cut the 条例 period short', () => {
    const shortWindow: PolicyProfile = {
      ...getPolicyProfile('haidong'),
      clocks: [{ clock: 'review-window', from: 'replied', days: 10, unit: 'natural', basis: 'S4 四(五)' }],
    }
    const facts = {
      ...clockFactsFromHistory(new CaseDriver('haidong', { receivedAt: MON }).history),
      starts: momentsOf({ replied: '2026-03-02T10:00:00+08:00' }),
    }
    const window = findClock(
      computeClocks({ profile: shortWindow, calendar, facts, asOf: null }),
      'review-window',
    )
    expect(window).toMatchObject({ due: '2026-04-01', basis: '条例 第三十五条', nature: 'window' })
  })
})
