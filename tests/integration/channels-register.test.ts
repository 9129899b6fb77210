// Staff registration of a report received by phone, letter, visit, a leader's instruction or a referral
// (channels.registerReport; S2 第十四条(一)(二), S4 四(一) 当天登记受理): the same case, routing, clocks and
// confidentiality as a mini-program report, registered by the intake staff member, the contact as given (sealed),
// the original material attached, the reporter told by phone (a to-do) or — with the query code read out to them
// — in WeChat; the same matter already open offered for merging.
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { OutboxEntry } from '../../local/adapters/outbox-notifier'
import type { UploadDoc } from '../../cloudfunctions/common/uploads'
import type { CaseDoc } from '../../shared/cases/case-doc'
import type { channelsContract, RegisteredReport } from '../../shared/contracts/channels'
import type { RevealedReporter, StaffCaseDetail } from '../../shared/contracts/staff'
import {
  orderRow,
  PDF,
  PLATFORM_SECRET,
  postChannelFile,
  pushOrders,
  uploadChannelFile,
} from '../support/channels'
import { PHOTO, uploadPhoto } from '../support/uploads'
import { startHarness, type Harness } from '../support/local-harness'
import { reportInput, STAFF } from '../support/reports'
import { investigate } from '../support/rewards'
import type { FabricationRecord } from '../../shared/rewards'

jest.setTimeout(60_000)

let h: Harness
const INTAKE = STAFF.supervisor

beforeEach(async () => {
  h = await startHarness({ now: '2026-11-23T10:00:00+08:00' })
})
afterEach(async () => {
  await h.close()
})

function phoneReport(overrides: Record<string, unknown> = {}) {
  return {
    clientRequestId: `staff-req-${Math.random().toString(36).slice(2, 10)}`,
    channel: 'phone',
    receivedAt: '2026-11-23T09:30:00+08:00',
    requestType: 'complaint',
    category: 'noise',
    source: 'construction',
    description: '来电反映：山阳区塔南路工地每晚十一点后仍在打桩，噪声很大，影响休息。',
    location: { address: '焦作市山阳区塔南路与人民路交叉口东侧工地' },
    contact: { name: '刘建国', phone: '0391-3568899' },
    ...overrides,
  }
}

const outboxOf = async (to: string) =>
  (
    await h.runtime.db.find<OutboxEntry>(COLLECTIONS.outbox, {
      filter: { to },
      orderBy: [['createdAt', 'desc']],
      limit: 50,
    })
  ).items

test('a phone report: the same case as any, registered by intake, the contact sealed, the material attached', async () => {
  const recording = await uploadChannelFile(
    h,
    INTAKE,
    Buffer.concat([Buffer.from('ID3'), Buffer.alloc(64, 1)]),
    'material',
    'call.mp3',
  )
  const letter = await uploadChannelFile(h, INTAKE, PDF, 'material', 'letter.pdf')
  const result = await h.ok<RegisteredReport>(
    'channels',
    'registerReport',
    phoneReport({ attachments: [recording, letter] }),
    INTAKE,
  )
  expect(result).toMatchObject({
    refNo: expect.stringMatching(/^JZ-20261123-\d{4}$/) as unknown,
    tellReporter: 'phone',
    queryCode: expect.stringMatching(/^[0-9A-Z]{10}$/) as unknown,
    replayed: false,
    unitName: '山阳区分局',
  })

  const doc = (await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, result.caseId))!
  expect(doc.history[0]).toMatchObject({
    at: '2026-11-23T10:00:00+08:00',
    actor: { kind: 'staff', id: 'st-supervisor', role: 'intake' },
    event: {
      type: 'register',
      channel: 'phone',
      receivedAt: '2026-11-23T09:30:00+08:00',
      reporterId: null,
      attachments: [recording, letter],
    },
  })
  expect(doc).toMatchObject({
    status: 'registered',
    unitId: 'jz-shanyang',
    placedBy: 'locality',
    origin: { platform: null, tellReporter: 'phone', importBatchId: null },
    reporter: { mode: 'real-name', openid: null, nameMasked: '刘*国', phoneMasked: '0391-*****99' },
    screening: 'passed',
  })
  // Sealed like every reporter's: neither the name nor the number is stored in the clear.
  const stored = JSON.stringify(doc)
  for (const secret of ['刘建国', '3568899', result.queryCode!]) expect(stored).not.toContain(secret)
  // The material belongs to the case now.
  for (const fileId of [recording, letter]) {
    const uploads = await h.runtime.db.find<UploadDoc>(COLLECTIONS.uploads, { filter: { fileId }, limit: 1 })
    expect(uploads.items[0]).toMatchObject({ caseId: result.caseId, kind: 'material' })
  }

  // Staff see it like any case, the clocks counting from the call (S0 第七条(四): 10 working days).
  const detail = await h.ok<StaffCaseDetail>('staff', 'getCase', { caseId: result.caseId }, INTAKE)
  expect(detail.reporter).toEqual({ mode: 'real-name', name: '刘*国', phone: '0391-*****99' })
  expect(detail.clocks.find((c) => c.clock === 'handling')).toMatchObject({ due: '2026-12-07' })
  const revealed = await h.ok<RevealedReporter>(
    'staff',
    'revealReporter',
    { caseId: result.caseId, reason: '电话回复反映人' },
    INTAKE,
  )
  expect(revealed).toMatchObject({ name: '刘建国', phone: '0391-3568899' })
})

