// A realistic store for the benchmark, built once per (generator version, size) and cached on disk.
//
// What is in it, and why it looks like life:
// - Case documents are clones of documents the real functions produced: for each lifecycle (filed, accepted,
//   assigned, investigating, rectifying, awaiting approval, replied, under review; closed satisfied, deemed
//   closed after the objection window, closed after 复查, not accepted, merged) a report is filed through
//   `cases.submitReport` and worked through `staff.act` / `cases.*` / the timer on a fresh local system
//   (tests/support/local-harness), real-name and anonymous. A clone moves every timestamp of its template by
//   the same offset (dates in marks and notes by whole days), and takes its own id, reference number, reporter,
//   place, unit, category, description and entity. Full-lifecycle documents are ~4 KB of JSON, like real ones.
// - Two years of reports up to BENCH_NOW, evenly in time; positions clustered around each county's seat (a
//   point inside the county, local/demo-places) with tighter clusters on industrial sites, routed by the real
//   router (so the unit follows from the place, as in production: ~12 units); 40% name an entity from a
//   per-county pool where a few entities draw most reports; a few citizens file many reports.
// - 10% open: the newest 3% (in the state their age suggests) and ~7% of older cases stuck open. Each open
//   case's `nextCheckOn` is what the functions would have stored with its last event (its clocks as of then);
//   the timer has not been round since (an outage, an import), so for the stuck ones it is past: a due
//   backlog for the deadline sweep of ~7% of the store.
// - Every case has its reporter's follow; 4% have 1–4 more followers.
// - Every case has its statistics contributions (`case_stats`) and desk fields as its last write stored them,
//   computed from the clone (a template's would describe another case).
// - What the functions did as the reports of the last 90 days came in: the repeat action on the case holding each
//   target and the early warning each cluster raised, replayed through the real checks (`replayIntakeChecks`).
//   A new report on a busy target then finds its action taken, as in life, instead of setting it off again.
//
// Cached under `.tmp/bench-cache/store-g<GENERATOR_VERSION>-n<N>/` (or $GW_BENCH_CACHE): a local data directory
// (`greenwhistle.sqlite`, `secrets.json`, `files/`) plus `meta.json`, written last. Bump GENERATOR_VERSION when
// what is generated changes; `--rebuild` discards a cached store.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { calendarFor } from '../cloudfunctions/common/calendar'
import { caseIdFor } from '../cloudfunctions/common/intake/submission'
import { formatRefNo, type CaseDoc, type StoredCase } from '../shared/cases/case-doc'
import { clocksOf, nextCheckOnOf } from '../cloudfunctions/common/case-workflow'
import { silentLogger } from '../cloudfunctions/common/log'
import { ControlledClock } from '../cloudfunctions/common/clock'
import { followId, type FollowDoc } from '../cloudfunctions/common/follows'
import { entityKeyOf, intakePolicyOf, reporterKeyOf } from '../cloudfunctions/common/intake/assessment'
import {
  applyRepeatAction,
  checkNewReport,
  raiseWarningInTx,
  warningKeyOf,
} from '../cloudfunctions/common/intake/registration-checks'
import { COLLECTIONS } from '../cloudfunctions/common/collections'
import { VersionConflictError, type Page } from '../cloudfunctions/common/ports'
import { daysBefore } from '../shared/intake/report-facts'
import { toShanghaiIso } from '../shared/time'
import { routingRecordOf } from '../shared/cases/new-case'
import { geoCellsOf } from '../shared/geo/cells'
import { answeringUnit } from '../shared/routing/router'
import { newQueryCode, queryCodeHash } from '../cloudfunctions/common/reporter-identity'
import { routeReport } from '../cloudfunctions/common/routing'
import { demoPlaces } from '../local/demo-places'
import { loadDeployment, PROJECT_ROOT } from '../local/deployments'
import { createLocalRuntime, type LocalRuntime } from '../local/runtime'
import { seedDeployment } from '../local/seed'
import { caseStatId, newCaseExtras, type CaseStatDoc } from '../cloudfunctions/common/stats/case-stats'
import type { CategoryKey } from '../shared/vocabulary/categories'
import { toGcj02, wgs84 } from '../shared/geo/coordinates'
import { startHarness, type Harness } from '../tests/support/local-harness'
import { handleToReply, OFFICER, REPLY, reportInput, SHANYANG, STAFF } from '../tests/support/reports'

