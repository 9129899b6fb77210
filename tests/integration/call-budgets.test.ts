// DocStore calls per action, counted on the port while the real functions run on the embedded store. In the
// cloud every call is a network round trip (against a 3 s function timeout), so these are budgets (issue 11):
//   - a citizen's submit: at most 8, its statistics included — also where the place and the reporter already
//     have many earlier reports, so the repeat count and the early-warning check find them (one query answers
//     both). Besides that, only what the report itself brings, each named below: naming an entity (the repeat
//     count reads by the entity, the early warning by place: one query more), a category a business section
//     follows (S0 第十七条: each copy's record and audit record, in the case's transaction), and what it sets off (a repeat action: the workflow's write on the case it is applied to, that write's notices and
//     the one statistics month the action counts in; a new warning: its insert and the supervising unit's
//     notice); photos add their records' read and their attachment;
//   - a page of a staff inbox, one unit or fourteen, first page or later: at most 3;
//   - a case detail, the staff's (staff.getCase) and the reporter's own (cases.getMine): at most 3.
// Counted on a warm instance: the working calendar is read once per instance every few minutes (calendar.ts).
import { calendarFor } from '../../cloudfunctions/common/calendar'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { observeDocStore, type DocStoreCall } from '../../cloudfunctions/common/db/observed'
import { caseStatId, type CaseStatDoc } from '../../cloudfunctions/common/stats/case-stats'
import type { FindOptions } from '../../cloudfunctions/common/ports'
import type { CaseDoc } from '../../shared/cases/case-doc'
import { sectionsFor } from '../../shared/sharing/sharing'
import { demoPlaces } from '../../local/demo-places'
import { startHarness, type Harness } from '../support/local-harness'
import { northOf, reportInput, STAFF } from '../support/reports'
import { uploadPhoto } from '../support/uploads'

jest.setTimeout(60_000)

const SUBMIT = 8
const INBOX_PAGE = 3
const CASE_DETAIL = 3

const HOUR = 3600_000
const EARLIER_REPORTS = 90
const FREQUENT_REPORTER = 'citizen-frequent'
const ENTITY = '恒通化工有限公司'

let h: Harness

const at = (location: { lat: number; lng: number }, address = '焦作市山阳区塔南路') => ({
  ...location,
  coordSystem: 'gcj02',
  address,
})

function placeIn(county: string, address: string) {
  const place = demoPlaces(h.runtime).find((p) => p.name === county)
  if (!place) throw new Error(`no demo place ${county}`)
  return { lat: place.lat, lng: place.lng, coordSystem: place.coordSystem, address }
}

interface Counted<T> {
  result: T
  calls: DocStoreCall[]
  /** Rows each find answered, in call order. */
  rows: Array<{ options: FindOptions; found: number }>
}

/** Runs `work` with the DocStore observed: every call the functions make on the port, and what finds answered. */
async function counted<T>(work: () => Promise<T>): Promise<Counted<T>> {
  await calendarFor(h.runtime) // a warm instance
  const base = h.runtime.db
  const calls: DocStoreCall[] = []
  const rows: Counted<T>['rows'] = []
  const find = base.find.bind(base)
  const spy = jest.spyOn(base, 'find').mockImplementation(async (collection, options) => {
    const page = await find(collection, options)
    rows.push({ options, found: page.items.length })
    return page
  })
  h.runtime.db = observeDocStore(base, (call) => calls.push(call))
  try {
    return { result: await work(), calls, rows }
  } finally {
    h.runtime.db = base
    spy.mockRestore()
  }
}

const label = (c: DocStoreCall) =>
  `${c.inTransaction ? 'tx.' : ''}${c.op}${c.collection ? ` ${c.collection}` : ''}${
    c.options?.filter ? ` ${Object.keys(c.options.filter).join(',')}` : ''
  }`

