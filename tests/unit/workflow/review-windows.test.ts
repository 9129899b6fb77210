// 复查 and 复核 windows in every profile, through the workflow's guards: the reporter may ask from the moment the
// written answer is sent (条例 第三十五条: the reply; 第三十六条 and S2 第十九条: the review opinion) to the last
// day, and not the day after. "At the start" is the same second the answer was recorded — also when the request
// before it shares that second, or was stamped a second later by another function instance: which event came
// first is the history's order, not the timestamps'. Dates cross 春节 (off 02-15…02-23), 国庆 (off 10-01…10-07),
// 端午 (off 06-19…06-21), make-up Saturdays that stand (02-14, 05-09), and 2027 (no notice: provisional).
import { PROFILE_IDS, type ProfileId } from '@shared/policy'
import { toShanghaiIso, type LocalDate } from '@shared/time'
import type { CaseEventInput, GuardName } from '@shared/workflow'
import { actors, CaseDriver, REPLY, SITE_VISIT } from './driver'
import { OFFICER } from './paths'

const HOUR = 3_600_000
const shift = (instant: string, ms: number) => toShanghaiIso(Date.parse(instant) + ms)

/** A case of `profile` whose reply is sent at `repliedAt`, the earlier steps an hour apart before it. */
function repliedAt(profile: ProfileId, at: string): CaseDriver {
  const driver = new CaseDriver(profile, { receivedAt: shift(at, -72 * HOUR) })
  const steps: Array<[CaseEventInput, keyof typeof actors]> = [
    [{ type: 'accept' }, 'intake'],
    [{ type: 'assign', unitIds: ['unit-a'], officer: OFFICER }, 'dispatcher'],
    [{ type: 'start-investigation' }, 'officer'],
    [SITE_VISIT, 'officer'],
    [REPLY, 'officer'],
  ]
  steps.forEach(([event, actor], index) => driver.apply(event, actors[actor], shift(at, (index - 60) * HOUR)))
  // The profile's approval chain (S1 第十一条: the leader alone in Tianjin; elsewhere head, then leader).
  while (driver.state.status !== 'reply-approved') {
    const approver = driver.state.status === 'pending-head-approval' ? actors.head : actors.leader
    driver.apply({ type: 'approve-reply' }, approver, shift(driver.lastAt, HOUR))
  }
  return driver.apply({ type: 'send-reply' }, actors.officer, at)
}

/** How the request before the review opinion was stamped, relative to the opinion. */
type Stamp = 'same second' | 'a second later (another instance)' | 'a day earlier'
const REQUEST_OFFSET: Record<Stamp, number> = {
  'same second': 0,
  'a second later (another instance)': 1000,
  'a day earlier': -24 * HOUR,
}

/** A case whose 复查 opinion is sent at `decidedAt`; the request for it is stamped as `stamp` says. */
function reviewDecidedAt(profile: ProfileId, decidedAt: string, stamp: Stamp, rounds = 1): CaseDriver {
  const driver = repliedAt(profile, shift(decidedAt, -10 * 24 * HOUR))
  for (let round = rounds; round > 1; round--) {
    const earlier = shift(decidedAt, -(round - 1) * 3 * 24 * HOUR)
    driver
      .apply({ type: 'request-review', grounds: '处理不到位' }, actors.reporter, shift(earlier, -HOUR))
      .apply({ type: 'decide-review', outcome: 'upheld', opinion: '维持' }, actors.leader, earlier)
  }
  return driver
    .apply(
      { type: 'request-review', grounds: '仍不满意' },
      actors.reporter,
      shift(decidedAt, REQUEST_OFFSET[stamp]),
    )
    .apply({ type: 'decide-review', outcome: 'upheld', opinion: '维持原处理意见' }, actors.leader, decidedAt)
}

