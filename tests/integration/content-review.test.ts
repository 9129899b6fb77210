// Content security of everything a citizen sends, on the embedded store (policy: docs/architecture.md):
// - risky text is refused with a message on its field, wherever it is sent (report, supplement, rating
//   comment, grounds for 复查/复核), and nothing is written;
// - text the check sends to a person (`review`), or could not check, is accepted, held and flagged for staff,
//   never shown to other citizens, and the reporter is told; an authorised staff member clears it (audited);
// - a photo whose check failed or asked for a person is not treated as passed.
import type { CaseTimelineEntry } from '../../shared/contracts/cases'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import type { ContentCheck } from '../../cloudfunctions/common/ports'
import type { StaffDoc } from '../../cloudfunctions/common/staff-records'
import { LOCAL_REVIEW_IMAGE_MARKER, LOCAL_REVIEW_WORDS } from '../../local/adapters/keyword-content-check'
import { startHarness, type Harness } from '../support/local-harness'
import { handleToReply, northOf, reportInput, STAFF } from '../support/reports'
import { PHOTO, uploadPhoto } from '../support/uploads'

const CITIZEN = 'dev-citizen'
const NEIGHBOUR = 'dev-neighbour'
const REVIEW_WORD = LOCAL_REVIEW_WORDS[0]!
const RISKY_WORD = '赌博网站'

type Err = { ok: false; error: { code: string; message: string; fields?: Record<string, string> } }
type Held = {
  holdId: string
  subject: string
  label: string
  text: string | null
  photos: Array<{ fileId: string; url: string | null; checking: boolean }>
  clearable: boolean
}
type StaffDetail = {
  version: number
  contentHeld: boolean
  photos: Array<{ fileId: string; url: string | null }>
  heldContent: Held[]
  timeline: CaseTimelineEntry[]
}
type CitizenDetail = {
  status: string
  contentNotice: string | null
  address: string
  reportedEntity: string | null
  rating: { comment: string | null } | null
}
type Inbox = { items: Array<{ caseId: string; contentHeld: boolean }> }

let h: Harness
beforeEach(async () => {
  h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
})
afterEach(async () => {
  await h.close()
})

const file = (overrides: Record<string, unknown> = {}) =>
  h.ok<{ caseId: string; contentNotice: string | null; contentPending: boolean }>(
    'cases',
    'submitReport',
    reportInput(overrides),
    CITIZEN,
  )
const staffView = (caseId: string, who: string = STAFF.supervisor) =>
  h.ok<StaffDetail>('staff', 'getCase', { caseId }, who)
const mine = (caseId: string, who = CITIZEN) => h.ok<CitizenDetail>('cases', 'getMine', { caseId }, who)
const inboxItem = async (caseId: string) =>
  (await h.ok<Inbox>('staff', 'inbox', { scope: 'all' }, STAFF.supervisor)).items.find(
    (c) => c.caseId === caseId,
  )

/** A case in 已答复, and one in 复查决定 (for the re-review). */
async function replied(): Promise<string> {
  const { caseId } = await file()
  await handleToReply(h, caseId)
  return caseId
}
async function reviewDecided(): Promise<string> {
  const caseId = await replied()
  await h.ok('cases', 'requestReview', { caseId, grounds: '工地仍在夜间施工' }, CITIZEN)
  await h.act(STAFF.leader, caseId, { type: 'decide-review', outcome: 'upheld', opinion: '维持原处理意见。' })
  return caseId
}
async function awaitingSupplement(): Promise<string> {
  const { caseId } = await file()
  await h.act(STAFF.supervisor, caseId, { type: 'request-supplement', missingItems: ['施工单位名称'] })
  return caseId
}

