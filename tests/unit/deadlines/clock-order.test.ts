// Clocks that bind one case never contradict each other (the stricter wins: the national profile's decisions
// 规则冲突 and 办理各步骤期限的先后): 受理告知 and 交办 are never due after 办结答复, and a case to be verified on
// site at once (立即现场处置: S3 第九条(五), S2 第十二条) is accepted and assigned the same day, not days later.
// One rule in the clock composition, for every profile.
// Dates cross 国庆 2026 (off 10-01…10-07, make-up Saturday 10-10 works), 春节 2026 (off 02-15…02-23, make-up
// Saturday 02-14 works) and reach into 2027 (no notice: provisional).
import { REQUEST_TYPE_KEYS, type RequestTypeKey } from '@shared/vocabulary/request-types'
import { findClock, type CaseClock } from '@shared/deadlines'
import { PROFILE_IDS, type ClockKind, type ProfileId } from '@shared/policy'
import { localDateOf } from '@shared/time'
import { actors, CaseDriver } from '../workflow/driver'
import { clocksOf, type CaseSketch } from './helpers'

/** The bureau's steps up to the reply: the clocks the ordering rule is about. */
const STEPS = ['acceptance', 'assignment', 'investigation', 'initial-opinion', 'handling'] as const
type Step = (typeof STEPS)[number]
/** Due date and the article that set it. */
type Due = readonly [string, string]

interface Row {
  profile: ProfileId
  why: string
  sketch: CaseSketch
  /** Every step clock the case has, with its due date and citation; a step held by a later one cites that one. */
  expected: Partial<Record<Step, Due>>
  /** The step whose date holds this one (CaseClock.boundBy). */
  bound?: Partial<Record<Step, ClockKind>>
  /** Steps whose date lies in a year without a holiday notice. */
  provisional?: Step[]
}

const S0 = 'S0 第七条(四)'
const NOW_ON_SITE = 'S3 第九条(五)'
const NATIONAL_HANDLING = 'S3 第十一条; 条例 第三十四条'

