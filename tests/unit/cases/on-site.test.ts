// 现场 as staff read it (shared/cases/views/on-site.ts): each check-in's distance from the reported place, far ones
// flagged at the policy's threshold (a decision: 500 m, never refused), the phone's clock beside the server's;
// photos with their stamps; readings against the limit of their standard for the time of day (GB 12523-2011 表1:
// 昼间 70, 夜间 55 dB(A); 夜间 by 噪声污染防治法 第八十八条); rectification plans (S0 第七条(二)) with their clock
// and follow-up check; penalty cases linked (S0 第七条(二) 依法处罚纠正).
import { toOnSiteView, distanceFromPlace, limitFor } from '@shared/cases/views/on-site'
import type { StoredCase } from '@shared/cases/case-doc'
import { distanceMetres, offsetMetres, wgs84, type Wgs84Point } from '@shared/geo/coordinates'
import { fieldWorkPolicyFor } from '@shared/policy'
import type { CaseEventInput } from '@shared/workflow'
import { wgs84Of } from '@shared/workflow/catalogue/field-work'
import { actors } from '../workflow/driver'
import { OFFICER } from '../workflow/paths'
import { advance, clocksOf, fileCase, type Step } from './case-fixture'

// Filed at 22:30 (night-time construction noise), one hour per step after that.
const FILED = '2026-11-23T22:30:00+08:00'
const REPORTED = { lat: 35.29958, lng: 113.27638 } // GCJ-02, as the citizen's phone sent it

const fix = (point: { lat: number; lng: number }, coordSystem: 'gcj02' | 'wgs84', takenAt: string) => ({
  ...point,
  coordSystem,
  accuracy: 12,
  takenAt,
})
const checkIn = (position: ReturnType<typeof fix>): Step => [{ type: 'check-in', position }, actors.officer]

const filed = fileCase({ at: FILED })
const place: Wgs84Point = filed.position
const ASSIGNED: Step[] = [
  [{ type: 'accept' }, actors.intake],
  [{ type: 'assign', unitIds: ['jz-shanyang'], officer: OFFICER }, actors.dispatcher],
]

function view(doc: StoredCase) {
  const asOf = doc.history[doc.history.length - 1]!.at
  return toOnSiteView(doc, {
    staffName: (id) => (id === actors.officer.id ? '王磊' : null),
    photoUrls: { 'cloud://env/uploads/site-1.jpg': 'https://tmp.example/site-1.jpg' },
    clocks: clocksOf(doc, asOf),
  })
}

