// A timer job over an indexed query of any size (the deadline sweep, the removal of unattached uploads):
// pages of ≤ 100 by keyset cursor, stopping at a time budget well inside the function timeout, with the
// cursor kept in `jobs/<id>` so the next run resumes where this one stopped. A new Shanghai day starts over
// (today's query includes everything the unfinished run had not reached). Two overlapping runs: the one that
// loses the cursor's version check stops saving it; the work itself must be idempotent.
import { localDateOf, toShanghaiIso } from '../../shared/time'
import { COLLECTIONS } from './collections'
import { MAX_PAGE_SIZE, VersionConflictError, type Page, type Runtime, type WithId } from './ports'

export interface JobDoc {
  /** The Shanghai date the current pass started; a new day starts a new pass. */
  sweepDate: string
  cursor: string | null
  updatedAt: string
}

export interface PagedJobOptions {
  /** Stop starting new pages after this long (the function timeout is ~60 s; leave room). */
  budgetMs?: number
  pageSize?: number
  /** Time source for the budget (tests pass a fake). */
  elapsedMs?: () => number
}

/**
 * Runs `work` on every item of `fetch`'s pages until the query is exhausted (`complete`) or the budget is spent.
 * `work` handles its own errors: one item never stops the job.
 */
export async function runPagedJob<T>(
  runtime: Runtime,
  jobId: string,
  options: PagedJobOptions,
  fetch: (page: { limit: number; after: string | null }) => Promise<Page<T>>,
  work: (item: T) => Promise<void>,
): Promise<{ complete: boolean }> {
  const started = Date.now()
  const elapsed = options.elapsedMs ?? (() => Date.now() - started)
  const budgetMs = options.budgetMs ?? 40_000
  const limit = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE)
  const today = localDateOf(runtime.clock.now())

  let job = await runtime.db.get<JobDoc>(COLLECTIONS.jobs, jobId)
  if (!job) {
    await runtime.db
      .insert<JobDoc>(COLLECTIONS.jobs, {
        _id: jobId,
        sweepDate: today,
        cursor: null,
        updatedAt: toShanghaiIso(runtime.clock.now()),
      })
      .catch(() => undefined) // another run created it first
    job = await runtime.db.get<JobDoc>(COLLECTIONS.jobs, jobId)
  }
  let cursor = job && job.sweepDate === today ? job.cursor : null

  while (elapsed() < budgetMs) {
    const page = await fetch({ limit, after: cursor })
    for (const item of page.items) await work(item)
    cursor = page.next
    job = await saveCursor(runtime, jobId, job, today, cursor)
    if (!cursor) return { complete: true }
  }
  return { complete: false }
}

async function saveCursor(
  runtime: Runtime,
  jobId: string,
  job: WithId<JobDoc> | null,
  sweepDate: string,
  cursor: string | null,
): Promise<WithId<JobDoc> | null> {
  if (!job) return null
  const patch = { sweepDate, cursor, updatedAt: toShanghaiIso(runtime.clock.now()) }
  try {
    await runtime.db.update<JobDoc>(COLLECTIONS.jobs, jobId, patch, job._version)
    return { ...job, ...patch, _version: job._version + 1 }
  } catch (error) {
    // Two overlapping runs: the other one owns the cursor now; this one just stops saving it.
    if (error instanceof VersionConflictError) return null
    throw error
  }
}
