// Repeat reports in every jurisdiction, end to end on the embedded store: citizens file reports naming the same
// enterprise on successive days; at the profile's threshold the intake applies the profile's repeat action to
// the case holding the target, through the workflow as the system — 提级办理 (焦作 S0 第十一条), 督办 (天津
// S1 第十四条; national baseline S3 第十五条(二)), 领导包案 (九龙坡 S2 第八条), 重点信访案件 (海东 S4 四(二)) —
// with its history entry, flag and notices (local outbox), once; the early warning is checked after it.
import type { CaseTimelineEntry } from '../../shared/contracts/cases'
import type { CaseDoc } from '../../shared/cases/case-doc'
import type { OutboxEntry } from '../../local/adapters/outbox-notifier'
import { demoPlaces } from '../../local/demo-places'
import type { HistoryEntry } from '../../shared/workflow'
import { startHarness, type Harness } from '../support/local-harness'
import { reportInput } from '../support/reports'

jest.setTimeout(60_000)

type StaffView = {
  important: boolean
  escalated: boolean
  supervised: boolean
  leaderCase: boolean
  timeline: CaseTimelineEntry[]
}
type ReporterView = { unread: number; timeline: Array<{ kind: string; label: string; detail?: string }> }

const DAY = 86_400_000
const NAMES = [
  '恒通化工有限公司',
  '恒通化工厂',
  '恒通化工（集团）有限公司',
  '恒通化工',
  '恒通化工有限责任公司',
]
const REPORTED_TO_REPORTERS = '多次反映，已加强办理'

interface Jurisdiction {
  article: string
  deployment: string
  profileId?: string
  /** The demo place (county) the reports are filed in. */
  place: string
  event: string
  ground: string
  /** The article the action rests on, recorded with the count. */
  cite: RegExp
  flag: (view: StaffView) => boolean
  /** Staff who must hear of it (persona openid → notice text). */
  staffNotices: Array<[openid: string, text: string]>
  reporterLabel: string
}

const JURISDICTIONS: Jurisdiction[] = [
  {
    article: '焦作 S0 第十一条：重复举报3次以上，提级办理',
    deployment: 'jiaozuo',
    place: '山阳区',
    event: 'escalate',
    ground: 'repeat-reports',
    cite: /S0 第十一条/,
    flag: (v) => v.escalated,
    staffNotices: [
      ['dev-office-head', '案件提级办理'], // the branch: its head leads the site visit
      ['dev-leader', '案件提级办理'],
      ['dev-supervisor', '案件提级办理'], // 市执法支队: 专人督办
    ],
    reporterLabel: '多次反映，已提级办理',
  },
  {
    article: '天津 S1 第十四条：对重复举报的事项督促区县认真办理',
    deployment: 'tianjin',
    place: '和平区',
    event: 'supervise',
    ground: 'repeated-reports',
    cite: /S1 第十四条/,
    flag: (v) => v.supervised,
    staffNotices: [
      ['dev-office-head', '案件已被督办'],
      ['dev-leader', '案件已被督办'],
    ],
    reporterLabel: '多次反映，已督办',
  },
  {
    article: '全国基线 S3 第十五条(二)：问题久拖不决，公众反复举报，上级督办',
    deployment: 'tianjin',
    profileId: 'national',
    place: '和平区',
    event: 'supervise',
    ground: 'repeated-reports',
    cite: /S3 第十五条\(二\)/,
    flag: (v) => v.supervised,
    staffNotices: [
      ['dev-office-head', '案件已被督办'],
      ['dev-leader', '案件已被督办'],
    ],
    reporterLabel: '多次反映，已督办',
  },
  {
    article: '九龙坡 S2 第八条：信访积案列入局领导包案范围',
    deployment: 'jiulongpo',
    place: '九龙坡区',
    event: 'list-leader-case',
    ground: 'backlog',
    cite: /S2 第八条/,
    flag: (v) => v.leaderCase,
    staffNotices: [
      ['dev-leader', '案件列入领导包案'],
      ['dev-office-head', '案件列入领导包案'], // 支队: the handling unit
    ],
    reporterLabel: '多次反映，已列入领导包案',
  },
  {
    article: '海东 S4 四(二)：群众反映集中，属于重点信访案件',
    deployment: 'haidong',
    place: '平安区',
    event: 'mark-important',
    ground: 'many-affected',
    cite: /S4 四\(二\)/,
    flag: (v) => v.important,
    staffNotices: [['dev-leader', '重要案件']],
    reporterLabel: '多次反映，已列为重点案件',
  },
]

