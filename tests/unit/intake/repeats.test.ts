import { offsetMetres, wgs84 } from '@shared/geo/coordinates'
import type { ProfileId } from '@shared/policy'
import { INTAKE_POLICIES } from '@shared/policy/registry'
import type { ReportFacts } from '@shared/intake/report-facts'
import {
  countRepeats,
  repeatEvent,
  repeatHandling,
  repeatHolder,
  type RepeatCase,
} from '@shared/intake/repeats'
import { caseEventSchema, systemActor } from '@shared/workflow'
import { caseIn } from '../workflow/paths'
import { demoDeployment } from '../routing/demo-deployments'

const jiaozuo = INTAKE_POLICIES['jiaozuo-12345'].repeat
const names = { placeNames: ['焦作市', '山阳区'], prefixShortForms: ['焦作'] }
const HERE = wgs84(35.2996, 113.2701)

let seq = 0
const r = (reportedAt: string, over: Partial<ReportFacts> = {}): ReportFacts => ({
  id: `r${++seq}`,
  category: 'air',
  position: HERE,
  reportedAt,
  entityName: '恒通化工有限公司',
  reporterKey: 'citizen-a',
  ...over,
})

// S0 第十一条: 重复举报3次以上的，实行提级办理. Decided counting (intake-policy.ts repeat.basis): per target,
// 90-day window, one count per reporter per Shanghai calendar day, anonymous reports one each, "以上" includes 3.
type Row = [why: string, prior: ReportFacts[], newReport: ReportFacts, count: number, crossedNow: boolean]
const NEW = '2026-11-21T10:00:00+08:00'
const ROWS: Row[] = [
  [
    'three different reporters, same day → 3: escalate (以上 includes 3)',
    [
      r('2026-11-21T08:00:00+08:00', { reporterKey: 'a' }),
      r('2026-11-21T09:00:00+08:00', { reporterKey: 'b' }),
    ],
    r(NEW, { reporterKey: 'c' }),
    3,
    true,
  ],
  [
    'two reports so far → 2: not yet',
    [r('2026-11-20T08:00:00+08:00', { reporterKey: 'a' })],
    r(NEW, { reporterKey: 'b' }),
    2,
    false,
  ],
  [
    'one reporter sending three times the same day counts once',
    [r('2026-11-21T08:00:00+08:00'), r('2026-11-21T08:05:00+08:00')],
    r(NEW),
    1,
    false,
  ],
  [
    'one reporter coming back on three different days counts three (S3 第十五条(二) 公众反复举报)',
    [r('2026-11-01T20:00:00+08:00'), r('2026-11-10T20:00:00+08:00')],
    r(NEW),
    3,
    true,
  ],
  [
    'the Shanghai calendar day decides: 23:30 and 00:30 are two days',
    [r('2026-11-19T23:30:00+08:00'), r('2026-11-19T16:30:00Z')],
    r(NEW),
    3,
    true,
  ],
  [
    'anonymous reports cannot be told apart: each counts',
    [
      r('2026-11-21T08:00:00+08:00', { reporterKey: null }),
      r('2026-11-21T08:01:00+08:00', { reporterKey: null }),
    ],
    r(NEW, { reporterKey: null }),
    3,
    true,
  ],
  [
    'reports older than the 90-day window do not count',
    [
      r('2026-08-01T10:00:00+08:00', { reporterKey: 'a' }),
      r('2026-11-01T10:00:00+08:00', { reporterKey: 'b' }),
    ],
    r(NEW, { reporterKey: 'c' }),
    2,
    false,
  ],
  [
    'the same entity written differently is the same target, across categories',
    [
      r('2026-11-01T10:00:00+08:00', { reporterKey: 'a', entityName: '焦作市恒通化工厂', category: 'noise' }),
      r('2026-11-02T10:00:00+08:00', {
        reporterKey: 'b',
        entityName: '恒通化工（焦作）有限公司',
        category: 'water',
      }),
    ],
    r(NEW, { reporterKey: 'c' }),
    3,
    true,
  ],
  [
    'another entity at the same spot is another target',
    [
      r('2026-11-20T10:00:00+08:00', { reporterKey: 'a', entityName: '万通建材' }),
      r('2026-11-20T11:00:00+08:00', { reporterKey: 'b', entityName: '万通建材' }),
    ],
    r(NEW, { reporterKey: 'c' }),
    1,
    false,
  ],
  [
    'a fourth report is past the threshold: reached, but not crossed again',
    [
      r('2026-11-18T10:00:00+08:00', { reporterKey: 'a' }),
      r('2026-11-19T10:00:00+08:00', { reporterKey: 'b' }),
      r('2026-11-20T10:00:00+08:00', { reporterKey: 'c' }),
    ],
    r(NEW, { reporterKey: 'd' }),
    4,
    false,
  ],
  [
    'unnamed reports: same category within the place radius (air 1000 m) are one target',
    [
      r('2026-11-20T10:00:00+08:00', {
        reporterKey: 'a',
        entityName: null,
        position: offsetMetres(HERE, 600, 0),
      }),
      r('2026-11-20T11:00:00+08:00', {
        reporterKey: 'b',
        entityName: '恒通化工',
        position: offsetMetres(HERE, 0, 900),
      }),
      r('2026-11-20T12:00:00+08:00', {
        reporterKey: 'x',
        entityName: null,
        position: offsetMetres(HERE, 1500, 0),
      }),
      r('2026-11-20T13:00:00+08:00', { reporterKey: 'y', entityName: null, category: 'noise' }),
    ],
    r(NEW, { reporterKey: 'c', entityName: null }),
    3,
    true,
  ],
]