const rows: Row[] = [
  // ── jiaozuo-12345: the national 15 日 acceptance meets S0's 3/5/10 working days counted from receipt ──
  ...(
    [
      ['consult', '2026-12-02', '3 个工作日'],
      ['help', '2026-12-04', '5 个工作日'],
      ['opinion', '2026-12-04', '5 个工作日'],
      ['suggestion', '2026-12-04', '5 个工作日'],
      ['complaint', '2026-12-11', '10 个工作日'],
      ['report', '2026-12-11', '10 个工作日'],
    ] as const
  ).map(([type, due, limit]): Row => ({
    profile: 'jiaozuo-12345',
    why: `${type} received Friday 11-27: 15 日 would end 12-14 (after the weekend), the reply is due ${due} (${limit})`,
    sketch: { type, starts: { received: '2026-11-27T10:00:00+08:00' } },
    expected: { acceptance: [due, S0], handling: [due, S0] },
    bound: { acceptance: 'handling' },
  })),
  {
    profile: 'jiaozuo-12345',
    why: 'consult accepted on 09-30: 交办 3 个工作日 would end on make-up Saturday 10-10, the reply is due 10-08',
    sketch: {
      type: 'consult',
      starts: { received: '2026-09-28T09:00:00+08:00', accepted: '2026-09-30T10:00:00+08:00' },
    },
    expected: {
      acceptance: ['2026-10-08', S0],
      assignment: ['2026-10-08', S0],
      handling: ['2026-10-08', S0],
    },
    bound: { acceptance: 'handling', assignment: 'handling' },
  },
  {
    profile: 'jiaozuo-12345',
    why: 'complaint accepted late (10-14): 交办 would end 10-19, the reply is due 10-16; 受理 kept its own 10-13',
    sketch: {
      type: 'complaint',
      starts: { received: '2026-09-28T09:00:00+08:00', accepted: '2026-10-14T10:00:00+08:00' },
    },
    expected: {
      acceptance: ['2026-10-13', 'S3 第九条'],
      assignment: ['2026-10-16', S0],
      handling: ['2026-10-16', S0],
    },
    bound: { assignment: 'handling' },
  },
  {
    profile: 'jiaozuo-12345',
    why: 'complaint received 00:30 on make-up Saturday 02-14: every limit already in order, nothing held',
    sketch: {
      type: 'complaint',
      starts: { received: '2026-02-13T16:30:00Z', accepted: '2026-02-26T09:00:00+08:00' },
    },
    expected: {
      acceptance: ['2026-03-02', 'S3 第九条'],
      assignment: ['2026-03-02', 'S3 第十条'],
      handling: ['2026-03-06', S0],
    },
  },
  {
    profile: 'jiaozuo-12345',
    why: '立即现场处置 (night construction noise) in 国庆: on site, accepted and assigned the same day',
    sketch: {
      type: 'complaint',
      emergency: true,
      starts: { received: '2026-10-03T23:10:00+08:00', accepted: '2026-10-03T23:20:00+08:00' },
    },
    expected: {
      acceptance: ['2026-10-03', NOW_ON_SITE],
      assignment: ['2026-10-03', NOW_ON_SITE],
      investigation: ['2026-10-03', NOW_ON_SITE],
      handling: ['2026-10-20', S0],
    },
    bound: { assignment: 'investigation' },
  },

  // ── tianjin-12369: S1 第七条 (2 个工作日 to confirm; consultations answered then), S1 第十二条 ──
  {
    profile: 'tianjin-12369',
    why: 'consult accepted 10-08: 交办 3 个工作日 would end 10-12, the answer is due 10-09',
    sketch: {
      type: 'consult',
      starts: { received: '2026-09-30T20:00:00+08:00', accepted: '2026-10-08T09:00:00+08:00' },
    },
    expected: {
      acceptance: ['2026-10-09', 'S1 第七条'],
      assignment: ['2026-10-09', 'S1 第七条'],
      handling: ['2026-10-09', 'S1 第七条'],
    },
    bound: { assignment: 'handling' },
  },
  {
    profile: 'tianjin-12369',
    why: 'report: confirmed by make-up Saturday 10-10, assigned by 10-13, closed in 60 日',
    sketch: {
      type: 'report',
      starts: { received: '2026-10-08T20:00:00+08:00', accepted: '2026-10-09T09:00:00+08:00' },
    },
    expected: {
      acceptance: ['2026-10-10', 'S1 第七条'],
      assignment: ['2026-10-13', 'S3 第十条'],
      handling: ['2026-12-08', 'S1 第十二条'],
    },
  },
  {
    profile: 'tianjin-12369',
    why: '立即现场处置 in 春节: not 3 working days after the holiday',
    sketch: {
      type: 'report',
      emergency: true,
      starts: { received: '2026-02-17T10:00:00+08:00', accepted: '2026-02-17T11:00:00+08:00' },
    },
    expected: {
      acceptance: ['2026-02-17', NOW_ON_SITE],
      assignment: ['2026-02-17', NOW_ON_SITE],
      investigation: ['2026-02-17', NOW_ON_SITE],
      handling: ['2026-04-20', 'S1 第十二条'],
    },
    bound: { assignment: 'investigation' },
  },

  // ── chongqing-jiulongpo: S2 第十五条 (3/5 个工作日), 第十二条 (立即现场核实), 第十七条 (15/30 日) ──
  {
    profile: 'chongqing-jiulongpo',
    why: 'direct complaint across 春节: every limit already in order',
    sketch: {
      type: 'complaint',
      starts: { received: '2026-02-12T15:00:00+08:00', accepted: '2026-02-24T09:00:00+08:00' },
    },
    expected: {
      acceptance: ['2026-02-24', 'S2 第十五条'],
      assignment: ['2026-02-27', 'S3 第十条'],
      handling: ['2026-03-26', 'S2 第十七条'],
    },
  },
  {
    profile: 'chongqing-jiulongpo',
    why: 'night construction noise in 国庆: on site the same day (S2 第十二条), so assigned that day too',
    sketch: {
      type: 'complaint',
      emergency: true,
      starts: { received: '2026-10-03T23:10:00+08:00', accepted: '2026-10-03T23:30:00+08:00' },
    },
    expected: {
      acceptance: ['2026-10-03', NOW_ON_SITE],
      assignment: ['2026-10-03', 'S2 第十二条'],
      investigation: ['2026-10-03', 'S2 第十二条'],
      handling: ['2026-11-02', 'S2 第十七条'],
    },
    bound: { assignment: 'investigation' },
  },
  {
    profile: 'chongqing-jiulongpo',
    why: 'an important case handed down (上级交办) across 国庆: 5 个工作日, 交办 3 个工作日, reply in 15 日',
    sketch: {
      type: 'report',
      referred: true,
      important: true,
      starts: { received: '2026-09-29T09:00:00+08:00', accepted: '2026-09-30T09:00:00+08:00' },
    },
    expected: {
      acceptance: ['2026-10-12', 'S2 第十五条'],
      assignment: ['2026-10-10', 'S3 第十条'],
      handling: ['2026-10-15', 'S2 第十七条'],
    },
  },

  // ── haidong: S4 四(一) same day, 四(三)(四) 3 日 (natural) to investigate and give a first opinion ──
  {
    profile: 'haidong',
    why: 'accepted Friday 02-13: 交办 3 个工作日 would end 02-25, the investigation is due 02-24 (3 日 → 春节)',
    sketch: {
      type: 'complaint',
      starts: { received: '2026-02-13T10:00:00+08:00', accepted: '2026-02-13T11:00:00+08:00' },
    },
    expected: {
      acceptance: ['2026-02-13', 'S4 四(一)'],
      assignment: ['2026-02-24', 'S4 四(三)'],
      investigation: ['2026-02-24', 'S4 四(三)'],
      'initial-opinion': ['2026-02-24', 'S4 四(四)'],
      handling: ['2026-04-14', 'S4 四(四)'],
    },
    bound: { assignment: 'investigation' },
  },
  {
    profile: 'haidong',
    why: 'received and accepted on make-up Saturday 02-14: 交办 held to the investigation, 02-24',
    sketch: {
      type: 'report',
      starts: { received: '2026-02-14T09:00:00+08:00', accepted: '2026-02-14T10:00:00+08:00' },
    },
    expected: {
      acceptance: ['2026-02-14', 'S4 四(一)'],
      assignment: ['2026-02-24', 'S4 四(三)'],
      investigation: ['2026-02-24', 'S4 四(三)'],
      'initial-opinion': ['2026-02-24', 'S4 四(四)'],
      handling: ['2026-04-15', 'S4 四(四)'],
    },
    bound: { assignment: 'investigation' },
  },
  {
    profile: 'haidong',
    why: '立即现场处置 received in 国庆, accepted the next day: 交办 is due the day it came in, not 10-10',
    sketch: {
      type: 'report',
      emergency: true,
      starts: { received: '2026-10-03T23:10:00+08:00', accepted: '2026-10-04T09:00:00+08:00' },
    },
    expected: {
      acceptance: ['2026-10-03', NOW_ON_SITE],
      assignment: ['2026-10-03', NOW_ON_SITE],
      investigation: ['2026-10-03', NOW_ON_SITE],
      'initial-opinion': ['2026-10-08', 'S4 四(四)'],
      handling: ['2026-12-03', 'S4 四(四)'],
    },
    bound: { assignment: 'investigation' },
  },

  // ── national: S3 第九条 15 日, 第十条 3 个工作日, 第十一条 60 日 ──
  {
    profile: 'national',
    why: 'accepted on the last day (12-14): handling runs into 2027, provisionally; nothing held',
    sketch: {
      type: 'report',
      starts: { received: '2026-11-27T10:00:00+08:00', accepted: '2026-12-14T10:00:00+08:00' },
    },
    expected: {
      acceptance: ['2026-12-14', 'S3 第九条'],
      assignment: ['2026-12-17', 'S3 第十条'],
      handling: ['2027-02-12', NATIONAL_HANDLING],
    },
    provisional: ['handling'],
  },
  {
    profile: 'national',
    why: '立即现场处置 in 春节: accepted, on site and assigned the same day',
    sketch: {
      type: 'report',
      emergency: true,
      starts: { received: '2026-02-17T10:00:00+08:00', accepted: '2026-02-17T10:30:00+08:00' },
    },
    expected: {
      acceptance: ['2026-02-17', NOW_ON_SITE],
      assignment: ['2026-02-17', NOW_ON_SITE],
      investigation: ['2026-02-17', NOW_ON_SITE],
      handling: ['2026-04-20', NATIONAL_HANDLING],
    },
    bound: { assignment: 'investigation' },
  },
]

