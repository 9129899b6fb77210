// `npm run bench [-- --cases N] [--rebuild] [--sweep-seconds S] [--tied] [--sweep-only]`: figures, printed, never
// asserted (tests assert behaviour, not timing).
//   - a realistic store of N cases (default 100,000; built once and cached: bench/realistic-store.ts), its size;
//   - reads side by side — the raw store call the function makes, the function through its action map, and
//     HTTP through the local gateway — with the DocStore calls each action makes: inbox page 1 and page 200
//     for an officer (one unit) and a supervisor (14 units), My reports, case detail;
//   - the multi-unit inbox's three possible strategies, at the store;
//   - submit throughput (one process, then two processes on the 2 cores), with statements prepared once or not;
//     the submit's wall time when every database and WeChat round trip takes 10 ms (bench/round-trips.ts);
//   - the deadline sweep (bench/sweep.ts): a real run on the due backlog — cases per second, page times, DocStore
//     calls per case — and the page query at depth; with --tied also on a copy where every case shares one
//     `nextCheckOn`; --sweep-only measures only the sweep;
//   - routing, deadline clocks, weapp package sizes.
// Everything runs on a temporary copy of the cached store, so the cache is never changed.
import { fork } from 'node:child_process'
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { AddressInfo } from 'node:net'
import { ControlledClock } from '../cloudfunctions/common/clock'
import { compareInOrder, encodeCursor } from '../cloudfunctions/common/db/query'
import { findAcross } from '../cloudfunctions/common/db/find-across'
import { getMany } from '../cloudfunctions/common/db/get-many'
import { observeDocStore, type DocStoreCall } from '../cloudfunctions/common/db/observed'
import { silentLogger } from '../cloudfunctions/common/log'
import type {
  DocStore,
  Filter,
  FindOptions,
  Page,
  Runtime,
  Scalar,
  WithId,
} from '../cloudfunctions/common/ports'
import { routerFor } from '../cloudfunctions/common/routing'
import { unitScopeOf, findStaffByOpenid } from '../cloudfunctions/common/staff-records'
import { FUNCTIONS } from '../cloudfunctions/registry'
import { SqliteDocStore } from '../local/adapters/sqlite-docstore'
import { loadBoundaries, loadDeployment, PROJECT_ROOT } from '../local/deployments'
import { buildGateway, DEV_OPENID_HEADER } from '../local/gateway'
import { createLocalRuntime, type LocalRuntime } from '../local/runtime'
import { createWorkingCalendar } from '../shared/calendar'
import { clockFactsFor, computeClocks } from '../shared/deadlines'
import { gcj02 } from '../shared/geo/coordinates'
import { getPolicyProfile } from '../shared/policy'
import { countFailure, fmtMs, fmtTiming, summarise, table, timeCalls } from './measure'
import { benchSweep, TIED_DATE, tieBacklog } from './sweep'
import {
  BENCH_NOW,
  buildWorld,
  cacheDirFor,
  citizenPool,
  openOrBuild,
  rng,
  samplePayload,
  type StoreMeta,
} from './realistic-store'
import { notifierWithRoundTrips, withRoundTrips } from './round-trips'
import type { WorkerReport } from './submit-worker'

interface Args {
  cases: number
  rebuild: boolean
  sweepSeconds: number
  tied: boolean
  sweepOnly: boolean
}

function parseArgs(argv: string[]): Args {
  const args: Args = { cases: 100_000, rebuild: false, sweepSeconds: 10, tied: false, sweepOnly: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const value = () => {
      const v = Number(argv[++i])
      if (!Number.isInteger(v) || v <= 0) throw new Error(`${arg} needs a positive whole number`)
      return v
    }
    if (arg === '--cases') args.cases = value()
    else if (arg === '--sweep-seconds') args.sweepSeconds = value()
    else if (arg === '--rebuild') args.rebuild = true
    else if (arg === '--tied') args.tied = true
    else if (arg === '--sweep-only') args.sweepOnly = true
    else
      throw new Error(
        `unknown argument ${arg} (use --cases N, --rebuild, --sweep-seconds S, --tied, --sweep-only)`,
      )
  }
  return args
}

