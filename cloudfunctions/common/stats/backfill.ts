// Cases stored before statistics existed have no contributions and no desk fields. This job gives them theirs,
// once, before the monthly report sums a month (monthly-report.ts runs it first):
//   1. the cases: a paged job (paged-job.ts) over the indexed query `statMonths = null` — the cases no write with
//      statistics has touched (every such write stores `statMonths`, an empty list included) — ≤ 100 a page,
//      within the run's budget, resumed by the next run. Each case is written in a transaction that reads it
//      again, so one an action wrote meanwhile (with its statistics) is left alone: a case gets its
//      contributions once however many runs look at it, and a month's sum counts it once (contributions are
//      stored per case and month). The months written to are added to the job's record in the same transaction.
//   2. the months: each month the cases were given contributions in is summed afresh (months.ts) by a pass begun
//      after the cases were done — cells summed before then lack the old cases — with what is left of the budget.
// The record (`jobs/stats-backfill-record`) says when the cases were done and which months are summed since; once
// a pass found no case left (none failed) and every month is summed it is marked done: a run then costs one read.
import type { CaseDoc } from '../../../shared/cases/case-doc'
import { toShanghaiIso } from '../../../shared/time'
import { calendarFor } from '../calendar'
import { COLLECTIONS } from '../collections'
import { DEFAULT_BUDGET_MS, runPagedJob, type PagedJobOptions, type PagedJobOutcome } from '../paged-job'
import type { FindOptions, Runtime, Tx } from '../ports'
import {
  hasCaseStats,
  monthsSummedWith,
  newCaseExtras,
  writeCaseStatsInTx,
  type CaseStatFields,
} from './case-stats'
import { refreshMonth } from './months'

/** The paged job's cursor (paged-job.ts). */
const BACKFILL_JOB_ID = 'stats-backfill'
/** What the backfill has done. */
export const BACKFILL_RECORD_ID = 'stats-backfill-record'

export interface BackfillRecord {
  /** Months the backfill gave contributions to. */
  months: string[]
  /** When a pass over the cases without statistics last ended having written some (or, the first time, any). */
  casesDoneAt: string | null
  /** Cases that pass could not write (retried by the next run's pass). */
  casesFailed: number
  /** Months summed by a pass begun at or after `casesDoneAt`. */
  summed: string[]
  /** Every case has its statistics and every month is summed: nothing is left to do. */
  done: boolean
  updatedAt: string
}

/** A run of step 1 (`complete`: its pass over the cases reached the end of the query, or none was needed). */
export interface BackfillRun extends PagedJobOutcome {
  /** The record's `done` after this run. */
  done: boolean
  /** When every case had been given its contributions (null: not yet; the monthly report waits for it). */
  casesDoneAt: string | null
  /** Cases without statistics looked at in this run, written, and failed. */
  examined: number
  written: number
  failures: number
}

/** A run of step 2 (`complete`: every month the backfill wrote to is summed since). */
export interface BackfillMonthsRun extends PagedJobOutcome {
  done: boolean
  /** Contributions read. */
  read: number
}

/** A page of the cases no write with statistics has touched, keys only (each is read again in its transaction). */
export const casesWithoutStatsQuery = (page: { limit: number; after: string | null }): FindOptions => ({
  filter: { statMonths: null },
  orderBy: [['_id', 'asc']],
  fields: [],
  ...page,
})

const EMPTY: Omit<BackfillRecord, 'updatedAt'> = {
  months: [],
  casesDoneAt: null,
  casesFailed: 0,
  summed: [],
  done: false,
}

async function readRecord(runtime: Runtime): Promise<BackfillRecord> {
  const found = await runtime.db.get<BackfillRecord>(COLLECTIONS.jobs, BACKFILL_RECORD_ID)
  return found ?? { ...EMPTY, updatedAt: '' }
}

/**
 * When every case stored before statistics had been given its contributions (null: not yet — the timers' monthly
 * report job does it first): a finished month is summed for good only by a pass begun after it (months.ts
 * `settledSince`). One read.
 */
export async function backfillCasesDoneAt(runtime: Runtime): Promise<string | null> {
  return (await readRecord(runtime)).casesDoneAt
}

/** Changes the record in `tx` (created on first use). */
async function changeRecordInTx(
  tx: Tx,
  now: Date,
  change: (record: BackfillRecord) => Partial<BackfillRecord>,
): Promise<BackfillRecord> {
  const updatedAt = toShanghaiIso(now)
  const found = await tx.get<BackfillRecord>(COLLECTIONS.jobs, BACKFILL_RECORD_ID)
  if (!found) {
    const fresh = { ...EMPTY, updatedAt }
    const next = { ...fresh, ...change(fresh), updatedAt }
    await tx.insert<BackfillRecord>(COLLECTIONS.jobs, { _id: BACKFILL_RECORD_ID, ...next })
    return next
  }
  const patch = { ...change(found), updatedAt }
  await tx.update<BackfillRecord>(COLLECTIONS.jobs, BACKFILL_RECORD_ID, patch, found._version)
  return { ...found, ...patch }
}