describe('countRepeats (S0 第十一条)', () => {
  test.each(ROWS)('%s', (_why, prior, newReport, count, crossedNow) => {
    const c = countRepeats(newReport, prior, jiaozuo, names)
    expect(c.count).toBe(count)
    expect(c.threshold).toBe(3)
    expect(c.reached).toBe(count >= 3)
    expect(c.crossedNow).toBe(crossedNow)
    expect(c.reportIds[c.reportIds.length - 1]).toBe(newReport.id)
  })

  test('the target key is stable for a named entity and anchored on the first report for a place', () => {
    const first = r('2026-11-20T10:00:00+08:00', { id: 'first', entityName: null })
    expect(countRepeats(r(NEW), [], jiaozuo, names).targetKey).toBe('entity:恒通化工')
    const place = countRepeats(r(NEW, { entityName: null }), [first], jiaozuo, names)
    expect(place.targetKey).toBe('place:air:first')
    expect(place.target).toEqual({ kind: 'place', category: 'air', anchorReportId: 'first' })
  })
})

describe('repeatHandling: what reaching the threshold sets off, per profile', () => {
  const crossed = countRepeats(
    r(NEW, { reporterKey: 'c' }),
    [
      r('2026-11-19T10:00:00+08:00', { reporterKey: 'a' }),
      r('2026-11-20T10:00:00+08:00', { reporterKey: 'b' }),
    ],
    jiaozuo,
    names,
  )

  test('焦作 S0 第十一条: 提级办理 — branch head leads, the city bureau oversees, 市执法支队 names a supervisor', () => {
    const h = repeatHandling(crossed, 'jz-shanyang', demoDeployment('jiaozuo-12345'), jiaozuo)
    expect(h).toMatchObject({
      kind: 'escalate',
      handlingUnitId: 'jz-shanyang',
      higherUnitId: 'jz-bureau',
      supervisingUnitId: 'jz-brigade',
      supervisorStaffIds: ['st-supervisor'],
      ledBy: '县（市、区）分局主要负责人亲自带队现场查办',
    })
    expect(h?.basis.cite).toMatch(/S0 第十一条/)
  })

  test('the zone centre escalates to the city bureau like a county branch (S0 第三条)', () => {
    const h = repeatHandling(crossed, 'jz-gaoxin', demoDeployment('jiaozuo-12345'), jiaozuo)
    expect(h?.kind === 'escalate' && h.higherUnitId).toBe('jz-bureau')
  })

  test.each([
    ['tianjin-12369', 'tj-heping', 'supervise', /S1 第十四条/],
    ['chongqing-jiulongpo', 'jlp-brigade', 'leader-case', /S2 第八条/],
    ['haidong', 'hd-pingan', 'important-case', /S4 四\(二\)/],
  ] as const)('%s: %s → %s', (profile, unitId, kind, cite) => {
    const policy = INTAKE_POLICIES[profile].repeat
    const h = repeatHandling(crossed, unitId, demoDeployment(profile), policy)
    expect(h?.kind).toBe(kind)
    expect(h?.basis.cite).toMatch(cite)
  })

  test('below the threshold nothing happens', () => {
    const below = countRepeats(r(NEW), [], jiaozuo, names)
    expect(repeatHandling(below, 'jz-shanyang', demoDeployment('jiaozuo-12345'), jiaozuo)).toBeNull()
  })
})

// S4 四(二) 群众反映集中 is about how many people report a problem: 海东 counts distinct reporters, where the
// others count reporter-days (a problem reported again another day counts again, S3 第十五条(二) 反复举报).
describe('what is counted follows the article', () => {
  const sameReporterThreeDays = [r('2026-11-01T20:00:00+08:00'), r('2026-11-10T20:00:00+08:00')]
  test.each([
    ['jiaozuo-12345', 3, true],
    ['tianjin-12369', 3, true],
    ['national', 3, true],
    ['chongqing-jiulongpo', 3, true],
    ['haidong', 1, false],
  ] as const)('%s: one reporter on three days counts %d', (profile, count, reached) => {
    const c = countRepeats(r(NEW), sameReporterThreeDays, INTAKE_POLICIES[profile].repeat, names)
    expect({ count: c.count, reached: c.reached }).toEqual({ count, reached })
  })

  test('haidong: three people reporting (and one of them twice) count three', () => {
    const c = countRepeats(
      r(NEW, { reporterKey: 'c' }),
      [
        r('2026-11-01T10:00:00+08:00', { reporterKey: 'a' }),
        r('2026-11-05T10:00:00+08:00', { reporterKey: 'a' }),
        r('2026-11-10T10:00:00+08:00', { reporterKey: 'b' }),
      ],
      INTAKE_POLICIES.haidong.repeat,
      names,
    )
    expect({ count: c.count, crossedNow: c.crossedNow }).toEqual({ count: 3, crossedNow: true })
  })
})