const OFFICER = 'dev-officer'
const SUPERVISOR = 'dev-supervisor'
const INBOX_LIMIT = 20
const DEEP_PAGE = 200

/** A copy of the cached store to work on (copy-on-write where the file system can). */
function workCopy(source: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-'))
  mkdirSync(path.join(dir, 'files'))
  for (const file of ['greenwhistle.sqlite', 'secrets.json']) {
    copyFileSync(path.join(source, file), path.join(dir, file), constants.COPYFILE_FICLONE)
  }
  return dir
}

function openRuntime(dir: string): LocalRuntime {
  return createLocalRuntime({
    dataDir: dir,
    clock: new ControlledClock(BENCH_NOW),
    log: silentLogger,
    deployment: loadDeployment('jiaozuo'),
  })
}

type Call = (fn: string, action: string, payload: object, openid: string) => Promise<unknown>

/** The function through its action map (what the cloud entry and the gateway both call). */
function functionCaller(runtime: LocalRuntime): Call {
  return async (fn, action, payload, openid) => {
    const result = await FUNCTIONS[fn]!.handle({ action, payload }, { openid }, runtime)
    if (!result.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(result.error)}`)
    return result.data
  }
}

/** HTTP through the local gateway on a real port. */
async function httpCaller(runtime: LocalRuntime): Promise<{ call: Call; close: () => Promise<void> }> {
  const app = await buildGateway({ runtime, functions: FUNCTIONS })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const call: Call = async (fn, action, payload, openid) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [DEV_OPENID_HEADER]: openid },
      body: JSON.stringify({ action, payload }),
    })
    const body = (await res.json()) as { ok: boolean; data?: unknown; error?: unknown }
    if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`)
    return body.data
  }
  return { call, close: () => app.close() }
}

/** DocStore calls made by one run of `fn`, as "n (find 2, get 1)". */
async function countCalls(runtime: LocalRuntime, fn: () => Promise<unknown>): Promise<string> {
  const base = runtime.db
  const calls: DocStoreCall[] = []
  runtime.db = observeDocStore(base, (c) => calls.push(c))
  try {
    await fn()
  } finally {
    runtime.db = base
  }
  return describeCalls(calls, 1)
}

function describeCalls(calls: readonly DocStoreCall[], runs: number): string {
  const byOp = new Map<string, number>()
  for (const c of calls) {
    const key = c.inTransaction ? `tx.${c.op}` : c.op
    byOp.set(key, (byOp.get(key) ?? 0) + 1)
  }
  const per = (n: number) => (runs === 1 ? String(n) : (n / runs).toFixed(1))
  const detail = [...byOp].map(([op, n]) => `${op} ${per(n)}`).join(', ')
  return `${per(calls.length)} (${detail})`
}

// ---------- the inbox ----------

interface InboxQuery {
  label: string
  openid: string
  scope: 'open' | 'all'
}

function inboxOptions(scope: 'open' | 'all', after: string | null): FindOptions {
  const filter: Filter = { screening: 'passed' }
  if (scope === 'open') filter.open = true
  return { filter, orderBy: [['createdAt', 'desc']], limit: INBOX_LIMIT, after }
}

/** The cursor of page `page` (the `next` of page − 1), found by paging; null if there are fewer pages. */
async function cursorOfPage(
  db: DocStore,
  units: readonly string[],
  scope: 'open' | 'all',
  page: number,
): Promise<string | null> {
  let after: string | null = null
  for (let p = 1; p < page; p++) {
    const result: Page<WithId<object>> = await findAcross(
      db,
      'cases',
      'unitId',
      units,
      inboxOptions(scope, after),
    )
    if (!result.next) return null
    after = result.next
  }
  return after
}

/** Before (issue 11): one query per unit reading whole documents, merged here. */
async function perUnitWhole(db: DocStore, units: readonly Scalar[], options: FindOptions) {
  const pages = await Promise.all(
    units.map((u) => db.find(`cases`, { ...options, filter: { ...options.filter, unitId: u } })),
  )
  const all = pages.flatMap((p) => p.items).sort(compareInOrder(options.orderBy))
  const items = all.slice(0, options.limit)
  const more = all.length > options.limit || pages.some((p) => p.next !== null)
  return { items, next: more && items.length ? encodeCursor(items.at(-1)!, options.orderBy) : null }
}

