// 预计答复 before submitting, for every profile and request type: the handling limit where it counts from receipt
// (S0 第七条(四), S1 第七条), else the acceptance limit used in full plus the handling limit from that day
// (S3 第九条 + 第十一条, S1 第七条 + 第十二条, S2 第十五条 + 第十七条, S4 四(一) + 四(四)). Dates cross 春节 and 国庆 2026
// and run into 2027 (春节 2027 by law; no notice yet: provisional).
import { REQUEST_TYPE_KEYS, type RequestTypeKey } from '@shared/vocabulary/request-types'
import { clockFactsFor, computeClocks, expectedReply, findClock } from '@shared/deadlines'
import { getPolicyProfile, PROFILE_IDS, type ProfileId } from '@shared/policy'
import { startOfLocalDate } from '@shared/time'
import { calendar } from './helpers'

const MONDAY = '2026-11-23T10:00:00+08:00'
const OTHER_TYPES = ['consult', 'help', 'opinion', 'suggestion'] as const
const COMPLAINTS = ['complaint', 'report'] as const

interface Row {
  profile: ProfileId
  types: readonly RequestTypeKey[]
  receivedAt: string
  flags?: { important?: boolean; emergency?: boolean }
  date: string
  basis: string
  summary: string
  /** Each step's last day: acceptance (if it is part of the estimate), then handling. */
  steps: readonly string[]
  provisional?: boolean
  why: string
}

const rows: Row[] = [
  {
    profile: 'national',
    types: REQUEST_TYPE_KEYS,
    receivedAt: MONDAY,
    date: '2027-02-09',
    basis: 'S3 第九条; S3 第十一条; 条例 第三十四条',
    summary: '受理告知 15 日 + 办结答复 60 日',
    steps: ['2026-12-08', '2027-02-09'],
    provisional: true,
    why: '15 日 to 12-08, then 60 日 end 2027-02-06, 春节 2027 by law → 02-09',
  },
  {
    profile: 'national',
    types: ['complaint'],
    receivedAt: '2026-09-28T09:00:00+08:00',
    date: '2026-12-14',
    basis: 'S3 第九条; S3 第十一条; 条例 第三十四条',
    summary: '受理告知 15 日 + 办结答复 60 日',
    steps: ['2026-10-13', '2026-12-14'],
    why: 'acceptance across 国庆 to 10-13, then 60 日 end Saturday 12-12 → Monday',
  },
  {
    profile: 'national',
    types: ['report'],
    receivedAt: '2026-10-03T23:10:00+08:00',
    flags: { emergency: true },
    date: '2026-12-02',
    basis: 'S3 第九条(五); S3 第十一条; 条例 第三十四条',
    summary: '受理告知 当天 + 办结答复 60 日',
    steps: ['2026-10-03', '2026-12-02'],
    why: '立即受理 even in 国庆, then 60 日',
  },
  {
    profile: 'jiaozuo-12345',
    types: ['consult'],
    receivedAt: MONDAY,
    date: '2026-11-26',
    basis: 'S0 第七条(四)',
    summary: '办结答复 3 个工作日（自收到之日起）',
    steps: ['2026-11-26'],
    why: 'counted from receipt: no acceptance to wait for',
  },
  {
    profile: 'jiaozuo-12345',
    types: ['help', 'opinion', 'suggestion'],
    receivedAt: MONDAY,
    date: '2026-11-30',
    basis: 'S0 第七条(四)',
    summary: '办结答复 5 个工作日（自收到之日起）',
    steps: ['2026-11-30'],
    why: 'counted from receipt',
  },
  {
    profile: 'jiaozuo-12345',
    types: COMPLAINTS,
    receivedAt: MONDAY,
    date: '2026-12-07',
    basis: 'S0 第七条(四)',
    summary: '办结答复 10 个工作日（自收到之日起）',
    steps: ['2026-12-07'],
    why: 'counted from receipt; shorter than 15 日 + 60 日',
  },
  {
    profile: 'jiaozuo-12345',
    types: ['complaint'],
    receivedAt: '2026-09-28T09:00:00+08:00',
    date: '2026-10-16',
    basis: 'S0 第七条(四)',
    summary: '办结答复 10 个工作日（自收到之日起）',
    steps: ['2026-10-16'],
    why: 'across 国庆, counting make-up Saturday 10-10',
  },
  {
    profile: 'tianjin-12369',
    types: OTHER_TYPES,
    receivedAt: MONDAY,
    date: '2026-11-25',
    basis: 'S1 第七条',
    summary: '办结答复 2 个工作日（自收到之日起）',
    steps: ['2026-11-25'],
    why: 'answered when confirmed',
  },
  {
    profile: 'tianjin-12369',
    types: COMPLAINTS,
    receivedAt: MONDAY,
    date: '2027-01-25',
    basis: 'S1 第七条; S1 第十二条',
    summary: '受理告知 2 个工作日 + 办结答复 60 日',
    steps: ['2026-11-25', '2027-01-25'],
    provisional: true,
    why: 'confirmed by 11-25, then 60 日 end Sunday 2027-01-24 → Monday',
  },
  {
    profile: 'tianjin-12369',
    types: ['report'],
    receivedAt: '2026-09-30T20:00:00+08:00',
    date: '2026-12-08',
    basis: 'S1 第七条; S1 第十二条',
    summary: '受理告知 2 个工作日 + 办结答复 60 日',
    steps: ['2026-10-09', '2026-12-08'],
    why: 'confirmation across 国庆 to 10-09, then 60 日',
  },
  {
    profile: 'chongqing-jiulongpo',
    types: REQUEST_TYPE_KEYS,
    receivedAt: MONDAY,
    date: '2026-12-28',
    basis: 'S2 第十五条; S2 第十七条',
    summary: '受理告知 3 个工作日 + 办结答复 30 日',
    steps: ['2026-11-26', '2026-12-28'],
    why: '3 个工作日 to 11-26, then 30 日 end Saturday 12-26 → Monday',
  },
  {
    profile: 'chongqing-jiulongpo',
    types: ['report'],
    receivedAt: '2026-02-12T15:00:00+08:00',
    date: '2026-03-26',
    basis: 'S2 第十五条; S2 第十七条',
    summary: '受理告知 3 个工作日 + 办结答复 30 日',
    steps: ['2026-02-24', '2026-03-26'],
    why: 'acceptance across 春节 (make-up Saturday 02-14 counts) to 02-24, then 30 日',
  },
  {
    profile: 'chongqing-jiulongpo',
    types: ['complaint'],
    receivedAt: '2026-10-03T23:10:00+08:00',
    flags: { emergency: true, important: true },
    date: '2026-10-19',
    basis: 'S3 第九条(五); S2 第十七条',
    summary: '受理告知 当天 + 办结答复 15 日',
    steps: ['2026-10-03', '2026-10-19'],
    why: 'an important case needing immediate action: same day, then 15 日 end Sunday 10-18 → Monday',
  },
  {
    profile: 'haidong',
    types: REQUEST_TYPE_KEYS,
    receivedAt: MONDAY,
    date: '2027-01-22',
    basis: 'S4 四(一); S4 四(四)',
    summary: '受理告知 当天 + 办结答复 60 日',
    steps: ['2026-11-23', '2027-01-22'],
    provisional: true,
    why: '当天登记受理, then 60 日 into 2027',
  },
  {
    profile: 'haidong',
    types: ['report'],
    receivedAt: '2026-02-17T10:00:00+08:00',
    date: '2026-04-27',
    basis: 'S4 四(一); S4 四(四)',
    summary: '受理告知 当天 + 办结答复 60 日',
    steps: ['2026-02-24', '2026-04-27'],
    why: 'received in 春节: accepted on the next working day 02-24, then 60 日 end Saturday 04-25 → Monday',
  },
]

