// Staff notices that arrive: WeChat sends a one-time subscribe message only after an agreement given from a tap,
// one message per agreement, and never says how many are left. The workbench counts them (agreed − delivered;
// none after WeChat refused one for want of agreement) to show when agreement is missing and ask again.
import type { NoticeConsentView } from '../../shared/contracts/enrolment'
import type { Notifier, SubscribeMessage } from '../../cloudfunctions/common/ports'
import { startHarness, type Harness } from '../support/local-harness'
import { OFFICER, reportInput, STAFF } from '../support/reports'

jest.setTimeout(60_000)

let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.close()
})

const consent = (openid: string) => h.ok<NoticeConsentView>('staff', 'noticeConsent', {}, openid)

/** A case assigned to 山阳区分局: its officer is told (staff-task). */
async function assignedToShanyang(): Promise<string> {
  const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')
  await h.act(STAFF.supervisor, caseId, { type: 'accept' })
  await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
  return caseId
}

test('without a configured template (local mode) agreement does not apply', async () => {
  expect(await consent(STAFF.officer)).toEqual({
    templateId: null,
    status: 'not-applicable',
    remaining: 0,
    refusedAt: null,
  })
  // Citizens have no staff notices to agree to.
  expect((await h.call('staff', 'noticeConsent', {}, 'dev-citizen')).status).toBe(403)
})

test('agreements are counted, each delivered notice takes one, and the workbench shows when none are left', async () => {
  h.runtime.subscribeTemplates = { 'staff-task': 'tmpl-staff-task' }
  expect(await consent(STAFF.officer)).toMatchObject({ templateId: 'tmpl-staff-task', status: 'missing' })
  await h.ok('staff', 'recordNoticeConsent', {}, STAFF.officer)
  const twice = await h.ok<NoticeConsentView>('staff', 'recordNoticeConsent', {}, STAFF.officer)
  expect(twice).toMatchObject({ status: 'granted', remaining: 2 })

  await assignedToShanyang()
  expect(await consent(STAFF.officer)).toMatchObject({ status: 'granted', remaining: 1 })
  await assignedToShanyang()
  expect(await consent(STAFF.officer)).toMatchObject({ status: 'missing', remaining: 0 })
  // Another colleague's count is their own.
  expect(await consent(STAFF.leader)).toMatchObject({ remaining: 0 })
})

test('a notice WeChat refuses for want of agreement leaves none counted, with the time', async () => {
  h.runtime.subscribeTemplates = { 'staff-task': 'tmpl-staff-task' }
  await h.ok('staff', 'recordNoticeConsent', {}, STAFF.officer)
  await h.ok('staff', 'recordNoticeConsent', {}, STAFF.officer)
  const refusing: Notifier = {
    send: async (message: SubscribeMessage) =>
      message.to === STAFF.officer ? { delivered: false, reason: 'not-subscribed' } : { delivered: true },
  }
  h.runtime.notifier = refusing
  await assignedToShanyang()
  expect(await consent(STAFF.officer)).toEqual({
    templateId: 'tmpl-staff-task',
    status: 'missing',
    remaining: 0,
    refusedAt: '2026-11-21T10:00:00+08:00',
  })
})