/** Keys first: one projected query per unit (sort fields and _id only), merged, then the page by `_id $in`. */
async function keysFirst(db: DocStore, units: readonly Scalar[], options: FindOptions) {
  const pages = await Promise.all(
    units.map((u) =>
      db.find(`cases`, { ...options, fields: ['createdAt'], filter: { ...options.filter, unitId: u } }),
    ),
  )
  const keys = pages.flatMap((p) => p.items).sort(compareInOrder(options.orderBy))
  const shown = keys.slice(0, options.limit)
  const docs = await getMany(
    db,
    'cases',
    shown.map((k) => k._id),
  )
  const items = shown.map((k) => docs.get(k._id)!)
  const more = keys.length > options.limit || pages.some((p) => p.next !== null)
  return { items, next: more && items.length ? encodeCursor(items.at(-1)!, options.orderBy) : null }
}

async function benchReads(runtime: LocalRuntime, store: SqliteDocStore, meta: StoreMeta) {
  const db: DocStore = store
  const fnCall = functionCaller(runtime)
  const deployment = runtime.deployment
  const officer = (await findStaffByOpenid(db, OFFICER))!
  const supervisor = (await findStaffByOpenid(db, SUPERVISOR))!
  const scopes: Record<string, string[]> = {
    [OFFICER]: unitScopeOf(deployment.units, officer),
    [SUPERVISOR]: unitScopeOf(deployment.units, supervisor),
  }
  const rows: string[][] = [['p50 / p95', 'raw store call', 'function', 'HTTP (gateway)', 'DocStore calls']]
  const runs = 200
  const http = await httpCaller(runtime)
  try {
    const queries: InboxQuery[] = [
      { label: `officer (1 unit), open`, openid: OFFICER, scope: 'open' },
      { label: `officer (1 unit), all`, openid: OFFICER, scope: 'all' },
      { label: `supervisor (${scopes[SUPERVISOR]!.length} units), open`, openid: SUPERVISOR, scope: 'open' },
      { label: `supervisor (${scopes[SUPERVISOR]!.length} units), all`, openid: SUPERVISOR, scope: 'all' },
    ]
    for (const q of queries) {
      const units = scopes[q.openid]!
      for (const page of [1, DEEP_PAGE]) {
        const after = page === 1 ? null : await cursorOfPage(db, units, q.scope, page)
        const label = `inbox ${q.label}, page ${page}`
        if (page > 1 && !after) {
          rows.push([label, '(fewer pages)', '', '', ''])
          continue
        }
        const payload = { scope: q.scope, limit: INBOX_LIMIT, cursor: after }
        const raw = await timeCalls(runs, () =>
          findAcross(db, 'cases', 'unitId', units, inboxOptions(q.scope, after)),
        )
        const fn = await timeCalls(runs, () => fnCall('staff', 'inbox', payload, q.openid))
        const web = await timeCalls(runs, () => http.call('staff', 'inbox', payload, q.openid))
        const calls = await countCalls(runtime, () => fnCall('staff', 'inbox', payload, q.openid))
        rows.push([label, fmtTiming(raw), fmtTiming(fn), fmtTiming(web), calls])
      }
    }

    // My reports: the heaviest reporter of the generated world and a typical one.
    for (const [who, openid] of [
      ['heaviest reporter', 'bench-citizen-0'],
      ['typical reporter', `bench-citizen-${Math.round(citizenPool(meta.cases) / 4)}`],
    ] as const) {
      const mine = await db.count('follows', { openid })
      const raw = await timeCalls(runs, async () => {
        const page = await db.find<{ caseId: string }>('follows', {
          filter: { openid },
          orderBy: [['createdAt', 'desc']],
          limit: 20,
        })
        return getMany(
          db,
          'cases',
          page.items.map((f) => f.caseId),
        )
      })
      const fn = await timeCalls(runs, () => fnCall('cases', 'listMine', { limit: 20 }, openid))
      const web = await timeCalls(runs, () => http.call('cases', 'listMine', { limit: 20 }, openid))
      const calls = await countCalls(runtime, () => fnCall('cases', 'listMine', { limit: 20 }, openid))
      rows.push([
        `My reports, ${who} (${mine} follows), page 1`,
        fmtTiming(raw),
        fmtTiming(fn),
        fmtTiming(web),
        calls,
      ])
    }

    // Case detail: an open case of the officer's unit (staff), and the heaviest reporter's newest case (citizen).
    const staffCase = (
      await db.find<{ _id: string }>('cases', {
        filter: { unitId: scopes[OFFICER]![0]!, open: true },
        orderBy: [['createdAt', 'desc']],
        limit: 1,
      })
    ).items[0]!._id
    const raw = await timeCalls(runs * 2, () => db.get('cases', staffCase))
    const fn = await timeCalls(runs * 2, () => fnCall('staff', 'getCase', { caseId: staffCase }, OFFICER))
    const web = await timeCalls(runs * 2, () => http.call('staff', 'getCase', { caseId: staffCase }, OFFICER))
    const calls = await countCalls(runtime, () => fnCall('staff', 'getCase', { caseId: staffCase }, OFFICER))
    rows.push(['case detail (staff.getCase)', fmtTiming(raw), fmtTiming(fn), fmtTiming(web), calls])
    const citizenCase = (
      await db.find<{ caseId: string }>('follows', {
        filter: { openid: 'bench-citizen-0' },
        orderBy: [['createdAt', 'desc']],
        limit: 1,
      })
    ).items[0]!.caseId
    const fnMine = await timeCalls(runs * 2, () =>
      fnCall('cases', 'getMine', { caseId: citizenCase }, 'bench-citizen-0'),
    )
    const webMine = await timeCalls(runs * 2, () =>
      http.call('cases', 'getMine', { caseId: citizenCase }, 'bench-citizen-0'),
    )
    const callsMine = await countCalls(runtime, () =>
      fnCall('cases', 'getMine', { caseId: citizenCase }, 'bench-citizen-0'),
    )
    rows.push(['case detail (cases.getMine)', '', fmtTiming(fnMine), fmtTiming(webMine), callsMine])
  } finally {
    await http.close()
  }

  console.log(`\nReads (${meta.cases.toLocaleString()} cases; ${runs} runs each, every call timed)`)
  table(rows)

  // The multi-unit inbox: three ways to page over 14 units, at the store.
  const units = scopes[SUPERVISOR]!
  const strategies: Array<[string, (db: DocStore, o: FindOptions) => Promise<unknown>]> = [
    ['one query per unit, whole documents, merged', (d, o) => perUnitWhole(d, units, o)],
    ['keys first (projection per unit) + one _id $in', (d, o) => keysFirst(d, units, o)],
    ['one $in query (findAcross)', (d, o) => findAcross(d, 'cases', 'unitId', units, o)],
  ]
  const across: string[][] = [
    ['supervisor, open inbox, p50 / p95', 'page 1', `page ${DEEP_PAGE}`, 'store calls'],
  ]
  const deep = await cursorOfPage(db, units, 'open', DEEP_PAGE)
  for (const [label, run] of strategies) {
    const first = await timeCalls(runs, () => run(db, inboxOptions('open', null)))
    const deepT = deep ? await timeCalls(runs, () => run(db, inboxOptions('open', deep))) : null
    const calls: DocStoreCall[] = []
    await run(
      observeDocStore(store, (c) => calls.push(c)),
      inboxOptions('open', null),
    )
    across.push([label, fmtTiming(first), fmtTiming(deepT), String(calls.length)])
  }
  console.log(`\nMulti-unit inbox strategies (raw store, ${units.length} units)`)
  table(across)
}

