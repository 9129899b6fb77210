// The import of a platform's export (CSV/XLSX) in resumable batches: the file is uploaded (this channel's
// `orders` upload), its header checked against the platform's column mapping (a file without a required column
// is refused whole, nothing written), then its rows are filed one by one (filing.ts `fileWorkOrder`) within the
// call's budget — far inside the function timeout — with the progress kept on the batch, so the next call goes
// on where this one stopped. Every order becomes exactly one case however often it is sent (its id is derived
// from the platform and its number); a malformed row is reported with its line and reason and nothing else of
// the batch is lost.
import { createHash } from 'node:crypto'
import type { ImportBatchView, ImportProblem, OrderFileType } from '../../../shared/contracts/channels'
import { AppError } from '../../../shared/contracts/result'
import { platformById, type PlatformConfig } from '../../../shared/deployment/platforms'
import { missingColumns, readWorkOrder } from '../../../shared/intake/work-orders'
import { toShanghaiIso } from '../../../shared/time'
import { COLLECTIONS } from '../collections'
import { VersionConflictError, type Runtime, type WithId } from '../ports'
import type { StaffRecord } from '../staff-records'
import { ownUploads } from '../uploads'
import { fileWorkOrder } from './filing'
import { readOrderFile, type OrderSheet } from './order-files'

/** What one call may spend on rows: well inside the ~60 s function timeout (≤ ~50 s a call with the rest). */
const IMPORT_BUDGET_MS = 40_000
/** Progress is saved every this many rows (a call cut off mid-way redoes at most these, idempotently). */
const SAVE_EVERY = 10
/** The first malformed rows and created cases a batch keeps to show (its counts count them all). */
const KEPT_PROBLEMS = 200
const KEPT_CASES = 200

export interface ImportBatchDoc {
  platform: string
  fileId: string
  fileName: string
  contentType: string
  /** The staff member who uploaded it: only they see and continue it. */
  staffId: string
  state: ImportBatchView['state']
  refusal: string | null
  totalRows: number
  /** The index of the next data row to file. */
  nextRow: number
  created: number
  existing: number
  failed: number
  problems: ImportProblem[]
  createdCases: ImportBatchView['createdCases']
  createdAt: string
  updatedAt: string
}

const NO_BATCH = '没有找到这批导入，或它不是您上传的'

/** The same upload started again is the same batch. */
function batchIdOf(platform: string, fileId: string): string {
  return 'b' + createHash('sha256').update(`import\n${platform}\n${fileId}`).digest('hex').slice(0, 31)
}

export function batchView(batch: WithId<ImportBatchDoc>): ImportBatchView {
  return {
    batchId: batch._id,
    platform: batch.platform,
    fileName: batch.fileName,
    state: batch.state,
    refusal: batch.refusal,
    totalRows: batch.totalRows,
    processedRows: batch.nextRow,
    created: batch.created,
    existing: batch.existing,
    failed: batch.failed,
    problems: batch.problems,
    createdCases: batch.createdCases,
    createdAt: batch.createdAt,
    updatedAt: batch.updatedAt,
  }
}

function platformOrFail(runtime: Runtime, id: string): PlatformConfig {
  const platform = platformById(runtime.deployment, id)
  if (!platform) throw new AppError('NOT_FOUND', `本辖区没有配置工单平台「${id}」`)
  return platform
}

async function sheetOf(
  runtime: Runtime,
  batch: Pick<ImportBatchDoc, 'fileId' | 'contentType'>,
): Promise<OrderSheet> {
  const bytes = await runtime.blobs.read(batch.fileId)
  if (!bytes) throw new AppError('NOT_FOUND', '工单文件已不存在（上传超过 30 天会被清理），请重新上传')
  return readOrderFile(bytes, batch.contentType as OrderFileType)
}

export interface ImportOptions {
  budgetMs?: number
  /** Time source for the budget (tests pass a fake). */
  elapsedMs?: () => number
}

/**
 * Starts importing an uploaded export: checks the file and its header (refused whole, nothing written, when it is
 * not readable or lacks a required column), records the batch, and files rows within the budget.
 */
export async function startImport(
  runtime: Runtime,
  staff: StaffRecord,
  openid: string,
  input: { platform: string; fileId: string; fileName: string },
  options: ImportOptions = {},
): Promise<ImportBatchView> {
  const platform = platformOrFail(runtime, input.platform)
  const batchId = batchIdOf(platform.id, input.fileId)
  const earlier = await runtime.db.get<ImportBatchDoc>(COLLECTIONS.importBatches, batchId)
  if (earlier) return continueImport(runtime, staff, batchId, options)
  const [upload] = await ownUploads(runtime.db, openid, [input.fileId], ['orders']).catch(() => {
    throw new AppError('VALIDATION_FAILED', '工单文件没有上传成功，请重新上传', {
      fileId: '工单文件未上传成功',
    })
  })
  const contentType = upload!.contentType
  const sheet = await sheetOf(runtime, { fileId: input.fileId, contentType })
  const missing = missingColumns(platform, sheet.headers)
  if (missing.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `文件缺少${platform.name}导出的必需列：${missing.join('、')}。请核对是否选错了平台，或导出时勾选这些列`,
    )
  }
  const at = toShanghaiIso(runtime.clock.now())
  const batch: ImportBatchDoc = {
    platform: platform.id,
    fileId: input.fileId,
    fileName: input.fileName,
    contentType,
    staffId: staff._id,
    state: 'running',
    refusal: null,
    // Rows the file itself could not give (an unterminated quote) are problems from the start.
    totalRows: sheet.rows.length,
    nextRow: 0,
    created: 0,
    existing: 0,
    failed: sheet.broken.length,
    problems: sheet.broken.map((b) => ({ ...b, externalNo: null })).slice(0, KEPT_PROBLEMS),
    createdCases: [],
    createdAt: at,
    updatedAt: at,
  }
  await runtime.db.insert<ImportBatchDoc>(COLLECTIONS.importBatches, { _id: batchId, ...batch })
  return fileRows(runtime, staff, { ...batch, _id: batchId, _version: 1 }, platform, sheet, options)
}

