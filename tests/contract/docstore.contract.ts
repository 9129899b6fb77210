// The DocStore contract: one suite, run against every adapter (tests/contract/docstore.test.ts offline,
// docstore.live.test.ts against a real CloudBase environment). It states what the cloud functions may rely on.
import { InvalidCursorError } from '../../cloudfunctions/common/db/query'
import {
  DocNotFoundError,
  DuplicateKeyError,
  VersionConflictError,
  type DocStore,
  type Filter,
  type FindOptions,
  type OrderBy,
  type Stored,
  type WithId,
} from '../../cloudfunctions/common/ports'

/** Every collection the contract uses (a live run prefixes and cleans them). */
export const CONTRACT_COLLECTIONS = [
  'docs',
  'people',
  'items',
  'accounts',
  'ledger',
  'counters',
  'prices',
  'orders',
  'claims',
] as const
export type ContractCollection = (typeof CONTRACT_COLLECTIONS)[number]

export interface DocStoreHarness {
  store: DocStore
  /** A second, independent handle on the same data (another process / function instance). */
  other: DocStore
  /** The real collection name for this run. */
  collection(name: ContractCollection): string
  close(): Promise<void>
}

export interface DocStoreContractOptions {
  /** Per-test timeout (live runs go over the network). */
  timeoutMs?: number
}

type Person = {
  name: string
  age: number
  active: boolean
  city?: string | null
  score?: number | null
  addr?: { zone?: string; no?: number } | null
}

const PEOPLE: Array<Person & { _id: string }> = [
  {
    _id: 'p1',
    name: 'an',
    age: 30,
    active: true,
    city: 'jiaozuo',
    score: 1.5,
    addr: { zone: 'north', no: 3 },
  },
  {
    _id: 'p2',
    name: 'bo',
    age: 25,
    active: false,
    city: 'xinxiang',
    score: null,
    addr: { zone: 'south', no: 8 },
  },
  { _id: 'p3', name: 'cai', age: 35, active: true, score: 7, addr: { zone: 'north' } },
  { _id: 'p4', name: 'du', age: 25, active: true, city: null, addr: null },
  { _id: 'p5', name: '郑', age: 41, active: false, city: 'jiaozuo' },
]

/** [description, filter, ids it matches] — MongoDB semantics, which both adapters implement. */
const FILTER_CASES: Array<[string, Filter, string[]]> = [
  ['string equality', { city: 'jiaozuo' }, ['p1', 'p5']],
  ['number equality', { age: 25 }, ['p2', 'p4']],
  ['boolean equality', { active: false }, ['p2', 'p5']],
  ['$eq', { age: { $eq: 35 } }, ['p3']],
  ['$ne matches missing and null', { city: { $ne: 'jiaozuo' } }, ['p2', 'p3', 'p4']],
  ['$gt', { age: { $gt: 30 } }, ['p3', 'p5']],
  ['$gte', { age: { $gte: 30 } }, ['p1', 'p3', 'p5']],
  ['$lt', { age: { $lt: 30 } }, ['p2', 'p4']],
  ['$lte', { age: { $lte: 30 } }, ['p1', 'p2', 'p4']],
  ['a range on one field', { age: { $gt: 25, $lt: 41 } }, ['p1', 'p3']],
  ['$gt on strings (binary order, Chinese after ASCII)', { name: { $gt: 'bo' } }, ['p3', 'p4', 'p5']],
  ['$lte on strings', { name: { $lte: 'bo' } }, ['p1', 'p2']],
  ['$in', { city: { $in: ['xinxiang', 'jiaozuo'] } }, ['p1', 'p2', 'p5']],
  ['$in with null matches missing and null', { city: { $in: [null] } }, ['p3', 'p4']],
  ['$nin matches missing and null', { city: { $nin: ['jiaozuo'] } }, ['p2', 'p3', 'p4']],
  ['$nin with null excludes missing and null', { city: { $nin: ['jiaozuo', null] } }, ['p2']],
  ['$exists: true counts a stored null as present', { city: { $exists: true } }, ['p1', 'p2', 'p4', 'p5']],
  ['$exists: false matches only absent fields', { city: { $exists: false } }, ['p3']],
  ['{ f: null } matches missing and null', { city: null }, ['p3', 'p4']],
  ['$eq null matches missing and null', { city: { $eq: null } }, ['p3', 'p4']],
  ['$ne null matches present non-null values', { city: { $ne: null } }, ['p1', 'p2', 'p5']],
  ['null on a number field', { score: null }, ['p2', 'p4', 'p5']],
  ['dotted path equality', { 'addr.zone': 'north' }, ['p1', 'p3']],
  ['dotted path comparison', { 'addr.no': { $gte: 5 } }, ['p2']],
  ['dotted path under a null or missing parent is missing', { 'addr.zone': null }, ['p4', 'p5']],
  ['dotted path $exists: false', { 'addr.zone': { $exists: false } }, ['p4', 'p5']],
  ['$or', { $or: [{ city: 'xinxiang' }, { age: { $gt: 40 } }] }, ['p2', 'p5']],
  ['$and', { $and: [{ active: true }, { age: { $lt: 35 } }] }, ['p1', 'p4']],
  ['fields AND an $or', { active: true, $or: [{ city: 'jiaozuo' }, { 'addr.zone': 'north' }] }, ['p1', 'p3']],
  [
    '$and of $ors',
    { $and: [{ $or: [{ age: 25 }, { age: 41 }] }, { $or: [{ active: false }, { city: null }] }] },
    ['p2', 'p4', 'p5'],
  ],
  ['an empty $or matches nothing', { $or: [] }, []],
  ['an empty $and matches everything', { $and: [] }, ['p1', 'p2', 'p3', 'p4', 'p5']],
  ['$in on _id', { _id: { $in: ['p2', 'p4', 'nobody'] } }, ['p2', 'p4']],
  ['undefined conditions are ignored', { age: 25, city: undefined }, ['p2', 'p4']],
  ['_version is a field like any other', { _version: 1 }, ['p1', 'p2', 'p3', 'p4', 'p5']],
]

