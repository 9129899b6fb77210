// Reads are batched, not made one document at a time: the DocStore port is wrapped to count calls, and the
// number of reads an action makes is the same for one item as for a full page (My reports' cases, own-upload
// checks and photo URLs, which similar cases a citizen already follows, the photos of a held case, when each
// holiday notice in use was loaded).
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { BUNDLED_NOTICES } from '../../shared/calendar'
import { rescreenCase } from '../../cloudfunctions/common/screening'
import { uploadDocId, type UploadDoc } from '../../cloudfunctions/common/uploads'
import type { DocStore, Runtime } from '../../cloudfunctions/common/ports'
import { DEV_OPENID_HEADER } from '../../local/gateway'
import { startHarness, type Harness } from '../support/local-harness'
import { multipartBody, PNG_1X1 } from '../support/images'
import { northOf, reportInput, SHANYANG } from '../support/reports'

type Reads = { get: number; find: number; count: number }

/** The runtime with its DocStore wrapped: every read through the port is counted. */
function countingRuntime(runtime: Runtime): { runtime: Runtime; reads: Reads } {
  const reads: Reads = { get: 0, find: 0, count: 0 }
  const db = new Proxy(runtime.db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        if (prop === 'get' || prop === 'find' || prop === 'count') reads[prop]++
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  }) as DocStore
  return { runtime: { ...runtime, db }, reads }
}

let h: Harness
beforeEach(async () => {
  h = await startHarness({ now: '2026-11-23T10:00:00+08:00' })
})
afterEach(async () => {
  await h.close()
})