/** The caller's own batch (anyone else's answers like a missing one). */
export async function ownBatch(
  runtime: Runtime,
  staff: StaffRecord,
  batchId: string,
): Promise<WithId<ImportBatchDoc>> {
  const batch = await runtime.db.get<ImportBatchDoc>(COLLECTIONS.importBatches, batchId)
  if (!batch || batch.staffId !== staff._id) throw new AppError('NOT_FOUND', NO_BATCH)
  return batch
}

/** Goes on with a batch where the last call stopped. */
export async function continueImport(
  runtime: Runtime,
  staff: StaffRecord,
  batchId: string,
  options: ImportOptions = {},
): Promise<ImportBatchView> {
  const batch = await ownBatch(runtime, staff, batchId)
  if (batch.state !== 'running') return batchView(batch)
  const platform = platformOrFail(runtime, batch.platform)
  return fileRows(runtime, staff, batch, platform, await sheetOf(runtime, batch), options)
}

type RowOutcome =
  | { kind: 'created'; caseId: string; refNo: string; externalNo: string }
  | { kind: 'existing' }
  | { kind: 'failed'; problem: ImportProblem }

async function fileRow(
  runtime: Runtime,
  staff: StaffRecord,
  platform: PlatformConfig,
  batchId: string,
  row: OrderSheet['rows'][number],
): Promise<RowOutcome> {
  const reading = readWorkOrder(platform, row.record, runtime.clock.now())
  if (!reading.ok) {
    return {
      kind: 'failed',
      problem: { line: row.line, externalNo: reading.externalNo, reason: reading.reasons.join('；') },
    }
  }
  const { order } = reading
  try {
    const filed = await fileWorkOrder(
      runtime,
      platform,
      order,
      { via: 'upload', staff, importBatchId: batchId },
      runtime.clock.now(),
    )
    return filed.created
      ? { kind: 'created', caseId: filed.caseId, refNo: filed.refNo, externalNo: order.externalNo }
      : { kind: 'existing' }
  } catch (error) {
    const reason =
      error instanceof AppError
        ? error.message
        : '系统繁忙，这一行未导入；重新导入同一文件时会再试（已导入的不会重复）'
    if (!(error instanceof AppError))
      runtime.log.error('import: row failed', { batchId, line: row.line, error: String(error) })
    return { kind: 'failed', problem: { line: row.line, externalNo: order.externalNo, reason } }
  }
}

async function fileRows(
  runtime: Runtime,
  staff: StaffRecord,
  start: WithId<ImportBatchDoc>,
  platform: PlatformConfig,
  sheet: OrderSheet,
  options: ImportOptions,
): Promise<ImportBatchView> {
  const began = Date.now()
  const elapsed = options.elapsedMs ?? (() => Date.now() - began)
  const budgetMs = options.budgetMs ?? IMPORT_BUDGET_MS
  let batch = start
  let pending: Partial<ImportBatchDoc> = {}
  const progress = { ...batch }

  const save = async (): Promise<boolean> => {
    const patch = { ...pending, updatedAt: toShanghaiIso(runtime.clock.now()) }
    try {
      await runtime.db.update<ImportBatchDoc>(COLLECTIONS.importBatches, batch._id, patch, batch._version)
    } catch (error) {
      // Another call is working on this batch: it owns the progress now.
      if (error instanceof VersionConflictError) return false
      throw error
    }
    batch = { ...batch, ...patch, _version: batch._version + 1 }
    pending = {}
    return true
  }

  let sinceSave = 0
  while (progress.nextRow < sheet.rows.length && elapsed() < budgetMs) {
    const outcome = await fileRow(runtime, staff, platform, batch._id, sheet.rows[progress.nextRow]!)
    progress.nextRow++
    if (outcome.kind === 'created') {
      progress.created++
      if (progress.createdCases.length < KEPT_CASES)
        progress.createdCases = [
          ...progress.createdCases,
          { caseId: outcome.caseId, refNo: outcome.refNo, externalNo: outcome.externalNo },
        ]
    } else if (outcome.kind === 'existing') progress.existing++
    else {
      progress.failed++
      if (progress.problems.length < KEPT_PROBLEMS)
        progress.problems = [...progress.problems, outcome.problem]
    }
    const { nextRow, created, existing, failed, problems, createdCases } = progress
    pending = { nextRow, created, existing, failed, problems, createdCases }
    if (++sinceSave >= SAVE_EVERY) {
      sinceSave = 0
      if (!(await save())) return batchView(await ownBatch(runtime, staff, batch._id))
    }
  }
  if (progress.nextRow >= sheet.rows.length) pending = { ...pending, state: 'done' }
  if (Object.keys(pending).length > 0 && !(await save()))
    return batchView(await ownBatch(runtime, staff, batch._id))
  runtime.log.info('import batch', {
    batchId: batch._id,
    platform: platform.id,
    rows: batch.totalRows,
    processed: batch.nextRow,
    created: batch.created,
    existing: batch.existing,
    failed: batch.failed,
  })
  return batchView(batch)
}