/** Fails with the list of calls when there are more than `budget`. */
function expectWithin(calls: readonly DocStoreCall[], budget: number): void {
  const list = calls.map(label)
  expect(list.length <= budget ? `within ${budget}` : list.join(' | ')).toBe(`within ${budget}`)
}

async function submit(openid: string, overrides: Record<string, unknown> = {}) {
  return h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(overrides), openid)
}

/** Calls a copy to a business section adds: its record and its audit record, in the case's transaction. */
const PER_COPY = 2

/**
 * What the report itself brings beyond a plain report (counted from the stored case): an entity named and the
 * business sections its category concerns. Its statistics are one contribution, whenever its clocks fall due.
 */
async function reportExtras(caseId: string): Promise<number> {
  const doc = (await h.runtime.db.get<CaseDoc & { statMonths: string[] }>('cases', caseId))!
  expect(doc.statMonths).toHaveLength(1)
  const copies = sectionsFor(h.runtime.deployment.sharing, doc).length
  return (doc.entityKey ? 1 : 0) + PER_COPY * copies
}

/** Rows the repeat count's and the early warning's queries found (by their filters). */
function intakeRows(rows: Counted<unknown>['rows']) {
  const cases = rows.filter((r) => r.options.filter && 'createdAt' in r.options.filter)
  return {
    byEntity: cases.filter((r) => 'entityKey' in r.options.filter!).map((r) => r.found),
    byPlace: cases.filter((r) => 'category' in r.options.filter!).map((r) => r.found),
  }
}

const escalatedCases = async () => await h.runtime.db.count('cases', { 'flags.repeatAction': { $ne: null } })

beforeAll(async () => {
  h = await startHarness({ now: '2026-09-01T09:00:00+08:00' })
  // Eleven weeks of noise reports from one spot (a construction site by 塔南路), one about every 21 hours, each
  // within 100 m of the others, from 60 neighbours — one of them files a third of all — and every third naming
  // the contractor. Filed through the real functions: the third report set off the repeat action (提级办理,
  // S0 第十一条), the fifth neighbour within a week raised the early warning (S3 第十六条), later ones joined it.
  for (let i = 0; i < EARLIER_REPORTS; i++) {
    const reporter = i % 3 === 1 ? FREQUENT_REPORTER : `neighbour-${i % 60}`
    await submit(reporter, {
      location: at(northOf((i % 10) * 10)),
      ...(i % 3 === 2 ? { reportedEntity: ENTITY } : {}),
    })
    h.clock.advance(21 * HOUR)
  }
  expect(await escalatedCases()).toBe(2) // the place's, and the entity's
  expect(await h.runtime.db.count('warnings')).toBe(1)
})

afterAll(async () => {
  await h.close()
})

