// Working without a network (issue 13, "Done when"): the officer at a construction site at night checks in, records
// a reading and takes a stamped photo while the gateway cannot be reached; the app is closed and opened again still
// without it; when the gateway answers again everything is applied once, in order — even when the first answer is
// lost on the way back — and an action whose case another persona changed meanwhile is shown with both sides until
// the officer re-applies it.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import type { StaffCaseDetail } from '../../shared/contracts/staff'
import type { StoredCase } from '../../shared/cases/case-doc'
import { OFFICER, reportInput, STAFF } from '../support/reports'
import { field, open, screen, settled, startE2E, until, type E2E } from './browser'
import { addPhotos, PHOTO, phoneAs } from './citizen'

jest.setTimeout(150_000)

let e2e: E2E
beforeAll(async () => {
  // Monday 2026-11-23, 23:05: night-time construction noise.
  e2e = await startE2E({ now: '2026-11-23T23:05:00+08:00' })
})
afterAll(async () => {
  await e2e?.close()
})

/** A night-noise report, accepted and assigned to 山阳区分局 (the officer's unit). */
async function assignedCase(citizen: string): Promise<string> {
  const h = e2e.harness
  const { caseId } = await h.ok<{ caseId: string }>(
    'cases',
    'submitReport',
    reportInput({ source: 'construction' }),
    citizen,
  )
  await h.act(STAFF.supervisor, caseId, { type: 'accept' })
  await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
  return caseId
}

const openCase = (page: Page, caseId: string) => open(page, `/staff/case/index?id=${caseId}`, '办理记录')

/** Takes one workflow step on the page on screen: opens its form, fills it, confirms. */
async function take(page: Page, type: string, fill: () => Promise<void> = async () => undefined) {
  const s = screen(page)
  await s.locator(`[data-event="${type}"]`).tap()
  await s.locator(`[data-testid="event-form"][data-type="${type}"]`).waitFor()
  await fill()
  await s.getByTestId('submit-event').tap()
  await s.locator(`[data-testid="event-form"][data-type="${type}"]`).waitFor({ state: 'detached' })
}

const queuedOnPage = (page: Page) => screen(page).getByTestId('queued-action')

async function storedQueue(page: Page): Promise<Array<{ caseId: string; event: { type: string } }>> {
  const raw = await page.evaluate(
    (key) => window.localStorage.getItem(key),
    `gw.offlineQueue.${STAFF.officer}`,
  )
  return raw
    ? (JSON.parse(raw) as { data: { items: Array<{ caseId: string; event: { type: string } }> } }).data.items
    : []
}

const history = async (caseId: string) =>
  (await e2e.harness.runtime.db.get<StoredCase>('cases', caseId))!.history.map((e) => e.event.type)

