// Content held for a person, in the browser: a report whose words the check sends to review reaches staff
// flagged 内容待审核 (inbox and case), with the held words; intake clears it; the reporter is told meanwhile.
import { CONTENT_HELD_TAG } from '../../shared/cases/held-content'
import { LOCAL_REVIEW_WORDS } from '../../local/adapters/keyword-content-check'
import { reportInput } from '../support/reports'
import { open, screen, startE2E, type E2E } from './browser'
import { phoneAs } from './citizen'

jest.setTimeout(60_000)

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E({ now: '2026-11-23T09:00:00+08:00' })
})
afterAll(async () => {
  await e2e?.close()
})

test('held report words: flagged for staff, explained to the reporter, cleared by intake', async () => {
  const words = `工地${LOCAL_REVIEW_WORDS[0]}，每晚十一点以后还在打桩，噪声很大。`
  const { caseId, refNo } = await e2e.harness.ok<{ caseId: string; refNo: string }>(
    'cases',
    'submitReport',
    reportInput({ description: words }),
    'e2e-held-reporter',
  )

  // The reporter is told on the case.
  const citizen = await phoneAs(e2e, 'e2e-held-reporter')
  await open(citizen.page, `/pages/case/index?id=${caseId}`, refNo)
  expect(await screen(citizen.page).getByTestId('content-notice').textContent()).toMatch(/人工审核/)

  // Intake (陈静): flagged in the inbox and on the case, with the held words.
  const { page } = await phoneAs(e2e, 'dev-supervisor')
  const s = screen(page)
  await open(page, '/pages/workbench/index', refNo)
  const item = s.locator('[data-testid="inbox-item"]', { hasText: refNo })
  expect(await item.textContent()).toContain(CONTENT_HELD_TAG)
  await item.tap()
  const held = s.getByTestId('held-content')
  await held.waitFor()
  expect(await held.textContent()).toContain(words)
  await held.getByTestId('clear-held').tap()
  await held.waitFor({ state: 'detached' })
  expect(await s.locator('.staff-case__flags').textContent()).not.toContain(CONTENT_HELD_TAG)
})