describe('risky text is refused on its field, wherever it is sent, and nothing is written', () => {
  const cases: Array<[string, () => Promise<string>, string, (caseId: string) => object, string]> = [
    [
      'report: reported entity',
      async () => '',
      'submitReport',
      () => reportInput({ reportedEntity: `${RISKY_WORD}公司` }),
      'reportedEntity',
    ],
    [
      'report: address',
      async () => '',
      'submitReport',
      () => reportInput({ location: { ...northOf(0), coordSystem: 'gcj02', address: `${RISKY_WORD}旁边` } }),
      'location.address',
    ],
    [
      'supplement',
      awaitingSupplement,
      'supplyInfo',
      (caseId) => ({ caseId, content: `施工单位是${RISKY_WORD}` }),
      'content',
    ],
    [
      'rating comment',
      replied,
      'rateReply',
      (caseId) => ({ caseId, stars: 1, comment: `去${RISKY_WORD}看看` }),
      'comment',
    ],
    [
      '复查 grounds',
      replied,
      'requestReview',
      (caseId) => ({ caseId, grounds: `理由见${RISKY_WORD}` }),
      'grounds',
    ],
    [
      '复核 grounds',
      reviewDecided,
      'requestReReview',
      (caseId) => ({ caseId, grounds: `理由见${RISKY_WORD}` }),
      'grounds',
    ],
  ]
  test.each(cases)('%s', async (_what, setup, action, payload, field) => {
    const caseId = await setup()
    const before = await h.snapshot()
    const res = await h.call<Err>('cases', action, payload(caseId), CITIZEN)
    expect(res.status).toBe(422)
    expect(res.body.error).toMatchObject({
      code: 'CONTENT_REJECTED',
      message: expect.stringMatching(/安全检查/),
    })
    expect(Object.keys(res.body.error.fields ?? {})).toEqual([field])
    expect(await h.snapshot()).toEqual(before)
  })
})