/** Calls an action straight through the function with the counting runtime; answers the reads it made. */
async function readsOf(fn: string, action: string, payload: unknown, openid: string) {
  const { runtime, reads } = countingRuntime(h.runtime)
  const result = await FUNCTIONS[fn]!.handle({ action, payload }, { openid }, runtime)
  if (!result.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(result.error)}`)
  return { reads, data: result.data as Record<string, unknown> }
}

async function uploadPhotos(openid: string, n: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const { payload, headers } = multipartBody(PNG_1X1, 'photo.png', 'image/png')
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/files',
      payload,
      headers: { ...headers, [DEV_OPENID_HEADER]: openid },
    })
    ids.push((res.json() as { data: { fileId: string } }).data.fileId)
  }
  return ids
}

test('My reports reads a page of cases in one query, however many the citizen follows', async () => {
  const cases: string[] = []
  for (let i = 0; i < 20; i++) {
    const input = reportInput({
      category: 'water',
      location: { ...northOf(i * 3000), coordSystem: 'gcj02', address: '焦作市山阳区' },
    })
    cases.push((await h.ok<{ caseId: string }>('cases', 'submitReport', input, `reporter-${i}`)).caseId)
  }
  await h.ok('cases', 'follow', { caseId: cases[0] }, 'one')
  for (const caseId of cases) await h.ok('cases', 'follow', { caseId }, 'twenty')

  const one = await readsOf('cases', 'listMine', { limit: 50 }, 'one')
  const twenty = await readsOf('cases', 'listMine', { limit: 50 }, 'twenty')
  expect((one.data.items as unknown[]).length).toBe(1)
  expect((twenty.data.items as unknown[]).length).toBe(20)
  expect(twenty.reads).toEqual(one.reads)
  expect(twenty.reads.get).toBe(0)
})

test('a report’s own-upload check reads all its photos at once (1 photo or 9)', async () => {
  const [single, nine] = [await uploadPhotos('with-one', 1), await uploadPhotos('with-nine', 9)]
  // Two reports far apart, so intake finds the same (nothing) for both.
  const at = (lat: number) => ({ lat, lng: SHANYANG.lng, coordSystem: 'gcj02', address: '焦作市山阳区' })
  const one = await readsOf(
    'cases',
    'submitReport',
    reportInput({ photos: single, location: at(35.29958) }),
    'with-one',
  )
  const many = await readsOf(
    'cases',
    'submitReport',
    reportInput({ photos: nine, location: at(35.22) }),
    'with-nine',
  )
  expect(many.reads).toEqual(one.reads)
})

test('photo URLs check the uploads in one query (1 file or 20)', async () => {
  const [single, twenty] = [await uploadPhotos('draft-1', 1), await uploadPhotos('draft-20', 20)]
  const one = await readsOf('files', 'tempUrls', { fileIds: single }, 'draft-1')
  const many = await readsOf('files', 'tempUrls', { fileIds: twenty }, 'draft-20')
  expect(Object.keys(many.data)).toHaveLength(20)
  expect(many.reads).toEqual(one.reads)
  expect(many.reads.get).toBe(0)
})

test('the preview reads which similar cases the citizen follows in one query (1 similar case or 5)', async () => {
  const near = (metres: number) => ({
    ...northOf(metres),
    coordSystem: 'gcj02',
    address: '焦作市山阳区塔南路',
  })
  const first = (
    await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput({ location: near(0) }), 'r-0')
  ).caseId
  await h.ok('cases', 'follow', { caseId: first }, 'neighbour')
  const preview = { location: near(50), category: 'noise', requestType: 'complaint' }
  const one = await readsOf('cases', 'previewReport', preview, 'neighbour')
  for (let i = 1; i < 5; i++) {
    await h.ok('cases', 'submitReport', reportInput({ location: near(i * 40) }), `r-${i}`)
  }
  const five = await readsOf('cases', 'previewReport', preview, 'neighbour')
  expect((one.data.similarCases as unknown[]).length).toBe(1)
  expect((five.data.similarCases as Array<{ following: boolean }>).map((c) => c.following).sort()).toEqual([
    false,
    false,
    false,
    false,
    true,
  ])
  expect(five.reads).toEqual(one.reads)
})

test('releasing a held case reads its photos’ checks in one query (1 photo or 9)', async () => {
  async function heldCase(openid: string, photos: number): Promise<string> {
    const fileIds = await uploadPhotos(openid, photos)
    const input = reportInput({
      photos: fileIds,
      location: { ...northOf(photos * 5000), coordSystem: 'gcj02', address: '焦作市' },
    })
    // The photos' checks have not answered at submission (held), and answer before the case is rescreened.
    const setScreening = async (screening: UploadDoc['screening']) => {
      for (const fileId of fileIds) {
        const upload = (await h.runtime.db.get<UploadDoc>('uploads', uploadDocId(fileId)))!
        await h.runtime.db.update<UploadDoc>('uploads', upload._id, { screening }, upload._version)
      }
    }
    await setScreening('pending')
    const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', input, openid)
    expect((await h.runtime.db.get<{ screening: string }>('cases', caseId))!.screening).toBe('pending')
    await setScreening('passed')
    return caseId
  }
  const [single, nine] = [await heldCase('held-1', 1), await heldCase('held-9', 9)]
  const reads = async (caseId: string) => {
    const counted = countingRuntime(h.runtime)
    await rescreenCase(counted.runtime, caseId)
    expect((await h.runtime.db.get<{ screening: string }>('cases', caseId))!.screening).toBe('passed')
    return counted.reads
  }
  expect(await reads(nine)).toEqual(await reads(single))
})

test('the holiday-notice list reads when each year was loaded in one query, however many years are in use', async () => {
  const load = (year: number) =>
    h.ok('admin', 'loadHolidayNotice', { notice: BUNDLED_NOTICES.find((n) => n.year === year)! }, 'dev-admin')
  await load(2026)
  const one = await readsOf('admin', 'listHolidayNotices', {}, 'dev-admin')
  await load(2024)
  await load(2025)
  const three = await readsOf('admin', 'listHolidayNotices', {}, 'dev-admin')
  const loaded = (data: Record<string, unknown>) =>
    (Object.values(data) as Array<{ loadedAt: string | null }>).filter((n) => n.loadedAt !== null).length
  expect([loaded(one.data), loaded(three.data)]).toEqual([1, 3])
  expect(three.reads).toEqual(one.reads)
  // The caller's staff record, the calendar's notices, the loaded years' records: no read per year.
  expect(three.reads).toEqual({ get: 0, find: 3, count: 0 })
})
