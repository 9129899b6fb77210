// A month's statistics cells, summed from its `case_stats` contributions by a resumable paged pass (pages of
// ≤ 100, the running sum, the part and the cursor saved after each page in `stats_months/<month>`), so a month of
// any size is summed over as many runs as it takes and no call scans more than its budget allows. The pass reads
// two ranges, each one index range: the month's own contributions (the `month` index), then those of earlier
// months whose overdue day falls in it (the `overdueMonth` index; shared/stats/case-facts.ts).
// A finished pass replaces the month's cells; the next refresh starts a new pass. Two overlapping passes: the one
// that loses the version check stops.
import type { LocalDate } from '../../../shared/time'
import { localDateOf, startOfLocalDate, toShanghaiIso } from '../../../shared/time'
import { foldContribution, type Cells, type MonthPart } from '../../../shared/stats'
import { COLLECTIONS } from '../collections'
import { getMany } from '../db/get-many'
import {
  MAX_PAGE_SIZE,
  VersionConflictError,
  type DocStore,
  type Page,
  type Runtime,
  type WithId,
} from '../ports'
import { DEFAULT_BUDGET_MS, roomForPage, type PagedJobOptions, type PagedJobOutcome } from '../paged-job'
import type { CaseStatDoc } from './case-stats'
import { firstDayOf, nextMonth } from '../../../shared/months'

export interface MonthDoc {
  month: string
  /** The cells of the last finished pass; null before the first. */
  cells: Cells | null
  /** When the last finished pass started (its contributions are those stored by then) and the day it counted overdue to. */
  passStartedAt: string | null
  asOf: LocalDate | null
  contributions: number
  /** A pass under way. */
  pass: {
    startedAt: string
    asOf: LocalDate
    /** The range being read (absent on a pass stored before there were two: its own contributions). */
    part?: MonthPart
    cursor: string | null
    cells: Cells
    contributions: number
  } | null
}

export const monthDocId = (month: string) => `month-${month}`

/**
 * When a pass over a finished month must have begun for its cells to hold every contribution of the month: after
 * the month ended, and after the cases stored before statistics were given theirs (`casesDoneAt`, backfill.ts).
 * The monthly report is built only from such a pass, and so are the published figures (analysis/monthly-figures.ts).
 */
export function settledSince(month: string, casesDoneAt: string): string {
  const monthEnded = toShanghaiIso(startOfLocalDate(firstDayOf(nextMonth(month))))
  return Date.parse(casesDoneAt) > Date.parse(monthEnded) ? casesDoneAt : monthEnded
}

/** Whether a pass begun at `startedAt` began at or after `since`. */
export const begunSince = (startedAt: string | null, since: string): boolean =>
  startedAt !== null && Date.parse(startedAt) >= Date.parse(since)

/** The page after `after` of a month's own contributions (the `month` index) or of those overdue in it from earlier. */
function contributionsPage(
  db: DocStore,
  month: string,
  part: MonthPart,
  after: string | null,
  limit: number,
): Promise<Page<WithId<CaseStatDoc>>> {
  const filter = part === 'month' ? { month } : { overdueMonth: month }
  return db.find<CaseStatDoc>(COLLECTIONS.caseStats, { filter, limit, after })
}

const PARTS: readonly MonthPart[] = ['month', 'overdue']

/**
 * A month's cells summed in one go, page by page, storing nothing: for the operator CLI, which reads a local
 * store outside any function's time limit (the functions use the resumable pass below).
 */
export async function sumMonth(
  db: DocStore,
  month: string,
  asOf: LocalDate,
): Promise<{ cells: Cells; contributions: number }> {
  const cells: Cells = {}
  let contributions = 0
  for (const part of PARTS) {
    let after: string | null = null
    do {
      const page = await contributionsPage(db, month, part, after, MAX_PAGE_SIZE)
      for (const c of page.items) foldContribution(cells, c, asOf, part)
      contributions += page.items.length
      after = page.next
    } while (after)
  }
  return { cells, contributions }
}

async function loadOrCreate(runtime: Runtime, month: string): Promise<WithId<MonthDoc>> {
  const id = monthDocId(month)
  const found = await runtime.db.get<MonthDoc>(COLLECTIONS.statsMonths, id)
  if (found) return found
  const fresh: MonthDoc = {
    month,
    cells: null,
    passStartedAt: null,
    asOf: null,
    contributions: 0,
    pass: null,
  }
  await runtime.db.insert<MonthDoc>(COLLECTIONS.statsMonths, { _id: id, ...fresh }).catch(() => undefined)
  return (await runtime.db.get<MonthDoc>(COLLECTIONS.statsMonths, id))!
}