function placeOf(h: Harness, name: string) {
  const place = demoPlaces(h.runtime).find((p) => p.name === name)
  if (!place) throw new Error(`no demo place ${name}`)
  return { lat: place.lat, lng: place.lng, coordSystem: place.coordSystem, address: `${name}某工业园` }
}

async function fileReport(h: Harness, i: number, location: ReturnType<typeof placeOf>, category = 'air') {
  const input = reportInput({
    requestType: 'report',
    category,
    source: 'industrial',
    description: '化工厂每天傍晚排放刺鼻气味，周边居民多次反映仍未解决。',
    reportedEntity: NAMES[i % NAMES.length],
    location: { ...location, lat: location.lat + i * 0.0003 },
  })
  return (await h.ok<{ caseId: string }>('cases', 'submitReport', input, `reporter-${i}`)).caseId
}

const repeatEntries = (doc: CaseDoc | null) =>
  (doc?.history ?? []).filter((e: HistoryEntry) => 'repeats' in e.event && e.event.repeats)

async function outbox(h: Harness, to: string): Promise<OutboxEntry[]> {
  return (await h.runtime.db.find<OutboxEntry>('outbox', { filter: { to }, limit: 100 })).items
}

describe.each(JURISDICTIONS)('$article', (j) => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({
      deployment: j.deployment,
      profileId: j.profileId,
      now: '2026-11-23T10:00:00+08:00',
    })
  })
  afterAll(async () => {
    await h.close()
  })

  test('the third reporter sets it off on the first case, as the system, once; the fourth and fifth add nothing', async () => {
    const location = placeOf(h, j.place)
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      ids.push(await fileReport(h, i, location))
      h.clock.advance(DAY)
      const holder = await h.runtime.db.get<CaseDoc>('cases', ids[0]!)
      expect({ reports: i + 1, entries: repeatEntries(holder).length }).toEqual({
        reports: i + 1,
        entries: i >= 2 ? 1 : 0,
      })
    }
    for (const other of ids.slice(1)) {
      expect(repeatEntries(await h.runtime.db.get<CaseDoc>('cases', other))).toEqual([])
    }

    // The history entry: the event on its repeat ground, with the count and the article, by the intake.
    const holder = (await h.runtime.db.get<CaseDoc>('cases', ids[0]!))!
    const [entry] = repeatEntries(holder)
    expect(entry!.actor).toEqual({ kind: 'system', id: 'intake' })
    expect(entry!.event).toMatchObject({ type: j.event, repeats: { count: 3, threshold: 3, windowDays: 90 } })
    const event = entry!.event as { reason?: string; ground?: string; repeats: { basis: string } }
    expect(event.reason ?? event.ground).toBe(j.ground)
    expect(event.repeats.basis).toMatch(j.cite)
    expect(holder.flags.repeatAction).toMatchObject({ event: j.event, count: 3 })

    // Staff see the flag and the count with its article, done by the system.
    const staff = await h.ok<StaffView>('staff', 'getCase', { caseId: ids[0] }, 'dev-supervisor')
    expect(j.flag(staff)).toBe(true)
    const line = staff.timeline.find((t) => t.kind === j.event)
    expect(line?.detail).toMatch(/^重复举报 3 次（90 日内，3 次以上；依据：.+）$/)
    expect(line?.actor).toEqual({ name: null, post: '系统 · 重复举报计数' })
    // …and what must be done (the event's own fields: the ground, and the instructions or the note).
    expect([...(line?.lines ?? []), ...(line?.sections ?? [])].length).toBeGreaterThan(1)

    // Notices: the staff who must act, and the reporter of the case.
    for (const [openid, text] of j.staffNotices) {
      const mine = (await outbox(h, openid)).filter((m) => m.page.includes(ids[0]!) && m.data.thing2 === text)
      expect({ openid, text, sent: mine.length }).toEqual({ openid, text, sent: 1 })
    }
    const toReporter = (await outbox(h, 'reporter-0')).filter((m) => m.data.thing2 === REPORTED_TO_REPORTERS)
    expect(toReporter).toHaveLength(1)
    expect(toReporter[0]).toMatchObject({ template: 'case-progress', page: `pages/case/index?id=${ids[0]}` })
    // Nobody else's case told its reporter anything of the kind.
    for (let i = 1; i < 5; i++) {
      const others = (await outbox(h, `reporter-${i}`)).filter((m) => m.data.thing2 === REPORTED_TO_REPORTERS)
      expect(others).toEqual([])
    }

    // The reporter sees it on the case, as news.
    const mine = await h.ok<ReporterView>('cases', 'getMine', { caseId: ids[0] }, 'reporter-0')
    const told = mine.timeline.find((t) => t.kind === j.event)
    expect(told).toMatchObject({ label: j.reporterLabel })
    expect(told?.detail).toMatch(/近 90 日内已被反映 3 次/)
    expect(mine.unread).toBe(1)
  })

  test('when every earlier report on the target has ended, the new report takes the action on its way in', async () => {
    const location = placeOf(h, j.place)
    const entity = '永盛造纸有限公司'
    const file = async (reporter: string) =>
      (
        await h.ok<{ caseId: string }>(
          'cases',
          'submitReport',
          reportInput({ requestType: 'report', category: 'water', reportedEntity: entity, location }),
          reporter,
        )
      ).caseId
    const earlier = [await file('ended-0')]
    h.clock.advance(DAY)
    earlier.push(await file('ended-1'))
    h.clock.advance(DAY)
    // Handled and archived since (a shortcut through the store: the workflow's own path is tested elsewhere).
    for (const id of earlier) {
      const doc = (await h.runtime.db.get<CaseDoc>('cases', id))!
      await h.runtime.db.update<CaseDoc>('cases', id, { status: 'archived', open: false }, doc._version)
    }
    const third = await file('ended-2')

    // Stored once, with the action: registered and acted on in one write.
    const doc = (await h.runtime.db.get<CaseDoc>('cases', third))!
    expect(doc._version).toBe(1)
    expect(doc.history.map((e) => e.event.type)).toEqual(['register', j.event])
    expect(doc.history[1]!.actor).toEqual({ kind: 'system', id: 'intake' })
    expect(doc.history[1]!.event).toMatchObject({ repeats: { count: 3, threshold: 3, windowDays: 90 } })
    expect(doc.flags.repeatAction).toMatchObject({ event: j.event, count: 3 })
    expect(j.flag(await h.ok<StaffView>('staff', 'getCase', { caseId: third }, 'dev-supervisor'))).toBe(true)
    for (const id of earlier) expect(repeatEntries(await h.runtime.db.get<CaseDoc>('cases', id))).toEqual([])

    // The same notices as an action applied once stored: the staff who must act, and its reporter.
    for (const [openid, text] of j.staffNotices) {
      const mine = (await outbox(h, openid)).filter((m) => m.page.includes(third) && m.data.thing2 === text)
      expect({ openid, text, sent: mine.length }).toEqual({ openid, text, sent: 1 })
    }
    const toReporter = (await outbox(h, 'ended-2')).filter((m) => m.data.thing2 === REPORTED_TO_REPORTERS)
    expect(toReporter).toHaveLength(1)
    const mine = await h.ok<ReporterView>('cases', 'getMine', { caseId: third }, 'ended-2')
    expect(mine.timeline.find((t) => t.kind === j.event)).toMatchObject({ label: j.reporterLabel })
  })
})