test('the reporter is told by phone: each notice is a to-do for intake staff (no SMS)', async () => {
  const { caseId } = await h.ok<RegisteredReport>('channels', 'registerReport', phoneReport(), INTAKE)
  expect((await outboxOf(INTAKE)).map((m) => m.data.thing2)).toContain('请电话告知反映人：已登记')
  await h.act(INTAKE, caseId, { type: 'accept' })
  expect((await outboxOf(INTAKE)).map((m) => m.data.thing2)).toContain('请电话告知反映人：已受理')
})

test('with the query code read out to them, the caller follows it in WeChat and gets the normal notices', async () => {
  const { caseId, queryCode } = await h.ok<RegisteredReport>(
    'channels',
    'registerReport',
    phoneReport(),
    INTAKE,
  )
  const found = await h.ok<{ caseId: string }>(
    'cases',
    'lookupByCode',
    { code: queryCode },
    'dev-citizen-anon',
  )
  expect(found.caseId).toBe(caseId)
  await h.ok('cases', 'follow', { caseId }, 'dev-citizen-anon')
  await h.act(INTAKE, caseId, { type: 'accept' })
  expect((await outboxOf('dev-citizen-anon')).map((m) => m.data.thing2)).toContain('已受理')
})

test('anonymous, by letter: no contact, nobody to call', async () => {
  const result = await h.ok<RegisteredReport>(
    'channels',
    'registerReport',
    phoneReport({ channel: 'letter', contact: {} }),
    INTAKE,
  )
  expect(result.tellReporter).toBe('none')
  const doc = (await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, result.caseId))!
  expect(doc.reporter.mode).toBe('anonymous')
  expect((await outboxOf(INTAKE)).map((m) => m.data.thing2)).not.toContain('请电话告知反映人：已登记')
})

test('a leader’s instruction is an important case from its registration (S2 第十条(一))', async () => {
  const result = await h.ok<RegisteredReport>(
    'channels',
    'registerReport',
    phoneReport({ channel: 'leader-instruction', referredBy: '市政府分管副市长批示', contact: {} }),
    INTAKE,
  )
  const doc = (await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, result.caseId))!
  expect(doc.facts).toMatchObject({ important: true, referred: true, channel: 'leader-instruction' })
})

test('a retry of the same registration answers the case it registered', async () => {
  const input = phoneReport()
  const first = await h.ok<RegisteredReport>('channels', 'registerReport', input, INTAKE)
  const count = (await h.snapshot()).cases
  const again = await h.ok<RegisteredReport>('channels', 'registerReport', input, INTAKE)
  expect(again).toMatchObject({
    caseId: first.caseId,
    refNo: first.refNo,
    queryCode: first.queryCode,
    replayed: true,
  })
  expect((await h.snapshot()).cases).toBe(count)
})

