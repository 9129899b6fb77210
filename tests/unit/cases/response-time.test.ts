// 响应时间 of an urgent case (S2 第十二条 立即组织现场核实处置): from the report reaching the bureau to the first
// check-in on site, read off the history — the time the phone read its position (a check-in sent later from
// offline counts from then), but never later than the server received it (a phone clock running ahead).
import { durationText, responseTimeOf } from '@shared/cases/response-time'
import { actors, CaseDriver, CHECK_IN } from '../workflow/driver'
import { OFFICER, T0 } from '../workflow/paths'

/** An urgent report received at T0 (09:00), accepted, assigned to the officer. */
function assigned(): CaseDriver {
  return new CaseDriver('national', { receivedAt: T0, emergency: true })
    .apply({ type: 'accept' }, actors.intake, '2026-03-02T09:05:00+08:00')
    .apply(
      { type: 'assign', unitIds: ['unit-a'], officer: OFFICER },
      actors.dispatcher,
      '2026-03-02T09:10:00+08:00',
    )
}

const checkIn = (takenAt: string) => ({ ...CHECK_IN, position: { ...CHECK_IN.position, takenAt } })

test('nobody on site yet: the report’s time, no response time', () => {
  expect(responseTimeOf(assigned().history)).toEqual({ receivedAt: T0, checkedInAt: null, minutes: null })
})

test('the first check-in counts, at the time the phone read its position (sent later from offline)', () => {
  const driver = assigned()
    .apply(checkIn('2026-03-02T09:42:00+08:00'), actors.officer, '2026-03-02T10:15:00+08:00')
    .apply(checkIn('2026-03-02T11:00:00+08:00'), actors.officer, '2026-03-02T11:00:30+08:00')
  expect(responseTimeOf(driver.history)).toEqual({
    receivedAt: T0,
    checkedInAt: '2026-03-02T09:42:00+08:00',
    minutes: 42,
  })
})

test('a phone clock ahead of the server does not make the response later than it was received', () => {
  const driver = assigned().apply(
    checkIn('2026-03-02T10:30:00+08:00'),
    actors.officer,
    '2026-03-02T09:50:00+08:00',
  )
  expect(responseTimeOf(driver.history)).toMatchObject({
    checkedInAt: '2026-03-02T09:50:00+08:00',
    minutes: 50,
  })
})

test.each([
  [40, '40 分钟'],
  [60, '1 小时'],
  [85, '1 小时 25 分'],
  [26 * 60 + 5, '1 天 2 小时'],
])('%i minutes read as %s', (minutes, text) => {
  expect(durationText(minutes)).toBe(text)
})
