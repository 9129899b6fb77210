// Uploads nobody attached are removed, file and record, UNATTACHED_UPLOAD_DAYS after their upload by the
// hourly run of the timers function (its one trigger); never one attached to a report, a supplement or a site
// visit, nor one a submission attaches while the timer runs. Paged, resumable across runs.
import { randomUUID } from 'node:crypto'
import { runUploadCleanup } from '../../cloudfunctions/timers/upload-cleanup'
import { registerUpload } from '../../cloudfunctions/common/uploads'
import { UNATTACHED_UPLOAD_DAYS } from '../../shared/contracts/files'
import type { UploadCleanupReport } from '../../shared/contracts/timers'
import { startHarness, type Harness } from '../support/local-harness'
import { OFFICER, reportInput, STAFF } from '../support/reports'
import { PHOTO, uploadPhoto } from '../support/uploads'

jest.setTimeout(60_000)

const CITIZEN = 'dev-citizen'
const UPLOADED_AT = '2026-11-23T09:00:00+08:00'
const DAY = 24 * 3600_000
type Err = { ok: false; error: { code: string; fields?: Record<string, string> } }

/** The hourly run of the timers function (its one trigger): the cleanup's part of the report. */
async function cleanupByTimer(): Promise<UploadCleanupReport> {
  return ((await h.fireTimer('timers')) as { uploadCleanup: UploadCleanupReport }).uploadCleanup
}

let h: Harness
beforeEach(async () => {
  h = await startHarness({ now: UPLOADED_AT })
})
afterEach(async () => {
  await h.close()
})

const uploadRecord = (fileId: string) =>
  h.runtime.db.find('uploads', { filter: { fileId }, limit: 1 }).then((p) => p.items[0] ?? null)
const exists = async (fileId: string) =>
  (await uploadRecord(fileId)) !== null && (await h.runtime.blobs.read(fileId)) !== null
const gone = async (fileId: string) =>
  (await uploadRecord(fileId)) === null && (await h.runtime.blobs.read(fileId)) === null

/** `count` uploads of `openid`, stored and registered as the gateway does (faster than HTTP for many). */
async function storeUploads(count: number, openid = CITIZEN): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const stored = await h.runtime.blobs.put(`uploads/2026/11/${randomUUID()}.jpg`, PHOTO, 'image/jpeg')
    ids.push((await registerUpload(h.runtime, openid, stored)).fileId)
  }
  return ids
}

test(`the timer removes uploads attached to nothing after ${UNATTACHED_UPLOAD_DAYS} days, never attached ones`, async () => {
  const [unattached, reported, supplemented, siteVisit] = await Promise.all([
    uploadPhoto(h, CITIZEN),
    uploadPhoto(h, CITIZEN),
    uploadPhoto(h, CITIZEN),
    uploadPhoto(h, STAFF.officer),
  ])
  // A report with a photo; a supplement with a photo; a site visit record with the officer's photo.
  const { caseId } = await h.ok<{ caseId: string }>(
    'cases',
    'submitReport',
    reportInput({ photos: [reported] }),
    CITIZEN,
  )
  await h.act(STAFF.supervisor, caseId, { type: 'request-supplement', missingItems: ['施工单位名称'] })
  await h.ok(
    'cases',
    'supplyInfo',
    { caseId, content: '施工单位是某建设公司', photos: [supplemented] },
    CITIZEN,
  )
  await h.act(STAFF.supervisor, caseId, { type: 'accept' })
  await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
  await h.act(STAFF.officer, caseId, { type: 'start-investigation' })
  await h.act(STAFF.officer, caseId, {
    type: 'record-site-visit',
    record: {
      visitedAt: '2026-11-23T08:30:00+08:00',
      reportedEntity: '塔南路某建设工程项目部',
      address: '焦作市山阳区塔南路',
      productionStatus: '夜间桩基施工',
      pollutionControl: '无降噪措施',
      discharge: '施工噪声',
      cause: '未经批准夜间施工',
      findings: '情况属实',
      fileIds: [siteVisit],
    },
  })

  // A day before the period ends, nothing goes; a minute after it, the unattached upload goes.
  h.clock.set(new Date(Date.parse(UPLOADED_AT) + (UNATTACHED_UPLOAD_DAYS - 1) * DAY).toISOString())
  expect(await cleanupByTimer()).toMatchObject({ examined: 0, removed: 0 })
  expect(await exists(unattached)).toBe(true)
  h.clock.set(new Date(Date.parse(UPLOADED_AT) + UNATTACHED_UPLOAD_DAYS * DAY + 60_000).toISOString())
  const report = await cleanupByTimer()
  expect(report).toMatchObject({ examined: 1, removed: 1, conflicts: 0, failures: 0, complete: true })
  expect(await gone(unattached)).toBe(true)
  for (const attached of [reported, supplemented, siteVisit]) expect(await exists(attached)).toBe(true)
})

