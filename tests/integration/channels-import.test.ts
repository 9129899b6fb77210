// Work-order import (channels.startImport / continueImport): a platform's export, CSV or XLSX, through the
// deployment's column mapping. Each order becomes exactly one case however often it is sent; a malformed row is
// reported with its line and reason and the rest of the batch is filed; the imported cases carry the platform's
// numbers and its deadline (S2 第十七条 从其规定); a large file goes in resumable batches.
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { continueImport, startImport } from '../../cloudfunctions/common/channels/imports'
import type { StaffDoc } from '../../cloudfunctions/common/staff-records'
import type { CaseDoc } from '../../shared/cases/case-doc'
import type { ImportBatchView } from '../../shared/contracts/channels'
import type { StaffCaseDetail } from '../../shared/contracts/staff'
import { csvOf, orderRow, uploadChannelFile, xlsxOf } from '../support/channels'
import { startHarness, type Harness } from '../support/local-harness'
import { STAFF } from '../support/reports'

jest.setTimeout(60_000)

let h: Harness
const INTAKE = STAFF.supervisor // 市执法支队: intake + dispatcher + supervisor

beforeEach(async () => {
  h = await startHarness({ now: '2026-03-05T10:00:00+08:00' })
})
afterEach(async () => {
  await h.close()
})

async function importFile(bytes: Buffer, fileName = 'orders.csv', openid: string = INTAKE) {
  const fileId = await uploadChannelFile(h, openid, bytes, 'orders', fileName)
  return h.ok<ImportBatchView>('channels', 'startImport', { platform: '12345', fileId, fileName }, openid)
}

const casesOf = async () =>
  (await h.runtime.db.find<CaseDoc>(COLLECTIONS.cases, { limit: 100 })).items.filter(
    (c) => c.origin?.platform,
  )

test('importing the same export twice creates each case once; a malformed row is reported and skipped', async () => {
  const rows = [
    orderRow(1),
    orderRow(2),
    orderRow(3, { 诉求内容: '' }), // line 4: no content
    orderRow(4, { 联系电话: '12345' }), // line 5: not a phone
    orderRow(1), // line 6: the same order again, in the same file
    orderRow(5),
  ]
  const first = await importFile(csvOf(rows))
  expect(first).toMatchObject({
    state: 'done',
    totalRows: 6,
    processedRows: 6,
    created: 3,
    existing: 1,
    failed: 2,
  })
  expect(first.problems).toEqual([
    { line: 4, externalNo: 'JZ12345-20260302-0003', reason: '「诉求内容」为空' },
    { line: 5, externalNo: 'JZ12345-20260302-0004', reason: '「联系电话」不是有效的手机号或固定电话：12345' },
  ])
  expect(first.createdCases.map((c) => c.externalNo)).toEqual([
    'JZ12345-20260302-0001',
    'JZ12345-20260302-0002',
    'JZ12345-20260302-0005',
  ])
  const before = await h.snapshot()
  expect(before.cases).toBe(3)
  expect(before.work_orders).toBe(3)

  // The same export again (a new upload of the same bytes): nothing new.
  const again = await importFile(csvOf(rows))
  expect(again).toMatchObject({ state: 'done', created: 0, existing: 4, failed: 2 })
  const after = await h.snapshot()
  expect({ ...after, uploads: 0, import_batches: 0, '<stored files>': 0 }).toEqual({
    ...before,
    uploads: 0,
    import_batches: 0,
    '<stored files>': 0,
  })

  // The malformed row, corrected and sent again, is filed; the rest is not filed twice.
  const fixed = await importFile(csvOf([orderRow(3), orderRow(1)]))
  expect(fixed).toMatchObject({ created: 1, existing: 1, failed: 0 })
  expect((await casesOf()).length).toBe(4)
})

test('the imported cases carry the platform’s number and its deadline, which the handling clock honours', async () => {
  const batch = await importFile(csvOf([orderRow(7, { 办理时限: '2026-03-06 18:00:00' })]))
  const { caseId } = batch.createdCases[0]!
  const doc = (await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId))!
  expect(doc.history[0]).toMatchObject({
    at: '2026-03-05T10:00:00+08:00',
    actor: { kind: 'staff', id: 'st-supervisor', role: 'intake' },
    event: {
      type: 'register',
      channel: 'hotline-12345',
      referredBy: '焦作市12345热线中心',
      externalNo: 'JZ12345-20260302-0007',
      platformDue: '2026-03-06',
      receivedAt: '2026-03-02T09:15:00+08:00',
      reporterId: null,
    },
  })
  expect(doc).toMatchObject({
    origin: { platform: '12345', tellReporter: 'phone', importBatchId: batch.batchId },
    placedBy: 'locality',
    unitId: 'jz-shanyang',
    facts: { referred: true, channel: 'hotline-12345' },
  })
  // The caller's contact is sealed like every reporter's: neither is stored in the clear.
  const stored = JSON.stringify(doc)
  expect(stored).not.toContain('13903910007')
  expect(stored).not.toContain('来电人0007')
  expect(doc.reporter).toMatchObject({ mode: 'real-name', phoneMasked: '139****0007', openid: null })

  const detail = await h.ok<StaffCaseDetail>('staff', 'getCase', { caseId }, INTAKE)
  const handling = detail.clocks.find((c) => c.clock === 'handling')!
  // 10 working days from 2026-03-02 would be 2026-03-16 (S0 第七条(四)); the platform's 3-06 is stricter.
  expect(handling).toMatchObject({ due: '2026-03-06', basis: 'S2 第十七条' })
  // Staff read where it came from on the case page: the channel, who dispatched it, its number and deadline.
  expect(JSON.stringify(detail.timeline[0])).toContain(
    '工单编号 JZ12345-20260302-0007；平台办理时限 2026-03-06',
  )
})