interface Row {
  profile: ProfileId
  window: 'review-window' | 're-review-window'
  /** The request made in the window. */
  request: 'request-review' | 'request-re-review'
  guard: GuardName
  /** The window clock's citation. */
  article: string
  why: string
  /** The case, right after the written answer was sent. */
  answered: () => CaseDriver
  opensAt: string
  lastDay: LocalDate
  provisional?: boolean
}

const review = (
  profile: ProfileId,
  article: string,
  opensAt: string,
  lastDay: LocalDate,
  why: string,
): Row => ({
  profile,
  window: 'review-window',
  request: 'request-review',
  guard: 'withinReviewWindow',
  article,
  why,
  answered: () => repliedAt(profile, opensAt),
  opensAt,
  lastDay,
})

const reReview = (
  profile: ProfileId,
  article: string,
  opensAt: string,
  lastDay: LocalDate,
  why: string,
  options: { stamp?: Stamp; request?: Row['request']; rounds?: number; provisional?: boolean } = {},
): Row => ({
  profile,
  window: 're-review-window',
  request: options.request ?? 'request-re-review',
  guard: 'withinReReviewWindow',
  article,
  why: `${why}; the 复查 request was stamped ${options.stamp ?? 'same second'}`,
  answered: () => reviewDecidedAt(profile, opensAt, options.stamp ?? 'same second', options.rounds),
  opensAt,
  lastDay,
  provisional: options.provisional,
})

const rows: Row[] = [
  // national baseline: 条例 第三十五条 (复查 30 日 from the written reply), 第三十六条 (复核 30 日 from the opinion).
  review('national', '条例 第三十五条', '2026-09-05T10:00:00+08:00', '2026-10-08', '30 日 end 10-05 in 国庆'),
  reReview(
    'national',
    '条例 第三十六条',
    '2026-01-16T10:00:00+08:00',
    '2026-02-24',
    '30 日 end 02-15 in 春节',
  ),
  reReview(
    'national',
    '条例 第三十六条',
    '2026-01-16T10:00:00+08:00',
    '2026-02-24',
    '30 日 end 02-15 in 春节',
    {
      stamp: 'a second later (another instance)',
    },
  ),
  reReview(
    'national',
    '条例 第三十六条',
    '2026-01-16T10:00:00+08:00',
    '2026-02-24',
    '30 日 end 02-15 in 春节',
    {
      stamp: 'a day earlier',
    },
  ),
  // jiaozuo-12345: S0 says nothing on review; the baseline's windows apply.
  review(
    'jiaozuo-12345',
    '条例 第三十五条',
    '2026-01-16T15:00:00+08:00',
    '2026-02-24',
    'S0 silent; 30 日 end in 春节',
  ),
  reReview(
    'jiaozuo-12345',
    '条例 第三十六条',
    '2026-09-04T16:30:00+08:00',
    '2026-10-08',
    'S0 silent; 30 日 end 10-04 in 国庆',
  ),
  // tianjin-12369: S1 says nothing on review either.
  review(
    'tianjin-12369',
    '条例 第三十五条',
    '2026-01-15T09:00:00+08:00',
    '2026-02-14',
    'S1 silent; 30 日 end on make-up Saturday 02-14, which stands',
  ),
  reReview(
    'tianjin-12369',
    '条例 第三十六条',
    '2026-04-09T11:00:00+08:00',
    '2026-05-09',
    'S1 silent; 30 日 end on make-up Saturday 05-09, which stands',
  ),
  // chongqing-jiulongpo: S2 第十九条 (30 + 30, same length as the 条例: the local citation is kept).
  review(
    'chongqing-jiulongpo',
    'S2 第十九条; S2 第二十条',
    '2026-04-09T10:00:00+08:00',
    '2026-05-09',
    '30 日 to object, end on make-up Saturday 05-09',
  ),
  reReview(
    'chongqing-jiulongpo',
    'S2 第十九条',
    '2026-05-20T10:00:00+08:00',
    '2026-06-22',
    '复核 within 30 日 of the written 复查 answer, end 06-19 in 端午',
  ),
  // haidong: S4 四(五) reviews in a same-unit loop; the 条例's windows are kept (profile decision).
  review('haidong', '条例 第三十五条', '2026-03-02T10:00:00+08:00', '2026-04-01', 'S4 silent on the window'),
  reReview(
    'haidong',
    '条例 第三十六条',
    '2026-12-10T10:00:00+08:00',
    '2027-01-11',
    '复核 kept; 30 日 end Saturday 2027-01-09, no notice yet',
    { provisional: true },
  ),
  reReview(
    'haidong',
    '条例 第三十六条',
    '2026-09-28T10:00:00+08:00',
    '2026-10-28',
    'S4 四(五): another 复查 by the same unit, in the 复核 window',
    { request: 'request-review' },
  ),
  reReview(
    'haidong',
    '条例 第三十六条',
    '2026-02-10T10:00:00+08:00',
    '2026-03-12',
    'S4 四(五): the window runs again from the second 复查 opinion',
    { request: 'request-review', rounds: 2 },
  ),
]

