// `npm run bench`: speed and size figures, printed, never asserted (tests assert behaviour, not timing).
//   - embedded store: paged queries and versioned updates at N stored cases (BENCH_CASES, default 100k)
//   - routing: jurisdiction lookup incl. GCJ-02 conversion
//   - deadline clocks per case
//   - weapp package sizes (when dist/weapp exists)
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createWorkingCalendar } from '../shared/calendar'
import { clockFactsFor, computeClocks } from '../shared/deadlines'
import { gcj02 } from '../shared/geo/coordinates'
import { getPolicyProfile } from '../shared/policy'
import { routerFor } from '../cloudfunctions/common/routing'
import { findAcross } from '../cloudfunctions/common/db/find-across'
import { SqliteDocStore } from '../local/adapters/sqlite-docstore'
import { loadBoundaries, loadDeployment, PROJECT_ROOT } from '../local/deployments'

function time<T>(label: string, runs: number, fn: (i: number) => T): void {
  for (let i = 0; i < Math.min(50, runs); i++) fn(i) // warm up
  const start = performance.now()
  for (let i = 0; i < runs; i++) fn(i)
  const per = (performance.now() - start) / runs
  const unit = per < 1 ? `${(per * 1000).toFixed(1)} µs` : `${per.toFixed(2)} ms`
  console.log(`  ${label.padEnd(52)} ${unit.padStart(10)} per op  (${runs} runs)`)
}

async function timeAsync(label: string, runs: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  const start = performance.now()
  for (let i = 0; i < runs; i++) await fn(i)
  const per = (performance.now() - start) / runs
  console.log(`  ${label.padEnd(52)} ${`${per.toFixed(3)} ms`.padStart(10)} per op  (${runs} runs)`)
}

async function benchStore(n: number) {
  console.log(`\nEmbedded store (SQLite, ${n.toLocaleString()} cases)`)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-'))
  const store = new SqliteDocStore(path.join(dir, 'bench.sqlite'))
  const units = ['jz-shanyang', 'jz-jiefang', 'jz-macun', 'jz-wenxian', 'jz-boai']
  // A bureau's history: most cases closed long ago, the open ones recent (the newest 3%, and 1 in 200 older
  // ones still open: extended or escalated). Each unit gets the same mix.
  const statuses = ['registered', 'accepted', 'investigating', 'replied']
  const statusOf = (i: number) =>
    i >= n * 0.97 || i % 200 === 7 ? statuses[Math.floor(i / units.length) % statuses.length]! : 'closed'
  const t0 = performance.now()
  await store.transaction(async () => undefined)
  for (let i = 0; i < n; i++) {
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()
    await store.insert('cases', {
      _id: `c${String(i).padStart(8, '0')}`,
      unitId: units[i % units.length],
      status: statusOf(i),
      open: statusOf(i) !== 'closed',
      createdAt: at,
      description: '每晚十一点以后工地还在打桩，噪声很大，影响周边居民休息。',
    })
    await store.insert('follows', {
      caseId: `c${String(i).padStart(8, '0')}`,
      openid: `user-${i % 5000}`,
      createdAt: at,
    })
  }
  console.log(
    `  ${'insert'.padEnd(52)} ${`${((performance.now() - t0) / n).toFixed(3)} ms`.padStart(10)} per op  (${n} runs)`,
  )
  await timeAsync('inbox page: 5 units (findAcross), open, 20 newest', 200, () =>
    findAcross(store, 'cases', 'unitId', units, {
      filter: { open: true },
      orderBy: [['createdAt', 'desc']],
      limit: 20,
    }),
  )
  await timeAsync('inbox page: same with unitId $in (for comparison)', 50, () =>
    store.find('cases', {
      filter: { unitId: { $in: units }, open: true },
      orderBy: [['createdAt', 'desc']],
      limit: 20,
    }),
  )
  let openCursor: string | null = null
  await timeAsync('inbox open cases, paging to the end (100 a page)', 30, async () => {
    const page = await findAcross(store, 'cases', 'unitId', units, {
      filter: { open: true },
      orderBy: [['createdAt', 'desc']],
      limit: 100,
      after: openCursor,
    })
    openCursor = page.next
  })
  await timeAsync("My reports page: one citizen's 20 newest follows", 1000, (i) =>
    store.find('follows', {
      filter: { openid: `user-${i % 5000}` },
      orderBy: [['createdAt', 'desc']],
      limit: 20,
    }),
  )
  let cursor: string | null = null
  await timeAsync('keyset paging deep into one unit (page of 100)', 100, async () => {
    const page = await store.find('cases', {
      filter: { unitId: 'jz-shanyang' },
      orderBy: [['createdAt', 'desc']],
      limit: 100,
      after: cursor,
    })
    cursor = page.next
  })
  await timeAsync('versioned update by id', 2000, async (i) => {
    const id = `c${String(i).padStart(8, '0')}`
    const doc = await store.get<{ status: string }>('cases', id)
    await store.update('cases', id, { status: 'accepted' }, doc!._version)
  })
  for (const [label, collection, filter] of [
    ['My reports', 'follows', { openid: 'user-1' }],
    ['inbox, open (one unit)', 'cases', { unitId: 'jz-shanyang', open: true }],
  ] as const) {
    const plan = store.queryPlan(collection, { filter, orderBy: [['createdAt', 'desc']], limit: 20 })
    console.log(`  query plan (${label}): ${plan.join(' | ')}`)
  }
  store.close()
  const size = statSync(path.join(dir, 'bench.sqlite')).size
  console.log(`  database file ${(size / 1024 / 1024).toFixed(1)} MB`)
  rmSync(dir, { recursive: true, force: true })
}

function benchRouting() {
  console.log('\nRouting (焦作, GCJ-02 → WGS-84 + point-in-polygon + routing table)')
  const deployment = loadDeployment('jiaozuo')
  const t0 = performance.now()
  const router = routerFor({ deployment, boundaries: loadBoundaries(deployment) })
  console.log(
    `  ${'build router (cold start)'.padEnd(52)} ${`${(performance.now() - t0).toFixed(1)} ms`.padStart(10)}`,
  )
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
  await benchStore(Number(process.env.BENCH_CASES ?? 100_000))
  benchRouting()
  benchClocks()
  benchPackage()
}

void main()
