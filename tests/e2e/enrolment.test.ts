// Standing a bureau up, in the browser: the administrator issues an invite for a 山阳区分局 officer; a new WeChat
// identity enters it in the 工作台 tab and works that unit's inbox; the administrator deactivates them and their
// next call is refused; a reused or an expired code is refused with a clear message and changes nothing.
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { IssuedInvite } from '../../shared/contracts/staff-admin'
import { reportInput, STAFF } from '../support/reports'
import { field, open, screen, settled, startE2E, type E2E } from './browser'
import { phoneAs } from './citizen'

jest.setTimeout(90_000)

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E({ now: '2026-11-23T09:00:00+08:00' })
})
afterAll(async () => {
  await e2e?.close()
})

/** Everything the store holds, but the rate-limit counters (every try of a code counts, refused or not). */
async function stateOf() {
  const counts = await e2e.harness.snapshot()
  delete counts[COLLECTIONS.rateLimits]
  const invites = await e2e.harness.runtime.db.find(COLLECTIONS.invites, { limit: 100 })
  return { counts, invites: invites.items }
}

async function enterCode(openid: string, code: string) {
  const phone = await phoneAs(e2e, openid)
  await open(phone.page, '/pages/workbench/index', '工作人员绑定身份')
  await field(phone.page, 'enrol-code').fill(code)
  await screen(phone.page).getByTestId('enrol-submit').tap()
  return phone
}

test('an invite for 山阳区分局 officer: redeemed by a new identity, deactivated, reused and expired codes refused', async () => {
  const h = e2e.harness
  const { caseId, refNo } = await h.ok<{ caseId: string; refNo: string }>(
    'cases',
    'submitReport',
    reportInput(),
    'dev-citizen',
  )
  await h.act(STAFF.supervisor, caseId, { type: 'accept' })

  // The administrator issues the invite.
  const admin = await phoneAs(e2e, 'dev-admin')
  const s = screen(admin.page)
  await open(admin.page, '/staff/admin/invite/index', '有效期')
  await field(admin.page, 'invite-name').fill('张伟')
  await field(admin.page, 'invite-title').fill('山阳区分局执法人员')
  await s.locator('[data-role="officer"]').tap()
  await s.locator('[data-unit="jz-shanyang"]').tap()
  await s.getByTestId('invite-submit').tap()
  const code = ((await s.getByTestId('invite-code').textContent()) ?? '').trim()
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
  await s.getByTestId('pending-invite').filter({ hasText: '张伟' }).waitFor()

  // A new WeChat identity enters it in the 工作台 tab and sees 山阳区分局's cases in progress (their own to-do
  // list comes first: nothing is assigned to them yet).
  const colleague = await enterCode('wx-e2e-colleague', code)
  const c = screen(colleague.page)
  expect(await c.getByTestId('staff-name').textContent()).toContain('张伟 · 山阳区分局执法人员')
  await c.getByText('暂无案件').waitFor()
  await c.locator('[data-testid="scope"] [data-value="open"]').tap()
  await c.locator('[data-testid="inbox-item"]', { hasText: refNo }).waitFor()
  // Staff notices: in local mode there is nothing to agree to, and the workbench says so.
  expect(await c.getByTestId('notice-consent').getAttribute('data-status')).toBe('not-applicable')

  // A reused code: refused with a clear message, nothing changes.
  const before = await stateOf()
  const other = await enterCode('wx-e2e-other', code)
  const refused = screen(other.page).getByTestId('enrol-error')
  await refused.waitFor()
  expect(await refused.textContent()).toContain('该邀请码已经使用过')
  expect(await stateOf()).toEqual(before)

  // The administrator finds 张伟 and deactivates the account.
  await open(admin.page, '/staff/admin/index', '发放邀请码')
  await field(admin.page, 'staff-search').fill('张伟')
  await s.getByTestId('staff-search-submit').tap()
  await s.locator('[data-testid="staff-item"]', { hasText: '张伟' }).tap()
  await s.getByTestId('deactivate').tap()
  await field(admin.page, 'deactivate-reason').fill('调离本单位')
  await s.getByTestId('deactivate-confirm').tap()
  await s.locator('[data-testid="member-status"]', { hasText: '已停用' }).waitFor()
  await s.locator('[data-testid="audit-item"]', { hasText: '停用账号' }).waitFor()

  // Their next call is refused: the workbench no longer knows them.
  const next = await h.call<{ ok: boolean; error?: { message: string } }>(
    'staff',
    'inbox',
    {},
    'wx-e2e-colleague',
  )
  expect([next.status, next.body.error?.message]).toEqual([403, '此功能仅限已绑定的工作人员使用'])
  await colleague.page.reload()
  await c.getByText('工作人员绑定身份').first().waitFor()
  await settled(colleague.page)
  expect(await c.getByTestId('inbox-item').count()).toBe(0)

  // An expired code: refused with a clear message, nothing changes.
  const late = await h.ok<IssuedInvite>(
    'admin',
    'issueInvite',
    { name: '李强', title: '山阳区分局执法人员', roles: ['officer'], unitIds: ['jz-shanyang'], validDays: 1 },
    'dev-admin',
  )
  h.clock.advance(2 * 24 * 3600_000)
  const beforeLate = await stateOf()
  const tooLate = await enterCode('wx-e2e-late', late.code)
  const expired = screen(tooLate.page).getByTestId('enrol-error')
  await expired.waitFor()
  expect(await expired.textContent()).toContain('该邀请码已过期')
  expect(await stateOf()).toEqual(beforeLate)
})