describe('check-ins: distance from the reported place, far ones flagged', () => {
  const threshold = fieldWorkPolicyFor('jiaozuo-12345').farCheckInMetres

  test('the threshold is the policy’s decision: 500 m', () => {
    expect(threshold).toBe(500)
    expect(fieldWorkPolicyFor('jiaozuo-12345').basis.farCheckInMetres.decision).toContain('不拒绝签到')
  })

  test.each([
    [0, false],
    [499, false],
    [500, false],
    [501, true],
    [2000, true],
  ])('%i m north of the place: far %s', (metres, far) => {
    const at = offsetMetres(place, metres, 0)
    expect(distanceFromPlace(place, at, threshold)).toEqual({ metres, far })
  })

  test('a GCJ-02 fix is converted before measuring: the phone at the reported spot is there, not ~500 m off', () => {
    const gcj = fix(REPORTED, 'gcj02', '2026-11-24T00:25:00+08:00')
    const doc = advance(filed, [...ASSIGNED, checkIn(gcj)])
    const [c] = view(doc).checkIns
    expect(c).toMatchObject({ distanceMetres: 0, far: false, position: { coordSystem: 'gcj02' } })
    // Read as WGS-84, the same numbers would be several hundred metres away (the bug a conversion avoids).
    expect(distanceMetres(place, wgs84(REPORTED.lat, REPORTED.lng))).toBeGreaterThan(300)
    expect(c!.wgs84).toEqual(wgs84Of({ ...REPORTED, coordSystem: 'gcj02' }))
  })

  test('a browser’s WGS-84 fix is kept as it is', () => {
    const at = offsetMetres(place, 120, 0)
    const doc = advance(filed, [...ASSIGNED, checkIn(fix(at, 'wgs84', '2026-11-24T00:25:00+08:00'))])
    expect(view(doc).checkIns[0]).toMatchObject({
      wgs84: { lat: expect.closeTo(at.lat, 6) as number, lng: expect.closeTo(at.lng, 6) as number },
      distanceMetres: 120,
      distanceText: '约 120 米',
      far: false,
    })
  })

  test('far away: flagged, recorded all the same; a correction is another check-in, the first stays', () => {
    const far = fix(offsetMetres(place, 1200, 300), 'wgs84', '2026-11-24T00:25:00+08:00')
    const near = fix(REPORTED, 'gcj02', '2026-11-24T01:20:00+08:00')
    const doc = advance(filed, [...ASSIGNED, checkIn(far), checkIn(near)])
    const checkIns = view(doc).checkIns
    expect(checkIns.map((c) => c.far)).toEqual([true, false])
    expect(checkIns[0]!.distanceMetres).toBeGreaterThan(1200)
    expect(checkIns[0]!.by).toEqual({ name: '王磊', post: '承办人员' })
  })

  test('both clocks: the server’s entry time and the phone’s; sent later and a phone clock ahead are told', () => {
    // Entries are an hour apart: the check-in is recorded at 01:30 on the 24th (server time).
    const takenOffline = fix(REPORTED, 'gcj02', '2026-11-24T00:50:00+08:00')
    const ahead = fix(REPORTED, 'gcj02', '2026-11-24T03:00:00+08:00')
    const onTime = fix(REPORTED, 'gcj02', '2026-11-24T03:25:00+08:00')
    const doc = advance(filed, [...ASSIGNED, checkIn(takenOffline), checkIn(ahead), checkIn(onTime)])
    const [late, fast, fine] = view(doc).checkIns
    expect(late).toMatchObject({
      at: '2026-11-24T01:30:00+08:00',
      deviceAt: '2026-11-24T00:50:00+08:00',
      sentLaterMinutes: 40,
      deviceAheadMinutes: null,
    })
    expect(fast).toMatchObject({
      at: '2026-11-24T02:30:00+08:00',
      deviceAheadMinutes: 30,
      sentLaterMinutes: null,
    })
    // Within the phone-clock tolerance (10 min): nothing to say.
    expect(fine).toMatchObject({ sentLaterMinutes: null, deviceAheadMinutes: null })
  })
})

describe('readings against the limit of their standard, by the time of day', () => {
  test.each([
    // GB 12523-2011 表1: 夜间 55, 昼间 70 dB(A); 夜间 22:00–06:00 (噪声污染防治法 第八十八条).
    ['2026-11-23T23:10:00+08:00', 'noise-construction', 68, { value: 55, period: '夜间' }, 13],
    ['2026-11-23T05:59:00+08:00', 'noise-construction', 54.5, { value: 55, period: '夜间' }, null],
    ['2026-11-23T06:00:00+08:00', 'noise-construction', 68, { value: 70, period: '昼间' }, null],
    ['2026-11-23T21:59:00+08:00', 'noise-construction', 72.4, { value: 70, period: '昼间' }, 2.4],
    // GB 12523-2011 4.2: the night maximum may exceed 55 by 15 at most; by day there is no such limit.
    ['2026-11-23T23:10:00+08:00', 'noise-construction-max', 78, { value: 70, period: '夜间' }, 8],
    ['2026-11-23T10:00:00+08:00', 'noise-construction-max', 78, null, null],
    // GB 12348-2008 表1, 2 类: 60 / 50.
    ['2026-11-23T23:10:00+08:00', 'noise-industrial-2', 52, { value: 50, period: '夜间' }, 2],
    // Standards that vary by discharger: the value and its unit only.
    ['2026-11-23T23:10:00+08:00', 'cod', 180, null, null],
  ] as const)('%s %s %d → limit %j, over by %s', (measuredAt, item, value, limit, over) => {
    expect(limitFor(item, measuredAt, 'jiaozuo-12345')).toEqual(
      limit ? { ...limit, standard: expect.stringContaining('GB') as string } : null,
    )
    const reading: Step = [{ type: 'record-measurement', item, value, measuredAt }, actors.officer]
    // Measured that night or day; recorded the next day (the entry's own time is later).
    const doc = advance(fileCase({ at: '2026-11-23T23:30:00+08:00' }), [...ASSIGNED, reading])
    const shown = view(doc).readings[0]!
    expect(shown).toMatchObject({ value, exceedsBy: over, unit: expect.any(String) as string })
    expect(shown.limit?.value ?? null).toBe(limit?.value ?? null)
  })

  test('the construction limits cite their standard', () => {
    expect(limitFor('noise-construction', '2026-11-23T23:10:00+08:00', 'national')).toEqual({
      value: 55,
      period: '夜间',
      standard: 'GB 12523-2011《建筑施工场界环境噪声排放标准》表1',
    })
  })
})

