// A platform's export as rows of text keyed by its column names, each with its line in the file (the header is
// the first non-empty row). CSV: UTF-8 (with or without BOM) or GB18030/GBK as Excel saves it in China, RFC 4180
// quoting, CRLF or LF, line breaks inside quotes. XLSX: the first worksheet, read with exceljs (maintained on the
// npm registry, pure JavaScript, no network); dates are spreadsheet wall-clock times, read as Shanghai time.
import ExcelJS from 'exceljs'
import { MAX_ORDER_ROWS, type OrderFileType } from '../../../shared/contracts/channels'
import { AppError } from '../../../shared/contracts/result'
import type { OrderRecord } from '../../../shared/intake/work-orders'

interface OrderRow {
  /** The line of the file (CSV: the line the record starts on; XLSX: the row number). */
  line: number
  record: OrderRecord
}

export interface OrderSheet {
  headers: string[]
  rows: OrderRow[]
  /** Rows the file itself could not give (an unterminated quote): reported like malformed orders. */
  broken: Array<{ line: number; reason: string }>
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GB18030 (a superset of GBK and GB2312). */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

interface CsvRecord {
  line: number
  cells: string[]
}

/** RFC 4180 records with the line each starts on; an unterminated quote ends the file with a broken record. */
function parseCsv(text: string): { records: CsvRecord[]; broken: OrderSheet['broken'] } {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let start = 1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else {
        if (c === '\n') line++
        cell += c
      }
      continue
    }
    if (c === '"' && cell === '') quoted = true
    else if (c === ',') {
      cells.push(cell)
      cell = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      cells.push(cell)
      records.push({ line: start, cells })
      cells = []
      cell = ''
      line++
      start = line
    } else cell += c
  }
  if (quoted) return { records, broken: [{ line: start, reason: '引号未闭合：从这一行起的内容无法读取' }] }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell)
    records.push({ line: start, cells })
  }
  return { records, broken: [] }
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '')

function sheetOf(records: CsvRecord[], broken: OrderSheet['broken']): OrderSheet {
  const body = records.filter((r) => !isBlank(r.cells))
  const [head, ...rest] = body
  if (!head) throw new AppError('VALIDATION_FAILED', '文件是空的：没有表头和工单')
  const headers = head.cells.map((h) => h.replace(/^\uFEFF/, '').trim())
  if (rest.length > MAX_ORDER_ROWS) {
    throw new AppError(
      'VALIDATION_FAILED',
      `一个文件最多 ${MAX_ORDER_ROWS} 条工单（本文件 ${rest.length} 条），请在平台按日期分批导出`,
    )
  }
  const rows = rest.map(({ line, cells }) => ({
    line,
    record: Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''] as const).filter(([h]) => h !== '')),
  }))
  return { headers, rows, broken }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A spreadsheet cell as text; a date is its wall-clock time (stored without a zone; read as Shanghai's). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue)
    if ('text' in value) return String(value.text)
    if ('error' in value) return ''
  }
  return String(value)
}

async function readXlsx(bytes: Uint8Array): Promise<OrderSheet> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch {
    throw new AppError('VALIDATION_FAILED', '无法读取这个 Excel 文件：请另存为 .xlsx 或 CSV 后重新上传')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new AppError('VALIDATION_FAILED', 'Excel 文件里没有工作表')
  const records: CsvRecord[] = []
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[]
    // exceljs rows are 1-based: values[0] is empty.
    records.push({ line: number, cells: values.slice(1).map((v) => cellText(v)) })
  })
  return sheetOf(records, [])
}

/** The rows of an export, by its checked type. */
export async function readOrderFile(bytes: Uint8Array, type: OrderFileType | string): Promise<OrderSheet> {
  if (type === 'text/csv') {
    const { records, broken } = parseCsv(decodeText(bytes))
    return sheetOf(records, broken)
  }
  return readXlsx(bytes)
}