/**
 * Bump when the generated data changes: cached stores of another version are not used. 5: documents stored as
 * JSONB and sparse indexes (local/adapters/sqlite-docstore.ts). 6: the repeat actions and early warnings of the
 * last reports, replayed through the real checks (`replayIntakeChecks`).
 */
const GENERATOR_VERSION = 6
/** "Now" of the generated world and of every benchmark on it (a Friday morning). */
export const BENCH_NOW = '2026-11-20T10:00:00+08:00'
const SPAN_DAYS = 730
const DAY_MS = 86_400_000
const TEMPLATE_T0 = '2026-01-05T09:30:00+08:00'
const TEMPLATE_UNIT = 'jz-shanyang'
const TEMPLATE_CITIZEN = 'bench-template-citizen'

export interface StoreMeta {
  generator: number
  cases: number
  follows: number
  open: number
  /** Cases with `nextCheckOn` ≤ the bench date: the sweep's backlog. */
  due: number
  /** Mean JSON size of a case document (what SQLite stores in `doc`). */
  caseJsonBytes: number
  /** Of the replayed reports (`replayIntakeChecks`): how many, the repeat actions taken, the warnings raised. */
  replayed: { reports: number; repeatActions: number; warnings: number }
  buildSeconds: number
  builtAt: string
  units: Record<string, number>
}

export interface BenchStore {
  dir: string
  meta: StoreMeta
}

function cacheRoot(): string {
  return process.env.GW_BENCH_CACHE ?? path.join(PROJECT_ROOT, '.tmp', 'bench-cache')
}

export function cacheDirFor(n: number): string {
  return path.join(cacheRoot(), `store-g${GENERATOR_VERSION}-n${n}`)
}