const GROUNDS = { 'request-review': '对复查意见仍不满意', 'request-re-review': '不服复查意见' }
const nextDay = (date: LocalDate) => shift(`${date}T00:00:00+08:00`, 24 * HOUR)

describe.each(
  rows.map((row) => [`${row.profile} ${row.request} — ${row.article}: ${row.why}`, row] as const),
)('%s', (_title, row) => {
  const ask = (at: string) =>
    row.answered().attempt({ type: row.request, grounds: GROUNDS[row.request] }, actors.reporter, at)

  it(`opens when the answer is sent and runs to ${row.lastDay}`, () => {
    expect(row.answered().clock(row.window, row.opensAt)).toMatchObject({
      state: 'running',
      basis: row.article,
      due: row.lastDay,
      elapsed: false,
      provisional: row.provisional ?? false,
    })
  })

  it('takes a request at the start: the same second the answer was sent', () => {
    expect(ask(row.opensAt)).toMatchObject({ ok: true })
  })

  it(`takes a request on the last day, ${row.lastDay}`, () => {
    expect(ask(`${row.lastDay}T23:59:59+08:00`)).toMatchObject({ ok: true })
  })

  it('refuses a request the day after, as out of time', () => {
    expect(ask(nextDay(row.lastDay))).toMatchObject({
      ok: false,
      error: { reason: 'guard-failed', guard: row.guard },
    })
    expect(row.answered().clock(row.window, nextDay(row.lastDay))).toMatchObject({
      state: 'running',
      elapsed: true,
    })
  })
})

it('covers both windows of every profile', () => {
  const covered = new Set(rows.map((row) => `${row.profile}|${row.window}`))
  for (const id of PROFILE_IDS)
    for (const window of ['review-window', 're-review-window'])
      expect(covered.has(`${id}|${window}`) ? 'covered' : `${id} ${window}`).toBe('covered')
})

describe.each([
  ['national', false, '条例 第三十五条、第三十六条: 复查 once, then 复核'],
  ['jiaozuo-12345', false, '条例 第三十五条、第三十六条 (S0 silent)'],
  ['tianjin-12369', false, '条例 第三十五条、第三十六条 (S1 silent)'],
  ['chongqing-jiulongpo', false, 'S2 第十九条: 复查 once, then 复核'],
  ['haidong', true, 'S4 四(五): 复查 again by the same unit until satisfied'],
] as const)('%s review model', (profile, sameUnitLoop, article) => {
  it(`${sameUnitLoop ? 'allows' : 'refuses'} a second 复查 after the opinion (${article})`, () => {
    const decided = reviewDecidedAt(profile, '2026-03-16T10:00:00+08:00', 'a day earlier')
    const again = decided.attempt(
      { type: 'request-review', grounds: '请求再次复查' },
      actors.reporter,
      '2026-03-17T10:00:00+08:00',
    )
    expect(again.ok ? 'allowed' : again.error.guard).toBe(
      sameUnitLoop ? 'allowed' : 'sameUnitReviewLoopAllowed',
    )
  })
})