describe(`a submit makes at most ${SUBMIT} DocStore calls`, () => {
  test('where the place and the reporter have many earlier reports: repeats counted, the cluster joined', async () => {
    const { result, calls, rows } = await counted(() =>
      submit(FREQUENT_REPORTER, { location: at(northOf(30)) }),
    )
    expectWithin(calls, SUBMIT + (await reportExtras(result.caseId)))
    // One query found the earlier reports for both checks: every report around the place in the 90 days the
    // repeat count looks at, the last week's among them for the early warning.
    const found = intakeRows(rows)
    expect(found.byPlace).toHaveLength(1)
    expect(found.byPlace[0]).toBeGreaterThanOrEqual(EARLIER_REPORTS - 5)
    const doc = await h.runtime.db.get<CaseDoc>('cases', result.caseId)
    expect(doc?.warningKey).toMatch(/^ew:noise:/)
    expect(await escalatedCases()).toBe(2)
    expect(await h.runtime.db.count('warnings')).toBe(1)
  })

  test('naming an entity with many earlier reports', async () => {
    const { result, calls, rows } = await counted(() =>
      submit('neighbour-new', { location: at(northOf(40)), reportedEntity: ENTITY }),
    )
    expectWithin(calls, SUBMIT + (await reportExtras(result.caseId)))
    expect(intakeRows(rows).byEntity[0]).toBeGreaterThanOrEqual(EARLIER_REPORTS / 3 - 2)
    expect(await escalatedCases()).toBe(2)
  })

  test('on a store with nothing like it', async () => {
    const location = placeIn('温县', '温县城区某小区')
    const { result, calls } = await counted(() => submit('citizen-alone', { location, category: 'water' }))
    expectWithin(calls, SUBMIT + (await reportExtras(result.caseId)))
  })

  test.each([
    ['early in a month: its clocks fall due in it', '2026-12-01T09:00:00+08:00', null],
    ['late in a month: its clocks fall due in the next', '2026-12-28T09:00:00+08:00', '2027-01'],
  ])(
    'a plain report — no entity, no business section — makes 8 and nothing more (%s)',
    async (_when, now, overdueMonth) => {
      h.clock.set(now)
      const location = placeIn('博爱县', '博爱县某村')
      const { result, calls } = await counted(() =>
        submit('citizen-plain', { location, category: 'ecology' }),
      )
      expect(await reportExtras(result.caseId)).toBe(0)
      expectWithin(calls, SUBMIT)
      // Its one contribution carries the day it would fall overdue, and that day's month when it is a later one.
      const stats = await h.runtime.db.get<CaseStatDoc>(
        COLLECTIONS.caseStats,
        caseStatId(result.caseId, '2026-12'),
      )
      expect(stats?.overdueMonth).toBe(overdueMonth)
    },
  )

  test('a retried submit answers the case it filed, within the same budget', async () => {
    const input = reportInput({ location: placeIn('温县', '温县城区某小区'), category: 'ecology' })
    const first = await h.ok<{ caseId: string; refNo: string }>(
      'cases',
      'submitReport',
      input,
      'citizen-retry',
    )
    const { result, calls } = await counted(() =>
      h.ok<{ caseId: string; refNo: string; replayed: boolean }>(
        'cases',
        'submitReport',
        input,
        'citizen-retry',
      ),
    )
    expect(result).toMatchObject({ caseId: first.caseId, refNo: first.refNo, replayed: true })
    expectWithin(calls, SUBMIT + (await reportExtras(result.caseId)))
  })
})

describe('a report that sets something off adds what it sets off', () => {
  test('the report that reaches the repeat threshold: the repeat action on the case holding the target', async () => {
    const location = placeIn('修武县', '修武县某工业园')
    const named = { location, category: 'air', reportedEntity: '金泰混凝土搅拌站' }
    for (const reporter of ['first-reporter', 'second-reporter']) {
      await submit(reporter, named)
      h.clock.advance(24 * HOUR)
    }
    const before = await escalatedCases()
    const { result, calls } = await counted(() => submit('third-reporter', named))
    expect(await escalatedCases()).toBe(before + 1)
    // The action: the case read, its versioned write in a transaction, its notices' staff and followers, and in
    // that write the one month of the holder's statistics the action counts in (read and rewritten; its other
    // months are left as they were).
    expectWithin(calls, SUBMIT + 5 + 2 + (await reportExtras(result.caseId)))
  })

  test('the report that completes a cluster: the warning inserted with it', async () => {
    const location = placeIn('孟州市', '孟州市某化工园区')
    for (let i = 0; i < 4; i++) {
      await submit(`resident-${i}`, { location: { ...location, lat: location.lat + i * 0.0005 } })
      h.clock.advance(HOUR)
    }
    const before = await h.runtime.db.count('warnings')
    const { result, calls } = await counted(() => submit('resident-4', { location }))
    expect(await h.runtime.db.count('warnings')).toBe(before + 1)
    // The warning's id read (a cluster is warned about once), its insert and the supervising unit's staff told
    // (S3 第十六条); the repeat action set off by the third of these neighbours is behind us.
    expectWithin(calls, SUBMIT + 3 + (await reportExtras(result.caseId)))
  })

  test('photos: their records read at once, each attached in the same write', async () => {
    const photos = [await uploadPhoto(h, 'citizen-photos'), await uploadPhoto(h, 'citizen-photos')]
    const location = placeIn('沁阳市', '沁阳市某路口')
    const { result, calls } = await counted(() => submit('citizen-photos', { location, photos }))
    expectWithin(calls, SUBMIT + 1 + 2 * photos.length + (await reportExtras(result.caseId)))
  })
})