test('a backlog larger than a page is worked through in pages of ≤ 100 over runs that stop at their budget', async () => {
  const ids = await storeUploads(230)
  h.clock.set(new Date(Date.parse(UPLOADED_AT) + (UNATTACHED_UPLOAD_DAYS + 1) * DAY).toISOString())
  let pages = 0
  const onePage = { pageSize: 100, budgetMs: 1, elapsedMs: () => (pages++ === 0 ? 0 : 10) }
  const runs: UploadCleanupReport[] = []
  for (let i = 0; i < 5; i++) {
    pages = 0
    runs.push(await runUploadCleanup(h.runtime, onePage))
    if (runs.at(-1)!.complete) break
  }
  expect(runs.map((r) => [r.examined, r.removed, r.complete])).toEqual([
    [100, 100, false],
    [100, 100, false],
    [30, 30, true],
  ])
  expect(await h.runtime.db.count('uploads')).toBe(0)
  for (const id of [ids[0]!, ids[150]!, ids[229]!]) expect(await h.runtime.blobs.read(id)).toBeNull()
})

test('an upload a report attaches while the timer runs is kept, and the report keeps it', async () => {
  const [photo] = await storeUploads(1)
  h.clock.set(new Date(Date.parse(UPLOADED_AT) + (UNATTACHED_UPLOAD_DAYS + 1) * DAY).toISOString())
  // Between the timer reading its page and removing the upload, the citizen submits the old draft.
  const realFind = h.runtime.db.find.bind(h.runtime.db)
  let caseId = ''
  let submitted = false
  h.runtime.db.find = (async (collection: string, options: Parameters<typeof realFind>[1]) => {
    const page = await realFind(collection, options)
    // Once: the submission reads uploads through find too.
    if (collection === 'uploads' && !submitted && page.items.length) {
      submitted = true
      caseId = (
        await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput({ photos: [photo] }), CITIZEN)
      ).caseId
    }
    return page
  }) as typeof h.runtime.db.find
  const report = await runUploadCleanup(h.runtime)
  h.runtime.db.find = realFind
  expect(report).toMatchObject({ examined: 1, removed: 0, conflicts: 1 })
  expect(await exists(photo!)).toBe(true)
  const detail = await h.ok<{ photos: Array<{ fileId: string; url: string | null }> }>(
    'staff',
    'getCase',
    { caseId },
    STAFF.supervisor,
  )
  expect(detail.photos).toEqual([{ fileId: photo, url: expect.any(String) }])
})

test('a removal interrupted after its claim is finished by the next run; meanwhile no report can attach it', async () => {
  const [photo] = await storeUploads(1)
  h.clock.set(new Date(Date.parse(UPLOADED_AT) + (UNATTACHED_UPLOAD_DAYS + 1) * DAY).toISOString())
  const realRemove = h.runtime.blobs.remove.bind(h.runtime.blobs)
  h.runtime.blobs.remove = async () => {
    throw new Error('storage unavailable')
  }
  expect(await runUploadCleanup(h.runtime)).toMatchObject({ examined: 1, removed: 0, failures: 1 })
  h.runtime.blobs.remove = realRemove

  const before = await h.snapshot()
  const res = await h.call<Err>('cases', 'submitReport', reportInput({ photos: [photo] }), CITIZEN)
  expect(res.status).toBe(400)
  expect(res.body.error.fields).toHaveProperty('photos')
  expect(await h.snapshot()).toEqual(before)

  h.clock.advance(DAY) // the next day's run
  expect(await cleanupByTimer()).toMatchObject({ examined: 1, removed: 1 })
  expect(await gone(photo!)).toBe(true)
})
