// Every time limit of every profile, one row each (several for the tricky dates): the case, the moment the clock
// counts from, the expected last on-time day in Asia/Shanghai, and the article it comes from. Dates cross 春节
// 2026 (off 02-15…02-23, make-up Saturdays 02-14 and 02-28), 国庆 2026 (off 10-01…10-07, make-up 09-20 and 10-10),
// receipt near midnight given as UTC instants, and 2027, a year without a notice (provisional).
import { getPolicyProfile, PROFILE_IDS, type ClockKind, type ProfileId } from '@shared/policy'
import { clockOf, type CaseSketch } from './helpers'

interface Row {
  profile: ProfileId
  clock: ClockKind
  article: string
  why: string
  sketch: CaseSketch
  due: string
  provisional?: boolean
}

const rows: Row[] = [
  // ── national: S3 + 信访工作条例 ──────────────────────────────────────────────────────────────────────────────
  {
    profile: 'national',
    clock: 'acceptance',
    article: 'S3 第九条',
    why: '15 日; received 00:30 Shanghai on 02-14 (16:30Z the day before); ends Sunday 03-01 → Monday',
    sketch: { starts: { received: '2026-02-13T16:30:00Z' } },
    due: '2026-03-02',
  },
  {
    profile: 'national',
    clock: 'acceptance',
    article: 'S3 第九条',
    why: '15 日; received 23:30 Shanghai on 02-13 (15:30Z): ends on make-up Saturday 02-28, which stands',
    sketch: { starts: { received: '2026-02-13T15:30:00Z' } },
    due: '2026-02-28',
  },
  {
    profile: 'national',
    clock: 'acceptance',
    article: 'S3 第九条(五)',
    why: 'emergency: 立即受理, the same day even in 春节',
    sketch: { emergency: true, starts: { received: '2026-02-17T10:00:00+08:00' } },
    due: '2026-02-17',
  },
  {
    profile: 'national',
    clock: 'investigation',
    article: 'S3 第九条(五)',
    why: 'emergency: on site the day it came in, even at night in 国庆 (立即现场处置)',
    sketch: { emergency: true, starts: { received: '2026-10-03T23:10:00+08:00' } },
    due: '2026-10-03',
  },
  {
    profile: 'national',
    clock: 'assignment',
    article: 'S3 第十条',
    why: '3 个工作日 after acceptance, across 国庆',
    sketch: { starts: { accepted: '2026-09-29T10:00:00+08:00' } },
    due: '2026-10-09',
  },
  {
    profile: 'national',
    clock: 'transfer-out',
    article: 'S3 第十条',
    why: '3 个工作日 from finding the region; the third is make-up Saturday 10-10',
    sketch: { starts: { 'out-of-remit-found': '2026-09-30T10:00:00+08:00' } },
    due: '2026-10-10',
  },
  {
    profile: 'national',
    clock: 'handling',
    article: 'S3 第十一条; 条例 第三十四条',
    why: '60 日 from acceptance end 10-03 in 国庆 → 10-08',
    sketch: { starts: { accepted: '2026-08-04T10:00:00+08:00' } },
    due: '2026-10-08',
  },
  {
    profile: 'national',
    clock: 'handling',
    article: 'S3 第十一条; 条例 第三十四条',
    why: '60 日 ending in 2027: no notice yet',
    sketch: { starts: { accepted: '2026-12-20T10:00:00+08:00' } },
    due: '2027-02-18',
    provisional: true,
  },
  {
    profile: 'national',
    clock: 'review-window',
    article: '条例 第三十五条',
    why: '30 日 to ask for 复查 end 10-01 → 10-08',
    sketch: { starts: { replied: '2026-09-01T10:00:00+08:00' } },
    due: '2026-10-08',
  },
  {
    profile: 'national',
    clock: 'review',
    article: '条例 第三十五条',
    why: '30 日 for the 复查 opinion end on make-up Saturday 02-14',
    sketch: { starts: { 'review-requested': '2026-01-15T10:00:00+08:00' } },
    due: '2026-02-14',
  },
  {
    profile: 'national',
    clock: 're-review-window',
    article: '条例 第三十六条',
    why: '30 日 to ask for 复核 end 02-15 in 春节 → 02-24',
    sketch: { starts: { 'review-decided': '2026-01-16T10:00:00+08:00' } },
    due: '2026-02-24',
  },
  {
    profile: 'national',
    clock: 're-review',
    article: '条例 第三十六条',
    why: '30 日 for the 复核 opinion end Saturday 2027-01-09 → Monday, provisionally',
    sketch: { starts: { 're-review-requested': '2026-12-10T10:00:00+08:00' } },
    due: '2027-01-11',
    provisional: true,
  },

  // ── jiaozuo-12345: S0 第七条(四), by request type, from receipt of the work order ─────────────────────────
  ...(
    [
      ['consult', '2026-02-26', '3 个工作日: 02-14 (make-up Saturday, start) not counted, then after 春节'],
      ['help', '2026-02-28', '5 个工作日: the fifth is make-up Saturday 02-28'],
      ['opinion', '2026-02-28', '5 个工作日'],
      ['suggestion', '2026-02-28', '5 个工作日'],
      ['complaint', '2026-03-06', '10 个工作日'],
      ['report', '2026-03-06', '10 个工作日'],
    ] as const
  ).map(([type, due, why]): Row => ({
    profile: 'jiaozuo-12345',
    clock: 'handling',
    article: 'S0 第七条(四)',
    why: `${type}: ${why}; received 00:30 Shanghai (16:30Z)`,
    sketch: { type, starts: { received: '2026-02-13T16:30:00Z', accepted: '2026-02-24T09:00:00+08:00' } },
    due,
  })),
  {
    profile: 'jiaozuo-12345',
    clock: 'handling',
    article: 'S0 第七条(四)',
    why: '10 个工作日 across 国庆, counting make-up Saturday 10-10',
    sketch: { type: 'complaint', starts: { received: '2026-09-28T09:00:00+08:00' } },
    due: '2026-10-16',
  },
  {
    profile: 'jiaozuo-12345',
    clock: 'handling',
    article: 'S0 第七条(四)',
    why: '3 个工作日 into 2027 (元旦 by law, no notice): provisional',
    sketch: { type: 'consult', starts: { received: '2026-12-29T09:00:00+08:00' } },
    due: '2027-01-04',
    provisional: true,
  },
  {
    profile: 'jiaozuo-12345',
    clock: 'acceptance',
    article: 'S3 第九条',
    why: 'S0 says only 及时: the national 15 日 applies',
    sketch: { starts: { received: '2026-09-28T09:00:00+08:00' } },
    due: '2026-10-13',
  },
  {
    profile: 'jiaozuo-12345',
    clock: 'assignment',
    article: 'S3 第十条',
    why: 'S0 第六条 says only 及时转办: the national 3 个工作日 applies',
    sketch: { starts: { accepted: '2026-09-28T09:00:00+08:00' } },
    due: '2026-10-08',
  },

  // ── tianjin-12369: S1 ────────────────────────────────────────────────────────────────────────────────────
  {
    profile: 'tianjin-12369',
    clock: 'acceptance',
    article: 'S1 第七条',
    why: '2 个工作日 to confirm, across 国庆',
    sketch: { starts: { received: '2026-09-30T20:00:00+08:00' } },
    due: '2026-10-09',
  },
  {
    profile: 'tianjin-12369',
    clock: 'handling',
    article: 'S1 第七条',
    why: 'a consultation is answered when confirmed: 2 个工作日',
    sketch: {
      type: 'consult',
      starts: { received: '2026-09-30T20:00:00+08:00', accepted: '2026-10-08T09:00:00+08:00' },
    },
    due: '2026-10-09',
  },
  {
    profile: 'tianjin-12369',
    clock: 'handling',
    article: 'S1 第十二条',
    why: 'a report is closed within 60 日 of acceptance',
    sketch: {
      type: 'report',
      starts: { received: '2026-10-08T20:00:00+08:00', accepted: '2026-10-09T09:00:00+08:00' },
    },
    due: '2026-12-08',
  },
  {
    profile: 'tianjin-12369',
    clock: 'assignment',
    article: 'S3 第十条',
    why: 'S1 第八条 says only 及时转办: the national 3 个工作日 applies',
    sketch: { starts: { accepted: '2026-02-13T16:30:00Z' } },
    due: '2026-02-26',
  },

  // ── chongqing-jiulongpo: S2 ──────────────────────────────────────────────────────────────────────────────
  {
    profile: 'chongqing-jiulongpo',
    clock: 'acceptance',
    article: 'S2 第十五条',
    why: 'direct: 3 个工作日, counting make-up Saturday 02-14, then after 春节',
    sketch: { starts: { received: '2026-02-12T15:00:00+08:00' } },
    due: '2026-02-24',
  },
  {
    profile: 'chongqing-jiulongpo',
    clock: 'acceptance',
    article: 'S2 第十五条',
    why: 'handed down by a superior channel: 5 个工作日',
    sketch: { referred: true, starts: { received: '2026-02-12T15:00:00+08:00' } },
    due: '2026-02-26',
  },
  {
    profile: 'chongqing-jiulongpo',
    clock: 'investigation',
    article: 'S2 第十二条',
    why: 'night construction noise: on site the same day, even in 国庆 (24-hour duty)',
    sketch: { emergency: true, starts: { received: '2026-10-03T23:10:00+08:00' } },
    due: '2026-10-03',
  },
  {
    profile: 'chongqing-jiulongpo',
    clock: 'investigation',
    article: 'S2 第十二条',
    why: 'the same instant written in UTC: 16:10Z on 10-03 is 00:10 on 10-04 in Shanghai',
    sketch: { emergency: true, starts: { received: '2026-10-03T16:10:00Z' } },
    due: '2026-10-04',
  },
  {
    profile: 'chongqing-jiulongpo',
    clock: 'handling',
    article: 'S2 第十七条',
    why: 'important: 15 日 end 10-01 → 10-08',
    sketch: { important: true, starts: { accepted: '2026-09-16T10:00:00+08:00' } },
    due: '2026-10-08',
  },
  {
    profile: 'chongqing-jiulongpo',
    clock: 'handling',
    article: 'S2 第十七条',
    why: 'other cases: 30 日 end on make-up Saturday 02-28, which stands',
    sketch: { important: false, starts: { accepted: '2026-01-29T10:00:00+08:00' } },
    due: '2026-02-28',
  },
  {
    profile: 'chongqing-jiulongpo',
    clock: 'assignment',
    article: 'S3 第十条',
    why: 'S2 第十六条 第一时间 has no number: the national 3 个工作日 is the outer limit',
    sketch: { starts: { accepted: '2026-09-29T10:00:00+08:00' } },
    due: '2026-10-09',
  },
  {
    profile: 'chongqing-jiulongpo',
    clock: 'review-window',
    article: 'S2 第十九条; S2 第二十条',
    why: '30 日 to object (equal to the national window; the local citation is kept)',
    sketch: { starts: { replied: '2026-09-05T10:00:00+08:00' } },
    due: '2026-10-08',
  },
  {
    profile: 'chongqing-jiulongpo',
    clock: 'review',
    article: 'S2 第十九条',
    why: '30 日 end 05-01 in 劳动节 → 05-06',
    sketch: { starts: { 'review-requested': '2026-04-01T10:00:00+08:00' } },
    due: '2026-05-06',
  },
  {
    profile: 'chongqing-jiulongpo',
    clock: 're-review-window',
    article: 'S2 第十九条',
    why: '30 日 end on make-up Saturday 05-09, which stands',
    sketch: { starts: { 'review-decided': '2026-04-09T10:00:00+08:00' } },
    due: '2026-05-09',
  },
  {
    profile: 'chongqing-jiulongpo',
    clock: 're-review',
    article: 'S2 第十九条',
    why: '30 日 from the 复核 request end 06-19 in 端午 → 06-22',
    sketch: { starts: { 're-review-requested': '2026-05-20T10:00:00+08:00' } },
    due: '2026-06-22',
  },

  // ── haidong: S4 ──────────────────────────────────────────────────────────────────────────────────────────
  {
    profile: 'haidong',
    clock: 'acceptance',
    article: 'S4 四(一)',
    why: '当天登记受理 on make-up Saturday 02-14: that day',
    sketch: { starts: { received: '2026-02-14T09:00:00+08:00' } },
    due: '2026-02-14',
  },
  {
    profile: 'haidong',
    clock: 'acceptance',
    article: 'S4 四(一)',
    why: '当天 on a 春节 day off → next working day',
    sketch: { starts: { received: '2026-02-15T09:00:00+08:00' } },
    due: '2026-02-24',
  },
  {
    profile: 'haidong',
    clock: 'acceptance',
    article: 'S4 四(一)',
    why: 'a Saturday in 2027, no notice: Monday, provisionally',
    sketch: { starts: { received: '2027-03-06T09:00:00+08:00' } },
    due: '2027-03-08',
    provisional: true,
  },
  {
    profile: 'haidong',
    clock: 'investigation',
    article: 'S4 四(三)',
    why: '3 日 (natural) end 02-15 in 春节 → 02-24',
    sketch: { starts: { accepted: '2026-02-12T10:00:00+08:00' } },
    due: '2026-02-24',
  },
  {
    profile: 'haidong',
    clock: 'initial-opinion',
    article: 'S4 四(四)',
    why: '3 日 end on make-up Saturday 02-14, which stands',
    sketch: { starts: { accepted: '2026-02-11T10:00:00+08:00' } },
    due: '2026-02-14',
  },
  {
    profile: 'haidong',
    clock: 'transfer-out',
    article: 'S4 四(四)',
    why: '3 日 end 10-03 → 10-08, earlier than the national 3 个工作日 (10-10)',
    sketch: { starts: { 'out-of-remit-found': '2026-09-30T10:00:00+08:00' } },
    due: '2026-10-08',
  },
  {
    profile: 'haidong',
    clock: 'handling',
    article: 'S4 四(四)',
    why: '60 日 end 10-03 → 10-08',
    sketch: { starts: { accepted: '2026-08-04T10:00:00+08:00' } },
    due: '2026-10-08',
  },
  {
    profile: 'haidong',
    clock: 'review',
    article: 'S4 四(五)',
    why: '复查 within 5 日 (stricter than the 条例 30 日) end 10-03 → 10-08',
    sketch: { starts: { 'review-requested': '2026-09-28T10:00:00+08:00' } },
    due: '2026-10-08',
  },
  {
    profile: 'haidong',
    clock: 'review-window',
    article: '条例 第三十五条',
    why: 'S4 is silent on the window: the reporter keeps the 30 日 of the 条例',
    sketch: { starts: { replied: '2026-03-01T10:00:00+08:00' } },
    due: '2026-03-31',
  },
  {
    profile: 'haidong',
    clock: 'return-visit',
    article: 'S4 四(七)',
    why: 'key case: 5 日 after the reply end 02-15 → 02-24',
    sketch: { important: true, starts: { replied: '2026-02-10T10:00:00+08:00' } },
    due: '2026-02-24',
  },
]

