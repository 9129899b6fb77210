// Notices that must not go missing, on the embedded store:
// - a report held while its photos are checked sends, when released, the notices any registration sends
//   (已登记 to the reporter, 新案件待受理 to intake) — the same as an unheld report;
// - staff recipients are read from every active staff member, beyond the first page;
// - a holiday notice is never in force without its audit record.
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { BUNDLED_NOTICES } from '../../shared/calendar'
import type { ContentCheck } from '../../cloudfunctions/common/ports'
import type { StaffDoc } from '../../cloudfunctions/common/staff-records'
import { startHarness, type Harness } from '../support/local-harness'
import { reportInput } from '../support/reports'
import { uploadPhoto } from '../support/uploads'

let h: Harness
afterEach(async () => {
  await h.close()
})

type Message = { to: string; template: string; data: Record<string, string> }

/** What the outbox holds now: recipient, template and text of every message, in a stable order. */
async function outbox(): Promise<Array<[string, string, string]>> {
  const page = await h.runtime.db.find<Message>('outbox', { limit: 100 })
  return page.items.map((m) => [m.to, m.template, m.data.thing2 ?? ''] as [string, string, string]).sort()
}

describe('a report released after its photo check', () => {
  // The cloud check: images are checked asynchronously (mediaCheckAsync).
  const asyncCheck: ContentCheck = {
    checkText: async () => ({ verdict: 'pass' }),
    checkImage: async ({ fileId }) => ({ verdict: 'pending', traceId: `trace-${fileId.slice(-12)}` }),
  }

  test('sends the registration notices an unheld report sends: 已登记 to the reporter, intake told', async () => {
    // An unheld report, for reference.
    h = await startHarness()
    await h.ok('cases', 'submitReport', reportInput(), 'dev-citizen')
    const unheld = await outbox()
    expect(unheld).toContainEqual(['dev-citizen', 'case-progress', '已登记'])
    await h.close()

    h = await startHarness()
    h.runtime.contentCheck = asyncCheck
    const photo = await uploadPhoto(h, 'dev-citizen')
    await h.ok('cases', 'submitReport', reportInput({ photos: [photo] }), 'dev-citizen')
    expect(await outbox()).toEqual([]) // held: nobody is told yet
    await FUNCTIONS.files!.onMediaCheck!(
      { Event: 'wxa_media_check', trace_id: `trace-${photo.slice(-12)}`, result: { suggest: 'pass' } },
      h.runtime,
    )
    expect(await outbox()).toEqual(unheld)
  })
})

describe('staff recipients', () => {
  test('are found beyond the first page of active staff', async () => {
    h = await startHarness()
    // 150 active staff of another unit whose ids sort before the demo staff: the first page is all theirs.
    for (let i = 0; i < 150; i++) {
      await h.runtime.db.insert<StaffDoc>('staff', {
        _id: `aa-${String(i).padStart(3, '0')}`,
        openid: `other-${i}`,
        name: `工作人员${i}`,
        title: '其他单位',
        roles: ['officer'],
        unitIds: ['jz-xiuwu'],
        active: true,
      })
    }
    await h.ok('cases', 'submitReport', reportInput(), 'dev-citizen')
    // 新案件待受理 goes to intake above the case's unit: 陈静 of the city brigade/bureau (dev-supervisor).
    expect(await outbox()).toContainEqual(['dev-supervisor', 'staff-task', '新案件待受理'])
  })
})

describe('a holiday notice and its audit record', () => {
  test('are written in one transaction: a write outside it never happens', async () => {
    h = await startHarness()
    const notice2026 = BUNDLED_NOTICES.find((n) => n.year === 2026)!
    // Any write outside a transaction fails, as a crash between two separate writes would leave things.
    const db = h.runtime.db
    const outside = () => Promise.reject(new Error('write outside the transaction'))
    const restore = { insert: db.insert, update: db.update, remove: db.remove }
    Object.assign(db, { insert: outside, update: outside, remove: outside })
    try {
      await h.ok('admin', 'loadHolidayNotice', { notice: notice2026 }, 'dev-admin')
    } finally {
      Object.assign(db, restore)
    }
    expect(await db.count('holiday_notices')).toBe(1)
    expect(await db.count('audit', { action: 'load-holiday-notice', subject: 'year-2026' })).toBe(1)
  })
})
