// Work on site through the staff function on the real store: a check-in keeps the device's position as reported
// with the server's own WGS-84 copy and both clocks, and is never edited (a correction is another check-in); each
// staff action is applied once per clientRequestId — a retry after a lost answer, a stale version, two copies
// racing — and a request id cannot be reused for another step; who may do what on site, post by post, and an
// officer who stepped aside (回避, S2 第六条: refused like a missing case); stamped photos are the officer's own
// uploads, attached in the same write; the 整改期限 is swept like any other clock.
import type { StaffCaseDetail } from '../../shared/contracts/staff'
import { gcj02, toWgs84 } from '../../shared/geo/coordinates'
import type { CaseEventInput } from '../../shared/workflow'
import type { StoredCase } from '../../shared/cases/case-doc'
import type { SweepReport } from '../../shared/contracts/timers'
import { startHarness, type Harness } from '../support/local-harness'
import { OFFICER, reportInput, SHANYANG, STAFF } from '../support/reports'
import { uploadPhoto } from '../support/uploads'

jest.setTimeout(60_000)

type Answer = { ok: boolean; data?: StaffCaseDetail; error?: { code: string; message: string } }

let h: Harness
beforeEach(async () => {
  // Monday 2026-11-23, 23:05: night-time construction noise.
  h = await startHarness({ now: '2026-11-23T23:05:00+08:00' })
})
afterEach(async () => {
  await h.close()
})

async function assignedCase(): Promise<string> {
  const { caseId } = await h.ok<{ caseId: string }>(
    'cases',
    'submitReport',
    reportInput({ source: 'construction' }),
    'dev-citizen',
  )
  await h.act(STAFF.supervisor, caseId, { type: 'accept' })
  await h.act(STAFF.head, caseId, { type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER })
  return caseId
}

const position = (takenAt = '2026-11-23T23:20:00+08:00') => ({
  lat: SHANYANG.lat,
  lng: SHANYANG.lng,
  coordSystem: 'gcj02' as const,
  accuracy: 18,
  takenAt,
})

const stored = (caseId: string) => h.runtime.db.get<StoredCase>('cases', caseId)

async function act(openid: string, caseId: string, event: Record<string, unknown>, extra: object = {}) {
  const version = (await h.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, openid)).version
  return (await h.call<Answer>('staff', 'act', { caseId, expectedVersion: version, event, ...extra }, openid))
    .body
}

describe('check-in: recorded as it happened, never edited', () => {
  test('the position as the phone reported it, the server’s WGS-84 copy (not the client’s), both clocks', async () => {
    const caseId = await assignedCase()
    h.clock.set('2026-11-23T23:31:00+08:00')
    const answer = await act(STAFF.officer, caseId, {
      type: 'check-in',
      // A client's own "WGS-84 copy" is not taken: the server makes it.
      position: { ...position(), wgs84: { lat: 1, lng: 1 } },
      note: '工地北门',
    })
    expect(answer.ok).toBe(true)
    const entry = (await stored(caseId))!.history.at(-1)!
    const expected = toWgs84(gcj02(SHANYANG.lat, SHANYANG.lng))
    expect(entry).toMatchObject({
      at: '2026-11-23T23:31:00+08:00',
      actor: { kind: 'staff', id: 'st-officer', role: 'officer' },
      event: {
        type: 'check-in',
        position: {
          lat: SHANYANG.lat,
          lng: SHANYANG.lng,
          coordSystem: 'gcj02',
          takenAt: '2026-11-23T23:20:00+08:00',
        },
      },
    })
    const stamp = (
      entry.event as Extract<CaseEventInput, { type: 'check-in' }> & {
        position: { wgs84: { lat: number; lng: number } }
      }
    ).position.wgs84
    expect(stamp.lat).toBeCloseTo(expected.lat, 6)
    expect(stamp.lng).toBeCloseTo(expected.lng, 6)
    // Checking in starts the investigation, and the officer sees where they stood.
    expect(answer.data).toMatchObject({
      status: 'investigating',
      onSite: { checkIns: [{ distanceMetres: 0, far: false, deviceAt: '2026-11-23T23:20:00+08:00' }] },
    })
  })

  test('a second check-in is a new entry; the first stays exactly as it was; there is no step that edits one', async () => {
    const caseId = await assignedCase()
    await act(STAFF.officer, caseId, { type: 'check-in', position: position() })
    const first = JSON.stringify((await stored(caseId))!.history.at(-1))
    const corrected = await act(STAFF.officer, caseId, {
      type: 'check-in',
      position: { ...position('2026-11-23T23:40:00+08:00'), lat: SHANYANG.lat + 0.001 },
      note: '更正：实际在工地东门',
    })
    expect(corrected.ok).toBe(true)
    const history = (await stored(caseId))!.history
    const checkIns = history.filter((e) => e.event.type === 'check-in')
    expect(checkIns).toHaveLength(2)
    expect(JSON.stringify(checkIns[0])).toBe(first)
    // No event edits an entry: an "edit" is not a step of the workflow.
    const before = await h.snapshot()
    const edit = await act(STAFF.officer, caseId, { type: 'edit-check-in', index: 3, position: position() })
    expect(edit).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(await h.snapshot()).toEqual(before)
    expect((await stored(caseId))!.history).toEqual(history)
  })
})