test('offline actions survive a restart and are applied once when the gateway returns; a conflict is shown', async () => {
  const h = e2e.harness
  const site = await assignedCase('e2e-offline-a')
  const other = await assignedCase('e2e-offline-b')
  const { context, page } = await phoneAs(e2e, STAFF.officer)
  // The phone's clock agrees with the server's (the server's is held at 23:05 for the test).
  await context.clock.install({ time: new Date('2026-11-23T23:05:00+08:00') })
  const s = screen(page)
  // Both cases opened once with a network: the phone keeps what it saw.
  await openCase(page, site)
  await openCase(page, other)

  // The gateway cannot be reached, and the phone says it is offline.
  await page.route('**/api/**', (route) => route.abort('internetdisconnected'))
  await context.setOffline(true)

  // On the other case: a reading, taken offline.
  await take(page, 'record-measurement', async () => {
    await s.locator('[data-testid="field-item"] [data-value="noise-construction-max"]').tap()
    await field(page, 'field-value').fill('72')
  })
  await until(
    async () => await queuedOnPage(page).count(),
    (n) => n === 1,
  )

  // Back to the site's case (the app's own navigation, no network needed): check in, a reading, a stamped photo.
  await page.goBack()
  await s.getByTestId('on-site').waitFor()
  await take(page, 'check-in', async () => {
    await s.locator('[data-testid="device-fix"][data-status="ready"]').waitFor()
  })
  await take(page, 'record-measurement', async () => {
    await s.locator('[data-testid="field-item"] [data-value="noise-construction"]').tap()
    await field(page, 'field-value').fill('68.5')
    await field(page, 'field-point').fill('工地南侧场界外 1 米')
  })
  await take(page, 'add-site-photos', async () => {
    await addPhotos(page, [PHOTO])
    await s.locator('[data-testid="photo-slot"]').first().waitFor()
  })
  await until(
    async () => await queuedOnPage(page).count(),
    (n) => n === 3,
  )
  // The other case's reading is named, with a way to it.
  expect(await s.getByTestId('other-case-queue').textContent()).toBe('JZ-20261123-0002：还有 1 项操作待同步')
  expect((await storedQueue(page)).map((i) => i.event.type)).toEqual([
    'record-measurement',
    'check-in',
    'record-measurement',
    'add-site-photos',
  ])
  // Nothing reached the server.
  expect(await history(site)).toEqual(['register', 'accept', 'assign'])

  // Meanwhile the supervisor acts on the other case (督办): the officer's reading there now conflicts.
  await h.act(STAFF.supervisor, other, {
    type: 'supervise',
    reason: 'repeated-reports',
    instructions: '今晚务必到场处置',
  })

  // The app is closed and opened again: the phone has a signal, the gateway still does not answer.
  await context.setOffline(false)
  await page.reload()
  await s.getByTestId('offline-view').waitFor()
  await settled(page)
  await until(
    async () => await queuedOnPage(page).count(),
    (n) => n === 3,
  )
  expect((await storedQueue(page)).length).toBe(4)

  // The gateway answers again, but the answer to the check-in is lost on its way back.
  await page.unroute('**/api/**')
  let lost = false
  await page.route('**/api/fn/staff', async (route) => {
    const body = route.request().postDataJSON() as {
      action: string
      payload: { caseId?: string; event?: { type: string } }
    }
    if (!lost && body.action === 'act' && body.payload.event?.type === 'check-in') {
      lost = true
      await route.fetch() // the server has it…
      await route.abort('connectionreset') // …the phone never hears
      return
    }
    await route.continue()
  })
  await s.getByTestId('sync-now').tap()

  // The site's case: everything applied, once, in the order taken; the page shows the fresh case.
  await until(
    async () => await queuedOnPage(page).count(),
    (n) => n === 0,
    30_000,
  )
  expect(lost).toBe(true)
  await until(
    () => history(site),
    (types) => types.includes('add-site-photos'),
  )
  expect(await history(site)).toEqual([
    'register',
    'accept',
    'assign',
    'check-in',
    'record-measurement',
    'add-site-photos',
  ])
  await s.locator('[data-testid="check-in"]').waitFor()
  expect(await s.getByTestId('status').textContent()).toContain('调查处理中')
  const detail = await h.ok<StaffCaseDetail>('staff', 'getCase', { caseId: site }, STAFF.officer)
  expect(detail.onSite.photos).toEqual([expect.objectContaining({ url: expect.any(String), drawn: true })])
  // The stamp is drawn on the photo: its bottom band is darker than the same rows of the photo taken.
  const darkness = await page.evaluate(
    async ([stamped, original]) => {
      const bottomBrightness = async (src: string) => {
        const img = new Image()
        img.src = src
        await img.decode()
        const canvas = document.createElement('canvas')
        canvas.width = img.naturalWidth
        canvas.height = img.naturalHeight
        const ctx = canvas.getContext('2d')!
        ctx.drawImage(img, 0, 0)
        const rows = Math.round(canvas.height * 0.04)
        const data = ctx.getImageData(0, canvas.height - rows, canvas.width, rows).data
        let sum = 0
        for (let i = 0; i < data.length; i += 4) sum += data[i]! + data[i + 1]! + data[i + 2]!
        return sum / (data.length / 4) / 3
      }
      return [await bottomBrightness(stamped!), await bottomBrightness(original!)]
    },
    [detail.onSite.photos[0]!.url!, `data:image/jpeg;base64,${readFileSync(PHOTO).toString('base64')}`],
  )
  expect(darkness[0]).toBeLessThan(darkness[1]! * 0.7)
  expect(detail.onSite.readings).toEqual([expect.objectContaining({ value: 68.5, exceedsBy: 13.5 })])
  // One check-in, though the answer to it was lost once.
  expect(detail.onSite.checkIns).toHaveLength(1)

  // The other case: the reading was not applied over the supervisor's change. The site's page points to it…
  const pointer = s.getByTestId('other-case-queue')
  await until(
    async () => (await pointer.textContent()) ?? '',
    (t) => t.includes('需要您处理'),
  )
  await pointer.tap()
  // …and there both sides are shown.
  const conflict = s.locator('[data-testid="queued-action"][data-state="conflict"]')
  await conflict.waitFor()
  expect(await conflict.getByTestId('conflict-mine').textContent()).toContain('记录监测数据')
  expect(await conflict.getByTestId('conflict-mine').textContent()).toContain('72')
  expect(await conflict.getByTestId('conflict-now').textContent()).toContain('督办')
  expect(await history(other)).not.toContain('record-measurement')
  // The officer looks at both and applies it to the case as it is now: once.
  await conflict.getByTestId('reapply').tap()
  await until(
    async () => await queuedOnPage(page).count(),
    (n) => n === 0,
    20_000,
  )
  expect((await history(other)).filter((t) => t === 'record-measurement')).toHaveLength(1)
  expect(await storedQueue(page)).toEqual([])
})
