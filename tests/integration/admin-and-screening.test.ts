// Run-time configuration and content security on the embedded store:
// - an administrator loads a newly published year's holiday notice; due dates in that year stop being
//   provisional and follow it, without a release;
// - photos whose mediaCheckAsync verdict is still pending hold the report back from staff until it arrives;
//   refused photos never reach staff; refused content at upload or submit is explained.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import type { ContentCheck } from '../../cloudfunctions/common/ports'
import { DEV_OPENID_HEADER } from '../../local/gateway'
import { LOCAL_RISKY_IMAGE_MARKER } from '../../local/adapters/keyword-content-check'
import { startHarness, type Harness } from '../support/local-harness'
import { multipartBody } from '../support/images'
import { reportInput } from '../support/reports'

const PHOTO = readFileSync(path.join(__dirname, '..', 'fixtures', 'photo.jpg'))
type Err = { ok: false; error: { code: string; message: string; fields?: Record<string, string> } }

let h: Harness
afterEach(async () => {
  await h.close()
})

async function upload(openid: string, bytes: Buffer) {
  const { payload, headers } = multipartBody(bytes)
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/files',
    payload,
    headers: { ...headers, [DEV_OPENID_HEADER]: openid },
  })
  return {
    status: res.statusCode,
    body: res.json() as { ok: boolean; data?: { fileId: string }; error?: { code: string } },
  }
}

describe('holiday notice of a new year, loaded at run time', () => {
  // What the State Council might publish for 2027 (test data): every day 全国年节及纪念日放假办法 第二条 fixes
  // (元旦, 春节 = 除夕 + 初一至初三, 清明, 劳动节 2 days, 端午, 中秋, 国庆 3 days), 春节 extended to 8 days with a
  // make-up working Saturday on 02-20.
  const off = (name: string, ...dates: string[]) => dates.map((date) => ({ name, date, isOffDay: true }))
  const notice2027 = {
    year: 2027,
    papers: ['https://www.gov.cn/zhengce/content/2027-holidays-test.htm'],
    days: [
      ...off('元旦', '2027-01-01'),
      ...off(
        '春节',
        '2027-02-05',
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-02-09',
        '2027-02-10',
        '2027-02-11',
        '2027-02-12',
      ),
      { name: '春节', date: '2027-02-20', isOffDay: false },
      ...off('清明节', '2027-04-05'),
      ...off('劳动节', '2027-05-01', '2027-05-02'),
      ...off('端午节', '2027-06-09'),
      ...off('中秋节', '2027-09-15'),
      ...off('国庆节', '2027-10-01', '2027-10-02', '2027-10-03'),
    ],
  }

  beforeEach(async () => {
    h = await startHarness({ now: '2027-02-03T10:00:00+08:00' })
  })

  test('due dates in a year without a notice are provisional until the admin loads it', async () => {
    const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')
    const before = await h.ok<{ clocks: Array<{ clock: string; due: string; provisional: boolean }> }>(
      'staff',
      'getCase',
      { caseId },
      'dev-supervisor',
    )
    expect(before.clocks.find((c) => c.clock === 'handling')?.provisional).toBe(true)

    const loaded = await h.ok<{ year: number; source: string }>(
      'admin',
      'loadHolidayNotice',
      { notice: notice2027 },
      'dev-admin',
    )
    expect(loaded).toMatchObject({ year: 2027, source: 'override' })
    const after = await h.ok<{ clocks: Array<{ clock: string; due: string; provisional: boolean }> }>(
      'staff',
      'getCase',
      { caseId },
      'dev-supervisor',
    )
    const handling = after.clocks.find((c) => c.clock === 'handling')!
    expect(handling.provisional).toBe(false)
    // 10 working days from Wed 02-03 across the loaded 春节 (02-05..12 off, Sat 02-20 made up): 02-04, 15, 16,
    // 17, 18, 19, 20, 22, 23, 24 → Wed 02-24.
    expect(handling.due).toBe('2027-02-24')
    const list = await h.ok<Array<{ year: number; source: string }>>(
      'admin',
      'listHolidayNotices',
      {},
      'dev-admin',
    )
    expect(list.find((n) => n.year === 2027)?.source).toBe('override')
    expect(list.find((n) => n.year === 2026)?.source).toBe('bundled')
  })

  test('an inconsistent notice is refused with a Chinese message and nothing is stored', async () => {
    const before = await h.snapshot()
    const bad = {
      ...notice2027,
      days: [...notice2027.days, { name: '调休', date: '2027-03-03', isOffDay: false }],
    }
    const res = await h.call<Err>('admin', 'loadHolidayNotice', { notice: bad }, 'dev-admin')
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/调休上班日只能是周六或周日/)
    expect(await h.snapshot()).toEqual(before)
  })

  test('only an administrator may load a notice', async () => {
    const res = await h.call<Err>('admin', 'loadHolidayNotice', { notice: notice2027 }, 'dev-officer')
    expect(res.status).toBe(403)
  })
})