describe('each action applied once (clientRequestId)', () => {
  const REQUEST = 'device-req-0001'

  test('a retry after a lost answer carries the old version: it answers the case, applied once', async () => {
    const caseId = await assignedCase()
    const version = (await h.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, STAFF.officer)).version
    const payload = {
      caseId,
      expectedVersion: version,
      event: { type: 'check-in', position: position() },
      clientRequestId: REQUEST,
    }
    const first = await h.call<Answer>('staff', 'act', payload, STAFF.officer)
    expect(first.body.ok).toBe(true)
    h.clock.advance(60_000)
    const retry = await h.call<Answer>('staff', 'act', payload, STAFF.officer)
    expect(retry.status).toBe(200)
    expect(retry.body).toMatchObject({ ok: true, data: { version: first.body.data!.version } })
    const doc = (await stored(caseId))!
    expect(doc.history.filter((e) => e.event.type === 'check-in')).toHaveLength(1)
    expect(doc.history.at(-1)).toMatchObject({ requestId: REQUEST })
    // Still answered after others acted on the case.
    await act(STAFF.officer, caseId, {
      type: 'record-measurement',
      item: 'noise-construction',
      value: 68,
      measuredAt: '2026-11-23T23:00:00+08:00',
    })
    const later = await h.call<Answer>('staff', 'act', payload, STAFF.officer)
    expect(later.body).toMatchObject({ ok: true, data: { version: doc._version + 1 } })
    expect((await stored(caseId))!.history.filter((e) => e.event.type === 'check-in')).toHaveLength(1)
  })

  test('two copies racing: one is applied, both answer the case', async () => {
    const caseId = await assignedCase()
    const version = (await h.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, STAFF.officer)).version
    const payload = {
      caseId,
      expectedVersion: version,
      event: { type: 'check-in', position: position() },
      clientRequestId: REQUEST,
    }
    const answers = await Promise.all(
      [1, 2, 3].map(() => h.call<Answer>('staff', 'act', payload, STAFF.officer)),
    )
    expect(answers.map((a) => a.body.ok)).toEqual([true, true, true])
    expect((await stored(caseId))!.history.filter((e) => e.event.type === 'check-in')).toHaveLength(1)
  })

  test('without a request id a stale version is a conflict, as before; an id reused for another step is refused', async () => {
    const caseId = await assignedCase()
    const version = (await h.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, STAFF.officer)).version
    const checkIn = { caseId, expectedVersion: version, event: { type: 'check-in', position: position() } }
    expect((await h.call<Answer>('staff', 'act', checkIn, STAFF.officer)).body.ok).toBe(true)
    expect((await h.call<Answer>('staff', 'act', checkIn, STAFF.officer)).body).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    // A different case change (someone else) is a conflict with the id too: nothing was applied for it.
    const stale = { ...checkIn, clientRequestId: 'device-req-0002' }
    expect((await h.call<Answer>('staff', 'act', stale, STAFF.officer)).body).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    const now = (await h.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, STAFF.officer)).version
    const applied = await h.call<Answer>('staff', 'act', { ...stale, expectedVersion: now }, STAFF.officer)
    expect(applied.body.ok).toBe(true)
    const reused = {
      caseId,
      expectedVersion: now + 1,
      event: { type: 'link-penalty-case', penaltyCaseNo: '焦环罚〔2026〕12号' },
      clientRequestId: 'device-req-0002',
    }
    const before = await h.snapshot()
    expect((await h.call<Answer>('staff', 'act', reused, STAFF.officer)).body).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('请求编号已用于另一项操作') as string,
      },
    })
    expect(await h.snapshot()).toEqual(before)
  })

  test('the request id is checked like any field', async () => {
    const caseId = await assignedCase()
    const bad = await h.call<Answer & { error: { fields?: Record<string, string> } }>(
      'staff',
      'act',
      { caseId, expectedVersion: 1, event: { type: 'accept' }, clientRequestId: 'x' },
      STAFF.officer,
    )
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })
})