const pad = (i: number) => String(i).padStart(4, '0')

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const x = String(a)
  const y = String(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** The expected order: the requested fields, then `_id` in the last field's direction. */
function referenceSort<T extends Stored>(docs: T[], orderBy: OrderBy): T[] {
  const fields: Array<readonly [string, 'asc' | 'desc']> = []
  for (const f of orderBy) {
    fields.push(f)
    if (f[0] === '_id') break
  }
  if (fields[fields.length - 1]?.[0] !== '_id') fields.push(['_id', fields[fields.length - 1]?.[1] ?? 'asc'])
  return [...docs].sort((a, b) => {
    for (const [field, dir] of fields) {
      const c = compareValues((a as Record<string, unknown>)[field], (b as Record<string, unknown>)[field])
      if (c !== 0) return dir === 'asc' ? c : -c
    }
    return 0
  })
}

async function pageThrough<T extends object>(
  db: DocStore,
  collection: string,
  options: Omit<FindOptions, 'after'>,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = []
  let after: string | null = null
  let pages = 0
  do {
    const page: { items: WithId<T>[]; next: string | null } = await db.find<T>(collection, {
      ...options,
      after,
    })
    expect(page.items.length).toBeLessThanOrEqual(options.limit)
    if (page.next !== null) expect(page.items).toHaveLength(options.limit)
    ids.push(...page.items.map((d) => d._id))
    after = page.next
    pages++
    if (pages > 1000) throw new Error('paging does not end')
  } while (after !== null)
  return { ids, pages }
}

async function insertAll(
  db: DocStore,
  collection: string,
  docs: Array<Record<string, unknown> & { _id: string }>,
) {
  // A few at a time: fast offline, polite to a live environment.
  for (let i = 0; i < docs.length; i += 10)
    await Promise.all(docs.slice(i, i + 10).map((d) => db.insert(collection, d)))
}

/** Resolves when `parties` callers have arrived (or after a timeout, so a broken adapter fails, not hangs). */
function barrier(parties: number, timeoutMs: number): () => Promise<void> {
  let arrived = 0
  let release!: () => void
  const all = new Promise<void>((resolve) => (release = resolve))
  return async () => {
    arrived++
    if (arrived === parties) release()
    // The fallback timer is cleared once passed: left running, it kept jest from exiting after the suite.
    let timer: ReturnType<typeof setTimeout> | undefined
    await Promise.race([all, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))])
    clearTimeout(timer)
  }
}

// 240 cases: 4 units, 2 of 3 open, `at` tied in groups of 40 (6 days), `rank` 0..6; ids not in insertion
// order, so `_id` tiebreaks are exercised inside every tie.
export const KEYSET_CASES = Array.from({ length: 240 }, (_, i) => ({
  _id: `o${pad((i * 97) % 240)}`,
  unit: `u${(i * 7) % 4}`,
  open: i % 3 !== 0,
  at: `2026-01-0${1 + Math.floor(i / 40)}`,
  rank: i % 7,
}))
export type KeysetCase = (typeof KEYSET_CASES)[number]
/** Paged queries of the contract over KEYSET_CASES in `orders`: [label, filter, the same as a predicate, order]. */
export const KEYSET_QUERIES: Array<
  [label: string, filter: Filter, match: (c: KeysetCase) => boolean, orderBy: OrderBy]
> = [
  [
    'equality prefix, newest first (a unit’s open inbox)',
    { unit: 'u2', open: true },
    (d) => d.unit === 'u2' && d.open,
    [['at', 'desc']],
  ],
  [
    '$in over units, newest first, ties across units (a multi-unit inbox)',
    { unit: { $in: ['u1', 'u3', 'u0'] }, open: true },
    (d) => d.unit !== 'u2' && d.open,
    [['at', 'desc']],
  ],
  [
    '$in with two ascending sort fields',
    { unit: { $in: ['u1', 'u2'] } },
    (d) => d.unit === 'u1' || d.unit === 'u2',
    [
      ['at', 'asc'],
      ['rank', 'asc'],
    ],
  ],
  [
    'mixed directions',
    { open: false },
    (d) => !d.open,
    [
      ['at', 'asc'],
      ['rank', 'desc'],
    ],
  ],
  [
    'a sort field the filter pins',
    { open: true },
    (d) => d.open,
    [
      ['open', 'desc'],
      ['at', 'desc'],
    ],
  ],
  [
    'a range up to a date on the sort field (a due backlog)',
    { at: { $lte: '2026-01-04' } },
    (d) => d.at <= '2026-01-04',
    [['at', 'asc']],
  ],
  ['descending _id only', { rank: { $gte: 3 } }, (d) => d.rank >= 3, [['_id', 'desc']]],
]

