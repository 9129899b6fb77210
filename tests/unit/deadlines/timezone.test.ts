// All dates are Asia/Shanghai whatever the process timezone: cloud functions run in UTC, a developer's laptop
// may be anywhere. A report received at 00:30 in Shanghai is received that Shanghai day even though it is still
// the previous day in UTC. Jest sandboxes process.env, so the other zones run in a child process.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { clocksOf } from './helpers'

const root = path.resolve(__dirname, '../../..')

// 00:30 on Saturday 2026-02-14 in Shanghai (a make-up working day); still Friday 02-13 in UTC.
const NEAR_MIDNIGHT = '2026-02-13T16:30:00Z'

const EXPECTED = {
  acceptance: '2026-03-02', // S3 第九条: 15 日 from 02-14 end Sunday 03-01 → Monday
  assignment: '2026-02-26', // S3 第十条: 3 个工作日 after 02-14: 02-24, 02-25, 02-26
  handling: '2026-03-06', // S0 第七条(四): 10 个工作日 from the work order, make-up Saturday 02-28 counted
}

const ZONES = {
  UTC: 0,
  'America/Los_Angeles': -8 * 60,
  'Asia/Shanghai': 8 * 60,
  'Pacific/Kiritimati': 14 * 60,
}

// Outside Jest a changed process.env.TZ applies at once, so one child process can try every zone.
const SCRIPT = `
import { clockFactsFor, computeClocks } from '@shared/deadlines'
import { createWorkingCalendar } from '@shared/calendar'
import { getPolicyProfile } from '@shared/policy'
const results = {}
for (const zone of ${JSON.stringify(Object.keys(ZONES))}) {
  process.env.TZ = zone
  const clocks = computeClocks({
    profile: getPolicyProfile('jiaozuo-12345'),
    calendar: createWorkingCalendar(),
    facts: clockFactsFor({ requestType: 'complaint', receivedAt: '${NEAR_MIDNIGHT}', acceptedAt: '${NEAR_MIDNIGHT}' }),
    asOf: null,
  })
  results[zone] = {
    offsetMinutes: -new Date('${NEAR_MIDNIGHT}').getTimezoneOffset(),
    dues: Object.fromEntries(clocks.map((c) => [c.clock, c.due])),
  }
}
process.stdout.write(JSON.stringify(results))
`

it('gives Shanghai dates in this process, whatever its zone', () => {
  const dues = Object.fromEntries(
    clocksOf('jiaozuo-12345', { starts: { received: NEAR_MIDNIGHT, accepted: NEAR_MIDNIGHT } }).map((c) => [
      c.clock,
      c.due,
    ]),
  )
  expect(dues).toEqual(EXPECTED)
})

it('gives the same dates in processes running in UTC, Los Angeles, Shanghai and Kiritimati', () => {
  const child = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['--eval', SCRIPT], {
    cwd: root,
    env: { ...process.env, TZ: 'UTC' },
    encoding: 'utf8',
  })
  expect(child.stderr).toBe('')
  // Each run really was in its zone (offset at that instant), and the dates are the same.
  expect(JSON.parse(child.stdout)).toEqual(
    Object.fromEntries(
      Object.entries(ZONES).map(([zone, offsetMinutes]) => [zone, { offsetMinutes, dues: EXPECTED }]),
    ),
  )
}, 180_000)

it('the same instant one hour earlier is still Friday 02-13 in Shanghai', () => {
  const friday = clocksOf('national', { starts: { received: '2026-02-13T15:30:00Z' } })
  // S3 第九条: 15 日 from 02-13 end on make-up Saturday 02-28.
  expect(friday.find((c) => c.clock === 'acceptance')?.due).toBe('2026-02-28')
})