const stepDues = (clocks: readonly CaseClock[]) =>
  Object.fromEntries(
    clocks
      .filter((c) => (STEPS as readonly string[]).includes(c.clock))
      .map((c) => [c.clock, [c.due, c.basis]]),
  )

describe.each(rows.map((row) => [`${row.profile}: ${row.why}`, row] as const))('%s', (_title, row) => {
  const clocks = clocksOf(row.profile, row.sketch)

  it('has these step dates, each with the article that set it', () => {
    expect(stepDues(clocks)).toEqual(row.expected)
  })

  it('names the later step that holds a date, and only then', () => {
    const bound = Object.fromEntries(clocks.filter((c) => c.boundBy).map((c) => [c.clock, c.boundBy]))
    expect(bound).toEqual(row.bound ?? {})
    expect(clocks.filter((c) => c.provisional).map((c) => c.clock)).toEqual(row.provisional ?? [])
  })
})

it('covers every profile, every request type in Jiaozuo and an emergency everywhere', () => {
  expect(new Set(rows.map((row) => row.profile))).toEqual(new Set(PROFILE_IDS))
  const jiaozuoTypes = rows.filter((r) => r.profile === 'jiaozuo-12345').map((r) => r.sketch.type)
  expect(new Set(jiaozuoTypes)).toEqual(new Set(REQUEST_TYPE_KEYS))
  expect(new Set(rows.filter((r) => r.sketch.emergency).map((r) => r.profile))).toEqual(new Set(PROFILE_IDS))
})

