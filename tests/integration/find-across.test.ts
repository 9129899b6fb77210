// findAcross (one `$in` query, served as one index range per value merged in order) pages through exactly the
// documents of those values, in the total order (createdAt desc, then _id desc), with no gap or repeat.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findAcross } from '../../cloudfunctions/common/db/find-across'
import { SqliteDocStore } from '../../local/adapters/sqlite-docstore'

let dir: string
let store: SqliteDocStore
const docs: Array<{ _id: string; unitId: string; status: string; createdAt: string }> = []
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gw-across-'))
  store = new SqliteDocStore(path.join(dir, 'db.sqlite'))
  const units = ['u1', 'u2', 'u3', 'u4']
  for (let i = 0; i < 257; i++) {
    docs.push({
      _id: `c${String(i).padStart(4, '0')}`,
      unitId: units[(i * 7) % 4]!,
      status: i % 3 === 0 ? 'closed' : 'registered',
      // Ties on createdAt (every 5 share a minute) exercise the _id tiebreak.
      createdAt: new Date(Date.UTC(2026, 10, 1) + Math.floor(i / 5) * 60_000).toISOString(),
    })
  }
  store.insertMany('cases', docs)
})
afterAll(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

async function all(
  pageOf: (after: string | null) => Promise<{ items: Array<{ _id: string }>; next: string | null }>,
) {
  const ids: string[] = []
  let after: string | null = null
  let pages = 0
  do {
    const page = await pageOf(after)
    ids.push(...page.items.map((d) => d._id))
    after = page.next
    pages++
  } while (after && pages < 100)
  return ids
}

test.each([7, 20, 100])(
  'pages of %i across three units equal the $in query, with no gaps or repeats',
  async (limit) => {
    const filter = { status: 'registered' }
    const orderBy = [['createdAt', 'desc']] as const
    const across = await all((after) =>
      findAcross(store, 'cases', 'unitId', ['u1', 'u3', 'u4'], { filter, orderBy, limit, after }),
    )
    const expected = docs
      .filter((d) => d.status === 'registered' && ['u1', 'u3', 'u4'].includes(d.unitId))
      .sort((a, b) =>
        a.createdAt === b.createdAt ? (a._id < b._id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
      )
      .map((d) => d._id)
    expect(across).toEqual(expected)
    expect(new Set(across).size).toBe(across.length)
    expect(across.length).toBeGreaterThan(100)
  },
)

test('no values → an empty page', async () => {
  expect(await findAcross(store, 'cases', 'unitId', [], { limit: 10 })).toEqual({ items: [], next: null })
})