test('an XLSX export: date cells are the platform’s wall-clock time in Shanghai', async () => {
  const batch = await importFile(await xlsxOf([orderRow(11), orderRow(12)]), 'orders.xlsx')
  expect(batch).toMatchObject({ state: 'done', created: 2, failed: 0 })
  const doc = (await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, batch.createdCases[0]!.caseId))!
  expect(doc.history[0]!.event).toMatchObject({
    receivedAt: '2026-03-02T09:15:00+08:00',
    platformDue: '2026-03-09',
  })
})

test('a GB18030 (GBK) CSV, as Excel saves it in China, reads the same', async () => {
  const text = csvOf([orderRow(21)])
    .toString('utf8')
    .replace(/^\uFEFF/, '')
  const encoded = encodeGb18030(text)
  expect(encoded.equals(Buffer.from(text, 'utf8'))).toBe(false)
  const batch = await importFile(encoded)
  expect(batch).toMatchObject({ created: 1, failed: 0 })
  const doc = (await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, batch.createdCases[0]!.caseId))!
  expect(doc.description).toBe(orderRow(21).诉求内容)
})

test('a file without the platform’s required columns is refused whole, and nothing is written', async () => {
  const fileId = await uploadChannelFile(h, INTAKE, csvOf([orderRow(1)], ['工单编号', '诉求内容']), 'orders')
  const before = await h.snapshot()
  const res = await h.call<{ ok: boolean; error: { code: string; message: string } }>(
    'channels',
    'startImport',
    { platform: '12345', fileId, fileName: 'x.csv' },
    INTAKE,
  )
  expect(res.status).toBe(400)
  expect(res.body.error.message).toContain('派单时间或来电时间、事发地址或地址')
  expect(await h.snapshot()).toEqual(before)
})

test('a large file goes in resumable batches: each call stops at its budget, the next goes on', async () => {
  const rows = Array.from({ length: 25 }, (_, i) => orderRow(100 + i))
  const fileId = await uploadChannelFile(h, INTAKE, csvOf(rows), 'orders')
  const staff = (await h.runtime.db.get<StaffDoc>(COLLECTIONS.staff, 'st-supervisor'))!
  // A budget of 12 rows a call (the elapsed time counts rows instead of milliseconds).
  const budget = () => {
    let n = 0
    return { budgetMs: 12, elapsedMs: () => n++ }
  }
  const first = await startImport(
    h.runtime,
    staff,
    INTAKE,
    { platform: '12345', fileId, fileName: 'big.csv' },
    budget(),
  )
  expect(first).toMatchObject({ state: 'running', processedRows: 12, created: 12 })
  const second = await continueImport(h.runtime, staff, first.batchId, budget())
  expect(second).toMatchObject({ state: 'running', processedRows: 24, created: 24 })
  const last = await h.ok<ImportBatchView>('channels', 'continueImport', { batchId: first.batchId }, INTAKE)
  expect(last).toMatchObject({ state: 'done', processedRows: 25, created: 25, existing: 0 })
  expect((await casesOf()).length).toBe(25)
  // Starting the same upload again answers the finished batch.
  expect(
    await h.ok('channels', 'startImport', { platform: '12345', fileId, fileName: 'big.csv' }, INTAKE),
  ).toMatchObject({ batchId: first.batchId, state: 'done' })
})

test('who may import: intake staff only, each their own batches; other files and platforms refused', async () => {
  const batch = await importFile(csvOf([orderRow(31)]))
  for (const openid of [STAFF.officer, 'dev-citizen']) {
    const res = await h.call<{ error: { code: string } }>(
      'channels',
      'getImport',
      { batchId: batch.batchId },
      openid,
    )
    expect(res.body.error.code).toBe('FORBIDDEN')
  }
  // Another intake officer (of 武陟县分局) neither sees nor continues it: it answers like a missing batch.
  await h.runtime.db.insert<StaffDoc>(COLLECTIONS.staff, {
    _id: 'st-wuzhi-intake',
    openid: 'dev-wuzhi-intake',
    name: '孙悦',
    title: '武陟县分局受理员',
    roles: ['intake'],
    unitIds: ['jz-wuzhi'],
    active: true,
  })
  for (const action of ['getImport', 'continueImport']) {
    const res = await h.call<{ error: { code: string; message: string } }>(
      'channels',
      action,
      { batchId: batch.batchId },
      'dev-wuzhi-intake',
    )
    expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', message: '没有找到这批导入，或它不是您上传的' })
  }
  // Someone else's upload, and a platform the deployment does not have.
  const mine = await uploadChannelFile(h, INTAKE, csvOf([orderRow(32)]), 'orders')
  const theirs = await h.call<{ error: { code: string } }>(
    'channels',
    'startImport',
    { platform: '12345', fileId: mine, fileName: 'x.csv' },
    'dev-wuzhi-intake',
  )
  expect(theirs.body.error.code).toBe('VALIDATION_FAILED')
  const unknown = await h.call<{ error: { code: string } }>(
    'channels',
    'startImport',
    { platform: '110', fileId: mine, fileName: 'x.csv' },
    INTAKE,
  )
  expect(unknown.body.error.code).toBe('NOT_FOUND')
})

/** GB18030 bytes of a text of ASCII and the BMP's CJK (the decoder's table, inverted for these characters). */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, number[]>()
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([hi, lo]))
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo])
    }
  }
  const out: number[] = []
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0))
    else {
      const bytes = table.get(ch)
      if (!bytes) throw new Error(`no GB18030 two-byte code for ${ch}`)
      out.push(...bytes)
    }
  }
  return Buffer.from(out)
}