export interface RefreshResult extends PagedJobOutcome {
  month: string
  /** The month's document as this call left it (null: another run owns the pass). */
  doc: WithId<MonthDoc> | null
  /** Contributions read by this call. */
  read: number
}

/**
 * Works on the month's pass until it finishes or the budget has no room for another page (paged-job.ts's rule).
 * With `freshSince`, only a pass begun at or after that instant counts: a finished one begun before it is not
 * fresh and one under way is dropped, and a new pass is started (it sees every contribution stored by then).
 */
export async function refreshMonth(
  runtime: Runtime,
  month: string,
  options: PagedJobOptions & { freshSince?: string } = {},
): Promise<RefreshResult> {
  const started = Date.now()
  const elapsed = options.elapsedMs ?? (() => Date.now() - started)
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS
  const limit = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE)
  const since = options.freshSince
  const fresh = (at: string | null) => since !== undefined && begunSince(at, since)
  const result: RefreshResult = {
    month,
    complete: false,
    busy: false,
    pages: 0,
    slowestPageMs: 0,
    read: 0,
    doc: await loadOrCreate(runtime, month),
  }
  // Another run owns the pass: it lost a version check.
  const busy = (): RefreshResult => ({ ...result, busy: true, doc: null })
  let doc = result.doc!
  if (!doc.pass || (since !== undefined && !fresh(doc.pass.startedAt))) {
    if (!doc.pass && fresh(doc.passStartedAt)) return { ...result, complete: true }
    const now = runtime.clock.now()
    const pass = {
      startedAt: toShanghaiIso(now),
      asOf: localDateOf(now),
      part: 'month' as const,
      cursor: null,
      cells: {},
      contributions: 0,
    }
    const saved = await save(runtime, doc, { pass })
    if (!saved) return busy()
    doc = saved
  }
  for (;;) {
    const pageStarted = elapsed()
    if (!roomForPage(budgetMs - pageStarted, result.slowestPageMs)) return { ...result, doc }
    const pass = doc.pass!
    const part = pass.part ?? 'month'
    const page = await contributionsPage(runtime.db, month, part, pass.cursor, limit)
    const cells = { ...pass.cells }
    for (const contribution of page.items) foldContribution(cells, contribution, pass.asOf, part)
    const contributions = pass.contributions + page.items.length
    const finished = !page.next && part === 'overdue'
    const patch: Partial<MonthDoc> = finished
      ? { cells, contributions, passStartedAt: pass.startedAt, asOf: pass.asOf, pass: null }
      : {
          pass: page.next
            ? { ...pass, part, cursor: page.next, cells, contributions }
            : { ...pass, part: 'overdue', cursor: null, cells, contributions },
        }
    const saved = await save(runtime, doc, patch)
    result.pages++
    result.read += page.items.length
    result.slowestPageMs = Math.max(result.slowestPageMs, elapsed() - pageStarted)
    if (!saved) return busy()
    doc = saved
    if (finished) return { ...result, complete: true, doc }
  }
}

async function save(
  runtime: Runtime,
  doc: WithId<MonthDoc>,
  patch: Partial<MonthDoc>,
): Promise<WithId<MonthDoc> | null> {
  try {
    await runtime.db.update<MonthDoc>(COLLECTIONS.statsMonths, doc._id, patch, doc._version)
    return { ...doc, ...patch, _version: doc._version + 1 }
  } catch (error) {
    // Another run is summing this month: it owns the pass.
    if (error instanceof VersionConflictError) return null
    throw error
  }
}

/** The stored cells of several months (one read), and which months have none yet. */
export async function monthCells(
  runtime: Runtime,
  months: readonly string[],
): Promise<{ cells: Map<string, WithId<MonthDoc>>; pending: string[] }> {
  const docs = await getMany<MonthDoc>(runtime.db, COLLECTIONS.statsMonths, months.map(monthDocId))
  const cells = new Map<string, WithId<MonthDoc>>()
  const pending: string[] = []
  for (const month of months) {
    const doc = docs.get(monthDocId(month))
    if (doc?.cells) cells.set(month, doc)
    else pending.push(month)
  }
  return { cells, pending }
}
