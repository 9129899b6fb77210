// The deadline sweep in the benchmark: a real run on the due backlog of a store copy (cases per second, each
// page's query and whole time, DocStore calls per case), then the page query at depth — the first 0 / 50 / 90%
// of what is still due done, and the page after them read with the sweep's cursor — twice: with the done cases
// still in the due range (what a sweep that left them there, or a read-only walk, would meet) and with them
// moved past today, as the sweep leaves every case it looks at (cloudfunctions/timers/sweep.ts).
//
// `tieBacklog` turns a store copy into the worst case for keyset paging: every case given the same past
// `nextCheckOn` (an import that dated a whole register alike), so the whole store is one tie group.
import Database from 'better-sqlite3'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { observeDocStore, type DocStoreCall } from '../cloudfunctions/common/db/observed'
import { encodeCursor } from '../cloudfunctions/common/db/query'
import type { FindOptions, OrderBy } from '../cloudfunctions/common/ports'
import { runDeadlineSweep } from '../cloudfunctions/timers/sweep'
import { RUN_BUDGET_MS } from '../cloudfunctions/timers/handlers'
import type { LocalRuntime } from '../local/runtime'
import { fmtMs, summarise, table, timeCalls } from './measure'

const ORDER: OrderBy = [['nextCheckOn', 'asc']]
const NEXT_CHECK = `json_extract(doc, '$.nextCheckOn')`
/** The date the tied backlog shares (before the bench's today, 2026-11-20). */
export const TIED_DATE = '2026-11-02'
const DEPTHS = [0, 0.5, 0.9]

function pageQuery(today: string, after: string | null): FindOptions {
  return { filter: { nextCheckOn: { $lte: today } }, orderBy: ORDER, limit: 100, after }
}

function sqliteOf(runtime: LocalRuntime): Database.Database {
  return new Database(path.join(runtime.dataDir, 'greenwhistle.sqlite'))
}

/** Gives every case of the store copy the same past `nextCheckOn`, in transactions of 50,000. */
export function tieBacklog(runtime: LocalRuntime): number {
  const db = sqliteOf(runtime)
  try {
    const ids = db.prepare('SELECT id FROM docs_cases').pluck().all() as string[]
    const update = db.prepare(`UPDATE docs_cases SET doc = jsonb_set(doc, '$.nextCheckOn', ?) WHERE id = ?`)
    for (let i = 0; i < ids.length; i += 50_000) {
      db.transaction(() => {
        for (const id of ids.slice(i, i + 50_000)) update.run(TIED_DATE, id)
      })()
    }
    return ids.length
  } finally {
    db.close()
  }
}

/** The due case at `offset` in the sweep's order (nextCheckOn, _id): read from the index alone. */
function dueAt(db: Database.Database, today: string, offset: number): { _id: string; nextCheckOn: string } {
  const row = db
    .prepare(
      `SELECT id, ${NEXT_CHECK} AS v FROM docs_cases WHERE ${NEXT_CHECK} <= ? ORDER BY ${NEXT_CHECK}, id LIMIT 1 OFFSET ?`,
    )
    .get(today, offset) as { id: string; v: string }
  return { _id: row.id, nextCheckOn: row.v }
}

/** Moves the first `n` due cases past today, as the sweep leaves the cases it has looked at. */
function markDone(db: Database.Database, today: string, after: string, n: number): void {
  const move = db.prepare(
    `UPDATE docs_cases SET doc = jsonb_set(doc, '$.nextCheckOn', ?) WHERE id IN (SELECT id FROM docs_cases WHERE ${NEXT_CHECK} <= ? ORDER BY ${NEXT_CHECK}, id LIMIT ?)`,
  )
  for (let left = n; left > 0; left -= 50_000) move.run(after, today, Math.min(left, 50_000))
}

function describeCalls(calls: readonly DocStoreCall[], per: number): string {
  const byOp = new Map<string, number>()
  for (const c of calls) {
    const key = c.inTransaction ? `tx.${c.op}` : c.op
    byOp.set(key, (byOp.get(key) ?? 0) + 1)
  }
  const detail = [...byOp].map(([op, n]) => `${op} ${(n / per).toFixed(1)}`).join(', ')
  return `${(calls.length / per).toFixed(1)} (${detail})`
}

function hours(seconds: number): string {
  return seconds >= 3600 ? `${(seconds / 3600).toFixed(1)} h` : `${Math.round(seconds / 60)} min`
}