describe('who may do what on site, post by post', () => {
  // Demo personas (deployments/jiaozuo): their posts; those with case duty reach 山阳区 cases, the reward admin and
  // the system admin see no case at all (least privilege): to them the case answers like a missing one.
  const NO_CASE_DUTY = new Set(['rewardAdmin', 'admin'])
  const POSTS = {
    officer: STAFF.officer,
    head: STAFF.head,
    leader: STAFF.leader,
    supervisor: STAFF.supervisor,
    rewardAdmin: 'dev-reward-admin',
    admin: 'dev-admin',
  } as const
  const EVENTS: Array<[string, Record<string, unknown>, ReadonlyArray<keyof typeof POSTS>]> = [
    ['check-in', { type: 'check-in', position: position() }, ['officer', 'head', 'leader']],
    [
      'add-site-photos',
      { type: 'add-site-photos', photos: [] },
      // Photos are the sender's own uploads: the posts allowed get VALIDATION for an empty list, the others ILLEGAL.
      ['officer', 'head', 'leader'],
    ],
    [
      'record-measurement',
      {
        type: 'record-measurement',
        item: 'noise-construction',
        value: 68,
        measuredAt: '2026-11-23T23:00:00+08:00',
      },
      ['officer'],
    ],
    [
      'link-penalty-case',
      { type: 'link-penalty-case', penaltyCaseNo: '焦环罚〔2026〕12号' },
      ['officer', 'head'],
    ],
  ]

  test.each(EVENTS)('%s', async (type, event, allowed) => {
    const caseId = await assignedCase()
    for (const [post, openid] of Object.entries(POSTS) as Array<[keyof typeof POSTS, string]>) {
      const version = (await h.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, STAFF.officer)).version
      const answer = (
        await h.call<Answer>('staff', 'act', { caseId, expectedVersion: version, event }, openid)
      ).body
      if (type === 'add-site-photos') {
        // The schema refuses an empty list before the role is asked; the role check is below, with a photo.
        expect({ post, code: answer.error?.code }).toEqual({ post, code: 'VALIDATION_FAILED' })
        continue
      }
      if (NO_CASE_DUTY.has(post)) {
        expect({ post, code: answer.error?.code }).toEqual({ post, code: 'NOT_FOUND' })
        continue
      }
      if (allowed.includes(post)) expect({ post, ok: answer.ok }).toEqual({ post, ok: true })
      else {
        expect({ post, code: answer.error?.code }).toEqual({ post, code: 'ILLEGAL_TRANSITION' })
        expect(answer.error?.message).toContain('可以这样做')
      }
    }
  })

  test('an officer who stepped aside (回避, S2 第六条) is refused every step on site exactly like a missing case', async () => {
    const caseId = await assignedCase()
    const { refNo } = (await stored(caseId))!
    // 王磊 checks in from his phone (the device's request id kept), then finds the site is his brother's firm.
    const checkIn = { type: 'check-in', position: position() }
    const fromDevice = 'device-req-before-recusal'
    expect((await act(STAFF.officer, caseId, checkIn, { clientRequestId: fromDevice })).ok).toBe(true)
    expect(
      (
        await act(STAFF.officer, caseId, {
          type: 'recuse',
          ground: 'interest-in-matter',
          note: '施工方为本人亲属',
        })
      ).ok,
    ).toBe(true)
    // Every step well-formed, a stamped photo his own upload: only the recusal can refuse them.
    const fileId = await uploadPhoto(h, STAFF.officer)
    const steps: Array<Record<string, unknown>> = [
      ...EVENTS.filter(([type]) => type !== 'add-site-photos').map(([, event]) => event),
      {
        type: 'add-site-photos',
        photos: [
          { fileId, stamp: { takenAt: '2026-11-23T23:21:00+08:00', position: position(), drawn: true } },
        ],
      },
    ]
    const before = await h.snapshot()
    const doc = (await stored(caseId))!
    const send = async (named: string, event: Record<string, unknown>, extra: object = {}) => {
      const res = await h.call<Answer>(
        'staff',
        'act',
        { caseId: named, expectedVersion: doc._version, event, ...extra },
        STAFF.officer,
      )
      return { status: res.status, body: res.body }
    }
    // By id and by the reference number people know it by, as a case that does not exist.
    const named: Array<[string, string]> = [
      [caseId, 'c0000000000000000000000000000000'],
      [refNo, 'JZ-20991231-9999'],
    ]
    for (const event of steps) {
      for (const [ours, missing] of named) {
        const refused = await send(ours, event)
        expect({ step: event.type, ...refused }).toEqual({
          step: event.type,
          ...(await send(missing, event)),
        })
        expect(refused).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND' } } })
      }
    }
    // A retry from his phone of the check-in applied before he stepped aside no longer answers the case either.
    expect(await send(caseId, checkIn, { clientRequestId: fromDevice })).toEqual(
      await send('c0000000000000000000000000000000', checkIn, { clientRequestId: fromDevice }),
    )
    expect(await h.snapshot()).toEqual(before)
    expect(await stored(caseId)).toEqual(doc)
    // The steps themselves are open on the case: the head who leads the visit checks in.
    expect((await act(STAFF.head, caseId, checkIn)).ok).toBe(true)
  })

  test('stamped photos: each post that may, with its own upload; another user’s upload answers like one never uploaded', async () => {
    const caseId = await assignedCase()
    for (const [post, openid] of Object.entries(POSTS) as Array<[keyof typeof POSTS, string]>) {
      if (NO_CASE_DUTY.has(post)) continue
      const fileId = await uploadPhoto(h, openid)
      const answer = await act(openid, caseId, {
        type: 'add-site-photos',
        photos: [
          { fileId, stamp: { takenAt: '2026-11-23T23:21:00+08:00', position: position(), drawn: true } },
        ],
      })
      const allowed = ['officer', 'head', 'leader'].includes(post)
      expect({ post, ok: answer.ok, code: answer.error?.code ?? null }).toEqual({
        post,
        ok: allowed,
        code: allowed ? null : 'ILLEGAL_TRANSITION',
      })
    }
    const others = await uploadPhoto(h, 'dev-citizen')
    const refused = await act(STAFF.officer, caseId, {
      type: 'add-site-photos',
      photos: [
        { fileId: others, stamp: { takenAt: '2026-11-23T23:21:00+08:00', position: null, drawn: true } },
      ],
    })
    const never = await act(STAFF.officer, caseId, {
      type: 'add-site-photos',
      photos: [
        {
          fileId: 'local://uploads/never-uploaded.jpg',
          stamp: { takenAt: '2026-11-23T23:21:00+08:00', position: null, drawn: true },
        },
      ],
    })
    expect(refused).toEqual(never)
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    // Attached to the case in the write that recorded them, and shown with their stamps and links.
    const detail = await h.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, STAFF.officer)
    expect(detail.onSite.photos).toHaveLength(3)
    for (const photo of detail.onSite.photos) {
      expect(photo.url).toEqual(expect.any(String))
      const upload = await h.runtime.db.find<{ caseId: string | null }>('uploads', {
        filter: { fileId: photo.fileId },
        limit: 1,
      })
      expect(upload.items[0]?.caseId).toBe(caseId)
    }
  })
})