describe('a busy place: more earlier reports than one page holds', () => {
  // More than 100 reports of the category within the wider search (the larger radius, the longer window): the one
  // query cannot answer both checks. It still answers one where it can: the repeat count where it was its own query
  // (it searched no wider: the same radius, and its 90 days are the longer window), oldest first; else, newest
  // first, the early warning when its 100 reports reach back past the warning's window (7 days). The other check
  // runs its own query.
  const BUSY = 101

  async function busyPlace(county: string, category: string, apart: number) {
    const place = placeIn(county, `${county}某工地`)
    for (let i = 0; i < BUSY; i++) {
      await submit(`busy-${category}-${apart}-${i}`, {
        category,
        location: { ...place, lat: place.lat + (i % 10) * 0.00005 },
      })
      h.clock.advance(apart)
    }
    return place
  }

  test.each([
    // Noise: repeats within 300 m, the cluster within 500 m. All 101 in a day: the page holds the last day only,
    // so neither check can take it — two queries of their own.
    ['noise', '武陟县', HOUR / 4, 2],
    // The same place with the reports 4 hours apart: the newest 100 span 16 days, past the warning's 7 — the repeat
    // count's own query only.
    ['noise', '修武县', 4 * HOUR, 1],
    // Air: both within 1,000 m — the one query was the repeat count's; the early warning's own (its 7 days).
    ['air', '中站区', HOUR / 4, 1],
  ])(
    '%s, %p ms apart: one query more for each check that needs its own',
    async (category, county, apart, extra) => {
      h.clock.set('2027-01-10T09:00:00+08:00')
      const location = await busyPlace(county, category, apart)
      const { result, calls, rows } = await counted(() =>
        submit(`busy-${category}-last`, { category, location }),
      )
      const found = intakeRows(rows).byPlace
      expect(found).toHaveLength(1 + extra)
      expect(found[0]).toBe(100)
      expectWithin(calls, SUBMIT + extra + (await reportExtras(result.caseId)))
      const doc = await h.runtime.db.get<CaseDoc>('cases', result.caseId)
      expect(doc?.warningKey).toMatch(new RegExp(`^ew:${category}:`))
    },
  )
})

describe(`a staff inbox page makes at most ${INBOX_PAGE} DocStore calls`, () => {
  test.each([
    ['an officer of one unit', STAFF.officer],
    ['a supervisor over 14 units', STAFF.supervisor],
  ])('%s, the first page and a later one', async (_who, openid) => {
    for (const scope of ['open', 'all']) {
      const first = await counted(() =>
        h.ok<{ next: string | null }>('staff', 'inbox', { scope, limit: 20 }, openid),
      )
      expectWithin(first.calls, INBOX_PAGE)
      expect(first.result.next).not.toBeNull()
      const second = await counted(() =>
        h.ok('staff', 'inbox', { scope, limit: 20, cursor: first.result.next }, openid),
      )
      expectWithin(second.calls, INBOX_PAGE)
    }
  })
})

describe(`a case detail makes at most ${CASE_DETAIL} DocStore calls`, () => {
  test('the staff case file (staff.getCase) and the reporter’s own view (cases.getMine)', async () => {
    const { caseId } = await submit(FREQUENT_REPORTER, { location: at(northOf(20)) })
    const staff = await counted(() => h.ok('staff', 'getCase', { caseId }, STAFF.supervisor))
    expectWithin(staff.calls, CASE_DETAIL)
    const mine = await counted(() => h.ok('cases', 'getMine', { caseId }, FREQUENT_REPORTER))
    expectWithin(mine.calls, CASE_DETAIL)
  })
})
