// The 整改期限 clock (S0 第七条(二): a plan with 目标、措施、时限和责任单位, 抓好落实): it runs from the order to the
// plan's own deadline, is reminded a working day before it (a decision, fieldWork), goes overdue the day after,
// and stops at the follow-up check that finds it done (complete-rectification). The deadline timer treats it like
// any other duty: it reminds and supervises it.
import { findClock, nextClockDate, timerSteps } from '@shared/deadlines'
import { fieldWorkPolicyFor } from '@shared/policy'
import { actors, CaseDriver, SITE_VISIT } from '../workflow/driver'
import { OFFICER } from '../workflow/paths'

const MON = '2026-03-02T09:00:00+08:00'

/** A case being investigated, its site visit recorded, then ordered to rectify by `dueDate` on `at`. */
function ordered(dueDate: string, at = '2026-03-03T10:00:00+08:00', profile = 'jiaozuo-12345' as const) {
  return new CaseDriver(profile, { receivedAt: MON })
    .apply({ type: 'accept' }, actors.intake, '2026-03-02T10:00:00+08:00')
    .apply(
      { type: 'assign', unitIds: ['unit-a'], officer: OFFICER },
      actors.dispatcher,
      '2026-03-02T11:00:00+08:00',
    )
    .apply({ type: 'start-investigation' }, actors.officer, '2026-03-02T12:00:00+08:00')
    .apply(SITE_VISIT, actors.officer, '2026-03-03T09:00:00+08:00')
    .apply(
      {
        type: 'order-rectification',
        target: '投料口无组织排放消除',
        measures: '密闭投料口',
        dueDate,
        responsibleParty: '某化工厂',
      },
      actors.officer,
      at,
    )
}

describe('the 整改期限 clock', () => {
  it('runs to the plan’s own date, with no roll-over: the date was chosen, not counted (S0 第七条(二))', () => {
    // Sunday 03-08: a chosen date stays where it is.
    const clock = ordered('2026-03-08').clock('rectification', '2026-03-04T09:00:00+08:00')
    expect(clock).toMatchObject({
      label: '整改期限',
      nature: 'duty',
      state: 'running',
      due: '2026-03-08',
      from: 'rectification-ordered',
      days: 5,
      basis: '整改方案确定的整改期限',
      overdue: false,
    })
  })

  it('is reminded the working day before (the policy’s decision), over a weekend', () => {
    expect(fieldWorkPolicyFor('jiaozuo-12345').rectificationReminderWorkingDays).toBe(1)
    // Due Monday 03-16: the working day before is Friday 03-13.
    const driver = ordered('2026-03-16')
    expect(driver.clock('rectification', '2026-03-12T09:00:00+08:00')).toMatchObject({
      reminder: '2026-03-13',
      reminderDue: false,
    })
    expect(driver.clock('rectification', '2026-03-13T09:00:00+08:00')).toMatchObject({ reminderDue: true })
  })

  it('goes overdue the day after its deadline, and the timer supervises it like any duty', () => {
    const driver = ordered('2026-03-16')
    expect(driver.clock('rectification', '2026-03-16T23:00:00+08:00')?.overdue).toBe(false)
    const late = '2026-03-17T09:00:00+08:00'
    expect(driver.clock('rectification', late)?.overdue).toBe(true)
    const steps = timerSteps({ status: driver.state.status, clocks: driver.clocks(late), done: [] })
    const supervise = steps.find((s) => s.kind === 'supervised')
    expect(supervise?.marks).toContain('overdue:rectification:2026-03-16')
    expect(supervise?.event).toMatchObject({ type: 'supervise', reason: 'overdue' })
    expect(driver.attempt(supervise!.event, actors.system, late).ok).toBe(true)
  })

  it('the timer reminds on the reminder date, once', () => {
    const driver = ordered('2026-03-16')
    const at = '2026-03-13T09:00:00+08:00'
    const steps = timerSteps({ status: driver.state.status, clocks: driver.clocks(at), done: [] })
    const remind = steps.find((s) => s.kind === 'reminders')
    expect(remind?.marks).toEqual(expect.arrayContaining(['remind:rectification:2026-03-16']))
    expect(remind?.event).toMatchObject({
      note: expect.stringContaining('整改期限将于 2026-03-16 到期') as string,
    })
    const again = timerSteps({ status: driver.state.status, clocks: driver.clocks(at), done: remind!.marks })
    expect(again.find((s) => s.kind === 'reminders')).toBeUndefined()
    // The timer looks at the case again on the reminder date.
    expect(nextClockDate(driver.clocks('2026-03-04T09:00:00+08:00'), '2026-03-04T09:00:00+08:00')).toBe(
      '2026-03-13',
    )
  })

  it('stops at the follow-up check that finds it done, on time or late', () => {
    const onTime = ordered('2026-03-16').apply(
      { type: 'complete-rectification', checkedAt: '2026-03-16T10:00:00+08:00', verification: '已密闭' },
      actors.officer,
      '2026-03-16T11:00:00+08:00',
    )
    expect(onTime.clock('rectification', '2026-03-20T09:00:00+08:00')).toMatchObject({
      state: 'completed',
      metDeadline: true,
      overdue: false,
    })
  })

  it('a new plan starts it again, to the new date', () => {
    const again = ordered('2026-03-16')
      .apply(
        { type: 'complete-rectification', checkedAt: '2026-03-10T10:00:00+08:00', verification: '部分完成' },
        actors.officer,
        '2026-03-10T11:00:00+08:00',
      )
      .apply(
        {
          type: 'order-rectification',
          target: '彻底消除异味',
          measures: '更换活性炭',
          dueDate: '2026-03-31',
          responsibleParty: '某化工厂',
        },
        actors.officer,
        '2026-03-10T12:00:00+08:00',
      )
    expect(again.clock('rectification', '2026-03-11T09:00:00+08:00')).toMatchObject({
      state: 'running',
      due: '2026-03-31',
    })
  })

  it('a plan whose deadline has passed is refused (rectificationDueNotPast)', () => {
    const driver = new CaseDriver('national', { receivedAt: MON })
      .apply({ type: 'accept' }, actors.intake, '2026-03-02T10:00:00+08:00')
      .apply(
        { type: 'assign', unitIds: ['unit-a'], officer: OFFICER },
        actors.dispatcher,
        '2026-03-02T11:00:00+08:00',
      )
      .apply({ type: 'start-investigation' }, actors.officer, '2026-03-02T12:00:00+08:00')
      .apply(SITE_VISIT, actors.officer, '2026-03-03T09:00:00+08:00')
    const today = driver.attempt(
      {
        type: 'order-rectification',
        target: '达标',
        measures: '整改',
        dueDate: '2026-03-03',
        responsibleParty: '某厂',
      },
      actors.officer,
      '2026-03-03T10:00:00+08:00',
    )
    expect(today.ok).toBe(true)
    const yesterday = driver.attempt(
      {
        type: 'order-rectification',
        target: '达标',
        measures: '整改',
        dueDate: '2026-03-02',
        responsibleParty: '某厂',
      },
      actors.officer,
      '2026-03-03T10:00:00+08:00',
    )
    expect(yesterday.ok ? null : yesterday.error.guard).toBe('rectificationDueNotPast')
    expect(findClock(driver.clocks(), 'rectification')).toBeUndefined()
  })
})