describe('text the check sends to a person is accepted, held and flagged', () => {
  test('a report: it reaches staff flagged, other citizens do not see it until a staff member clears it', async () => {
    const filed = await file({ reportedEntity: `${REVIEW_WORD}建设公司` })
    expect(filed.contentNotice).toMatch(/反映内容需经人工审核/)
    const { caseId } = filed

    // Staff: in the inbox, flagged; the held words are shown with the flag.
    expect(await inboxItem(caseId)).toMatchObject({ contentHeld: true })
    const detail = await staffView(caseId)
    expect(detail.heldContent).toEqual([
      expect.objectContaining({
        holdId: 'report',
        label: '反映内容',
        text: expect.stringContaining(`${REVIEW_WORD}建设公司`),
        clearable: true,
      }),
    ])
    // The reporter is told, on the case as in the answer to the submission.
    expect((await mine(caseId)).contentNotice).toBe(filed.contentNotice)

    // Other citizens: not offered as a similar case, cannot follow it.
    const preview = async () =>
      (
        await h.ok<{ similarCases: Array<{ caseId: string }> }>(
          'cases',
          'previewReport',
          { location: reportInput().location, category: 'noise' },
          NEIGHBOUR,
        )
      ).similarCases.map((c) => c.caseId)
    expect(await preview()).not.toContain(caseId)
    const follow = await h.call<Err>('cases', 'follow', { caseId }, NEIGHBOUR)
    expect(follow.status).toBe(404)

    // Cleared by intake (受理员): no longer flagged, visible to others, and the clearance is on record.
    const cleared = await h.ok<StaffDetail>(
      'staff',
      'clearHeldContent',
      { caseId, expectedVersion: detail.version, holdId: 'report' },
      STAFF.supervisor,
    )
    expect(cleared).toMatchObject({ contentHeld: false, heldContent: [] })
    expect(await h.runtime.db.count('audit', { action: 'clear-held-content', subject: caseId })).toBe(1)
    expect((await mine(caseId)).contentNotice).toBeNull()
    expect(await preview()).toContain(caseId)
    const followed = await h.ok<CitizenDetail>('cases', 'follow', { caseId }, NEIGHBOUR)
    expect(followed.reportedEntity).toBe(`${REVIEW_WORD}建设公司`)
  })

  test('a text check that fails is not a pass: the report is accepted and held for a person', async () => {
    const failing: ContentCheck = {
      checkText: async () => {
        throw new Error('msgSecCheck: quota exceeded')
      },
      checkImage: async () => ({ verdict: 'pass' }),
    }
    h.runtime.contentCheck = failing
    const { caseId, contentNotice } = await file()
    expect(contentNotice).toMatch(/人工审核/)
    expect((await staffView(caseId)).heldContent.map((x) => x.holdId)).toEqual(['report'])
  })

  test('a supplement, a rating comment and 复查 grounds: accepted, held, shown to staff with the flag', async () => {
    const supplemented = await awaitingSupplement()
    await h.ok('cases', 'supplyInfo', { caseId: supplemented, content: `施工单位：${REVIEW_WORD}` }, CITIZEN)
    const s = await staffView(supplemented)
    expect(s.contentHeld).toBe(true)
    expect(s.heldContent).toEqual([
      expect.objectContaining({ subject: 'supplement', text: `施工单位：${REVIEW_WORD}`, label: '补充材料' }),
    ])
    const supplied = s.timeline.find((t) => t.kind === 'supply-supplement')
    expect(supplied?.held).toBe(true)
    expect(supplied?.lines).toContainEqual({ label: '补充内容', value: `施工单位：${REVIEW_WORD}` })

    const caseId = await replied()
    const rated = await h.ok<CitizenDetail>(
      'cases',
      'rateReply',
      { caseId, stars: 2, comment: `处理得${REVIEW_WORD}` },
      CITIZEN,
    )
    expect(rated.contentNotice).toMatch(/评价留言/)
    const review = await h.ok<CitizenDetail>(
      'cases',
      'requestReview',
      { caseId, grounds: `工地${REVIEW_WORD}仍在施工` },
      CITIZEN,
    )
    // The request is made (the window is the citizen's right); its grounds wait for a person.
    expect(review.status).toBe('under-review')
    expect(review.contentNotice).toMatch(/评价留言、复查理由需经人工审核/)
    const d = await staffView(caseId)
    expect(d.heldContent.map((x) => [x.subject, x.text])).toEqual([
      ['rating', `处理得${REVIEW_WORD}`],
      ['review-grounds', `工地${REVIEW_WORD}仍在施工`],
    ])
    expect(await inboxItem(caseId)).toMatchObject({ contentHeld: true })
  })

  test('only an authorised staff member of the case’s units may clear held content', async () => {
    const { caseId } = await file({ description: `每晚工地打桩，${REVIEW_WORD}，噪声很大影响休息。` })
    const version = (await staffView(caseId)).version
    const clear = (who: string) =>
      h.call<Err>('staff', 'clearHeldContent', { caseId, expectedVersion: version, holdId: 'report' }, who)
    expect((await clear(STAFF.officer)).status).toBe(403) // 承办人员: not a role that clears content
    expect((await clear(CITIZEN)).status).toBe(403)
    // An office head of another county answers exactly as for a missing case.
    await h.runtime.db.insert<StaffDoc>('staff', {
      _id: 'st-xiuwu-head',
      openid: 'xiuwu-head',
      name: '孙伟',
      title: '修武县分局股长',
      roles: ['office-head'],
      unitIds: ['jz-xiuwu'],
      active: true,
    })
    const other = await clear('xiuwu-head')
    const missing = await h.call<Err>(
      'staff',
      'clearHeldContent',
      { caseId: 'c0000000000000000000000000000000', expectedVersion: version, holdId: 'report' },
      'xiuwu-head',
    )
    expect(other).toEqual(missing)
    expect(other.status).toBe(404)
    expect((await staffView(caseId)).contentHeld).toBe(true)
  })
})