test('a platform’s order typed in by hand is that order: one case however it arrives, its feedback owed', async () => {
  h.runtime.secrets.platformKeys = { '12345': PLATFORM_SECRET }
  const typed = phoneReport({
    channel: 'hotline-12345',
    externalNo: 'JZ12345-20260302-0031',
    platformDue: '2026-11-30',
    referredBy: '焦作市12345热线中心',
  })
  const first = await h.ok<RegisteredReport>('channels', 'registerReport', typed, INTAKE)
  const doc = (await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, first.caseId))!
  expect(doc).toMatchObject({ origin: { platform: '12345', tellReporter: 'phone', importBatchId: null } })
  expect(doc.history[0]!.event).toMatchObject({
    channel: 'hotline-12345',
    externalNo: 'JZ12345-20260302-0031',
    platformDue: '2026-11-30',
  })
  // The retry of the same registration answers it; the order is on record once.
  expect(await h.ok('channels', 'registerReport', typed, INTAKE)).toMatchObject({
    caseId: first.caseId,
    replayed: true,
  })
  const before = await h.snapshot()
  expect(before.work_orders).toBe(1)

  // Typed in again by another registration, or sent by the platform: the same case, nothing new.
  const again = await h.call<{ error: { code: string; message: string } }>(
    'channels',
    'registerReport',
    { ...typed, clientRequestId: 'staff-req-typed-twice' },
    INTAKE,
  )
  expect(again.body.error).toMatchObject({
    code: 'CONFLICT',
    message: expect.stringContaining(`本局编号 ${first.refNo}`) as unknown,
  })
  const pushed = await pushOrders(
    h,
    '12345',
    JSON.stringify({ orders: [orderRow(31, { 派单时间: '2026-11-23 09:00:00', 办理时限: '2026-11-30' })] }),
  )
  expect(pushed.body.data!.results[0]).toMatchObject({ status: 'existing', refNo: first.refNo })
  expect({ ...(await h.snapshot()), channel_nonces: 0 }).toEqual({ ...before, channel_nonces: 0 })

  // An order the platform sent first cannot be typed in as a second case either.
  await pushOrders(
    h,
    '12345',
    JSON.stringify({ orders: [orderRow(32, { 派单时间: '2026-11-23 09:00:00', 办理时限: '2026-11-30' })] }),
  )
  const late = await h.call<{ error: { code: string } }>(
    'channels',
    'registerReport',
    { ...typed, clientRequestId: 'staff-req-typed-late', externalNo: 'JZ12345-20260302-0032' },
    INTAKE,
  )
  expect(late.body.error.code).toBe('CONFLICT')

  // Its platform is answered like any of its orders (S0 第七条(三)): here, a refusal.
  await h.act(INTAKE, first.caseId, {
    type: 'not-accept',
    reason: 'legal-proceedings',
    guidance: '请向人民法院起诉',
  })
  const feedback = await h.runtime.db.find<{ caseId: string; record: { kind: string; externalNo: string } }>(
    COLLECTIONS.platformFeedback,
    { filter: { platform: '12345' }, limit: 10 },
  )
  expect(feedback.items.map((f) => [f.caseId, f.record.kind, f.record.externalNo])).toEqual([
    [first.caseId, 'not-accepted', 'JZ12345-20260302-0031'],
  ])
})

test('the same matter already open is offered for merging, and merges through the workflow', async () => {
  const { caseId: open } = await h.ok<{ caseId: string }>(
    'cases',
    'submitReport',
    reportInput(),
    'dev-citizen',
  )
  const registered = await h.ok<RegisteredReport>(
    'channels',
    'registerReport',
    phoneReport({ location: { address: '焦作市山阳区人民路与塔南路交叉口', lat: 35.29958, lng: 113.27638 } }),
    INTAKE,
  )
  expect(registered.similar.map((s) => s.caseId)).toEqual([open])
  const merged = await h.ok<StaffCaseDetail>(
    'staff',
    'act',
    {
      caseId: registered.caseId,
      expectedVersion: registered.version,
      event: { type: 'merge', intoCaseId: open },
    },
    INTAKE,
  )
  expect(merged.status).toBe('merged')
})