export async function benchSweep(
  runtime: LocalRuntime,
  label: string,
  today: string,
  sweepSeconds: number,
): Promise<void> {
  const due = await runtime.db.count('cases', { nextCheckOn: { $lte: today } })
  console.log(`\nDeadline sweep — ${label}: ${due.toLocaleString()} cases due by ${today}`)

  // A real run, as the hourly timer runs it (with a shorter budget): every page's query and whole time.
  const queries: number[] = []
  const starts: number[] = []
  const calls: DocStoreCall[] = []
  const base = runtime.db
  runtime.db = observeDocStore(
    base,
    (c) => {
      calls.push(c)
      if (c.op === 'find' && c.collection === 'cases' && c.options?.filter?.nextCheckOn !== undefined)
        starts.push(performance.now())
    },
    (c, ms) => {
      if (c.op === 'find' && c.collection === 'cases' && c.options?.filter?.nextCheckOn !== undefined)
        queries.push(ms)
    },
  )
  const started = performance.now()
  let report
  try {
    report = await runDeadlineSweep(runtime, { budgetMs: sweepSeconds * 1000 })
  } finally {
    runtime.db = base
  }
  const ended = performance.now()
  const seconds = (ended - started) / 1000
  const perSecond = report.examined / seconds
  const pageTimes = starts.map((t, i) => (starts[i + 1] ?? ended) - t)
  // Pages in run order go deeper into the backlog: the first, the ones halfway and nine tenths into the run.
  const at = (xs: readonly number[], share: number) => xs[Math.floor(share * (xs.length - 1))] ?? NaN
  const row = (name: string, xs: readonly number[]) => [
    name,
    ...[0, 0.5, 0.9].map((share) => fmtMs(at(xs, share))),
    fmtMs(summarise(xs).p50),
    fmtMs(summarise(xs).p95),
    fmtMs(Math.max(...xs)),
  ]
  console.log(
    `  run (${sweepSeconds} s budget): ${report.examined.toLocaleString()} cases in ${seconds.toFixed(1)} s = ` +
      `${perSecond.toFixed(0)} cases/s over ${report.pages} pages; reminders ${report.reminders}, 督办 ` +
      `${report.supervised}, deemed closed ${report.deemedClosed}, conflicts ${report.conflicts}, failures ` +
      `${report.failures}`,
  )
  const through = report.complete ? 'the whole backlog' : `${report.examined.toLocaleString()} cases`
  table([
    [`pages of 100 through ${through}`, 'first', 'halfway', '90% in', 'p50', 'p95', 'max'],
    row('page query', queries),
    row('whole page (query, work, cursor)', pageTimes),
  ])
  console.log(`  DocStore calls per case examined: ${describeCalls(calls, Math.max(1, report.examined))}`)
  if (perSecond > 0) {
    const runSeconds = RUN_BUDGET_MS / 1000
    const perRun = perSecond * runSeconds
    console.log(
      `  at this rate 1,000,000 due cases take ${hours(1e6 / perSecond)} of runs: ${Math.ceil(1e6 / perRun)} ` +
        `runs of ${runSeconds} s (hourly alone: ${(1e6 / perRun / 24).toFixed(1)} days; back to back with ` +
        `follow-up runs: ${hours((1e6 / perRun) * (runSeconds + 2))})`,
    )
  }

  // The page query at depth, on what is still due: done cases left in the range, then moved past today.
  const left = await runtime.db.count('cases', { nextCheckOn: { $lte: today } })
  if (left < 200) return
  const db = sqliteOf(runtime)
  try {
    const points = DEPTHS.map((share) => Math.min(left - 101, Math.floor(share * left)))
    const cursors = points.map((n) =>
      n === 0 ? null : encodeCursor({ ...dueAt(db, today, n - 1), _version: 1 }, ORDER),
    )
    // The whole page (100 documents read and parsed), and the same page reading only the sort key: the index
    // range alone, what ties would make grow, without the document reads that dominate (and vary with the cache).
    const measure = async (after: string | null) => [
      await timeCalls(20, () => base.find('cases', pageQuery(today, after))),
      await timeCalls(20, () => base.find('cases', { ...pageQuery(today, after), fields: ['nextCheckOn'] })),
    ]
    const stayed = []
    for (const after of cursors) stayed.push(await measure(after))
    const moved = []
    let done = 0
    for (const [k, after] of cursors.entries()) {
      markDone(db, today, '2026-11-21', points[k]! - done)
      done = points[k]!
      moved.push(await measure(after))
    }
    const cells = (ts: Array<Array<{ p50: number }>>, i: number) => ts.map((t) => fmtMs(t[i]!.p50))
    table([
      [`page after the first n of ${left.toLocaleString()} due (p50 of 20)`, ...points.map(String)],
      ['done cases still due (a read-only walk): page', ...cells(stayed, 0)],
      ['                                     keys only', ...cells(stayed, 1)],
      ['done cases moved past today (the sweep): page', ...cells(moved, 0)],
      ['                                     keys only', ...cells(moved, 1)],
    ])
  } finally {
    db.close()
  }
}
