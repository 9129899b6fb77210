// Exports: a table (headers and rows of plain cells) as XLSX (exceljs) or CSV (UTF-8 with a BOM, so Excel reads
// the Chinese), stored under `exports/`, answered as a short-lived link, and audited — who exported what, when,
// how many rows — in the same step: no audit record, no link. The tables come from shared/stats (figuresTable,
// ledgerTable), whose inputs have no reporter field.
import { randomBytes } from 'node:crypto'
import * as ExcelJS from 'exceljs'
import type { ExportFormat, ExportResult } from '../../../shared/contracts/stats'
import type { Cell } from '../../../shared/stats'
import { toShanghaiIso } from '../../../shared/time'
import { audit } from '../audit'
import type { Runtime } from '../ports'
import type { StaffRecord } from '../staff-records'

export interface Sheet {
  name: string
  headers: string[]
  rows: Cell[][]
}

function csvCell(value: Cell): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** RFC 4180, CRLF line ends; several sheets follow each other with a title line and a blank line between. */
function toCsv(sheets: readonly Sheet[]): Uint8Array {
  const blocks = sheets.map((sheet) => {
    const lines = [sheet.headers, ...sheet.rows].map((row) => row.map(csvCell).join(','))
    return sheets.length > 1 ? [csvCell(sheet.name), ...lines].join('\r\n') : lines.join('\r\n')
  })
  return new TextEncoder().encode('\uFEFF' + blocks.join('\r\n\r\n') + '\r\n')
}

export async function toXlsx(
  sheets: readonly Sheet[],
  meta: { creator: string; created: Date },
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = meta.creator
  workbook.created = meta.created
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31))
    ws.addRow(sheet.headers).font = { bold: true }
    for (const row of sheet.rows) ws.addRow(row)
    ws.columns.forEach((column, i) => {
      const widest = Math.max(...[sheet.headers, ...sheet.rows].map((r) => String(r[i] ?? '').length))
      column.width = Math.min(40, Math.max(8, widest * 2))
    })
    ws.views = [{ state: 'frozen', ySplit: 1 }]
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
}

/** Writes the file, audits the export (who, what, rows), and answers its link. */
export async function storeExport(
  runtime: Runtime,
  staff: StaffRecord,
  request: {
    kind: 'figures' | 'cases' | 'report'
    subject: string
    title: string
    format: ExportFormat
    sheets: readonly Sheet[]
    truncated?: boolean
    details: Record<string, unknown>
  },
): Promise<ExportResult> {
  const now = runtime.clock.now()
  const at = toShanghaiIso(now)
  const bytes =
    request.format === 'xlsx'
      ? await toXlsx(request.sheets, { creator: runtime.deployment.name, created: now })
      : toCsv(request.sheets)
  const rows = request.sheets.reduce((n, s) => n + s.rows.length, 0)
  const fileName = `${request.title}.${request.format}`
  const stamp = at.slice(0, 19).replace(/[-:T]/g, '')
  const path = `exports/${stamp}-${randomBytes(6).toString('hex')}-${request.kind}.${request.format}`
  const { fileId } = await runtime.blobs.put(path, bytes, CONTENT_TYPES[request.format])
  await audit(runtime.db, 'export', request.subject, staff, at, {
    kind: request.kind,
    format: request.format,
    rows,
    fileId,
    ...request.details,
  })
  const urls = await runtime.blobs.tempUrls([fileId], 600)
  return { fileName, url: urls[fileId] ?? '', rows, truncated: request.truncated ?? false }
}