describe('content security', () => {
  test('a photo the check refuses is refused at upload with a clear message, and not stored', async () => {
    h = await startHarness()
    const before = await h.snapshot()
    const res = await upload('dev-citizen', Buffer.concat([PHOTO, Buffer.from(LOCAL_RISKY_IMAGE_MARKER)]))
    expect(res.status).toBe(422)
    expect(res.body.error?.code).toBe('CONTENT_REJECTED')
    expect(await h.snapshot()).toEqual(before)
  })

  test('while mediaCheckAsync has not answered, the report is held from staff; a pass releases it', async () => {
    h = await startHarness()
    // The cloud check: images are checked asynchronously.
    const pending: ContentCheck = {
      checkText: async () => ({ verdict: 'pass' }),
      checkImage: async ({ fileId }) => ({ verdict: 'pending', traceId: `trace-${fileId.slice(-12)}` }),
    }
    h.runtime.contentCheck = pending
    const photo = (await upload('dev-citizen', PHOTO)).body.data!.fileId
    const second = (await upload('dev-citizen', PHOTO)).body.data!.fileId
    const filed = await h.ok<{ caseId: string; contentPending: boolean }>(
      'cases',
      'submitReport',
      reportInput({ photos: [photo, second] }),
      'dev-citizen',
    )
    expect(filed.contentPending).toBe(true)
    const inbox = async () =>
      (await h.ok<{ items: unknown[] }>('staff', 'inbox', {}, 'dev-officer')).items.length
    expect(await inbox()).toBe(0)
    expect((await h.call('staff', 'getCase', { caseId: filed.caseId }, 'dev-officer')).status).toBe(404)

    const onMediaCheck = FUNCTIONS.files!.onMediaCheck!
    await onMediaCheck(
      { Event: 'wxa_media_check', trace_id: `trace-${photo.slice(-12)}`, result: { suggest: 'pass' } },
      h.runtime,
    )
    expect(await inbox()).toBe(0) // the second photo is still being checked
    await onMediaCheck(
      { Event: 'wxa_media_check', trace_id: `trace-${second.slice(-12)}`, result: { suggest: 'risky' } },
      h.runtime,
    )
    expect(await inbox()).toBe(1)
    const detail = await h.ok<{ photos: Array<{ fileId: string }> }>(
      'staff',
      'getCase',
      { caseId: filed.caseId },
      'dev-officer',
    )
    // The refused photo never reaches staff, and is deleted.
    expect(detail.photos.map((p) => p.fileId)).toEqual([photo])
    expect(await h.runtime.blobs.read(second)).toBeNull()
    // Staff are told once the report is released: intake, as for any new registration.
    expect(
      await h.runtime.db.count('outbox', { to: 'dev-supervisor', template: 'staff-task' }),
    ).toBeGreaterThan(0)
  })
})

describe('local outbox view', () => {
  test('lists the messages of the caller (identity header), newest first', async () => {
    h = await startHarness()
    await h.ok('cases', 'submitReport', reportInput(), 'dev-citizen')
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/dev/outbox',
      headers: { [DEV_OPENID_HEADER]: 'dev-citizen' },
    })
    const items = (res.json() as { data: { items: Array<{ to: string; data: Record<string, string> }> } })
      .data.items
    expect(items).toEqual([
      expect.objectContaining({ to: 'dev-citizen', data: expect.objectContaining({ thing2: '已登记' }) }),
    ])
    expect((await h.app.inject({ method: 'GET', url: '/api/dev/outbox' })).statusCode).toBe(401)
  })
})