// ---------- submit ----------

/**
 * Submits through the action map for `seconds` (or `count` submits); the clock moves 2 s per submit. `each` runs
 * after every submit.
 */
async function submitRun(
  runtime: LocalRuntime,
  seed: number,
  until: { seconds?: number; count?: number },
  each: () => void = () => {},
) {
  const world = buildWorld(runtime, 100_000, rng(seed))
  const clock = runtime.clock as ControlledClock
  const cases = FUNCTIONS.cases!
  const latencies: number[] = []
  const end = performance.now() + (until.seconds ?? Infinity) * 1000
  const failures: Record<string, number> = {}
  const started = performance.now()
  for (let i = 0; performance.now() < end && i < (until.count ?? Infinity); i++) {
    const { openid, payload } = samplePayload(world, seed * 1e7 + i)
    clock.advance(2000)
    const t = performance.now()
    const result = await cases.handle({ action: 'submitReport', payload }, { openid }, runtime)
    latencies.push(performance.now() - t)
    countFailure(failures, result)
    each()
  }
  const elapsed = (performance.now() - started) / 1000
  return {
    timing: summarise(latencies),
    perSecond: latencies.length / elapsed,
    failures,
    n: latencies.length,
  }
}

async function workers(dir: string, count: number, seconds: number): Promise<WorkerReport[]> {
  const script = path.join(PROJECT_ROOT, 'bench', 'submit-worker.ts')
  return Promise.all(
    Array.from(
      { length: count },
      (_, k) =>
        new Promise<WorkerReport>((resolve, reject) => {
          const child = fork(script, [dir, String(seconds), String(9000 + k)], {
            execArgv: ['--import', 'tsx'],
          })
          child.once('message', (m) => resolve(m as WorkerReport))
          child.once('error', reject)
          child.once('exit', (code) => code !== 0 && reject(new Error(`submit worker exited with ${code}`)))
        }),
    ),
  )
}