describe('a photo whose check failed or asked for a person is not treated as passed', () => {
  test('the check fails at upload: the photo is held for a person, not among the accepted photos', async () => {
    const failing: ContentCheck = {
      checkText: async () => ({ verdict: 'pass' }),
      checkImage: async () => {
        throw new Error('mediaCheckAsync: system error')
      },
    }
    h.runtime.contentCheck = failing
    const photo = await uploadPhoto(h, CITIZEN)
    const filed = await file({ photos: [photo] })
    expect(filed.contentPending).toBe(false)
    expect(filed.contentNotice).toMatch(/人工审核/)
    const detail = await staffView(filed.caseId)
    expect(detail.photos).toEqual([])
    expect(detail.heldContent).toEqual([
      expect.objectContaining({
        holdId: 'report',
        text: null,
        photos: [expect.objectContaining({ fileId: photo, url: expect.any(String), checking: false })],
      }),
    ])
  })

  test('the local check asks for a person (review marker): held the same way', async () => {
    const photo = await uploadPhoto(
      h,
      CITIZEN,
      Buffer.concat([PHOTO, Buffer.from(LOCAL_REVIEW_IMAGE_MARKER)]),
    )
    const { caseId } = await file({ photos: [photo] })
    expect((await staffView(caseId)).photos).toEqual([])
    expect((await staffView(caseId)).heldContent[0]?.photos.map((p) => p.fileId)).toEqual([photo])
  })

  describe('mediaCheckAsync answers later', () => {
    const asyncCheck: ContentCheck = {
      checkText: async () => ({ verdict: 'pass' }),
      checkImage: async ({ fileId }) => ({ verdict: 'pending', traceId: `trace-${fileId.slice(-12)}` }),
    }
    const answer = (photo: string, result: { suggest?: string } | undefined, errcode?: number) =>
      FUNCTIONS.files!.onMediaCheck!(
        { Event: 'wxa_media_check', trace_id: `trace-${photo.slice(-12)}`, result, errcode },
        h.runtime,
      )

    test.each([
      ['review (a person must look)', { suggest: 'review' }, undefined],
      ['a failed check (errcode)', undefined, -1],
    ])(
      '%s: the report is released to staff with the photo held, not passed',
      async (_what, result, errcode) => {
        h.runtime.contentCheck = asyncCheck
        const photo = await uploadPhoto(h, CITIZEN)
        const { caseId, contentPending } = await file({ photos: [photo] })
        expect(contentPending).toBe(true)
        await answer(photo, result, errcode)
        const detail = await staffView(caseId)
        expect(detail.photos).toEqual([])
        expect(detail.heldContent[0]?.photos).toEqual([
          expect.objectContaining({ fileId: photo, checking: false, url: expect.any(String) }),
        ])
        expect(await h.runtime.blobs.read(photo)).not.toBeNull() // kept for the person to look at
        expect((await mine(caseId)).contentNotice).toMatch(/人工审核/)
      },
    )

    test('a supplement’s photos are held while being checked, and leave the hold when they pass', async () => {
      const caseId = await awaitingSupplement()
      h.runtime.contentCheck = asyncCheck
      const photo = await uploadPhoto(h, CITIZEN)
      await h.ok('cases', 'supplyInfo', { caseId, content: '施工单位是某建设公司', photos: [photo] }, CITIZEN)
      const held = await staffView(caseId)
      expect(held.heldContent).toEqual([
        expect.objectContaining({
          subject: 'supplement',
          clearable: false,
          photos: [{ fileId: photo, url: null, checking: true }],
        }),
      ])
      expect((await mine(caseId)).contentNotice).toMatch(/补充材料中的照片正在进行内容安全检查/)
      await answer(photo, { suggest: 'pass' })
      expect(await staffView(caseId)).toMatchObject({ contentHeld: false, heldContent: [] })
      expect((await mine(caseId)).contentNotice).toBeNull()
    })
  })
})