export function describeDocStoreContract(
  name: string,
  factory: () => Promise<DocStoreHarness>,
  options: DocStoreContractOptions = {},
): void {
  const timeout = options.timeoutMs ?? 20_000

  describe(name, () => {
    let h: DocStoreHarness
    let db: DocStore
    let c: (name: ContractCollection) => string

    beforeEach(async () => {
      h = await factory()
      db = h.store
      c = (n) => h.collection(n)
    }, timeout)

    afterEach(async () => {
      await h?.close()
    }, timeout)

    describe('documents', () => {
      test(
        'insert then get returns the document with its _id and _version 1 (nested objects, arrays, unicode)',
        async () => {
          const doc = {
            _id: 'doc-1',
            title: '污水直排 at night',
            n: 42,
            f: -1.5,
            ok: true,
            none: null,
            tags: ['噪声', 'odour'],
            nested: { k: 'v', deep: { list: [1, { x: 2 }, [3, 4]] } },
            empty: {},
            emptyList: [],
          }
          await expect(db.insert(c('docs'), doc)).resolves.toBe('doc-1')
          await expect(db.get(c('docs'), 'doc-1')).resolves.toEqual({ ...doc, _version: 1 })
        },
        timeout,
      )

      test(
        'insert without an _id generates a distinct string id',
        async () => {
          const a = await db.insert(c('docs'), { n: 1 })
          const b = await db.insert(c('docs'), { n: 2 })
          expect(typeof a).toBe('string')
          expect(a).not.toBe(b)
          await expect(db.get(c('docs'), a)).resolves.toEqual({ _id: a, _version: 1, n: 1 })
        },
        timeout,
      )

      test(
        'get of a missing id, or from a collection never written, is null',
        async () => {
          await db.insert(c('docs'), { _id: 'there' })
          await expect(db.get(c('docs'), 'not-there')).resolves.toBeNull()
          await expect(db.get(c('items'), 'anything')).resolves.toBeNull()
        },
        timeout,
      )

      test(
        'documents are stored as JSON: a Date becomes its ISO string, undefined fields vanish, GeoJSON stays plain',
        async () => {
          const point = { type: 'Point', coordinates: [113.24, 35.21] }
          const ring = [
            [113, 35],
            [114, 35],
            [114, 36],
            [113, 35],
          ]
          const polygon = { type: 'Polygon', coordinates: [ring] }
          await db.insert(c('docs'), {
            _id: 'json',
            at: new Date('2026-01-02T03:04:05.000Z'),
            gone: undefined,
            point,
            polygon,
            list: [{ when: new Date(0) }],
          })
          const got = await db.get<Record<string, unknown>>(c('docs'), 'json')
          expect(got).toEqual({
            _id: 'json',
            _version: 1,
            at: '2026-01-02T03:04:05.000Z',
            point,
            polygon,
            list: [{ when: '1970-01-01T00:00:00.000Z' }],
          })
          expect(got && 'gone' in got).toBe(false)
          expect(Object.getPrototypeOf(got?.point)).toBe(Object.prototype)
        },
        timeout,
      )

      test(
        'insert ignores a caller-supplied _version: every document starts at 1',
        async () => {
          await db.insert(c('docs'), { _id: 'v', _version: 7, n: 1 })
          await expect(db.get(c('docs'), 'v')).resolves.toMatchObject({ _version: 1 })
        },
        timeout,
      )

      test(
        'a taken _id throws DuplicateKeyError and leaves the stored document alone',
        async () => {
          await db.insert(c('docs'), { _id: 'dup', n: 1 })
          const error = await db.insert(c('docs'), { _id: 'dup', n: 2 }).catch((e: unknown) => e)
          expect(error).toBeInstanceOf(DuplicateKeyError)
          expect(error).toMatchObject({ collection: c('docs'), id: 'dup' })
          await expect(h.other.insert(c('docs'), { _id: 'dup', n: 3 })).rejects.toBeInstanceOf(
            DuplicateKeyError,
          )
          await expect(db.get(c('docs'), 'dup')).resolves.toEqual({ _id: 'dup', _version: 1, n: 1 })
        },
        timeout,
      )

      test(
        'top-level field names with a dot or a leading $ are refused, in documents and patches',
        async () => {
          await expect(db.insert(c('docs'), { _id: 'a', 'a.b': 1 })).rejects.toThrow(/invalid field name/)
          await expect(db.insert(c('docs'), { _id: 'b', $set: 1 })).rejects.toThrow(/invalid field name/)
          await db.insert(c('docs'), { _id: 'ok', n: 1 })
          await expect(db.update(c('docs'), 'ok', { 'n.x': 2 } as object, 1)).rejects.toThrow(
            /invalid field name/,
          )
          await expect(db.get(c('docs'), 'a')).resolves.toBeNull()
          await expect(db.get(c('docs'), 'ok')).resolves.toEqual({ _id: 'ok', _version: 1, n: 1 })
        },
        timeout,
      )

      test(
        'remove deletes the document; removing a missing one is not an error',
        async () => {
          await db.insert(c('docs'), { _id: 'r', n: 1 })
          await db.remove(c('docs'), 'r')
          await expect(db.get(c('docs'), 'r')).resolves.toBeNull()
          await expect(db.remove(c('docs'), 'r')).resolves.toBeUndefined()
          await expect(db.remove(c('items'), 'never')).resolves.toBeUndefined()
        },
        timeout,
      )
    })

    describe('versioned update', () => {
      test(
        'applies the patch and increments _version on every update',
        async () => {
          await db.insert(c('docs'), { _id: 'u', status: 'new', n: 1 })
          await db.update(c('docs'), 'u', { status: 'open' }, 1)
          await expect(db.get(c('docs'), 'u')).resolves.toEqual({
            _id: 'u',
            _version: 2,
            status: 'open',
            n: 1,
          })
          await h.other.update(c('docs'), 'u', { n: 2 }, 2)
          await expect(db.get(c('docs'), 'u')).resolves.toEqual({
            _id: 'u',
            _version: 3,
            status: 'open',
            n: 2,
          })
        },
        timeout,
      )

      test(
        'a stale expected version throws VersionConflictError and changes nothing',
        async () => {
          await db.insert(c('docs'), { _id: 'u', n: 1 })
          await db.update(c('docs'), 'u', { n: 2 }, 1)
          const error = await db.update(c('docs'), 'u', { n: 99 }, 1).catch((e: unknown) => e)
          expect(error).toBeInstanceOf(VersionConflictError)
          expect(error).toMatchObject({ collection: c('docs'), id: 'u' })
          await expect(db.update(c('docs'), 'u', { n: 99 }, 3)).rejects.toBeInstanceOf(VersionConflictError)
          await expect(db.get(c('docs'), 'u')).resolves.toEqual({ _id: 'u', _version: 2, n: 2 })
        },
        timeout,
      )

      test(
        'a missing document, or collection, throws DocNotFoundError',
        async () => {
          await db.insert(c('docs'), { _id: 'exists' })
          await expect(db.update(c('docs'), 'missing', { n: 1 }, 1)).rejects.toBeInstanceOf(DocNotFoundError)
          await expect(db.update(c('items'), 'missing', { n: 1 }, 1)).rejects.toBeInstanceOf(DocNotFoundError)
          await expect(db.get(c('docs'), 'missing')).resolves.toBeNull()
        },
        timeout,
      )

      test(
        'undefined in a patch removes the field',
        async () => {
          await db.insert(c('docs'), { _id: 'u', keep: 1, drop: 'x', alsoNull: null })
          await db.update<{ keep: number; drop?: string; alsoNull?: null }>(
            c('docs'),
            'u',
            { drop: undefined },
            1,
          )
          const got = await db.get<Record<string, unknown>>(c('docs'), 'u')
          expect(got).toEqual({ _id: 'u', _version: 2, keep: 1, alsoNull: null })
          expect(got && 'drop' in got).toBe(false)
        },
        timeout,
      )

      test(
        'a nested object or array in a patch replaces the stored one instead of merging into it',
        async () => {
          await db.insert(c('docs'), {
            _id: 'u',
            profile: { name: 'a', phone: '1', extra: { deep: true } },
            list: [1, 2, 3],
          })
          await db.update(c('docs'), 'u', { profile: { name: 'b' }, list: [9] }, 1)
          await expect(db.get(c('docs'), 'u')).resolves.toEqual({
            _id: 'u',
            _version: 2,
            profile: { name: 'b' },
            list: [9],
          })
          await db.update(c('docs'), 'u', { profile: {}, list: [] }, 2)
          await expect(db.get(c('docs'), 'u')).resolves.toEqual({
            _id: 'u',
            _version: 3,
            profile: {},
            list: [],
          })
          await db.update(c('docs'), 'u', { profile: null }, 3)
          await expect(db.get(c('docs'), 'u')).resolves.toEqual({
            _id: 'u',
            _version: 4,
            profile: null,
            list: [],
          })
        },
        timeout,
      )

      test(
        'an empty patch still takes the version forward',
        async () => {
          await db.insert(c('docs'), { _id: 'u', n: 1 })
          await db.update(c('docs'), 'u', {}, 1)
          await expect(db.get(c('docs'), 'u')).resolves.toEqual({ _id: 'u', _version: 2, n: 1 })
        },
        timeout,
      )

      test(
        '_id and _version cannot be patched',
        async () => {
          await db.insert(c('docs'), { _id: 'u', n: 1 })
          await expect(db.update(c('docs'), 'u', { _id: 'other' } as object, 1)).rejects.toThrow(
            /cannot patch _id/,
          )
          await expect(db.update(c('docs'), 'u', { _version: 5 } as object, 1)).rejects.toThrow(
            /cannot patch _version/,
          )
          await expect(db.get(c('docs'), 'u')).resolves.toEqual({ _id: 'u', _version: 1, n: 1 })
        },
        timeout,
      )
    })

    describe('find and count', () => {
      beforeEach(async () => {
        await insertAll(db, c('people'), PEOPLE)
      }, timeout)

      test.each(FILTER_CASES)(
        'filter: %s',
        async (_label, filter, expected) => {
          const page = await db.find<Person>(c('people'), { filter, orderBy: [['_id', 'asc']], limit: 100 })
          expect(page.items.map((p) => p._id)).toEqual(expected)
          expect(page.next).toBeNull()
          await expect(db.count(c('people'), filter)).resolves.toBe(expected.length)
        },
        timeout,
      )

      test(
        'found documents are whole, with _id and _version',
        async () => {
          const page = await db.find<Person>(c('people'), { filter: { _id: 'p1' }, limit: 1 })
          expect(page.items).toEqual([{ ...PEOPLE[0], _version: 1 }])
        },
        timeout,
      )

      test(
        'a projection reads only the named fields (dotted paths through objects, under one parent together), with _id and _version',
        async () => {
          const page = await db.find<Person>(c('people'), {
            fields: ['name', 'city', 'addr.zone'],
            orderBy: [['_id', 'asc']],
            limit: 100,
          })
          expect(page.items).toEqual([
            { _id: 'p1', _version: 1, name: 'an', city: 'jiaozuo', addr: { zone: 'north' } },
            { _id: 'p2', _version: 1, name: 'bo', city: 'xinxiang', addr: { zone: 'south' } },
            // Missing fields stay missing; a stored null is kept; a path under null or missing is missing.
            { _id: 'p3', _version: 1, name: 'cai', addr: { zone: 'north' } },
            { _id: 'p4', _version: 1, name: 'du', city: null },
            { _id: 'p5', _version: 1, name: '郑', city: 'jiaozuo' },
          ])
          // Paths under one parent come in one object of it; a parent none of whose paths is present is missing.
          const nested = await db.find<Person>(c('people'), {
            fields: ['addr.zone', 'addr.none'],
            orderBy: [['_id', 'asc']],
            limit: 100,
          })
          expect(nested.items.map(({ _id, addr }) => ({ _id, addr }))).toEqual([
            { _id: 'p1', addr: { zone: 'north' } },
            { _id: 'p2', addr: { zone: 'south' } },
            { _id: 'p3', addr: { zone: 'north' } },
            { _id: 'p4', addr: undefined },
            { _id: 'p5', addr: undefined },
          ])
        },
        timeout,
      )

      test(
        'a projection always carries the sort fields, and projected pages follow the same cursors',
        async () => {
          const orderBy: OrderBy = [
            ['age', 'desc'],
            ['name', 'asc'],
          ]
          const first = await db.find<Person>(c('people'), { fields: ['addr.zone'], orderBy, limit: 2 })
          expect(first.items).toEqual([
            { _id: 'p5', _version: 1, age: 41, name: '郑' },
            { _id: 'p3', _version: 1, age: 35, name: 'cai', addr: { zone: 'north' } },
          ])
          const whole = await db.find<Person>(c('people'), { orderBy, limit: 2 })
          expect(first.next).toBe(whole.next)
          const rest = await db.find<Person>(c('people'), {
            fields: ['addr.zone'],
            orderBy,
            limit: 5,
            after: first.next,
          })
          expect(rest.items.map((d) => d._id)).toEqual(['p1', 'p2', 'p4'])
          expect(rest.items[1]).toEqual({
            _id: 'p2',
            _version: 1,
            age: 25,
            name: 'bo',
            addr: { zone: 'south' },
          })
        },
        timeout,
      )

      test(
        'a projection of colliding or invalid paths is refused',
        async () => {
          for (const fields of [['addr', 'addr.zone'], ['addr.zone', 'addr'], ['bad path'], ['$name']]) {
            await expect(db.find(c('people'), { fields, limit: 10 })).rejects.toThrow(/projection|field path/)
          }
        },
        timeout,
      )

      test(
        'unsupported operators and invalid field paths are refused',
        async () => {
          const bad: Filter[] = [
            { name: { $regex: 'a' } as object },
            { $where: 'true' } as Filter,
            { 'bad path': 1 },
            { 'a..b': 1 },
          ]
          for (const filter of bad) {
            await expect(db.find(c('people'), { filter, limit: 10 })).rejects.toThrow()
            await expect(db.count(c('people'), filter)).rejects.toThrow()
          }
          await expect(db.find(c('people'), { orderBy: [['$name', 'asc']], limit: 10 })).rejects.toThrow(
            /invalid field path/,
          )
        },
        timeout,
      )

      test(
        'count without a filter counts everything; a collection never written counts 0',
        async () => {
          await expect(db.count(c('people'))).resolves.toBe(5)
          await expect(db.count(c('items'))).resolves.toBe(0)
          await expect(db.count(c('items'), { any: 1 })).resolves.toBe(0)
          const page = await db.find(c('items'), { limit: 10 })
          expect(page).toEqual({ items: [], next: null })
        },
        timeout,
      )
    })

    describe('ordering and keyset paging', () => {
      const ITEMS = Array.from({ length: 150 }, (_, i) => ({
        _id: `d${pad(i)}`,
        n: i % 13,
        s: `k${pad((i * 7) % 50)}`,
        label: ['甲', '乙', 'alpha', 'Beta', '丙'][i % 5]!,
        even: i % 2 === 0,
      }))
      type Item = (typeof ITEMS)[number]
      const ORDERINGS: OrderBy[] = [
        [['n', 'asc']],
        [['s', 'desc']],
        [['label', 'asc']],
        [
          ['even', 'desc'],
          ['n', 'asc'],
        ],
        [
          ['n', 'desc'],
          ['s', 'asc'],
        ],
        [['_id', 'desc']],
        [
          ['_id', 'asc'],
          ['n', 'desc'],
        ],
        [],
      ]

      beforeEach(async () => {
        await insertAll(db, c('items'), ITEMS)
      }, timeout * 3)

      test.each(ORDERINGS.map((o) => [JSON.stringify(o), o] as const))(
        'orders by %s with _id breaking ties, in pages of 7 and of 100 with no duplicate and no gap',
        async (_label, orderBy) => {
          const expected = referenceSort(
            ITEMS.map((i) => ({ ...i, _version: 1 })),
            orderBy,
          ).map((d) => d._id)
          for (const limit of [7, 100]) {
            const { ids, pages } = await pageThrough<Item>(db, c('items'), { orderBy, limit })
            expect(ids).toEqual(expected)
            expect(pages).toBe(Math.ceil(150 / limit))
          }
        },
        timeout * 3,
      )

      test(
        'pages through a filtered, descending query',
        async () => {
          const orderBy: OrderBy = [['n', 'desc']]
          const expected = referenceSort(
            ITEMS.filter((i) => i.even).map((i) => ({ ...i, _version: 1 })),
            orderBy,
          ).map((d) => d._id)
          const { ids } = await pageThrough<Item>(db, c('items'), {
            filter: { even: true },
            orderBy,
            limit: 7,
          })
          expect(ids).toEqual(expected)
        },
        timeout * 3,
      )

      test(
        'a page ending exactly at the last document has no next cursor',
        async () => {
          const filter = { n: 0 }
          const total = ITEMS.filter((i) => i.n === 0).length
          const page = await db.find(c('items'), { filter, limit: total })
          expect(page.items).toHaveLength(total)
          expect(page.next).toBeNull()
          const first = await db.find(c('items'), { filter, limit: total - 1 })
          expect(first.next).not.toBeNull()
          const rest = await db.find(c('items'), { filter, limit: total, after: first.next })
          expect(rest.items).toHaveLength(1)
          expect(rest.next).toBeNull()
        },
        timeout,
      )

      test(
        'paging is stable while documents are inserted: later ones appear once, earlier ones do not shift pages',
        async () => {
          const orderBy: OrderBy = [['n', 'asc']]
          const filter = { s: { $gte: 'k0040' } }
          const before = referenceSort(
            ITEMS.filter((i) => i.s >= 'k0040').map((i) => ({ ...i, _version: 1 })),
            orderBy,
          )
          const first = await db.find<Item>(c('items'), { filter, orderBy, limit: 7 })
          expect(first.items.map((d) => d._id)).toEqual(before.slice(0, 7).map((d) => d._id))
          const last = first.items[first.items.length - 1]!
          // One sorting after everything, one tied with the cursor but after it by _id, one before the cursor.
          await h.other.insert(c('items'), { _id: 'z-late', n: 99, s: 'k0049' })
          await h.other.insert(c('items'), { _id: `${last._id}~`, n: last.n, s: 'k0049' })
          await h.other.insert(c('items'), { _id: 'a-early', n: -1, s: 'k0049' })
          const ids = first.items.map((d) => d._id)
          let after = first.next
          while (after !== null) {
            const page: { items: WithId<Item>[]; next: string | null } = await db.find<Item>(c('items'), {
              filter,
              orderBy,
              limit: 7,
              after,
            })
            ids.push(...page.items.map((d) => d._id))
            after = page.next
          }
          const expected = referenceSort(
            [
              ...before,
              { _id: 'z-late', n: 99, _version: 1 },
              { _id: `${last._id}~`, n: last.n, _version: 1 },
            ],
            orderBy,
          ).map((d) => d._id)
          expect(ids).toEqual(expected)
          expect(new Set(ids).size).toBe(ids.length)
          expect(ids).not.toContain('a-early')
        },
        timeout,
      )

      test(
        'limit must be an integer in 1..100',
        async () => {
          for (const limit of [0, 101, 2.5, -1]) {
            await expect(db.find(c('items'), { limit })).rejects.toThrow(/limit/)
          }
          await expect(db.find(c('items'), { limit: 1 })).resolves.toMatchObject({
            items: [{ _id: 'd0000' }],
          })
          const hundred = await db.find(c('items'), { limit: 100 })
          expect(hundred.items).toHaveLength(100)
          expect(hundred.next).not.toBeNull()
        },
        timeout,
      )

      test(
        'an invalid or foreign cursor is refused with InvalidCursorError',
        async () => {
          const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url')
          const byN = await db.find(c('items'), { orderBy: [['n', 'asc']], limit: 3 })
          const cursors = [
            'garbage!!',
            b64({}),
            b64([null]),
            b64([1]),
            b64([null, 'd0001']),
            b64([{ x: 1 }, 'd']),
            byN.next!,
          ]
          for (const after of cursors) {
            // byN's cursor has two values: it does not fit a query ordered by _id alone.
            await expect(db.find(c('items'), { limit: 3, after })).rejects.toBeInstanceOf(InvalidCursorError)
          }
          await expect(
            db.find(c('items'), { orderBy: [['n', 'asc']], limit: 3, after: b64([1]) }),
          ).rejects.toBeInstanceOf(InvalidCursorError)
        },
        timeout,
      )
    })

    describe('keyset pages at depth: ties, equality prefixes, $in, pinned and multiple sort fields', () => {
      beforeEach(async () => {
        await insertAll(db, c('orders'), KEYSET_CASES)
      }, timeout * 3)

      test.each(KEYSET_QUERIES)(
        '%s: pages of 1, 7 and 100 give the reference order with no gap or repeat',
        async (_label, filter, match, orderBy) => {
          const expected = referenceSort(
            KEYSET_CASES.filter(match).map((d) => ({ ...d, _version: 1 })),
            orderBy,
          ).map((d) => d._id)
          expect(expected.length).toBeGreaterThan(20)
          for (const limit of [1, 7, 100]) {
            const { ids, pages } = await pageThrough<KeysetCase>(db, c('orders'), { filter, orderBy, limit })
            expect(ids).toEqual(expected)
            expect(pages).toBe(Math.max(1, Math.ceil(expected.length / limit)))
          }
        },
        timeout * 6,
      )

      test(
        'the cursor is the same everywhere: base64url JSON of the last document’s sort values, then its _id',
        async () => {
          const orderBy: OrderBy = [
            ['at', 'desc'],
            ['rank', 'asc'],
          ]
          const page = await db.find<KeysetCase>(c('orders'), { filter: { open: true }, orderBy, limit: 30 })
          const last = page.items[page.items.length - 1]!
          expect(JSON.parse(Buffer.from(page.next!, 'base64url').toString('utf8'))).toEqual([
            last.at,
            last.rank,
            last._id,
          ])
          // A cursor written by hand (or kept by another process, e.g. the sweep's job) pages the same: from
          // the 30th document of a tie group on, with the other handle on the same data.
          const byHand = Buffer.from(JSON.stringify([last.at, last.rank, last._id])).toString('base64url')
          const fromOther = await h.other.find<KeysetCase>(c('orders'), {
            filter: { open: true },
            orderBy,
            limit: 100,
            after: byHand,
          })
          const expected = referenceSort(
            KEYSET_CASES.filter((d) => d.open).map((d) => ({ ...d, _version: 1 })),
            orderBy,
          )
            .slice(30, 130)
            .map((d) => d._id)
          expect(fromOther.items.map((d) => d._id)).toEqual(expected)
        },
        timeout,
      )

      test(
        'projected pages over $in (keys only) follow the same cursors as whole ones',
        async () => {
          const [, filter, , orderBy] = KEYSET_QUERIES[1]!
          const whole = await pageThrough<KeysetCase>(db, c('orders'), { filter, orderBy, limit: 9 })
          const keys = await pageThrough<KeysetCase>(db, c('orders'), {
            filter,
            orderBy,
            limit: 9,
            fields: [],
          })
          expect(keys.ids).toEqual(whole.ids)
          const page = await db.find<KeysetCase>(c('orders'), { filter, orderBy, limit: 2, fields: ['unit'] })
          expect(Object.keys(page.items[0]!).sort()).toEqual(['_id', '_version', 'at', 'unit'])
        },
        timeout * 3,
      )

      test(
        'a cursor ending inside a tie group resumes inside it, at every position of the group',
        async () => {
          const orderBy: OrderBy = [['at', 'asc']]
          const day = KEYSET_CASES.filter((d) => d.at === '2026-01-03')
            .map((d) => d._id)
            .sort()
          for (const [i, id] of day.entries()) {
            const after = Buffer.from(JSON.stringify(['2026-01-03', id])).toString('base64url')
            const page = await db.find<KeysetCase>(c('orders'), { orderBy, limit: 3, after })
            const rest = [
              ...day.slice(i + 1),
              ...KEYSET_CASES.filter((d) => d.at === '2026-01-04')
                .map((d) => d._id)
                .sort(),
            ]
            expect(page.items.map((d) => d._id)).toEqual(rest.slice(0, 3))
          }
        },
        timeout * 3,
      )
    })

    describe('transactions', () => {
      type Account = { balance: number }

      test(
        'commits every write together and returns the work result',
        async () => {
          await db.insert(c('accounts'), { _id: 'a', balance: 100 })
          await db.insert(c('accounts'), { _id: 'b', balance: 0 })
          const result = await db.transaction(async (tx) => {
            const a = await tx.get<Account>(c('accounts'), 'a')
            const b = await tx.get<Account>(c('accounts'), 'b')
            await tx.update(c('accounts'), 'a', { balance: a!.balance - 30 }, a!._version)
            await tx.update(c('accounts'), 'b', { balance: b!.balance + 30 }, b!._version)
            await tx.insert(c('ledger'), { _id: 'l1', from: 'a', to: 'b', amount: 30 })
            return 'done'
          })
          expect(result).toBe('done')
          await expect(db.get(c('accounts'), 'a')).resolves.toEqual({ _id: 'a', _version: 2, balance: 70 })
          await expect(db.get(c('accounts'), 'b')).resolves.toEqual({ _id: 'b', _version: 2, balance: 30 })
          await expect(h.other.get(c('ledger'), 'l1')).resolves.toEqual({
            _id: 'l1',
            _version: 1,
            from: 'a',
            to: 'b',
            amount: 30,
          })
        },
        timeout,
      )

      test(
        'a throw inside the work writes nothing and comes out unchanged',
        async () => {
          await db.insert(c('accounts'), { _id: 'a', balance: 100 })
          const stop = new Error('stop')
          await expect(
            db.transaction(async (tx) => {
              await tx.insert(c('ledger'), { _id: 'never' })
              await tx.update(c('accounts'), 'a', { balance: 0 }, 1)
              await tx.remove(c('accounts'), 'a')
              throw stop
            }),
          ).rejects.toBe(stop)
          await expect(db.get(c('ledger'), 'never')).resolves.toBeNull()
          await expect(db.get(c('accounts'), 'a')).resolves.toEqual({ _id: 'a', _version: 1, balance: 100 })
        },
        timeout,
      )

      test(
        'reads inside a transaction see its own writes',
        async () => {
          await db.insert(c('accounts'), { _id: 'a', balance: 100 })
          const seen = await db.transaction(async (tx) => {
            const log: unknown[] = []
            await tx.insert(c('ledger'), { _id: 'n1', v: 1, at: new Date('2026-01-01T00:00:00.000Z') })
            log.push(await tx.get(c('ledger'), 'n1'))
            await tx.update(c('ledger'), 'n1', { v: 2 }, 1)
            log.push(await tx.get(c('ledger'), 'n1'))
            await tx.update(c('accounts'), 'a', { balance: 1 }, 1)
            log.push(await tx.get(c('accounts'), 'a'))
            await tx.remove(c('accounts'), 'a')
            log.push(await tx.get(c('accounts'), 'a'))
            log.push(await tx.insert(c('ledger'), { _id: 'n1' }).catch((e: unknown) => e))
            log.push(await tx.update(c('ledger'), 'n1', { v: 3 }, 1).catch((e: unknown) => e))
            return log
          })
          expect(seen[0]).toEqual({ _id: 'n1', _version: 1, v: 1, at: '2026-01-01T00:00:00.000Z' })
          expect(seen[1]).toEqual({ _id: 'n1', _version: 2, v: 2, at: '2026-01-01T00:00:00.000Z' })
          expect(seen[2]).toEqual({ _id: 'a', _version: 2, balance: 1 })
          expect(seen[3]).toBeNull()
          expect(seen[4]).toBeInstanceOf(DuplicateKeyError)
          expect(seen[5]).toBeInstanceOf(VersionConflictError)
          await expect(db.get(c('ledger'), 'n1')).resolves.toEqual({
            _id: 'n1',
            _version: 2,
            v: 2,
            at: '2026-01-01T00:00:00.000Z',
          })
          await expect(db.get(c('accounts'), 'a')).resolves.toBeNull()
        },
        timeout,
      )

      test(
        'a concurrent update between read and commit makes the work run again on fresh data',
        async () => {
          await db.insert(c('counters'), { _id: 'c', seq: 0 })
          let runs = 0
          const result = await db.transaction(async (tx) => {
            runs++
            const counter = await tx.get<{ seq: number }>(c('counters'), 'c')
            if (runs === 1) await h.other.update(c('counters'), 'c', { seq: 10 }, counter!._version)
            await tx.update(c('counters'), 'c', { seq: counter!.seq + 1 }, counter!._version)
            return counter!.seq + 1
          })
          expect(runs).toBe(2)
          expect(result).toBe(11)
          await expect(db.get(c('counters'), 'c')).resolves.toEqual({ _id: 'c', _version: 3, seq: 11 })
        },
        timeout,
      )

      test(
        'a change to a document the transaction only read makes the work run again',
        async () => {
          await db.insert(c('prices'), { _id: 'p', value: 5 })
          await db.insert(c('orders'), { _id: 'earlier', total: 1 })
          let runs = 0
          await db.transaction(async (tx) => {
            runs++
            const price = await tx.get<{ value: number }>(c('prices'), 'p')
            if (runs === 1) await h.other.update(c('prices'), 'p', { value: 7 }, price!._version)
            await tx.insert(c('orders'), { _id: 'o', total: price!.value * 2 })
          })
          expect(runs).toBe(2)
          await expect(db.get(c('orders'), 'o')).resolves.toEqual({ _id: 'o', _version: 1, total: 14 })
        },
        timeout,
      )

      test(
        'a document read as absent and inserted by another before the commit makes the work run again',
        async () => {
          // Collections that exist already (CloudBase runs a transaction again after creating one).
          await db.insert(c('claims'), { _id: 'earlier', owner: 'x' })
          await db.insert(c('ledger'), { _id: 'earlier' })
          let runs = 0
          const seen: Array<string | null> = []
          await db.transaction(async (tx) => {
            runs++
            const claim = await tx.get<{ owner: string }>(c('claims'), 'k')
            seen.push(claim?.owner ?? null)
            if (runs === 1) await h.other.insert(c('claims'), { _id: 'k', owner: 'other' })
            // Only read, never written here: the commit alone can notice that it appeared.
            await tx.insert(c('ledger'), { _id: 'decision', owner: claim?.owner ?? 'nobody' })
          })
          expect(runs).toBe(2)
          expect(seen).toEqual([null, 'other'])
          await expect(db.get(c('ledger'), 'decision')).resolves.toEqual({
            _id: 'decision',
            _version: 1,
            owner: 'other',
          })
        },
        timeout,
      )

      test(
        'a document read and removed by another before the commit makes the work run again',
        async () => {
          await db.insert(c('prices'), { _id: 'p', value: 5 })
          await db.insert(c('orders'), { _id: 'earlier' })
          let runs = 0
          const result = await db.transaction(async (tx) => {
            runs++
            const price = await tx.get<{ value: number }>(c('prices'), 'p')
            if (runs === 1) await h.other.remove(c('prices'), 'p')
            await tx.insert(c('orders'), { _id: `o${runs}`, priced: price !== null })
            return price
          })
          expect(runs).toBe(2)
          expect(result).toBeNull()
          await expect(db.get(c('orders'), 'o1')).resolves.toBeNull()
          await expect(db.get(c('orders'), 'o2')).resolves.toEqual({ _id: 'o2', _version: 1, priced: false })
        },
        timeout,
      )

      test(
        'reads inside one attempt are a snapshot: a second read returns the first, even after a change',
        async () => {
          await db.insert(c('counters'), { _id: 'c', seq: 0 })
          const reads: number[][] = []
          await db.transaction(async (tx) => {
            const first = await tx.get<{ seq: number }>(c('counters'), 'c')
            if (reads.length === 0) await h.other.update(c('counters'), 'c', { seq: 5 }, 1)
            const second = await tx.get<{ seq: number }>(c('counters'), 'c')
            reads.push([first!.seq, second!.seq])
          })
          expect(reads).toEqual([
            [0, 0],
            [5, 5],
          ])
        },
        timeout,
      )

      test(
        'a document that changes before every commit makes the transaction give up, writing nothing',
        async () => {
          await db.insert(c('counters'), { _id: 'hot', seq: 0 })
          await db.insert(c('ledger'), { _id: 'earlier' })
          let runs = 0
          const error = await db
            .transaction(async (tx) => {
              runs++
              const hot = await tx.get<{ seq: number }>(c('counters'), 'hot')
              await h.other.update(c('counters'), 'hot', { seq: hot!.seq + 100 }, hot!._version)
              await tx.insert(c('ledger'), { _id: `attempt-${runs}` })
            })
            .catch((e: unknown) => e)
          expect(error).toBeInstanceOf(VersionConflictError)
          expect(runs).toBeGreaterThan(1)
          await expect(db.count(c('ledger'))).resolves.toBe(1)
          await expect(db.get(c('counters'), 'hot')).resolves.toMatchObject({ seq: runs * 100 })
        },
        timeout,
      )

      test(
        'two transactions inserting the same absent id: one inserts, the other sees its document on retry',
        async () => {
          const arrive = barrier(2, 5_000)
          const attempts = { one: 0, two: 0 }
          const claim = (store: DocStore, who: 'one' | 'two') =>
            store.transaction(async (tx) => {
              attempts[who]++
              const existing = await tx.get<{ owner: string }>(c('claims'), 'k')
              if (attempts[who] === 1) await arrive()
              if (existing) return { created: false, owner: existing.owner }
              await tx.insert(c('claims'), { _id: 'k', owner: who })
              return { created: true, owner: who }
            })
          const [one, two] = await Promise.all([claim(db, 'one'), claim(h.other, 'two')])
          expect([one.created, two.created].sort()).toEqual([false, true])
          const winner = one.created ? 'one' : 'two'
          const loser = one.created ? 'two' : 'one'
          expect(one.owner).toBe(winner)
          expect(two.owner).toBe(winner)
          expect(attempts[loser]).toBeGreaterThanOrEqual(2)
          await expect(db.get(c('claims'), 'k')).resolves.toEqual({ _id: 'k', _version: 1, owner: winner })
        },
        timeout,
      )

      test(
        'concurrent increments through transactions lose no update',
        async () => {
          await db.insert(c('counters'), { _id: 'n', seq: 0 })
          const increment = (store: DocStore) =>
            store.transaction(async (tx) => {
              const counter = await tx.get<{ seq: number }>(c('counters'), 'n')
              await tx.update(c('counters'), 'n', { seq: counter!.seq + 1 }, counter!._version)
              return counter!.seq + 1
            })
          const results = await Promise.all([
            increment(db),
            increment(h.other),
            increment(db),
            increment(h.other),
          ])
          expect([...results].sort()).toEqual([1, 2, 3, 4])
          await expect(db.get(c('counters'), 'n')).resolves.toEqual({ _id: 'n', _version: 5, seq: 4 })
        },
        timeout,
      )

      test(
        'inserting a taken id it did not read fails with DuplicateKeyError and writes nothing',
        async () => {
          await db.insert(c('ledger'), { _id: 'taken', n: 1 })
          let runs = 0
          await expect(
            db.transaction(async (tx) => {
              runs++
              await tx.insert(c('ledger'), { _id: 'fresh' })
              await tx.insert(c('ledger'), { _id: 'taken', n: 2 })
            }),
          ).rejects.toBeInstanceOf(DuplicateKeyError)
          expect(runs).toBe(1)
          await expect(db.get(c('ledger'), 'fresh')).resolves.toBeNull()
          await expect(db.get(c('ledger'), 'taken')).resolves.toEqual({ _id: 'taken', _version: 1, n: 1 })
        },
        timeout,
      )

      test(
        'a wrong expected version or a missing document inside the work fails at once, without retry',
        async () => {
          await db.insert(c('accounts'), { _id: 'a', balance: 1 })
          let runs = 0
          await expect(
            db.transaction(async (tx) => {
              runs++
              const a = await tx.get(c('accounts'), 'a')
              await tx.update(c('accounts'), 'a', { balance: 2 }, a!._version + 5)
            }),
          ).rejects.toBeInstanceOf(VersionConflictError)
          expect(runs).toBe(1)
          await expect(
            db.transaction((tx) => tx.update(c('accounts'), 'missing', { balance: 2 }, 1)),
          ).rejects.toBeInstanceOf(DocNotFoundError)
          await expect(db.get(c('accounts'), 'a')).resolves.toEqual({ _id: 'a', _version: 1, balance: 1 })
        },
        timeout,
      )
    })
  })
}