test('rewards: a caller no WeChat account stands for is counted by their phone, and no message goes to nobody', async () => {
  const logged: string[] = []
  const error = h.runtime.log.error.bind(h.runtime.log)
  h.runtime.log.error = (message, fields) => {
    logged.push(message)
    error(message, fields)
  }
  const caseIds: string[] = []
  for (const [phone, note] of [
    ['0391-3568899', '现场无打桩施工'],
    ['0391-3568899', '来电所述情况系编造'],
    ['13803910000', '现场无相关工地'],
  ] as const) {
    const report = phoneReport({ contact: { name: '刘建国', phone } })
    const { caseId } = await h.ok<RegisteredReport>('channels', 'registerReport', report, INTAKE)
    await investigate(h, caseId)
    await h.act(STAFF.officer, caseId, { type: 'find-report-untrue', finding: 'fabricated', note })
    caseIds.push(caseId)
  }
  // The first two calls came from one phone: one reporter with two fabricated reports; the third is another
  // caller (never the number itself in the record).
  const flags = await h.runtime.db.find<FabricationRecord>(COLLECTIONS.rewardFlags, { limit: 10 })
  expect(flags.items.map((f) => f.caseIds).sort((a, b) => b.length - a.length)).toEqual([
    caseIds.slice(0, 2),
    caseIds.slice(2),
  ])
  expect(JSON.stringify(flags.items)).not.toMatch(/3568899|13803910000/)
  const doc = (await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseIds[0]!))!
  expect(flags.items.map((f) => f.reporterKey)).toContain(doc.reporterKey)
  expect(logged).toEqual([])
  const messages = await h.runtime.db.find<OutboxEntry>(COLLECTIONS.outbox, { limit: 100 })
  expect(messages.items.filter((m) => !m.to)).toEqual([])
})

describe('refused, and nothing changes', () => {
  test.each([
    ['a referral without who referred it', { channel: 'referral' }, 'referredBy'],
    ['received in the future', { receivedAt: '2026-11-23T12:00:00+08:00' }, 'receivedAt'],
    [
      'a place no county of the territory is named in, without coordinates',
      { location: { address: '建设路 3 号' } },
      'location.address',
    ],
    ['a phone that is none', { contact: { phone: '12345' } }, 'contact.phone'],
    ['a channel staff do not register', { channel: 'mini-program' }, 'channel'],
  ])('%s', async (_why, change, field) => {
    const before = await h.snapshot()
    const res = await h.call<{ ok: boolean; error: { code: string; fields?: Record<string, string> } }>(
      'channels',
      'registerReport',
      phoneReport(change),
      INTAKE,
    )
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(res.body.error.fields ?? {})).toContain(field)
    expect(await h.snapshot()).toEqual(before)
  })

  test('material someone else uploaded, or a photo', async () => {
    const theirs = await uploadChannelFile(h, INTAKE, PDF, 'material')
    await h.runtime.db.insert(COLLECTIONS.staff, {
      _id: 'st-other-intake',
      openid: 'dev-other-intake',
      name: '孙悦',
      title: '受理员',
      roles: ['intake'],
      unitIds: ['jz-bureau'],
      active: true,
    })
    const photo = await uploadPhoto(h, 'dev-other-intake')
    const before = await h.snapshot()
    for (const attachments of [[theirs], [photo]]) {
      const res = await h.call<{ error: { code: string } }>(
        'channels',
        'registerReport',
        phoneReport({ attachments }),
        'dev-other-intake',
      )
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
    }
    expect(await h.snapshot()).toEqual(before)
  })

  test('who may register: intake staff only', async () => {
    const before = await h.snapshot()
    for (const openid of [STAFF.officer, STAFF.head, 'dev-citizen']) {
      const res = await h.call<{ error: { code: string } }>(
        'channels',
        'registerReport',
        phoneReport(),
        openid,
      )
      expect(res.body.error.code).toBe('FORBIDDEN')
    }
    const anonymous = await h.call<{ error: { code: string } }>(
      'channels',
      'registerReport',
      phoneReport(),
      null,
    )
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED')
    expect(await h.snapshot()).toEqual(before)
  })
})