async function escalated(h: Harness, ids: readonly string[]): Promise<string[]> {
  const docs = await Promise.all(ids.map((id) => h.runtime.db.get<CaseDoc>('cases', id)))
  return docs.flatMap((d) => (d?.flags.escalated ? [d._id] : []))
}

describe('after the repeat action, the early warning (S3 第十六条) is still checked', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness({ now: '2026-11-23T10:00:00+08:00' })
  })
  afterEach(async () => {
    await h.close()
  })

  // Five neighbours report the same construction site's noise within hours: 提级办理 at the third, one warning
  // at the fifth.
  test('escalated at the third report, warned at the fifth', async () => {
    const location = placeOf(h, '山阳区')
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      ids.push(await fileReport(h, i, location, 'noise'))
      h.clock.advance(3600_000)
      expect({ reports: i + 1, warnings: await h.runtime.db.count('warnings') }).toEqual({
        reports: i + 1,
        warnings: i >= 4 ? 1 : 0,
      })
    }
    expect(await escalated(h, ids)).toEqual([ids[0]])
  })

  test('a repeat count that fails fails neither the submit nor the warning', async () => {
    const db = h.runtime.db
    const find = db.find.bind(db)
    // The repeat count's query (by entity) breaks; the early warning's (by place) still works.
    jest
      .spyOn(db, 'find')
      .mockImplementation((collection, query) =>
        query.filter && 'entityKey' in query.filter
          ? Promise.reject(new Error('store down'))
          : find(collection, query),
      )
    const location = placeOf(h, '山阳区')
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      ids.push(await fileReport(h, i, location, 'noise'))
      h.clock.advance(3600_000)
    }
    expect(await h.runtime.db.count('cases')).toBe(5)
    expect(await h.runtime.db.count('warnings')).toBe(1)
    expect(await escalated(h, ids)).toEqual([])
  })
})