const changeRecord = (runtime: Runtime, change: (record: BackfillRecord) => Partial<BackfillRecord>) =>
  runtime.db.transaction((tx) => changeRecordInTx(tx, runtime.clock.now(), change))

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort()

/** The cases: gives every case without statistics its contributions and desk fields (step 1). */
export async function backfillCaseStats(
  runtime: Runtime,
  options: PagedJobOptions = {},
): Promise<BackfillRun> {
  const record = await readRecord(runtime)
  const run: BackfillRun = {
    done: record.done,
    casesDoneAt: record.casesDoneAt,
    examined: 0,
    written: 0,
    failures: 0,
    complete: true,
    busy: false,
    pages: 0,
    slowestPageMs: 0,
  }
  // Every case had its contributions at the end of a pass (and every write since stores them): only months left.
  if (record.done || (record.casesDoneAt !== null && record.casesFailed === 0)) return run
  const calendar = await calendarFor(runtime)
  const known = new Set(record.months)
  const outcome = await runPagedJob(
    runtime,
    BACKFILL_JOB_ID,
    options,
    (page) => runtime.db.find<object>(COLLECTIONS.cases, casesWithoutStatsQuery(page)),
    async ({ _id: caseId }) => {
      run.examined++
      try {
        const months = await runtime.db.transaction(async (tx) => {
          const doc = await tx.get<CaseDoc>(COLLECTIONS.cases, caseId)
          // Written meanwhile by an action, which stored its statistics with it.
          if (!doc || hasCaseStats(doc)) return null
          const extras = newCaseExtras(caseId, doc, calendar, runtime.clock.now())
          const months = monthsSummedWith(extras)
          if (months.some((m) => !known.has(m))) {
            await changeRecordInTx(tx, runtime.clock.now(), (r) => ({ months: union(r.months, months) }))
          }
          await tx.update<CaseDoc & CaseStatFields>(COLLECTIONS.cases, caseId, extras.patch, doc._version)
          await writeCaseStatsInTx(tx, extras)
          return months
        })
        if (months) {
          run.written++
          for (const m of months) known.add(m)
        }
      } catch (error) {
        run.failures++
        runtime.log.error('stats backfill: case failed', { caseId, error: String(error) })
      }
    },
  )
  Object.assign(run, outcome)
  if (outcome.complete) {
    const at = toShanghaiIso(runtime.clock.now())
    const after = await changeRecord(runtime, (r) => ({
      // Months summed before these cases were written lack them: summed again.
      ...(run.written > 0 || r.casesDoneAt === null ? { casesDoneAt: at, summed: [] } : {}),
      casesFailed: run.failures,
    }))
    run.casesDoneAt = after.casesDoneAt
  }
  if (run.written > 0 || run.failures > 0) runtime.log.info('stats backfill', { ...run })
  return run
}

/**
 * The months: sums afresh, within the budget, each month the cases were given contributions in (step 2), once
 * the cases are done; marks the backfill done when no case and no month is left.
 */
export async function sumBackfilledMonths(
  runtime: Runtime,
  options: PagedJobOptions = {},
): Promise<BackfillMonthsRun> {
  const started = Date.now()
  const elapsed = options.elapsedMs ?? (() => Date.now() - started)
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS
  const record = await readRecord(runtime)
  const run: BackfillMonthsRun = {
    done: record.done,
    complete: record.done,
    busy: false,
    pages: 0,
    slowestPageMs: 0,
    read: 0,
  }
  if (record.done || record.casesDoneAt === null) return run
  const freshSince = record.casesDoneAt
  for (const month of record.months) {
    if (record.summed.includes(month)) continue
    if (elapsed() >= budgetMs) return run
    const summed = await refreshMonth(runtime, month, {
      ...options,
      elapsedMs: elapsed,
      budgetMs,
      freshSince,
    })
    run.pages += summed.pages
    run.read += summed.read
    run.slowestPageMs = Math.max(run.slowestPageMs, summed.slowestPageMs)
    run.busy ||= summed.busy
    if (!summed.complete) return run
    // Only for the pass of cases it was summed after: a later pass that wrote cases starts the months over.
    await changeRecord(runtime, (r) =>
      r.casesDoneAt === freshSince ? { summed: union(r.summed, [month]) } : {},
    )
  }
  const after = await changeRecord(runtime, (r) => ({
    done: r.casesDoneAt === freshSince && r.casesFailed === 0 && r.months.every((m) => r.summed.includes(m)),
  }))
  if (after.done) runtime.log.info('stats backfill done', { months: after.months.length })
  return { ...run, done: after.done, complete: after.months.every((m) => after.summed.includes(m)) }
}
