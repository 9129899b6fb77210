// A timer job over an indexed query of any size (the deadline sweep, the removal of unattached uploads, the
// statistics backfill; a month's statistics pass, stats/months.ts, keeps its own state but the same budget): pages
// of ≤ 100 by keyset cursor, with the cursor kept in `jobs/<id>` so the next run — a follow-up or the next
// trigger — resumes where this one stopped. A new Shanghai day starts a new pass (today's query includes
// everything the unfinished pass had not reached), and so does the run after a pass that completed.
//
// Budget: a run starts a page only while what is left of its budget is at least twice its slowest page so far
// (fetch, work and saving the cursor), so a page up to twice as slow as any seen still ends inside the budget;
// the first page always starts. The budget is well inside the function timeout (timers/handlers.ts).
//
// One run at a time: a run claims the job with a lease in `jobs/<id>` (a versioned write) and gives it back when
// it stops; a run that finds the lease held does nothing (`busy`). A run that died keeps the lease until it
// expires — its budget plus LEASE_GRACE_MS, longer than any run can live — and the next run takes over from
// its last saved cursor. Every page's cursor is saved at the version the run holds, so a run whose lease was
// taken over stops at its next page. The work itself must still be idempotent: a run can die between the work
// on an item and saving the cursor past it.
import { randomUUID } from 'node:crypto'
import { localDateOf, toShanghaiIso } from '../../shared/time'
import { COLLECTIONS } from './collections'
import {
  DuplicateKeyError,
  MAX_PAGE_SIZE,
  VersionConflictError,
  type Page,
  type Runtime,
  type WithId,
} from './ports'

interface JobLease {
  /** The run holding the job. */
  runId: string
  /** When the claim lapses if the run has not given it back (Shanghai ISO time). */
  until: string
}

interface JobDoc {
  /** The Shanghai date the current pass started; a new day starts a new pass. */
  sweepDate: string
  cursor: string | null
  updatedAt: string
  /** The run working on the job; null (or absent in documents written before leases) when none. */
  lease?: JobLease | null
}

export interface PagedJobOptions {
  /** Start no page after this long, nor one that might not end within it (the function timeout is ~60 s). */
  budgetMs?: number
  pageSize?: number
  /** Time source for the budget (tests pass a fake). */
  elapsedMs?: () => number
}

export interface PagedJobOutcome {
  /** The query was worked through to its end. */
  complete: boolean
  /** Another run held the job (or took it over): this run did nothing more. */
  busy: boolean
  pages: number
  /** The slowest page of this run (ms): fetch, work and saving the cursor. */
  slowestPageMs: number
}

export const DEFAULT_BUDGET_MS = 40_000
/** How long past its budget a run's lease holds: more than the longest any run can live (the 60 s timeout). */
export const LEASE_GRACE_MS = 60_000

/**
 * One budget for several paged jobs of a run (a timer job made of two queries): the same clock and the same
 * deadline for each, so the second starts only with what the first left.
 */
export function sharedBudget(options: PagedJobOptions): PagedJobOptions {
  const started = Date.now()
  return {
    ...options,
    elapsedMs: options.elapsedMs ?? (() => Date.now() - started),
    budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS,
  }
}

/** What several paged jobs of one run did together: complete only when each is, busy when any was. */
export function combinedOutcome(...outcomes: readonly PagedJobOutcome[]): PagedJobOutcome {
  return {
    complete: outcomes.every((o) => o.complete),
    busy: outcomes.some((o) => o.busy),
    pages: outcomes.reduce((sum, o) => sum + o.pages, 0),
    slowestPageMs: Math.max(0, ...outcomes.map((o) => o.slowestPageMs)),
  }
}

/** The budget rule of every paged pass: another page only while what is left is at least twice the slowest yet. */
export function roomForPage(leftMs: number, slowestPageMs: number): boolean {
  return leftMs > 0 && leftMs >= 2 * slowestPageMs
}

/**
 * Runs `work` on every item of `fetch`'s pages until the query is exhausted (`complete`), the budget has no room
 * for another page, or another run holds the job (`busy`). `work` handles its own errors: one item never stops
 * the job.
 */
export async function runPagedJob<T>(
  runtime: Runtime,
  jobId: string,
  options: PagedJobOptions,
  fetch: (page: { limit: number; after: string | null }) => Promise<Page<T>>,
  work: (item: T) => Promise<void>,
): Promise<PagedJobOutcome> {
  const started = Date.now()
  const elapsed = options.elapsedMs ?? (() => Date.now() - started)
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS
  const limit = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE)
  const today = localDateOf(runtime.clock.now())
  const outcome: PagedJobOutcome = { complete: false, busy: false, pages: 0, slowestPageMs: 0 }

  let job = await claim(runtime, jobId, today, budgetMs)
  if (!job) return { ...outcome, busy: true }
  let cursor = job.sweepDate === today ? job.cursor : null
  try {
    for (;;) {
      const pageStarted = elapsed()
      if (!roomForPage(budgetMs - pageStarted, outcome.slowestPageMs)) return outcome
      const page = await fetch({ limit, after: cursor })
      for (const item of page.items) await work(item)
      cursor = page.next
      job = await save(runtime, job, { sweepDate: today, cursor })
      outcome.pages++
      outcome.slowestPageMs = Math.max(outcome.slowestPageMs, elapsed() - pageStarted)
      if (!job) return { ...outcome, busy: true }
      if (!cursor) return { ...outcome, complete: true }
    }
  } finally {
    if (job) await save(runtime, job, { lease: null }).catch(() => undefined)
  }
}

function leaseHeld(job: JobDoc, now: Date): boolean {
  return !!job.lease && Date.parse(job.lease.until) > now.getTime()
}

/** Claims the job for this run: its document at the version now held, or null when another run holds it. */
async function claim(
  runtime: Runtime,
  jobId: string,
  today: string,
  budgetMs: number,
): Promise<WithId<JobDoc> | null> {
  const now = runtime.clock.now()
  const lease: JobLease = {
    runId: randomUUID(),
    until: toShanghaiIso(new Date(now.getTime() + budgetMs + LEASE_GRACE_MS)),
  }
  const job = await runtime.db.get<JobDoc>(COLLECTIONS.jobs, jobId)
  if (!job) {
    const fresh: JobDoc = { sweepDate: today, cursor: null, updatedAt: toShanghaiIso(now), lease }
    try {
      await runtime.db.insert<JobDoc>(COLLECTIONS.jobs, { ...fresh, _id: jobId })
      return { ...fresh, _id: jobId, _version: 1 }
    } catch (error) {
      if (error instanceof DuplicateKeyError) return null // another run created it first, and holds it
      throw error
    }
  }
  if (leaseHeld(job, now)) return null
  return save(runtime, job, { lease })
}

/** Writes `patch` at the version the run holds; null when another run changed the job meanwhile. */
async function save(
  runtime: Runtime,
  job: WithId<JobDoc>,
  patch: Partial<JobDoc>,
): Promise<WithId<JobDoc> | null> {
  const next = { ...patch, updatedAt: toShanghaiIso(runtime.clock.now()) }
  try {
    await runtime.db.update<JobDoc>(COLLECTIONS.jobs, job._id, next, job._version)
    return { ...job, ...next, _version: job._version + 1 }
  } catch (error) {
    if (error instanceof VersionConflictError) return null
    throw error
  }
}