// Each profile's repeat action becomes one workflow event on its repeat ground, with the count and the article,
// which the system may send (the national baseline has no deployment: its mapping is checked here, on the
// Tianjin units, and the event applied to a national case).
describe('repeatEvent: the workflow event of each profile’s repeat action', () => {
  const crossed = countRepeats(
    r(NEW, { reporterKey: 'c' }),
    [
      r('2026-11-19T10:00:00+08:00', { reporterKey: 'a' }),
      r('2026-11-20T10:00:00+08:00', { reporterKey: 'b' }),
    ],
    jiaozuo,
    names,
  )
  test.each([
    ['jiaozuo-12345', 'jiaozuo-12345', 'jz-shanyang', 'escalate', 'repeat-reports', /S0 第十一条/],
    ['national', 'tianjin-12369', 'tj-heping', 'supervise', 'repeated-reports', /S3 第十五条\(二\)/],
    ['tianjin-12369', 'tianjin-12369', 'tj-heping', 'supervise', 'repeated-reports', /S1 第十四条/],
    ['chongqing-jiulongpo', 'chongqing-jiulongpo', 'jlp-brigade', 'list-leader-case', 'backlog', /S2 第八条/],
    ['haidong', 'haidong', 'hd-pingan', 'mark-important', 'many-affected', /S4 四\(二\)/],
  ] as const)('%s (units of %s): → %s on %s [%s]', (profile, units, unitId, type, ground, cite) => {
    const policy = INTAKE_POLICIES[profile].repeat
    const handling = repeatHandling(crossed, unitId, demoDeployment(units), policy)
    if (!handling) throw new Error('threshold reached, handling expected')
    const event = repeatEvent(handling, crossed, policy)
    expect(caseEventSchema.parse(event)).toEqual(event)
    expect(event.type).toBe(type)
    expect('reason' in event ? event.reason : event.ground).toBe(ground)
    expect(event.repeats).toMatchObject({ count: 3, threshold: 3, windowDays: 90 })
    expect(event.repeats?.basis).toMatch(cite)

    // The system may send it on a case of that profile being handled.
    const driver = caseIn('assigned', profile as ProfileId)
    const result = driver.attempt(event, systemActor('intake'), '2026-03-02T20:00:00+08:00')
    expect(result.ok ? result.entry.actor : result.error.message).toEqual({ kind: 'system', id: 'intake' })
  })

  test('焦作: what the branch head and the city must do is in the note', () => {
    const handling = repeatHandling(crossed, 'jz-shanyang', demoDeployment('jiaozuo-12345'), jiaozuo)
    const event = handling && repeatEvent(handling, crossed, jiaozuo)
    expect(event?.type === 'escalate' && event.note).toBe(
      '县（市、区）分局主要负责人亲自带队现场查办；市级加强督办指导',
    )
  })
})

describe('repeatHolder: the case that takes the repeat action, once', () => {
  const c = (id: string, over: Partial<RepeatCase> = {}): RepeatCase => ({
    id,
    status: 'assigned',
    mergedInto: null,
    visible: true,
    actedOn: false,
    ...over,
  })
  test.each([
    ['the oldest counted case', [c('a'), c('b'), c('new', { status: 'registered' })], 'escalate', 'a'],
    [
      'not a case merged into another',
      [c('a', { mergedInto: 'b', status: 'merged' }), c('b')],
      'escalate',
      'b',
    ],
    ['not a case held for its content check', [c('a', { visible: false }), c('b')], 'escalate', 'b'],
    [
      'not a case already replied to (提级办理 is for a case still being handled): the new report takes it',
      [c('a', { status: 'replied' }), c('b', { status: 'closed' }), c('new', { status: 'registered' })],
      'escalate',
      'new',
    ],
    [
      '领导包案 also during a 复查',
      [c('a', { status: 'under-review' }), c('new', { status: 'registered' })],
      'leader-case',
      'a',
    ],
    [
      'nobody again while a case of the target carries the action (the 4th, 5th report)',
      [c('a', { actedOn: true }), c('b'), c('new', { status: 'registered' })],
      'supervise',
      null,
    ],
    [
      'a case that carried it and was replied to no longer holds the target',
      [c('a', { actedOn: true, status: 'replied' }), c('new', { status: 'registered' })],
      'important-case',
      'new',
    ],
  ] as const)('%s', (_why, cases, action, holder) => {
    expect(repeatHolder(cases, action)).toBe(holder)
  })
})
