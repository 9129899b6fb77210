// Dates, months and times are picked on the phone's wheel, never typed (components/date-picker and time-picker),
// in the real weapp build: the spot check's month offers last month, and a month picked on the wheel is what is
// drawn; on the report form, the day and the time picked for 其他时间 are the report's time of occurrence.
import { monthOf, previousMonth } from '../../shared/months'
import { localDateOf } from '../../shared/time'
import { loadWeappBuild, waitUntil, type SimulatedApp, useMemoryStorage } from './harness'

jest.setTimeout(60_000)

const stored: Record<string, unknown> = {}

let app: SimulatedApp
beforeAll(() => {
  app = loadWeappBuild((wx) => useMemoryStorage(wx, stored))
})

test('a spot check draws the month picked on the wheel; last month is offered first', async () => {
  const drawn: unknown[] = []
  app.respond({
    'staff.units': () => ({
      ok: true,
      data: [{ id: 'jz-shanyang', name: '山阳区分局', kind: 'branch', parentId: 'jz-city' }],
    }),
    'oversight.drawSpotCheck': (payload) => {
      drawn.push(payload)
      const { unitId, period } = payload as { unitId: string; period: string }
      return {
        ok: true,
        data: {
          id: 's1',
          unitId,
          unitName: '山阳区分局',
          period,
          seed: `${unitId}|${period}`,
          population: 0,
          drawnAt: '2026-11-23T09:00:00+08:00',
          drawnBy: '陈静',
          items: [],
        },
      }
    },
  })
  const page = await app.renderPage('staff/oversight/index', { tab: 'spot-checks' })
  // The phone's last month, shown on the picker before anything is picked.
  const thisMonth = monthOf(localDateOf(new Date()))
  expect(page.text()).toContain(previousMonth(thisMonth))
  expect(page.root.querySelectorAll('wx-picker')).toHaveLength(1)
  await page.pick(0, '2026-09')
  expect(page.text()).toContain('2026-09')
  await page.tap('山阳区分局')
  await page.tap('抽取样本')
  expect(drawn).toEqual([{ unitId: 'jz-shanyang', period: '2026-09' }])
  expect(page.text()).toContain('山阳区分局 2026-09 办结 0 件')
})

test('a report’s time of occurrence is the day and the time picked on the wheels', async () => {
  const page = await app.renderPage('pages/report/index')
  await page.tap('其他时间')
  // The day starts on the phone's today; no time is picked yet, and the time's wheel says so (components/time-picker).
  expect(page.text()).toContain('选择时间')
  // The day's wheel, then the time's.
  await page.pick(0, '2026-11-20')
  await page.pick(1, '23:10')
  expect(page.text()).toContain('2026-11-20')
  expect(page.text()).toContain('23:10')
  await waitUntil(
    () =>
      (stored['gw.reportDraft'] as { occurredAt?: string } | undefined)?.occurredAt ===
      '2026-11-20T23:10:00+08:00',
    'the draft to hold the time picked',
  )
})