async function benchSubmit(runtime: LocalRuntime, dir: string) {
  const seconds = 8
  // DocStore calls per submit, on 50 submits of their own (the timed runs are not observed).
  const calls: DocStoreCall[] = []
  const perSubmit = new Map<number, number>()
  let seen = 0
  const tally = () => {
    perSubmit.set(calls.length - seen, (perSubmit.get(calls.length - seen) ?? 0) + 1)
    seen = calls.length
  }
  const base = runtime.db
  runtime.db = observeDocStore(base, (c) => calls.push(c))
  const counted = await submitRun(runtime, 7, { count: 50 }, tally).finally(() => (runtime.db = base))
  const one = await submitRun(runtime, 1, { seconds })
  const reports = await workers(dir, 2, seconds)
  const all = reports.flatMap((r) => r.latencies)
  console.log(`\nSubmit (${seconds} s each; realistic payloads over the whole territory)`)
  table([
    ['submitReport (function, action map)', 'submits/s', 'p50 / p95'],
    ['1 process', one.perSecond.toFixed(0), fmtTiming(one.timing)],
    ['2 processes (2 cores), together', (all.length / seconds).toFixed(0), fmtTiming(summarise(all))],
  ])
  console.log(`  DocStore calls per submit: ${describeCalls(calls, counted.n)}`)
  const spread = [...perSubmit].sort(([a], [b]) => a - b).map(([n, submits]) => `${n} calls × ${submits}`)
  // More than 8: the submit set off a repeat action (+5) or a warning (+2), or read the calendar (+1, first).
  console.log(`  by submit: ${spread.join(', ')}`)
  const failed: Record<string, number> = {}
  for (const run of [counted.failures, one.failures, ...reports.map((r) => r.failures)]) {
    for (const [code, n] of Object.entries(run)) failed[code] = (failed[code] ?? 0) + n
  }
  const codes = Object.entries(failed).map(([code, n]) => `${code} ${n}`)
  if (codes.length) console.log(`  failed submits: ${codes.join(', ')}`)
}

/**
 * The submit with every database and WeChat round trip taking ROUND_TRIP_MS (bench/round-trips.ts): its wall time
 * over the pause is the number of round trips standing one after the other, what the cloud's latency multiplies.
 */
