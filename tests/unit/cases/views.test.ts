// How each audience sees a case (shared/cases/views): the reporter their own report in full; a follower or the
// holder of the query code its progress only; staff everything with the reporter masked. Identity values and the
// reporter's own words are searched for in the whole view, so a field added later cannot leak them unnoticed.
import {
  FOLLOWER_VIEW_NOTE,
  HELD_FOR_OTHERS,
  QUERY_CODE_VIEW_NOTE,
  toCitizenDetail,
  toFollowerDetail,
  toInboxItem,
  toReporterDetail,
  toStaffDetail,
  type CitizenViewContext,
} from '@shared/cases/views'
import type { StoredCase } from '@shared/cases/case-doc'
import { withHold } from '@shared/cases/content-holds'
import { advance, clocksOf, fileCase, IDENTITY, RATING, TO_REPLY, unitName, WORDS } from './case-fixture'

const PHOTO = 'cloud://env/uploads/own-photo-1.jpg'
const PHOTO_URL = 'https://tmp.example/own-photo-1.jpg?sign=abc'
const PRIVATE_CALL = 'PRIVATE-CALL'
const PRIVATE_RATING = 'PRIVATE-RATING'

/** A case replied to and rated by its reporter. */
const rated = advance(fileCase(), [...TO_REPLY, RATING])
const asOf = rated.history[rated.history.length - 1]!.at

function citizenCtx(relation: 'reporter' | 'follower' | null): CitizenViewContext & {
  photoUrls: Record<string, string>
} {
  return {
    unitName,
    follow: relation && { relation, lastReadSeq: 0 },
    clocks: clocksOf(rated, asOf),
    allowed: [],
    photoUrls: { [PHOTO]: PHOTO_URL },
  }
}

/** Every identifying value of the reporter, as stored. */
const IDENTITY_VALUES = Object.values(IDENTITY)

function expectAbsent(view: unknown, values: readonly string[]) {
  const text = JSON.stringify(view)
  for (const value of values) expect(text).not.toContain(value)
}

describe('the reporter: their own report, in full', () => {
  const view = toReporterDetail(rated, citizenCtx('reporter'))

  test('their words, photos, place, the reported party, their rating', () => {
    expect(view).toMatchObject({
      relation: 'reporter',
      description: WORDS.description,
      photos: [{ fileId: PHOTO, url: PHOTO_URL }],
      location: { address: WORDS.address },
      reportedEntity: WORDS.reportedEntity,
      reporterMode: 'real-name',
      rating: { stars: 2, comment: expect.stringContaining(PRIVATE_RATING) as string },
    })
  })

  test('the reply as sent to them, with how the bureau contacted them (S1 第十条, S3 第十二条)', () => {
    const reply = view.timeline.find((e) => e.kind === 'send-reply')!
    expect(reply.sections?.map((s) => s.body).join('\n')).toContain(PRIVATE_CALL)
  })

  test('never their own identity as stored (sealed values, masks, openid, query code)', () => {
    expectAbsent(view, IDENTITY_VALUES)
  })
})

describe('a follower, or the holder of the query code: progress only', () => {
  const follower = toFollowerDetail(rated, citizenCtx('follower'))
  const byCode = toFollowerDetail(rated, { ...citizenCtx(null), byQueryCode: true })

  test.each([
    ['follower', follower, FOLLOWER_VIEW_NOTE],
    ['query code', byCode, QUERY_CODE_VIEW_NOTE],
  ])('%s: not the words, photos, rating, contact or identity', (_who, view, note) => {
    expect(view).toMatchObject({
      description: note,
      photos: [],
      rating: null,
      reporterMode: 'anonymous',
      contentNotice: null,
    })
    expectAbsent(view, [
      ...IDENTITY_VALUES,
      WORDS.description,
      PHOTO,
      PHOTO_URL,
      PRIVATE_CALL,
      PRIVATE_RATING,
      // The masks say less than the name, but the reporter's name is not a follower's business either.
      '王',
    ])
  })

  test('the progress and the reply itself are shown (S3 第九条(四): followers hear the reply)', () => {
    const reply = follower.timeline.find((e) => e.kind === 'send-reply')!
    expect(reply.sections?.map((s) => s.title)).toContain('处理意见')
    expect(follower.statusLabel).toBe(toReporterDetail(rated, citizenCtx('reporter')).statusLabel)
  })

  test('the place and the reported party wait while the report is held for a person’s review', () => {
    const held: StoredCase = {
      ...rated,
      contentHolds: withHold([], { subject: 'report', text: true, photos: [], since: asOf }, null),
    }
    const view = toFollowerDetail(held, citizenCtx('follower'))
    expect(view.location.address).toBe(HELD_FOR_OTHERS)
    expect(view.address).toBe(HELD_FOR_OTHERS)
    expect(view.reportedEntity).toBeNull()
    // The reporter still sees their own, and is told it is held.
    const own = toReporterDetail(held, citizenCtx('reporter'))
    expect(own.location.address).toBe(WORDS.address)
    expect(own.contentNotice).toMatch(/人工审核/)
  })
})

test('which view a citizen gets is decided by their follow: only the reporter’s follow opens the report', () => {
  expect(toCitizenDetail(rated, citizenCtx('reporter')).description).toBe(WORDS.description)
  expect(toCitizenDetail(rated, citizenCtx('follower')).description).toBe(FOLLOWER_VIEW_NOTE)
  expect(toCitizenDetail(rated, { ...citizenCtx(null), byQueryCode: true }).description).toBe(
    QUERY_CODE_VIEW_NOTE,
  )
})

describe('staff: everything of the case, the reporter masked only', () => {
  const detail = toStaffDetail(rated, {
    unitName,
    staffName: (id) => (id === 'officer-1' ? '王磊' : null),
    clocks: clocksOf(rated, asOf),
    photoUrls: { [PHOTO]: PHOTO_URL },
    allowedEvents: [],
  })

  test('the masks stored at filing, never the sealed identity, openid or query code', () => {
    expect(detail.reporter).toEqual({
      mode: 'real-name',
      name: IDENTITY.nameMasked,
      phone: IDENTITY.phoneMasked,
    })
    expectAbsent(detail, [
      IDENTITY.openid,
      IDENTITY.nameSealed,
      IDENTITY.phoneSealed,
      IDENTITY.queryCodeHash,
      IDENTITY.queryCodeSealed,
    ])
    expectAbsent(
      toInboxItem(rated, unitName(rated.unitId), clocksOf(rated, asOf)),
      IDENTITY_VALUES.filter((v) => v !== IDENTITY.nameMasked && v !== IDENTITY.phoneMasked),
    )
  })

  test('every field of every event and who acted, by name and post', () => {
    const visit = detail.timeline.find((e) => e.kind === 'record-site-visit')!
    expect(visit.actor).toEqual({ name: '王磊', post: '承办人员' })
    expect(visit.lines?.map((l) => l.label)).toContain('被反映对象名称')
    const draft = detail.timeline.find((e) => e.kind === 'draft-reply')!
    expect(JSON.stringify(draft)).toContain(PRIVATE_CALL)
    const rating = detail.timeline.find((e) => e.kind === 'rate-reply')!
    expect(rating.actor).toEqual({ name: null, post: '反映人' })
    expect(detail.description).toBe(WORDS.description)
  })
})
