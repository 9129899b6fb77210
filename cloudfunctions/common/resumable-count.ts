// Counting over an indexed query of any size within a function's time budget: pages of ≤ 100 by keyset cursor,
// each folded into a running state, and the state saved WITH the cursor in one versioned write to `jobs/<id>`
// after every page — so every document is folded exactly once however often the count is cut short and resumed,
// and two overlapping runs cannot both count a page (the one that loses the version check stops). Used for the
// quarter's tally (hotspots, entities, repeat actions: analysis/quarterly.ts); a count stays done once done (a
// quarter still running is counted under a new id each day: quarter-tally-<quarter>@<date>).
// A page starts under the paged jobs' budget rule (`roomForPage`: room for twice the slowest page); what a run
// did — documents, pages, the slowest page, counts lost to another run — is added to a `CountMeter` when one is
// passed, for the timer's report (timers/publications.ts; the months' statistics passes that the figures adapter
// runs add theirs to the same meter).
import { toShanghaiIso } from '../../shared/time'
import { COLLECTIONS } from './collections'
import { roomForPage } from './paged-job'
import {
  DuplicateKeyError,
  MAX_PAGE_SIZE,
  VersionConflictError,
  type Page,
  type Runtime,
  type WithId,
} from './ports'

interface CountJobDoc<S> {
  kind: 'count'
  cursor: string | null
  state: S
  /** Documents folded so far. */
  counted: number
  done: boolean
  startedAt: string
  updatedAt: string
}

export type CountResult<S> = { done: true; state: S; counted: number } | { done: false; counted: number }

/** What the counts of one run did, added up over the counts it ran (a PagedJobReport's figures). */
export interface CountMeter {
  /** Documents folded by this run. */
  examined: number
  pages: number
  /** The slowest page of the run so far (ms): the budget rule of the next page reads it too. */
  slowestPageMs: number
  /** Counts stopped because another run had counted the same page (it goes on from the stored cursor). */
  conflicts: number
}

export const emptyMeter = (): CountMeter => ({ examined: 0, pages: 0, slowestPageMs: 0, conflicts: 0 })

export interface CountOptions {
  /** Start no page that might not end within this long (default 20 s; `roomForPage`). */
  budgetMs?: number
  /** Time source for the budget: ms since the budget started (tests pass a fake). */
  elapsedMs?: () => number
  pageSize?: number
  /** Where this run's pages are added up (the timer's report); a fresh one when absent. */
  meter?: CountMeter
}

export async function runResumableCount<T, S>(
  runtime: Runtime,
  jobId: string,
  spec: {
    initial: () => S
    fetch: (page: { limit: number; after: string | null }) => Promise<Page<T>>
    fold: (state: S, item: T) => S
  },
  options: CountOptions = {},
): Promise<CountResult<S>> {
  const started = Date.now()
  const elapsed = options.elapsedMs ?? (() => Date.now() - started)
  const budgetMs = options.budgetMs ?? 20_000
  const limit = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE)
  const meter = options.meter ?? emptyMeter()

  let job = await runtime.db.get<CountJobDoc<S>>(COLLECTIONS.jobs, jobId)
  if (!job) {
    const now = toShanghaiIso(runtime.clock.now())
    try {
      await runtime.db.insert<CountJobDoc<S>>(COLLECTIONS.jobs, {
        _id: jobId,
        kind: 'count',
        cursor: null,
        state: spec.initial(),
        counted: 0,
        done: false,
        startedAt: now,
        updatedAt: now,
      })
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error // another run started it first
    }
    job = await runtime.db.get<CountJobDoc<S>>(COLLECTIONS.jobs, jobId)
    if (!job) return { done: false, counted: 0 }
  }
  let current: WithId<CountJobDoc<S>> = job
  while (!current.done) {
    const pageStarted = elapsed()
    if (!roomForPage(budgetMs - pageStarted, meter.slowestPageMs)) break
    const page = await spec.fetch({ limit, after: current.cursor })
    let state = current.state
    for (const item of page.items) state = spec.fold(state, item)
    const patch = {
      cursor: page.next,
      state,
      counted: current.counted + page.items.length,
      done: page.next === null,
      updatedAt: toShanghaiIso(runtime.clock.now()),
    }
    try {
      await runtime.db.update<CountJobDoc<S>>(COLLECTIONS.jobs, jobId, patch, current._version)
    } catch (error) {
      // Another run counted this page meanwhile: this run stops; the count goes on from the stored cursor.
      if (error instanceof VersionConflictError) {
        meter.conflicts++
        return { done: false, counted: current.counted }
      }
      throw error
    }
    current = { ...current, ...patch, _version: current._version + 1 }
    meter.examined += page.items.length
    meter.pages++
    meter.slowestPageMs = Math.max(meter.slowestPageMs, elapsed() - pageStarted)
  }
  return current.done
    ? { done: true, state: current.state, counted: current.counted }
    : { done: false, counted: current.counted }
}