async function benchSubmitRoundTrips(runtime: LocalRuntime) {
  const ROUND_TRIP_MS = 10
  const { db, notifier } = runtime
  // Seen by the functions as any Runtime: the store is the decorated one for these submits only.
  const seen: Runtime = runtime
  seen.db = withRoundTrips(db, ROUND_TRIP_MS)
  seen.notifier = notifierWithRoundTrips(notifier, ROUND_TRIP_MS)
  const run = await submitRun(runtime, 11, { count: 60 }).finally(() => {
    runtime.db = db
    runtime.notifier = notifier
  })
  console.log(
    `\nSubmit with a ${ROUND_TRIP_MS} ms round trip to the database and to WeChat (the cloud's shape)`,
  )
  table([
    ['submitReport (function, action map)', 'mean', 'p50 / p95', 'round trips in a row'],
    [
      `${run.n} submits`,
      fmtMs(run.timing!.mean),
      fmtTiming(run.timing),
      (run.timing!.mean / ROUND_TRIP_MS).toFixed(1),
    ],
  ])
}

/** The same calls on a store that prepares each statement once and on one that prepares it every time. */
async function benchStatements(runtime: LocalRuntime, dir: string) {
  const file = path.join(dir, 'greenwhistle.sqlite')
  const stores = [runtime.db, new SqliteDocStore(file, { statementCacheSize: 0 })] as const
  const units = unitScopeOf(runtime.deployment.units, (await findStaffByOpenid(runtime.db, SUPERVISOR))!)
  const anyCase = (await runtime.db.find<object>('cases', { limit: 1 })).items[0]!._id
  const rows: string[][] = [['p50 / p95', 'prepared once', 'prepared every call']]
  // One store after the other: timed side by side, each call's time took in the other store's call as well.
  const cells = async (run: (db: SqliteDocStore) => Promise<unknown>, runs: number) => {
    const timings: string[] = []
    for (const db of stores) timings.push(fmtTiming(await timeCalls(runs, () => run(db))))
    return timings
  }
  rows.push(['get by id (raw store)', ...(await cells((db) => db.get('cases', anyCase), 2000))])
  rows.push([
    'supervisor inbox page 1 (raw store)',
    ...(await cells((db) => findAcross(db, 'cases', 'unitId', units, inboxOptions('open', null)), 500)),
  ])
  const base = runtime.db
  const submits: string[] = []
  for (const [k, db] of stores.entries()) {
    runtime.db = db
    const run = await submitRun(runtime, 20 + k, { seconds: 5 }).finally(() => (runtime.db = base))
    submits.push(`${run.perSecond.toFixed(0)}/s, ${fmtTiming(run.timing)}`)
  }
  rows.push(['submitReport (function), 5 s', ...submits])
  stores[1].close()
  console.log('\nSQLite statements prepared once (cached by SQL text) or on every call')
  table(rows)
}

// ---------- routing, clocks, package ----------

function time<T>(label: string, runs: number, fn: (i: number) => T): void {
  for (let i = 0; i < Math.min(50, runs); i++) fn(i) // warm up
  const start = performance.now()
  for (let i = 0; i < runs; i++) fn(i)
  const per = (performance.now() - start) / runs
  console.log(`  ${label.padEnd(52)} ${fmtMs(per).padStart(10)} per op  (${runs} runs)`)
}

function benchRouting() {
  console.log('\nRouting (焦作, GCJ-02 → WGS-84 + point-in-polygon + routing table)')
  const deployment = loadDeployment('jiaozuo')
  const t0 = performance.now()
  const router = routerFor({ deployment, boundaries: loadBoundaries(deployment) })
  console.log(`  ${'build router (cold start)'.padEnd(52)} ${fmtMs(performance.now() - t0).padStart(10)}`)
  time('route one report', 20_000, (i) =>
    router.route({
      location: gcj02(35.0 + (i % 100) * 0.005, 112.8 + ((i * 7) % 100) * 0.009),
      category: 'noise',
    }),
  )
}

function benchClocks() {
  console.log('\nDeadline clocks')
  const calendar = createWorkingCalendar()
  for (const id of [
    'jiaozuo-12345',
    'tianjin-12369',
    'chongqing-jiulongpo',
    'haidong',
    'national',
  ] as const) {
    const profile = getPolicyProfile(id)
    time(`clocks of one case (${id})`, 5000, (i) =>
      computeClocks({
        profile,
        calendar,
        facts: clockFactsFor({
          requestType: 'complaint',
          receivedAt: new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86_400_000).toISOString(),
        }),
        asOf: '2026-11-21T10:00:00+08:00',
      }),
    )
  }
}

