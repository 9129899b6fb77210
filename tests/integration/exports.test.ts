// Exports (XLSX and CSV) never carry a reporter's name, phone, openid or query code — not even where the reporter
// wrote them into the description, a rating comment or 复查 grounds — and every export is audited. The files are
// read back as stored: the CSV as text, the XLSX unzipped (every XML part, shared strings included) and loaded by
// exceljs, so the search covers what a person opening the file would see and what the file holds.
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import type { CaseDoc } from '../../shared/cases/case-doc'
import type { ExportResult } from '../../shared/contracts/stats'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { handleToReply, reportInput, STAFF } from '../support/reports'
import { startHarness, type Harness } from '../support/local-harness'

jest.setTimeout(120_000)

const NAME = '欧阳思远'
const PHONE = '13912345678'
const OPENID = 'pii-openid-7c1f9e'
const ANON_OPENID = 'pii-anon-openid-2d4a'
let queryCode: string
let refNos: string[] = []

let h: Harness
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-02T09:00:00+08:00' })
  // The reporter writes their own name and phone where a careless export would copy them from.
  const named = await h.ok<{ caseId: string }>(
    'cases',
    'submitReport',
    reportInput({
      description: `我是${NAME}，电话${PHONE}，工地每晚十一点以后还在打桩，噪声很大。`,
      reporter: { mode: 'real-name', name: NAME, phone: PHONE },
    }),
    OPENID,
  )
  await handleToReply(h, named.caseId)
  await h.ok(
    'cases',
    'rateReply',
    { caseId: named.caseId, stars: 2, comment: `请回电${PHONE}，${NAME}` },
    OPENID,
  )
  const anonymous = await h.ok<{ caseId: string; queryCode: string }>(
    'cases',
    'submitReport',
    reportInput({
      reporter: { mode: 'anonymous' },
      category: 'air',
      description: '化工厂夜间排放刺鼻气味。',
    }),
    ANON_OPENID,
  )
  queryCode = anonymous.queryCode
  expect(queryCode).toMatch(/^[A-Z0-9]{10}$/)
  await h.act(STAFF.supervisor, anonymous.caseId, { type: 'accept' })
  refNos = await Promise.all(
    [named.caseId, anonymous.caseId].map(
      async (id) => (await h.runtime.db.get<CaseDoc>(COLLECTIONS.cases, id))!.refNo,
    ),
  )
  h.clock.set('2026-12-01T09:00:00+08:00')
  await h.fireTimer('timers')
})

afterAll(async () => {
  await h?.close()
})

async function exportAudits(): Promise<Map<string, string>> {
  const audits = await h.runtime.db.find<{ fileId: string }>(COLLECTIONS.audit, {
    filter: { action: 'export' },
    limit: 100,
  })
  return new Map(audits.items.map((a) => [a._id, a.fileId]))
}

/** The stored file of the one export made since `before` (its audit record names it). */
async function storedFile(before: Map<string, string>): Promise<Uint8Array> {
  const added = [...(await exportAudits()).entries()].filter(([id]) => !before.has(id))
  expect(added).toHaveLength(1)
  const bytes = await h.runtime.blobs.read(added[0]![1])
  expect(bytes).not.toBeNull()
  return bytes!
}

/** Every text a file holds: a CSV as it is; an XLSX as its XML parts and as the cells exceljs reads. */
async function textsOf(bytes: Uint8Array, format: 'csv' | 'xlsx'): Promise<string> {
  if (format === 'csv') return new TextDecoder().decode(bytes)
  const zip = await JSZip.loadAsync(bytes)
  const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')))
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  const cells: string[] = []
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))),
  )
  return [...parts, ...cells].join('\n')
}

const FORBIDDEN = () => [NAME, PHONE, OPENID, ANON_OPENID, queryCode, '欧**远', '139****5678']

const EXPORTS: Array<[string, string, Record<string, unknown>, (text: string) => void]> = [
  [
    'the case ledger',
    'exportCases',
    { from: '2026-11', to: '2026-11' },
    (text) => {
      for (const refNo of refNos) expect(text).toContain(refNo)
      expect(text).toContain('塔南路')
    },
  ],
  [
    'the figures by unit',
    'exportFigures',
    { from: '2026-11', to: '2026-11', by: 'unit' },
    (t) => expect(t).toContain('山阳区分局'),
  ],
  ['the monthly report', 'exportReport', { month: '2026-11' }, (t) => expect(t).toContain('按期办结率')],
]

describe.each(['xlsx', 'csv'] as const)('%s', (format) => {
  test.each(EXPORTS)(
    '%s holds what a bureau reports and nothing of the reporter; it is audited',
    async (_name, action, payload, holds) => {
      const before = await exportAudits()
      const result = await h.ok<ExportResult>('stats', action, { ...payload, format }, STAFF.supervisor)
      expect(result.fileName.endsWith(`.${format}`)).toBe(true)
      expect(result.url).not.toBe('')
      // Audited: exactly one new record, and it names the file.
      const text = await textsOf(await storedFile(before), format)
      holds(text)
      for (const secret of FORBIDDEN()) expect(text).not.toContain(secret)
    },
  )
})

test('the audit record names who exported what, when, and how many rows', async () => {
  h.clock.set('2026-12-01T10:00:00+08:00')
  await h.ok<ExportResult>(
    'stats',
    'exportCases',
    { from: '2026-11', to: '2026-11', format: 'csv' },
    STAFF.supervisor,
  )
  const audits = await h.runtime.db.find<Record<string, unknown>>(COLLECTIONS.audit, {
    filter: { subject: 'cases:scope:2026-11:2026-11' },
    orderBy: [['at', 'desc']],
    limit: 1,
  })
  expect(audits.items[0]).toMatchObject({
    action: 'export',
    kind: 'cases',
    format: 'csv',
    rows: 2,
    staffId: 'st-supervisor',
    staffName: '陈静',
    at: '2026-12-01T10:00:00+08:00',
  })
})