const cases = rows.flatMap((row) => row.types.map((type) => ({ ...row, type })))

describe.each(
  cases.map((c) => [`${c.profile} ${c.type} received ${c.receivedAt} — ${c.basis}: ${c.why}`, c] as const),
)('%s', (_title, c) => {
  it(`is expected by ${c.date}, composed as ${c.summary}`, () => {
    const estimate = expectedReply({
      profile: getPolicyProfile(c.profile),
      calendar,
      receivedAt: c.receivedAt,
      requestType: c.type,
      ...c.flags,
    })
    expect(estimate).toEqual({
      date: c.date,
      basis: c.basis,
      provisional: c.provisional ?? false,
      estimate: {
        composition: c.steps.length === 1 ? 'handling' : 'acceptance-then-handling',
        summary: c.summary,
        steps: expect.any(Array),
      },
    })
    expect(estimate?.estimate.steps.map((step) => [step.clock, step.due])).toEqual(
      c.steps.map((due, index) => [c.steps.length === 1 || index === 1 ? 'handling' : 'acceptance', due]),
    )
  })
})

it('has a date for every profile and request type', () => {
  const covered = new Set(cases.filter((c) => c.receivedAt === MONDAY).map((c) => `${c.profile}|${c.type}`))
  for (const profile of PROFILE_IDS)
    for (const type of REQUEST_TYPE_KEYS)
      expect(covered.has(`${profile}|${type}`) ? 'covered' : `${profile} ${type}`).toBe('covered')
})

describe('never earlier than what a case accepted within its limit would get (the latest date the rules allow)', () => {
  const RECEIVED = ['2026-02-13T16:30:00Z', '2026-09-28T09:00:00+08:00', MONDAY, '2026-12-29T09:00:00+08:00']

  it.each(PROFILE_IDS.map((id) => [id]))('%s', (profile) => {
    const broken: string[] = []
    for (const type of REQUEST_TYPE_KEYS)
      for (const receivedAt of RECEIVED) {
        const estimate = expectedReply({
          profile: getPolicyProfile(profile),
          calendar,
          receivedAt,
          requestType: type,
        })
        if (!estimate) {
          broken.push(`${type} ${receivedAt}: no estimate`)
          continue
        }
        const acceptanceDue = estimate.estimate.steps.find((step) => step.clock === 'acceptance')?.due
        // Accepted at once, or on any day up to the acceptance limit.
        const lastDay = acceptanceDue ?? estimate.date
        for (let day = Date.parse(receivedAt); ; day += 86_400_000) {
          const acceptedAt = new Date(Math.min(day, startOfLocalDate(lastDay).getTime() + 43_200_000))
          const handling = findClock(
            computeClocks({
              profile: getPolicyProfile(profile),
              calendar,
              facts: clockFactsFor({ requestType: type, receivedAt, acceptedAt: acceptedAt.toISOString() }),
              asOf: null,
            }),
            'handling',
          )
          if (handling?.due && handling.due > estimate.date)
            broken.push(`${type} ${receivedAt} accepted ${acceptedAt.toISOString()}: ${handling.due}`)
          if (day >= startOfLocalDate(lastDay).getTime()) break
        }
      }
    expect(broken).toEqual([])
  })
})
