// Files for the platforms, read by staff and handed over: one platform's feedback records of a period (for a
// platform without a push address, or to reconcile), and the national 12369 platform's record of every case
// received in a period (S3 第四条 依照联网平台数据规范上传; fields: NATIONAL_RECORD_FIELDS, docs/channels.md).
// CSV in UTF-8 with a BOM (Excel opens it as Chinese text). Only records of the staff member's units, pages of
// ≤ 100 from an index, up to EXPORT_MAX_ROWS per file (narrow the dates for the rest). No reporter identity ever
// reaches a file: the rows are the platform views (shared/cases/views/platform.ts), which cannot read it.
import { randomUUID } from 'node:crypto'
import type { CaseDoc } from '../../../shared/cases/case-doc'
import {
  NATIONAL_RECORD_FIELDS,
  nationalRecordOf,
  type FeedbackRecord,
  type NationalRecord,
} from '../../../shared/cases/views/platform'
import { DELIVERY_STATES, type ExportFile } from '../../../shared/contracts/channels'
import { findClock } from '../../../shared/deadlines'
import { startOfLocalDate, toShanghaiIso, addLocalDays } from '../../../shared/time'
import { calendarFor } from '../calendar'
import { caseUnitScope } from '../case-access'
import { clocksOf } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import { MAX_PAGE_SIZE, type Filter, type OrderBy, type Page, type Runtime, type WithId } from '../ports'
import { unitNamer, type StaffRecord } from '../staff-records'
import type { FeedbackDoc } from './feedback'

const EXPORT_MAX_ROWS = 5000

/** A cell as CSV text: quoted when needed; a leading = + - @ is neutralised (a formula Excel would run). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** Shanghai days [from, to] as the instants stored (ISO +08:00 text compares in time order). */
function periodOf(from: string, to: string): { $gte: string; $lt: string } {
  return {
    $gte: toShanghaiIso(startOfLocalDate(from)),
    $lt: toShanghaiIso(startOfLocalDate(addLocalDays(to, 1))),
  }
}

/** Every document of an indexed, ordered query, page by page, kept by `keep`, up to EXPORT_MAX_ROWS. */
async function collect<T extends object>(
  runtime: Runtime,
  collection: string,
  filter: Filter,
  orderBy: OrderBy,
  keep: (doc: WithId<T>) => boolean,
): Promise<{ docs: WithId<T>[]; truncated: boolean }> {
  const docs: WithId<T>[] = []
  let after: string | null = null
  do {
    const page: Page<WithId<T>> = await runtime.db.find<T>(collection, {
      filter,
      orderBy,
      limit: MAX_PAGE_SIZE,
      after,
    })
    for (const doc of page.items) {
      if (!keep(doc)) continue
      if (docs.length === EXPORT_MAX_ROWS) return { docs, truncated: true }
      docs.push(doc)
    }
    after = page.next
  } while (after)
  return { docs, truncated: false }
}

async function store(
  runtime: Runtime,
  name: string,
  csv: string,
  count: number,
  truncated: boolean,
): Promise<ExportFile> {
  const stamp = toShanghaiIso(runtime.clock.now()).slice(0, 10).replace(/-/g, '')
  const stored = await runtime.blobs.put(
    `exports/${stamp}/${randomUUID()}.csv`,
    new TextEncoder().encode(csv),
    'text/csv',
  )
  const urls = await runtime.blobs.tempUrls([stored.fileId], 3600)
  return { fileId: stored.fileId, url: urls[stored.fileId] ?? '', fileName: name, count, truncated }
}

const FEEDBACK_COLUMNS: Array<[string, (record: FeedbackRecord, doc: FeedbackDoc) => string]> = [
  ['工单编号', (r) => r.externalNo],
  ['本局编号', (r) => r.refNo],
  ['反馈类型', (r) => r.kindLabel],
  ['依据', (r) => r.basis],
  ['调查情况', (r) => r.investigation],
  ['处理意见', (r) => r.opinion],
  ['办理结果', (r) => r.result],
  ['佐证材料', (r) => r.evidence.map((e) => e.label).join('；')],
  ['承办单位', (r) => r.unit.name],
  ['承办人', (r) => (r.officer ? `${r.officer.name}${r.officer.title ? `（${r.officer.title}）` : ''}` : '')],
  ['办结（决定）时间', (r) => r.decidedAt],
  ['答复时间', (r) => r.repliedAt ?? ''],
  ['异议期限', (r) => r.objection?.due ?? ''],
  ['是否在异议期限内', (r) => (r.objection ? (r.objection.withinPeriod ? '是' : '否') : '')],
  ['推送状态', (_r, d) => DELIVERY_STATES[d.state]],
]

/** One platform's feedback records of a period, of the staff member's units. */
export async function exportFeedback(
  runtime: Runtime,
  staff: StaffRecord,
  input: { platform: string; from: string; to: string },
): Promise<ExportFile> {
  const scope = new Set(caseUnitScope(runtime, staff))
  const { docs, truncated } = await collect<FeedbackDoc>(
    runtime,
    COLLECTIONS.platformFeedback,
    { platform: input.platform, createdAt: periodOf(input.from, input.to) },
    [['createdAt', 'asc']],
    (doc) => scope.has(doc.unitId),
  )
  const csv = toCsv(
    FEEDBACK_COLUMNS.map(([name]) => name),
    docs.map((doc) => FEEDBACK_COLUMNS.map(([, value]) => value(doc.record, doc))),
  )
  return store(
    runtime,
    `平台反馈-${input.platform}-${input.from}至${input.to}.csv`,
    csv,
    docs.length,
    truncated,
  )
}

/** The national platform's record of every case received in a period, of the staff member's units. */
export async function exportNationalRecords(
  runtime: Runtime,
  staff: StaffRecord,
  input: { from: string; to: string },
): Promise<ExportFile> {
  const scope = new Set(caseUnitScope(runtime, staff))
  const inScope = (doc: CaseDoc) =>
    doc.screening === 'passed' &&
    [doc.unitId, ...(doc.flags.assignment?.unitIds ?? [])].some((u) => scope.has(u))
  const { docs, truncated } = await collect<CaseDoc>(
    runtime,
    COLLECTIONS.cases,
    { createdAt: periodOf(input.from, input.to) },
    [['createdAt', 'asc']],
    inScope,
  )
  const calendar = await calendarFor(runtime)
  const now = runtime.clock.now()
  const unitName = unitNamer(runtime.deployment.units)
  const keys = Object.keys(NATIONAL_RECORD_FIELDS) as Array<keyof NationalRecord>
  const rows = docs.map((doc) => {
    const handlingDue = findClock(clocksOf(doc, calendar, now), 'handling')?.due ?? null
    const record = nationalRecordOf(doc, { unitName, handlingDue })
    return keys.map((key) => record[key])
  })
  const csv = toCsv(
    keys.map((key) => NATIONAL_RECORD_FIELDS[key]),
    rows,
  )
  return store(runtime, `12369联网平台-举报记录-${input.from}至${input.to}.csv`, csv, docs.length, truncated)
}