function dirSize(dir: string, skip: (rel: string) => boolean = () => false, base = dir): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    const rel = path.relative(base, full)
    if (skip(rel)) continue
    total += entry.isDirectory() ? dirSize(full, skip, base) : statSync(full).size
  }
  return total
}

function benchPackage() {
  const weapp = path.join(PROJECT_ROOT, 'dist', 'weapp')
  if (!existsSync(weapp)) {
    console.log('\nweapp package: not built (npm run build:weapp)')
    return
  }
  const staff = path.join(weapp, 'staff')
  const total = dirSize(weapp)
  const subpackage = existsSync(staff) ? dirSize(staff) : 0
  console.log('\nweapp package (limit 2 MB per package; target < 1 MB main)')
  console.log(`  main package   ${(((total - subpackage) / 1024) | 0).toString().padStart(6)} KB`)
  console.log(`  staff subpackage ${((subpackage / 1024) | 0).toString().padStart(4)} KB`)
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const { dir: cached, meta } = await openOrBuild(args.cases, { rebuild: args.rebuild })
  const dbBytes = statSync(path.join(cached, 'greenwhistle.sqlite')).size
  console.log(`\nStore: ${meta.cases.toLocaleString()} cases (cached in ${cacheDirFor(args.cases)})`)
  table([
    ['', ''],
    ['open cases', `${meta.open.toLocaleString()} (${((100 * meta.open) / meta.cases).toFixed(1)}%)`],
    ['due backlog (nextCheckOn ≤ today)', meta.due.toLocaleString()],
    ['follows', `${meta.follows.toLocaleString()} (${(meta.follows / meta.cases).toFixed(2)} per case)`],
    ['units', `${Object.keys(meta.units).length}`],
    ['case document, JSON', `${(meta.caseJsonBytes / 1024).toFixed(2)} KB`],
    [
      'intake checks replayed (last reports)',
      `${meta.replayed.reports.toLocaleString()}: ${meta.replayed.repeatActions.toLocaleString()} repeat actions, ` +
        `${meta.replayed.warnings.toLocaleString()} warnings`,
    ],
    [
      'database file per case (documents, follows, indexes)',
      `${(dbBytes / meta.cases / 1024).toFixed(2)} KB`,
    ],
    ['database file', `${(dbBytes / 2 ** 20).toFixed(0)} MB`],
    ['build time (when not cached)', `${meta.buildSeconds} s`],
  ])
  const today = BENCH_NOW.slice(0, 10)
  await onCopy(cached, async (runtime, dir) => {
    if (!args.sweepOnly) {
      await benchReads(runtime, runtime.db, meta)
      await benchSubmit(runtime, dir)
      await benchSubmitRoundTrips(runtime)
      await benchStatements(runtime, dir)
    }
    await benchSweep(
      runtime,
      'realistic backlog (open cases stuck past their dates)',
      today,
      args.sweepSeconds,
    )
  })
  if (args.tied) {
    await onCopy(cached, async (runtime) => {
      const t0 = performance.now()
      const n = tieBacklog(runtime)
      console.log(
        `\n  (every one of ${n.toLocaleString()} cases given nextCheckOn ${TIED_DATE} in ${fmtMs(performance.now() - t0)})`,
      )
      const label = `tied backlog (one date for all; ${meta.open.toLocaleString()} open, the rest closed)`
      await benchSweep(runtime, label, today, args.sweepSeconds)
    })
  }
  if (args.sweepOnly) return
  benchRouting()
  benchClocks()
  benchPackage()
}

/** Runs `work` on a fresh copy of the cached store, removed afterwards. */
async function onCopy(
  cached: string,
  work: (runtime: LocalRuntime, dir: string) => Promise<void>,
): Promise<void> {
  const t0 = performance.now()
  const dir = workCopy(cached)
  console.log(`  (working on a copy in ${dir}, made in ${fmtMs(performance.now() - t0)})`)
  const runtime = openRuntime(dir)
  try {
    await work(runtime, dir)
  } finally {
    runtime.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