describe('the order holds for every profile, request type and case (property over a grid of dates)', () => {
  const RECEIVED = [
    '2026-02-13T16:30:00Z', // 00:30 on make-up Saturday 02-14
    '2026-02-17T10:00:00+08:00', // 春节
    '2026-09-28T09:00:00+08:00', // before 国庆
    '2026-09-30T20:00:00+08:00',
    '2026-10-03T23:10:00+08:00', // 国庆, night
    '2026-11-27T10:00:00+08:00', // the Friday of the Jiaozuo report
    '2026-12-29T09:00:00+08:00', // into 2027
  ]
  const ACCEPTED_AFTER_HOURS = [null, 0, 30, 24 * 12, 24 * 20]
  const FLAGS = [false, true]

  it.each(PROFILE_IDS.map((id) => [id]))('%s', (profile) => {
    const broken: string[] = []
    for (const type of REQUEST_TYPE_KEYS as readonly RequestTypeKey[])
      for (const received of RECEIVED)
        for (const after of ACCEPTED_AFTER_HOURS)
          for (const emergency of FLAGS)
            for (const important of FLAGS)
              for (const referred of FLAGS) {
                const accepted =
                  after === null
                    ? undefined
                    : new Date(Date.parse(received) + after * 3_600_000).toISOString()
                const clocks = clocksOf(profile, {
                  type,
                  emergency,
                  important,
                  referred,
                  starts: accepted ? { received, accepted } : { received },
                })
                const at = (kind: ClockKind) => findClock(clocks, kind)?.due ?? null
                const name = `${type} ${received} +${after ?? '-'}h${emergency ? ' emergency' : ''}${important ? ' important' : ''}${referred ? ' referred' : ''}`
                const reply = at('handling')
                for (const step of [
                  'acceptance',
                  'assignment',
                  'investigation',
                  'initial-opinion',
                ] as const) {
                  const due = at(step)
                  if (reply !== null && due !== null && due > reply)
                    broken.push(`${name}: ${step} ${due} after handling ${reply}`)
                }
                if (emergency) {
                  const day = localDateOf(received)
                  if (at('acceptance') !== day)
                    broken.push(`${name}: acceptance ${at('acceptance')} not ${day}`)
                  if (at('investigation') !== day)
                    broken.push(`${name}: on-site ${at('investigation')} not ${day}`)
                  const assignment = at('assignment')
                  if (assignment !== null && assignment > day)
                    broken.push(`${name}: assignment ${assignment} after the day it came in`)
                }
              }
    expect(broken).toEqual([])
  })
})

describe('through the workflow: the Jiaozuo report of the outside review', () => {
  const RECEIVED = '2026-11-27T10:00:00+08:00'
  const acceptedDriver = (register: ConstructorParameters<typeof CaseDriver>[1], actor = actors.reporter) =>
    new CaseDriver('jiaozuo-12345', register, { actor }).apply(
      { type: 'accept' },
      actors.intake,
      '2026-12-10T09:00:00+08:00',
    )

  it('an anonymous hotline report: 受理告知 and 交办 by 12-11, the day the reply is due (S0 第七条(四))', () => {
    const driver = new CaseDriver(
      'jiaozuo-12345',
      { channel: 'hotline-12345', requestType: 'report', reporterId: null, receivedAt: RECEIVED },
      { actor: actors.intake },
    )
    expect(driver.clock('acceptance')).toMatchObject({ due: '2026-12-11', basis: S0, boundBy: 'handling' })
    driver.apply({ type: 'accept' }, actors.intake, '2026-12-10T09:00:00+08:00')
    expect(driver.clock('assignment')).toMatchObject({ due: '2026-12-11', basis: S0, boundBy: 'handling' })
    expect(driver.clock('handling')).toMatchObject({ due: '2026-12-11', basis: S0 })
  })

  it('anonymity changes no clock: no profile rule depends on it', () => {
    const anonymous = acceptedDriver(
      { channel: 'hotline-12345', requestType: 'report', reporterId: null, receivedAt: RECEIVED },
      actors.intake,
    )
    const realName = acceptedDriver({ requestType: 'report', receivedAt: RECEIVED })
    const dues = (driver: CaseDriver) => driver.clocks().map((c) => [c.clock, c.due, c.basis])
    expect(dues(anonymous)).toEqual(dues(realName))
  })

  it('an emergency registered anywhere starts the on-site clock at once (S3 第九条(五))', () => {
    for (const profile of PROFILE_IDS) {
      const driver = new CaseDriver(profile, {
        requestType: 'complaint',
        emergency: true,
        receivedAt: RECEIVED,
      })
      expect([profile, driver.clock('investigation')?.due]).toEqual([profile, '2026-11-27'])
    }
  })
})