describe('the 整改期限 is swept like the other clocks', () => {
  test('reminded the working day before, supervised the day after (S0 第七条(二))', async () => {
    const caseId = await assignedCase()
    await act(STAFF.officer, caseId, { type: 'check-in', position: position() })
    await act(STAFF.officer, caseId, {
      type: 'record-site-visit',
      record: {
        visitedAt: '2026-11-23T23:20:00+08:00',
        reportedEntity: '塔南路某建设工程项目部',
        address: '焦作市山阳区塔南路 88 号',
        productionStatus: '夜间桩基施工',
        pollutionControl: '未设隔声屏障',
        discharge: '施工噪声 68 dB(A)',
        cause: '未经批准夜间施工',
        findings: '属实',
      },
    })
    const ordered = await act(STAFF.officer, caseId, {
      type: 'order-rectification',
      target: '夜间 22 时后不再施工',
      measures: '停止夜间打桩，设置隔声屏障',
      dueDate: '2026-11-25',
      responsibleParty: '塔南路某建设工程项目部',
    })
    expect(ordered.data?.clocks).toEqual(
      expect.arrayContaining([expect.objectContaining({ clock: 'rectification', due: '2026-11-25' })]),
    )
    h.clock.set('2026-11-24T10:00:00+08:00')
    const reminded = ((await h.fireTimer('timers')) as { deadlineSweep: SweepReport }).deadlineSweep
    expect(reminded.reminders).toBe(1)
    expect((await stored(caseId))!.timerMarks).toContain('remind:rectification:2026-11-25')
    h.clock.set('2026-11-26T10:00:00+08:00')
    await h.fireTimer('timers')
    const doc = (await stored(caseId))!
    expect(doc.timerMarks).toContain('overdue:rectification:2026-11-25')
    expect(doc.flags.supervised).toBe(true)
    expect(JSON.stringify(doc.history.at(-1))).toContain('整改期限')
  })
})