describe('this channel’s uploads (the local gateway; channels.registerUpload on weapp)', () => {
  test('material: PDF, recordings and photos only; an export: CSV or XLSX only; staff with intake only', async () => {
    expect((await postChannelFile(h, INTAKE, PHOTO, 'material', 'scan.jpg')).status).toBe(200)
    const notMaterial = await postChannelFile(
      h,
      INTAKE,
      Buffer.from('plain words, no known format'),
      'material',
      'x.txt',
    )
    expect(notMaterial).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_FILE_TYPE' } } })
    const notExport = await postChannelFile(h, INTAKE, PHOTO, 'orders', 'x.jpg')
    expect(notExport.status).toBe(415)
    expect((await postChannelFile(h, STAFF.officer, PDF, 'material')).status).toBe(403)
    expect((await postChannelFile(h, 'dev-citizen', PDF, 'material')).status).toBe(403)
  })

  test('a material file cannot be attached as a citizen’s photo, nor a photo as material', async () => {
    const material = await uploadChannelFile(h, INTAKE, PDF, 'material')
    const res = await h.call<{ error: { code: string } }>(
      'cases',
      'submitReport',
      reportInput({ photos: [material] }),
      INTAKE,
    )
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
  })
})

describe('every action of the channels function asks for a role', () => {
  const PAYLOADS: Record<keyof typeof channelsContract, unknown> = {
    registerReport: phoneReport(),
    registerUpload: { fileId: 'local://uploads/2026/11/x.pdf', kind: 'material' },
    platforms: {},
    startImport: { platform: '12345', fileId: 'local://uploads/2026/11/x.csv', fileName: 'x.csv' },
    continueImport: { batchId: 'b1' },
    getImport: { batchId: 'b1' },
    listFeedback: {},
    retryFeedback: { feedbackId: 'fb-c1-3' },
    exportFeedback: { platform: '12345', from: '2026-11-01', to: '2026-11-30' },
    exportNationalRecords: { from: '2026-11-01', to: '2026-11-30' },
  }

  test.each(Object.entries(PAYLOADS))(
    '%s: refused to a citizen, an officer and posts without case duty, with nothing written',
    async (action, payload) => {
      const before = await h.snapshot()
      // 系统管理员 and 奖励管理员 see no cases (least privilege): nor what the platforms are told of them.
      for (const openid of ['dev-citizen', STAFF.officer, 'dev-admin', 'dev-reward-admin']) {
        const res = await h.call<{ error: { code: string } }>('channels', action, payload, openid)
        expect(res.body.error.code).toBe('FORBIDDEN')
      }
      expect(await h.snapshot()).toEqual(before)
    },
  )

  test('weapp: a file uploaded straight to storage is checked and registered to its uploader only', async () => {
    const stored = await h.runtime.blobs.put('uploads/2026/11/direct-letter.pdf', PDF, 'application/pdf')
    const notMaterial = await h.runtime.blobs.put(
      'uploads/2026/11/direct-note.txt',
      Buffer.from('hello'),
      'text/plain',
    )
    expect(
      await h.ok('channels', 'registerUpload', { fileId: stored.fileId, kind: 'material' }, INTAKE),
    ).toMatchObject({ fileId: stored.fileId, contentType: 'application/pdf' })
    await h.runtime.db.insert(COLLECTIONS.staff, {
      _id: 'st-third-intake',
      openid: 'dev-third-intake',
      name: '周洁',
      title: '受理员',
      roles: ['intake'],
      unitIds: ['jz-bureau'],
      active: true,
    })
    const theirs = await h.call<{ error: { code: string } }>(
      'channels',
      'registerUpload',
      { fileId: stored.fileId, kind: 'material' },
      'dev-third-intake',
    )
    expect(theirs.body.error.code).toBe('NOT_FOUND')
    const refused = await h.call<{ error: { code: string } }>(
      'channels',
      'registerUpload',
      { fileId: notMaterial.fileId, kind: 'material' },
      INTAKE,
    )
    expect(refused.body.error.code).toBe('UNSUPPORTED_FILE_TYPE')
    // A refused file is not kept in storage.
    expect(await h.runtime.blobs.read(notMaterial.fileId)).toBeNull()
  })
})