describe('photos, rectification and penalties', () => {
  const siteVisit: CaseEventInput = {
    type: 'record-site-visit',
    record: {
      visitedAt: '2026-11-24T00:40:00+08:00',
      reportedEntity: '塔南路某建设工程项目部',
      address: '焦作市山阳区塔南路 88 号',
      productionStatus: '夜间桩基施工',
      pollutionControl: '未设隔声屏障',
      discharge: '施工噪声',
      cause: '未经批准夜间施工',
      findings: '属实',
    },
  }
  const photo = (position: ReturnType<typeof fix> | null): Step => [
    {
      type: 'add-site-photos',
      photos: [
        {
          fileId: 'cloud://env/uploads/site-1.jpg',
          stamp: { takenAt: '2026-11-24T00:30:00+08:00', position, drawn: true },
        },
      ],
    },
    actors.officer,
  ]

  test('a stamped photo with its place and distance; without a fix, no distance', () => {
    const far = fix(offsetMetres(place, 900, 0), 'wgs84', '2026-11-24T00:29:00+08:00')
    const doc = advance(filed, [...ASSIGNED, photo(far), photo(null)])
    expect(view(doc).photos).toEqual([
      expect.objectContaining({
        url: 'https://tmp.example/site-1.jpg',
        takenAt: '2026-11-24T00:30:00+08:00',
        distanceMetres: 900,
        far: true,
        drawn: true,
      }),
      expect.objectContaining({ position: null, distanceMetres: null, far: false }),
    ])
  })

  test('S0 第七条(二): the plan with its clock, reminded a working day before, then its follow-up check', () => {
    const order: Step = [
      {
        type: 'order-rectification',
        target: '夜间 22 时后停止产生噪声的施工',
        measures: '停止夜间打桩，设置隔声屏障',
        dueDate: '2026-11-30',
        responsibleParty: '塔南路某建设工程项目部',
      },
      actors.officer,
    ]
    const ordered = advance(filed, [
      ...ASSIGNED,
      [{ type: 'start-investigation' }, actors.officer],
      [siteVisit, actors.officer],
      order,
    ])
    expect(view(ordered).rectifications).toEqual([
      expect.objectContaining({
        target: '夜间 22 时后停止产生噪声的施工',
        dueDate: '2026-11-30',
        // Monday 11-30: the reminder falls on Friday 11-27.
        clock: { state: 'running', due: '2026-11-30', reminder: '2026-11-27', overdue: false },
        followUp: null,
      }),
    ])
    const done = advance(ordered, [
      [
        {
          type: 'complete-rectification',
          checkedAt: '2026-11-24T03:00:00+08:00',
          verification: '已停止夜间施工',
        },
        actors.officer,
      ],
    ])
    expect(view(done).rectifications[0]).toMatchObject({
      clock: { state: 'completed' },
      followUp: {
        checkedAt: '2026-11-24T03:00:00+08:00',
        verification: '已停止夜间施工',
        by: { name: '王磊' },
      },
    })
  })

  test('penalty cases linked, in order', () => {
    const doc = advance(filed, [
      ...ASSIGNED,
      [
        { type: 'link-penalty-case', penaltyCaseNo: '焦环罚〔2026〕12号', note: '未批夜间施工' },
        actors.officer,
      ],
    ])
    expect(view(doc).penaltyCases).toEqual([
      expect.objectContaining({ penaltyCaseNo: '焦环罚〔2026〕12号', note: '未批夜间施工' }),
    ])
  })

  test('the place to navigate to is the reported one, in GCJ-02 for the map app', () => {
    const shown = view(filed).place
    expect(shown.gcj02.lat).toBeCloseTo(REPORTED.lat, 6)
    expect(shown.gcj02.lng).toBeCloseTo(REPORTED.lng, 6)
    expect(shown.wgs84).toEqual({ lat: place.lat, lng: place.lng })
  })
})