// ---------- deterministic randomness ----------

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function gaussian(random: () => number): number {
  const u = 1 - random()
  const v = random()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

function weighted<T>(random: () => number, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let r = random() * total
  for (const [item, w] of items) {
    r -= w
    if (r < 0) return item
  }
  return items[items.length - 1]![0]
}

// ---------- the world: places, entities, citizens, texts ----------

const CATEGORIES: ReadonlyArray<readonly [CategoryKey, number]> = [
  ['noise', 34],
  ['air', 26],
  ['water', 14],
  ['solid-waste', 10],
  ['hazardous-waste', 3],
  ['ecology', 5],
  ['radiation', 2],
  ['other', 6],
]

const DESCRIPTIONS: Record<CategoryKey, string[]> = {
  noise: [
    '每晚十一点以后工地还在打桩，噪声很大，影响周边居民休息。',
    '楼下烧烤店的排风机和音响一直响到凌晨两点，多次沟通无果。',
    '厂区冷却塔昼夜运转，噪声传到小区里，老人孩子都睡不好觉。',
  ],
  air: [
    '工厂烟囱晚上排放黑烟，有刺鼻的气味，周围居民闻到后头晕。',
    '附近的喷漆作坊没有任何废气处理设施，油漆味很重。',
    '搅拌站的粉尘飘得到处都是，车辆进出也不冲洗。',
  ],
  water: [
    '河边的排污口一直在排黑色的污水，河水发臭，鱼都死了。',
    '养殖场的粪污直接排到沟渠里，下游农田都被污染了。',
  ],
  'solid-waste': ['路边空地上被倾倒了大量建筑垃圾和生活垃圾，已经堆了好几个月。'],
  'hazardous-waste': ['汽修厂把废机油和废电瓶随意堆放在院子里，下雨时流到外面。'],
  ecology: ['山坡上有人非法采砂取土，植被被大片破坏。'],
  radiation: ['小区楼顶新装了基站，担心辐射超标，希望检测一下。'],
  other: ['附近有人焚烧电缆皮提炼铜，冒出的烟又黑又呛。'],
}

const ENTITY_PREFIXES = [
  '宏达',
  '鑫源',
  '恒通',
  '金泰',
  '华兴',
  '永盛',
  '隆昌',
  '中原',
  '豫北',
  '新城',
  '东方',
]
const ENTITY_KINDS = [
  '化工有限公司',
  '建材有限公司',
  '机械制造厂',
  '食品有限公司',
  '铸造厂',
  '养殖场',
  '建设工程项目部',
  '餐饮店',
  '汽车修理厂',
  '混凝土搅拌站',
]

interface County {
  name: string
  centre: { lat: number; lng: number }
  /** Industrial sites: reports cluster tightly around them. */
  sites: Array<{ lat: number; lng: number }>
  entities: string[]
  weight: number
}

interface World {
  counties: County[]
  citizens: number
  random: () => number
}

function buildWorld(runtime: LocalRuntime, n: number, random: () => number): World {
  const counties = demoPlaces(runtime).map((place) => {
    const sites = Array.from({ length: 4 }, () => ({
      lat: place.lat + gaussian(random) * 0.05,
      lng: place.lng + gaussian(random) * 0.06,
    }))
    const entities = Array.from(
      { length: 60 },
      (_, i) =>
        `${place.name.replace(/[市区县]$/, '')}${ENTITY_PREFIXES[i % 11]}${ENTITY_KINDS[(i * 7) % 10]}`,
    )
    // Urban districts file more reports than rural counties.
    return { name: place.name, centre: place, sites, entities, weight: place.name.endsWith('区') ? 2 : 1 }
  })
  return { counties, citizens: citizenPool(n), random }
}

/** How many citizens file the n reports. */
export function citizenPool(n: number): number {
  return Math.max(1000, Math.round(n / 3))
}

interface Place {
  county: County
  location: { lat: number; lng: number; coordSystem: 'gcj02'; address: string }
}

function samplePlace(world: World): Place {
  const { random } = world
  const county = weighted(
    random,
    world.counties.map((c) => [c, c.weight] as const),
  )
  const nearSite = random() < 0.3
  const centre = nearSite ? pick(random, county.sites) : county.centre
  const spread = nearSite ? 0.004 : 0.03 // ~400 m around a site, ~3 km around the seat
  const point = toGcj02(
    wgs84(centre.lat + gaussian(random) * spread, centre.lng + gaussian(random) * spread * 1.2),
  )
  const street = `${pick(random, ['人民', '建设', '解放', '塔南', '丰收', '太行', '迎宾', '和平'])}路`
  return {
    county,
    location: {
      lat: Math.round(point.lat * 1e6) / 1e6,
      lng: Math.round(point.lng * 1e6) / 1e6,
      coordSystem: 'gcj02',
      address: `${county.name}${street}${1 + Math.floor(random() * 300)}号附近`,
    },
  }
}

/** A few citizens file many reports (index ~ pool × r²: the first files ~0.2–0.5% of all reports). */
function sampleCitizen(world: World): string {
  return `bench-citizen-${Math.floor(world.citizens * world.random() ** 2)}`
}

function sampleEntity(world: World, county: County): string | null {
  if (world.random() >= 0.4) return null
  // A few entities of each county draw most of its named reports.
  return county.entities[Math.floor(county.entities.length * world.random() ** 2.5)]!
}

/** A submitReport payload as a citizen sends it (for the submit benchmark). */
export function samplePayload(world: World, seq: number): { openid: string; payload: object } {
  const { random } = world
  const category = weighted(random, CATEGORIES)
  const place = samplePlace(world)
  const anonymous = random() < 0.15
  return {
    openid: sampleCitizen(world),
    payload: {
      clientRequestId: `bench-submit-${seq}-${Math.floor(random() * 1e9)}`,
      requestType: random() < 0.85 ? 'complaint' : 'report',
      category,
      description: pick(random, DESCRIPTIONS[category]),
      photos: [],
      location: place.location,
      reportedEntity: sampleEntity(world, place.county) ?? undefined,
      reporter: anonymous
        ? { mode: 'anonymous' }
        : { mode: 'real-name', name: '王建国', phone: `139${String(seq % 1e8).padStart(8, '0')}` },
      consent: true,
    },
  }
}

// ---------- templates: documents produced by the real functions ----------

type VariantKey =
  | 'registered'
  | 'accepted'
  | 'assigned'
  | 'investigating'
  | 'rectifying'
  | 'awaiting-approval'
  | 'replied'
  | 'under-review'
  | 'closed-satisfied'
  | 'deemed-closed'
  | 'review-closed'
  | 'not-accepted'
  | 'merged'

interface Template {
  variant: VariantKey
  anonymous: boolean
  /** The document's JSON split around the values a clone changes. */
  parts: string[]
  tokens: Token[]
  createdAtMs: number
  /** From filing to the last history entry. */
  spanMs: number
  historyLength: number
}

type Token =
  | { kind: 'instant'; ms: number }
  | { kind: 'date'; dayMs: number }
  | { kind: 'unit' }
  | { kind: 'citizen' }
  | { kind: 'case' }

type Script = (h: Harness, caseId: string, openid: string) => Promise<void>

const later = (h: Harness, hours: number) => h.clock.advance(hours * 3_600_000)

const investigate: Script = async (h, caseId) => {
  await h.act(STAFF.supervisor, caseId, { type: 'accept' })
  later(h, 2)
  await h.act(STAFF.head, caseId, { type: 'assign', unitIds: [TEMPLATE_UNIT], officer: OFFICER })
  later(h, 20)
  await h.act(STAFF.officer, caseId, { type: 'start-investigation' })
  await h.act(STAFF.officer, caseId, {
    type: 'record-site-visit',
    record: {
      visitedAt: '2026-01-06T23:10:00+08:00',
      reportedEntity: '某建设工程项目部',
      address: '焦作市山阳区塔南路',
      productionStatus: '夜间桩基施工',
      pollutionControl: '无降噪措施',
      discharge: '施工噪声',
      cause: '未经批准夜间施工',
      findings: '情况属实',
    },
  })
}

const replied: Script = async (h, caseId) => {
  await handleToReply(h, caseId)
}

const SCRIPTS: Record<VariantKey, Script> = {
  registered: async () => undefined,
  accepted: async (h, caseId) => {
    await h.act(STAFF.supervisor, caseId, { type: 'accept' })
  },
  assigned: async (h, caseId) => {
    await h.act(STAFF.supervisor, caseId, { type: 'accept' })
    later(h, 3)
    await h.act(STAFF.head, caseId, { type: 'assign', unitIds: [TEMPLATE_UNIT], officer: OFFICER })
  },
  investigating: investigate,
  rectifying: async (h, caseId, openid) => {
    await investigate(h, caseId, openid)
    later(h, 24)
    await h.act(STAFF.officer, caseId, {
      type: 'order-rectification',
      target: '夜间 22 时至次日 6 时不再进行产生噪声的施工作业',
      measures: '立即停止夜间施工，加装隔声屏障，调整高噪声设备作业时间。',
      dueDate: '2026-01-20',
      responsibleParty: '某建设工程项目部',
    })
  },
  'awaiting-approval': async (h, caseId, openid) => {
    await investigate(h, caseId, openid)
    later(h, 24)
    await h.act(STAFF.officer, caseId, { type: 'draft-reply', reply: REPLY })
    await h.act(STAFF.head, caseId, { type: 'approve-reply' })
  },
  replied,
  'under-review': async (h, caseId, openid) => {
    await replied(h, caseId, openid)
    later(h, 30)
    await h.ok('cases', 'rateReply', { caseId, stars: 2, comment: '噪声仍未停止' }, openid)
    await h.ok('cases', 'requestReview', { caseId, grounds: '工地仍在夜间施工，请再次核查' }, openid)
  },
  'closed-satisfied': async (h, caseId, openid) => {
    await replied(h, caseId, openid)
    later(h, 20)
    await h.ok('cases', 'rateReply', { caseId, stars: 5, comment: '处理及时，很满意', accept: true }, openid)
  },
  'deemed-closed': async (h, caseId, openid) => {
    await replied(h, caseId, openid)
    later(h, 24 * 40)
    await h.fireTimer('timers')
  },
  'review-closed': async (h, caseId, openid) => {
    await replied(h, caseId, openid)
    later(h, 30)
    await h.ok('cases', 'requestReview', { caseId, grounds: '工地仍在夜间施工，请再次核查' }, openid)
    later(h, 72)
    await h.act(STAFF.leader, caseId, {
      type: 'decide-review',
      outcome: 'upheld',
      opinion: '经复查，原处理意见正确，维持原处理意见。',
    })
    later(h, 24 * 40)
    await h.fireTimer('timers')
  },
  'not-accepted': async (h, caseId) => {
    await h.act(STAFF.supervisor, caseId, {
      type: 'not-accept',
      reason: 'legal-proceedings',
      guidance: '该事项属于民事纠纷，请通过诉讼等法定途径解决。',
    })
  },
  merged: async (h, caseId) => {
    // An earlier open report of the same matter, by someone else; this one is merged into it.
    const { caseId: target } = await h.ok<{ caseId: string }>(
      'cases',
      'submitReport',
      reportInput({ clientRequestId: 'bench-template-target' }),
      'bench-template-neighbour',
    )
    await h.act(STAFF.supervisor, caseId, { type: 'merge', intoCaseId: target })
  },
}

const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?\+08:00/
const DATE = /\d{4}-\d{2}-\d{2}/

/** Splits a document's JSON around the values a clone rewrites (`cases`: ids of other cases it names). */
function tokenize(json: string, cases: readonly string[]): { parts: string[]; tokens: Token[] } {
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(
    [INSTANT.source, DATE.source, literal(TEMPLATE_UNIT), literal(TEMPLATE_CITIZEN), ...cases.map(literal)]
      .map((p) => `(${p})`)
      .join('|'),
    'g',
  )
  const parts: string[] = []
  const tokens: Token[] = []
  let last = 0
  for (const m of json.matchAll(pattern)) {
    parts.push(json.slice(last, m.index))
    if (m[1]) tokens.push({ kind: 'instant', ms: Date.parse(m[1]) })
    else if (m[2]) tokens.push({ kind: 'date', dayMs: Date.parse(`${m[2]}T00:00:00Z`) })
    else if (m[3]) tokens.push({ kind: 'unit' })
    else if (m[4]) tokens.push({ kind: 'citizen' })
    else tokens.push({ kind: 'case' })
    last = m.index + m[0].length
  }
  parts.push(json.slice(last))
  return { parts, tokens }
}

const shanghaiIso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00'

async function makeTemplates(log: (line: string) => void): Promise<Template[]> {
  const t0 = performance.now()
  const templates: Template[] = []
  for (const variant of Object.keys(SCRIPTS) as VariantKey[]) {
    for (const anonymous of [false, true]) {
      const h = await startHarness({ now: TEMPLATE_T0 })
      try {
        const reporter = anonymous ? { mode: 'anonymous' } : undefined
        const { caseId } = await h.ok<{ caseId: string }>(
          'cases',
          'submitReport',
          reportInput({
            clientRequestId: `bench-template-${variant}`,
            location: { ...SHANYANG, coordSystem: 'gcj02', address: '焦作市山阳区人民路与塔南路交叉口' },
            reportedEntity: '某建设工程项目部',
            ...(reporter ? { reporter } : {}),
          }),
          TEMPLATE_CITIZEN,
        )
        later(h, 1)
        await SCRIPTS[variant](h, caseId, TEMPLATE_CITIZEN)
        const doc = (await h.runtime.db.get<CaseDoc>('cases', caseId))!
        const { _id: _i, _version: _v, ...body } = doc
        const createdAtMs = Date.parse(doc.createdAt)
        const lastAt = Date.parse(doc.history[doc.history.length - 1]!.at)
        templates.push({
          variant,
          anonymous,
          ...tokenize(JSON.stringify(body), doc.mergedInto ? [doc.mergedInto] : []),
          createdAtMs,
          spanMs: lastAt - createdAtMs,
          historyLength: doc.history.length,
        })
      } finally {
        await h.close()
      }
    }
  }
  log(`  templates: ${templates.length} lifecycles run through the functions (${ms(performance.now() - t0)})`)
  return templates
}

// ---------- cloning ----------

const OPEN_RECENT: Array<[maxAgeDays: number, VariantKey]> = [
  [1, 'registered'],
  [2, 'accepted'],
  [4, 'assigned'],
  [10, 'investigating'],
  [15, 'awaiting-approval'],
  [22, 'replied'],
]
const RECENT_DAYS = 22
const STUCK_OPEN: ReadonlyArray<readonly [VariantKey, number]> = [
  ['investigating', 35],
  ['rectifying', 25],
  ['assigned', 10],
  ['awaiting-approval', 10],
  ['replied', 10],
  ['under-review', 10],
]
const CLOSED: ReadonlyArray<readonly [VariantKey, number]> = [
  ['closed-satisfied', 45],
  ['deemed-closed', 30],
  ['not-accepted', 12],
  ['merged', 10],
  ['review-closed', 3],
]
/** Of cases older than RECENT_DAYS, the share still open (stuck, overdue): 10% open in all. */
const STUCK_SHARE = (0.1 - RECENT_DAYS / SPAN_DAYS) / (1 - RECENT_DAYS / SPAN_DAYS)

function chooseVariant(random: () => number, ageDays: number): VariantKey {
  if (ageDays < RECENT_DAYS) return OPEN_RECENT.find(([max]) => ageDays < max)![1]
  return random() < STUCK_SHARE ? weighted(random, STUCK_OPEN) : weighted(random, CLOSED)
}

interface Clone {
  doc: CaseDoc & { _id: string }
  follows: Array<FollowDoc & { _id: string }>
}

function localDayMs(ms: number): number {
  return Math.floor((ms + 8 * 3_600_000) / DAY_MS) * DAY_MS
}

async function buildStore(dir: string, n: number, log: (line: string) => void): Promise<StoreMeta> {
  const started = performance.now()
  const templates = await makeTemplates(log)
  const byVariant = new Map<string, Template[]>()
  for (const t of templates) byVariant.set(t.variant, [...(byVariant.get(t.variant) ?? []), t])

  mkdirSync(dir, { recursive: true })
  const clock = new ControlledClock(BENCH_NOW)
  const runtime = createLocalRuntime({
    dataDir: dir,
    clock,
    log: silentLogger,
    deployment: loadDeployment('jiaozuo'),
  })
  try {
    await seedDeployment(runtime.db, runtime.deployment)
    const world = buildWorld(runtime, n, rng(20261120))
    const { random } = world
    const calendar = await calendarFor(runtime)
    const now = clock.now()
    const nowMs = now.getTime()
    const startMs = nowMs - SPAN_DAYS * DAY_MS
    const today = shanghaiIso(nowMs).slice(0, 10)
    const dailySeq = new Map<string, number>()
    const recentIds: string[] = []
    const meta: StoreMeta = {
      generator: GENERATOR_VERSION,
      cases: 0,
      follows: 0,
      open: 0,
      due: 0,
      caseJsonBytes: 0,
      replayed: { reports: 0, repeatActions: 0, warnings: 0 },
      buildSeconds: 0,
      builtAt: new Date().toISOString(),
      units: {},
    }
    let jsonBytes = 0
    const BATCH = 2000
    let cases: Clone['doc'][] = []
    let follows: Clone['follows'] = []
    let stats: Array<CaseStatDoc & { _id: string }> = []
    const flush = () => {
      runtime.db.insertMany('cases', cases)
      runtime.db.insertMany('follows', follows)
      runtime.db.insertMany('case_stats', stats)
      cases = []
      follows = []
      stats = []
    }
    let lastLog = performance.now()
    for (let i = 0; i < n; i++) {
      const createdMs = Math.floor(startMs + ((i + random()) * (nowMs - startMs - 60_000)) / n)
      const ageDays = (nowMs - createdMs) / DAY_MS
      let variant = chooseVariant(random, ageDays)
      const anonymous = random() < 0.15
      let template = byVariant.get(variant)!.find((t) => t.anonymous === anonymous)!
      // A lifecycle longer than the case's age would end in the future: take a quick ending instead.
      if (createdMs + template.spanMs > nowMs - 3_600_000) {
        variant = ageDays < RECENT_DAYS ? 'registered' : 'not-accepted'
        template = byVariant.get(variant)!.find((t) => t.anonymous === anonymous)!
      }
      const openid = sampleCitizen(world)
      const clientRequestId = `bench-${i}`
      const caseId = caseIdFor(openid, clientRequestId)
      const category = weighted(random, CATEGORIES)
      let place = samplePlace(world)
      let route = routeReport(runtime, { location: place.location, category })
      for (let tries = 0; route.outcome === 'out-of-jurisdiction' && tries < 5; tries++) {
        place = samplePlace(world)
        route = routeReport(runtime, { location: place.location, category })
      }
      // Every timestamp moves with the filing time; dates (marks, notes) by whole days.
      const shiftMs = createdMs - template.createdAtMs
      const shiftDays = (localDayMs(createdMs) - localDayMs(template.createdAtMs)) / DAY_MS
      const mergeTarget = recentIds.length ? pick(random, recentIds) : caseId
      let json = template.parts[0]!
      template.tokens.forEach((token, k) => {
        if (token.kind === 'instant') json += shanghaiIso(token.ms + shiftMs)
        else if (token.kind === 'date')
          json += new Date(token.dayMs + shiftDays * DAY_MS).toISOString().slice(0, 10)
        else if (token.kind === 'unit') json += answeringUnit(route).id
        else if (token.kind === 'citizen') json += openid
        else json += mergeTarget
        json += template.parts[k + 1]!
      })
      const doc = JSON.parse(json) as CaseDoc
      const day = shanghaiIso(createdMs).slice(0, 10)
      const seq = (dailySeq.get(day) ?? 0) + 1
      dailySeq.set(day, seq)
      const entity = sampleEntity(world, place.county)
      doc.refNo = formatRefNo(runtime.deployment.referencePrefix, day, seq)
      doc.clientRequestId = clientRequestId
      doc.category = category
      doc.description = pick(random, DESCRIPTIONS[category])
      doc.location = place.location
      doc.position = route.placement.position
      doc.geo = geoCellsOf(route.placement.position)
      doc.unitId = answeringUnit(route).id
      doc.regionCode = route.region?.code ?? null
      doc.routing = routingRecordOf(route)
      doc.reportedEntity = entity
      doc.entityKey = entityKeyOf(runtime, entity)
      doc.reporterKey = reporterKeyOf(runtime, openid, template.anonymous)
      if (template.anonymous) {
        doc.reporter = {
          ...doc.reporter,
          queryCodeHash: queryCodeHash(runtime.secrets.identityKey, newQueryCode()),
        }
      }
      const extra = random() < 0.04 ? 1 + Math.floor(random() * 4) : 0
      doc.followerCount = 1 + extra
      // What the functions stored with the case's last event; the timer has not looked at it since (an outage,
      // an import), so for cases stuck open it is past: the backlog.
      const lastEvent = new Date(Date.parse(doc.history[doc.history.length - 1]!.at))
      doc.nextCheckOn = doc.open ? nextCheckOnOf(clocksOf(doc, calendar, lastEvent), lastEvent) : null
      // Its desk fields and statistics contributions as that write stored them (the template's are another
      // case's): the `case_stats` documents, and the months and digests the case keeps of them.
      const extras = newCaseExtras(caseId, doc, calendar, lastEvent)
      Object.assign(doc, extras.patch)
      for (const c of extras.contributions) stats.push({ _id: caseStatId(caseId, c.month), ...c })
      const stored = { ...doc, _id: caseId }
      cases.push(stored)
      jsonBytes += json.length
      const at = doc.createdAt
      follows.push({
        _id: followId(caseId, openid),
        caseId,
        openid,
        relation: 'reporter',
        lastReadSeq: doc.open ? Math.floor(random() * template.historyLength) : template.historyLength - 1,
        createdAt: at,
      })
      const following = new Set([openid])
      for (let k = 0; k < extra; k++) {
        const follower = sampleCitizen(world)
        if (following.has(follower)) continue
        following.add(follower)
        follows.push({
          _id: followId(caseId, follower),
          caseId,
          openid: follower,
          relation: 'follower',
          lastReadSeq: -1,
          createdAt: shanghaiIso(createdMs + (k + 1) * 3_600_000),
        })
      }
      meta.cases++
      meta.units[answeringUnit(route).id] = (meta.units[answeringUnit(route).id] ?? 0) + 1
      if (doc.open) meta.open++
      if (doc.nextCheckOn && doc.nextCheckOn <= today) meta.due++
      if (doc.open) {
        recentIds.push(caseId)
        if (recentIds.length > 50) recentIds.shift()
      }
      if (cases.length >= BATCH) {
        meta.follows += follows.length
        flush()
        if (performance.now() - lastLog > 15_000) {
          lastLog = performance.now()
          log(`  … ${(i + 1).toLocaleString()} cases (${ms(performance.now() - started)})`)
        }
      }
    }
    meta.follows += follows.length
    flush()
    runtime.db.insertMany(
      'counters',
      [...dailySeq].map(([day, seq]) => ({ _id: `refno-${day}`, seq })),
    )
    meta.caseJsonBytes = Math.round(jsonBytes / n)
    meta.replayed = await replayIntakeChecks(runtime, log)
    meta.buildSeconds = Math.round((performance.now() - started) / 100) / 10
    return meta
  } finally {
    runtime.close()
  }
}

/** A replayed report joins the cluster it was warned about, as filing it would have stored it. */
async function setWarningKey(runtime: LocalRuntime, doc: StoredCase, warningKey: string): Promise<void> {
  try {
    await runtime.db.update<CaseDoc>(COLLECTIONS.cases, doc._id, { warningKey }, doc._version)
  } catch (error) {
    // Acted on since its page was read, as the holder of a report filed at the same instant: its version now.
    if (!(error instanceof VersionConflictError)) throw error
    const current = await runtime.db.get<CaseDoc>(COLLECTIONS.cases, doc._id)
    if (current)
      await runtime.db.update<CaseDoc>(COLLECTIONS.cases, doc._id, { warningKey }, current._version)
  }
}

/**
 * What the functions did as each of the last reports came in, which cloning cases one by one leaves out: the
 * repeat action on the case holding the report's target (S0 第十一条, registration-checks.ts) and the early
 * warning it raised or joined (S3 第十六条). Without them a store is one no real run leaves behind: every busy
 * target is still waiting for its action, so most new reports set it off again (at 1M, 54% of the benchmark's
 * submits; 28% on a replayed store, three in four of them on the new report itself, where every earlier report on
 * its place is closed), and every cluster is warned about anew.
 *
 * Replayed oldest first through the real checks (`checkNewReport`, `raiseWarningInTx`, `applyRepeatAction`) over
 * the reports of the longest window a check of a report filed now looks back on: older ones hold no target a new
 * report can count. The actions are applied as of the bench date (their events carry it); the holder is chosen
 * by the state its case is in now. One difference from filing them one by one: a replayed report's early-warning
 * check also sees the reports after it (the repeat count only counts earlier ones), so a cluster may be warned
 * about from a report a little earlier than it would have been.
 */
async function replayIntakeChecks(
  runtime: LocalRuntime,
  log: (line: string) => void,
): Promise<StoreMeta['replayed']> {
  const started = performance.now()
  const policy = intakePolicyOf(runtime)
  const days = Math.max(
    policy.repeat.windowDays,
    ...Object.values(policy.earlyWarning.byCategory).map((t) => t.windowDays),
  )
  const since = daysBefore(toShanghaiIso(runtime.clock.now()), days)
  const replayed: StoreMeta['replayed'] = { reports: 0, repeatActions: 0, warnings: 0 }
  let after: string | null = null
  let lastLog = performance.now()
  do {
    const page: Page<StoredCase> = await runtime.db.find<CaseDoc>(COLLECTIONS.cases, {
      filter: { createdAt: { $gte: since } },
      orderBy: [['createdAt', 'asc']],
      limit: 100,
      after,
    })
    for (const doc of page.items) {
      const checks = await checkNewReport(runtime, doc)
      if (checks.warning?.kind === 'raise') {
        const decision = checks.warning
        const raised = await runtime.db.transaction((tx) =>
          raiseWarningInTx(tx, runtime, decision, doc.createdAt),
        )
        if (raised) replayed.warnings++
      }
      const warningKey = warningKeyOf(checks.warning)
      if (warningKey && doc.warningKey !== warningKey) await setWarningKey(runtime, doc, warningKey)
      if (checks.repeat?.holder && (await applyRepeatAction(runtime, checks.repeat))) replayed.repeatActions++
      replayed.reports++
    }
    after = page.next
    if (performance.now() - lastLog > 15_000) {
      lastLog = performance.now()
      log(
        `  … replayed the checks of ${replayed.reports.toLocaleString()} reports (${ms(performance.now() - started)})`,
      )
    }
  } while (after)
  log(
    `  replayed the checks of the last ${days} days' ${replayed.reports.toLocaleString()} reports in ` +
      `${ms(performance.now() - started)}: ${replayed.repeatActions.toLocaleString()} repeat actions, ` +
      `${replayed.warnings.toLocaleString()} warnings`,
  )
  return replayed
}

/** The cached store of n cases, built first if missing (or when `rebuild`). */
export async function openOrBuild(
  n: number,
  options: { rebuild?: boolean; log?: (line: string) => void } = {},
): Promise<BenchStore> {
  const log = options.log ?? console.log
  const dir = cacheDirFor(n)
  const metaFile = path.join(dir, 'meta.json')
  if (options.rebuild || !existsSync(metaFile)) {
    rmSync(dir, { recursive: true, force: true })
    log(`Building a realistic store of ${n.toLocaleString()} cases in ${dir}`)
    const meta = await buildStore(dir, n, log)
    writeFileSync(metaFile, JSON.stringify(meta, null, 2))
    const size = statSync(path.join(dir, 'greenwhistle.sqlite')).size
    log(`  built in ${meta.buildSeconds} s; database ${(size / 2 ** 20).toFixed(0)} MB`)
    return { dir, meta }
  }
  return { dir, meta: JSON.parse(readFileSync(metaFile, 'utf8')) as StoreMeta }
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`
}

export { buildWorld, type World }