describe.each(rows.map((row) => [`${row.profile} ${row.clock} — ${row.article}: ${row.why}`, row] as const))(
  '%s',
  (_title, row) => {
    it(`is due ${row.due}`, () => {
      const clock = clockOf(row.profile, row.clock, row.sketch)
      expect(clock && { due: clock.due, basis: clock.basis, provisional: clock.provisional }).toEqual({
        due: row.due,
        basis: row.article,
        provisional: row.provisional ?? false,
      })
    })
  },
)

it('covers every clock rule of every profile', () => {
  // Each profile rule (clock + conditions) must appear in a row above with that profile and citation.
  const seen = new Set(rows.map((row) => `${row.profile}|${row.clock}|${row.article}`))
  const missing: string[] = []
  for (const id of PROFILE_IDS) {
    for (const rule of getPolicyProfile(id).clocks) {
      if (!seen.has(`${id}|${rule.clock}|${rule.basis}`)) missing.push(`${id} ${rule.clock} ${rule.basis}`)
    }
  }
  expect(missing).toEqual([])
})

it('a key case only gets a return-visit clock in Haidong when it is important (S4 四(七))', () => {
  expect(
    clockOf('haidong', 'return-visit', {
      important: false,
      starts: { replied: '2026-02-10T10:00:00+08:00' },
    }),
  ).toBe(undefined)
})
