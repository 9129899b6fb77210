// A report's reward status, derived from the case and the claims only, per profile: every condition (real name
// or claim code; verified true; violation confirmed by a decision; not known before; first valid reporter; not an
// excluded person; the claim window) and every edge case (several reporters on a merged case, a reporter who is
// staff or excluded, a report later found untrue, a claim after the window, a case reopened after the decision).
import { createWorkingCalendar } from '@shared/calendar'
import { latestRewardRules, type ProfileId } from '@shared/policy'
import {
  rewardStatus,
  rewardNewsworthy,
  rewardStatusMayChange,
  type ClaimRecord,
  type RewardMatter,
  type RewardReport,
  type RewardStatus,
} from '@shared/rewards'
import type { CaseStateKey, HistoryEntry } from '@shared/workflow'
import { ev } from '../workflow/driver'

const calendar = createWorkingCalendar()
const T0 = '2026-03-02T09:00:00+08:00'
const CONFIRMED_AT = '2026-03-20T10:00:00+08:00' // Friday

const report = (over: Partial<RewardReport> = {}): RewardReport => ({
  caseId: 'c-own',
  refNo: 'JZ-20260302-0001',
  receivedAt: T0,
  mode: 'real-name',
  requestType: 'report',
  mergedInto: null,
  ...over,
})

const officer = { kind: 'staff', id: 'st-officer', role: 'officer' } as const

function confirm(over: Record<string, unknown> = {}, at = CONFIRMED_AT): HistoryEntry {
  return {
    at,
    actor: officer,
    event: ev({
      type: 'confirm-violation',
      decisionKind: 'penalty',
      decisionNumber: '焦环罚〔2026〕12号',
      decidedOn: at.slice(0, 10),
      violationType: 'no-permit',
      fineYuan: 50000,
      knownBefore: false,
      ...over,
    }),
  }
}

function untrue(at = '2026-04-01T10:00:00+08:00', finding: 'untrue' | 'fabricated' = 'untrue'): HistoryEntry {
  return { at, actor: officer, event: ev({ type: 'find-report-untrue', finding, note: '现场核查不属实' }) }
}

const matter = (status: CaseStateKey, history: HistoryEntry[] = [], caseId = 'c-own'): RewardMatter => ({
  caseId,
  status,
  history,
})

function claim(state: ClaimRecord['state'], over: Partial<ClaimRecord> = {}): ClaimRecord {
  return {
    caseId: 'c-own',
    state,
    decision: null,
    payout: null,
    refusal: null,
    recovery: null,
    submittedAt: '2026-03-25T10:00:00+08:00',
    claimantOpenid: 'openid-own',
    ...over,
  }
}

function statusOf(input: {
  profile?: ProfileId
  report?: RewardReport
  matter: RewardMatter
  reports?: RewardReport[]
  claims?: ClaimRecord[]
  now?: string
}): RewardStatus {
  const own = input.report ?? report()
  return rewardStatus({
    rules: latestRewardRules(input.profile ?? 'jiaozuo-12345'),
    calendar,
    report: own,
    matter: input.matter,
    reports: input.reports ?? [own],
    claims: new Map((input.claims ?? []).map((c) => [c.caseId, c])),
    now: input.now ?? '2026-03-21T09:00:00+08:00',
  })
}

const brief = (s: RewardStatus) => ({ key: s.key, reasons: s.reasons })

describe('not applicable', () => {
  test('national profile: no scheme of its own (S3 第二十七条 可适时推行有奖举报)', () => {
    expect(brief(statusOf({ profile: 'national', matter: matter('closed', [confirm()]) }))).toEqual({
      key: 'not-applicable',
      reasons: ['本地未实行生态环境违法行为有奖举报'],
    })
  })

  test.each([['consult'], ['help'], ['opinion'], ['suggestion']] as const)(
    'a %s reports no violation (S0 第十二条: 举报生态环境违法行为)',
    (requestType) => {
      const s = statusOf({ report: report({ requestType }), matter: matter('closed', [confirm()]) })
      expect(s.key).toBe('not-applicable')
      expect(s.reasons[0]).toMatch(/不涉及违法行为举报/)
    },
  )

  test.each([
    ['not-accepted', '本件不予受理，不适用举报奖励'],
    ['transferred-out', '本件已转交其他地区或部门办理，奖励由承办机关按其规定办理'],
  ] as const)('a case %s is not ours to reward', (status, reason) => {
    expect(brief(statusOf({ matter: matter(status) }))).toEqual({ key: 'not-applicable', reasons: [reason] })
  })

  test('a complaint is rewarded like a report (S2 第九条: 对符合条件的投诉人予以奖励)', () => {
    const s = statusOf({
      profile: 'chongqing-jiulongpo',
      report: report({ requestType: 'complaint' }),
      matter: matter('investigating', [confirm()]),
    })
    expect(s.key).toBe('eligible')
  })
})

describe('pending verification, then verified or not', () => {
  test('while the case is handled and nothing is confirmed: pending', () => {
    const s = statusOf({ matter: matter('investigating') })
    expect(brief(s)).toEqual({ key: 'pending', reasons: ['待查证属实并作出行政处罚或处理决定后认定'] })
    expect(s.conditions.find((c) => c.key === 'violation-confirmed')?.met).toBeNull()
  })

  test('closed without a penalty or handling decision: not eligible (violation not confirmed)', () => {
    expect(brief(statusOf({ matter: matter('closed') }))).toEqual({
      key: 'not-eligible',
      reasons: ['办理结束时未认定环境违法行为（未作出行政处罚或处理决定）'],
    })
  })

  test('confirmed by a decision: eligible, claimed with the real name until the window ends', () => {
    const s = statusOf({ matter: matter('replied', [confirm()]) })
    // 90 日 (placeholder) from Friday 03-20 → 06-18, a Thursday.
    expect(s).toMatchObject({
      key: 'eligible',
      claimWith: 'real-name',
      claimUntil: '2026-06-18',
      reasons: [],
    })
    expect(s.conditions.every((c) => c.met !== false)).toBe(true)
  })

  test('the window ends on a rest day: moved to the next working day (民法典 第二百零三条)', () => {
    // Confirmed Sunday 03-08: 90 日 end Saturday 06-06 → Monday 06-08.
    const s = statusOf({ matter: matter('replied', [confirm({}, '2026-03-08T10:00:00+08:00')]) })
    expect(s.claimUntil).toBe('2026-06-08')
  })

  test('a report found untrue (S0 第十二条: only true reports are rewarded)', () => {
    expect(brief(statusOf({ matter: matter('closed', [confirm(), untrue()]) }))).toEqual({
      key: 'not-eligible',
      reasons: ['经核查，反映的情况不属实'],
    })
  })

  test('the latest finding wins: a violation confirmed after an untrue finding stands', () => {
    const history = [untrue('2026-03-10T10:00:00+08:00'), confirm()]
    expect(statusOf({ matter: matter('closed', history) }).key).toBe('eligible')
  })

  test('known to the bureau or the media before the report: not eligible', () => {
    expect(brief(statusOf({ matter: matter('closed', [confirm({ knownBefore: true })]) }))).toEqual({
      key: 'not-eligible',
      reasons: ['举报前生态环境部门已掌握该违法行为或媒体已经报道'],
    })
  })

  test('one of several violations was new: eligible', () => {
    const history = [confirm({ knownBefore: true }), confirm({ knownBefore: false, violationType: 'other' })]
    expect(statusOf({ matter: matter('closed', history) }).key).toBe('eligible')
  })
})

describe('real name or claim code', () => {
  test('焦作: anonymous reports are not rewarded (placeholder on S0 第十二条 提倡实名)', () => {
    const s = statusOf({ report: report({ mode: 'anonymous' }), matter: matter('closed', [confirm()]) })
    expect(brief(s)).toEqual({ key: 'not-eligible', reasons: ['本地仅奖励实名举报，匿名举报不予奖励'] })
    expect(s.conditions.find((c) => c.key === 'identity')?.met).toBe(false)
  })

  test('重庆 (渝环规〔2025〕1号, as reported): an anonymous report is claimed with its code', () => {
    const s = statusOf({
      profile: 'chongqing-jiulongpo',
      report: report({ mode: 'anonymous' }),
      matter: matter('closed', [confirm()]),
    })
    expect(s).toMatchObject({ key: 'eligible', claimWith: 'claim-code' })
  })
})

describe('several reporters on a merged case: the first valid report by the time it reached the bureau wins', () => {
  const first = report({ caseId: 'c-first', receivedAt: '2026-03-02T08:00:00+08:00' })
  const own = report({ caseId: 'c-own', receivedAt: T0, mergedInto: 'c-first' })
  const handled = matter('closed', [confirm()], 'c-first')

  test('the later reporter is told why', () => {
    expect(brief(statusOf({ report: own, matter: handled, reports: [first, own] }))).toEqual({
      key: 'not-eligible',
      reasons: ['同一违法行为已有他人更早有效举报，奖励给予最先有效举报的人'],
    })
    expect(statusOf({ report: first, matter: handled, reports: [first, own] }).key).toBe('eligible')
  })

  test('焦作: an earlier anonymous report is not a valid one — the first real-name reporter wins', () => {
    const anonymousFirst = { ...first, mode: 'anonymous' as const }
    expect(statusOf({ report: own, matter: handled, reports: [anonymousFirst, own] }).key).toBe('eligible')
    // In 重庆 the anonymous report is valid and first.
    expect(
      statusOf({
        profile: 'chongqing-jiulongpo',
        report: own,
        matter: handled,
        reports: [anonymousFirst, own],
      }).key,
    ).toBe('not-eligible')
  })

  test('a first reporter refused as staff or an excluded person gives way to the next', () => {
    for (const reason of ['staff', 'excluded-person'] as const) {
      const refused = claim('refused', {
        caseId: 'c-first',
        refusal: { reasons: [reason], note: '', by: { kind: 'system' }, at: '2026-03-22T10:00:00+08:00' },
      })
      const claims = [refused]
      expect(statusOf({ report: own, matter: handled, reports: [first, own], claims }).key).toBe('eligible')
      const firstStatus = statusOf({ report: first, matter: handled, reports: [first, own], claims })
      expect(firstStatus.key).toBe('not-eligible')
      expect(firstStatus.conditions.find((c) => c.key === 'not-excluded')?.met).toBe(false)
    }
  })

  test('reports received at the same instant are ordered by case id (a total order)', () => {
    const twin = report({ caseId: 'c-aaa', receivedAt: T0, mergedInto: 'c-own' })
    const s = statusOf({ matter: matter('closed', [confirm()]), reports: [report(), twin] })
    expect(s.key).toBe('not-eligible')
  })
})

describe('the claim', () => {
  const closed = matter('closed', [confirm()])

  test('submitted, awarded, paid', () => {
    expect(statusOf({ matter: closed, claims: [claim('submitted')] })).toMatchObject({
      key: 'eligible',
      claimWith: null,
    })
    expect(statusOf({ matter: closed, claims: [claim('awarded')] }).key).toBe('awarded')
    expect(statusOf({ matter: closed, claims: [claim('paid')] }).key).toBe('paid')
  })

  test('refused: the claimant reads the reasons and the note', () => {
    const refused = claim('refused', {
      refusal: {
        reasons: ['no-contribution'],
        note: '举报内容与查处的违法行为无关',
        by: { kind: 'staff', staffId: 'st-reward-admin', staffName: '刘洋' },
        at: '2026-03-26T10:00:00+08:00',
      },
    })
    expect(brief(statusOf({ matter: closed, claims: [refused] }))).toEqual({
      key: 'not-eligible',
      reasons: ['举报内容不具体，对查处违法行为未起作用', '举报内容与查处的违法行为无关'],
    })
  })

  test('a claim after the window: not eligible, naming the last day', () => {
    const s = statusOf({ matter: closed, now: '2026-06-19T09:00:00+08:00' })
    expect(brief(s)).toEqual({
      key: 'not-eligible',
      reasons: ['未在领奖期限内申领（期限至 2026-06-18，逾期视为放弃）'],
    })
    // On the last day it can still be claimed; a claim made in time is decided after the window.
    expect(statusOf({ matter: closed, now: '2026-06-18T23:59:00+08:00' }).key).toBe('eligible')
    expect(
      statusOf({ matter: closed, claims: [claim('submitted')], now: '2026-07-30T09:00:00+08:00' }).key,
    ).toBe('eligible')
  })

  test('a report found untrue after the reward was paid: not eligible, the reward recovered', () => {
    const recovering = claim('recovery', {
      recovery: {
        markedAt: '2026-04-01T10:00:00+08:00',
        recoveredOn: null,
        reference: null,
        staffId: null,
        at: null,
      },
    })
    expect(
      brief(statusOf({ matter: matter('closed', [confirm(), untrue()]), claims: [recovering] })),
    ).toEqual({
      key: 'not-eligible',
      reasons: ['经核查，反映的情况不属实', '已发放的奖励依法追回'],
    })
  })

  test('a case reopened after the decision keeps the award: the confirming decision stands', () => {
    const reopened = matter('assigned', [confirm()])
    expect(statusOf({ matter: reopened, claims: [claim('awarded')] }).key).toBe('awarded')
  })

  test('a case reopened after closing without a violation is pending again', () => {
    expect(statusOf({ matter: matter('assigned') }).key).toBe('pending')
  })
})

test.each([
  ['confirm-violation', 'investigating', 'investigating', true],
  ['find-report-untrue', 'closed', 'closed', true],
  ['accept-reply', 'replied', 'closed', true], // ends: no violation confirmed → not eligible
  ['reopen', 'closed', 'assigned', true], // pending again
  ['merge', 'registered', 'merged', true], // the report joins another case's reporters
  ['not-accept', 'registered', 'not-accepted', true],
  ['record-site-visit', 'investigating', 'investigating', false],
  ['send-reply', 'reply-approved', 'replied', false],
] as const)('an event %s (%s → %s) may change a reward status: %s', (type, before, after, expected) => {
  expect(rewardStatusMayChange({ status: before }, { status: after }, type)).toBe(expected)
})

describe('which changes are news (a reward-result message)', () => {
  const closed = matter('closed', [confirm()])
  const s = {
    pending: statusOf({ matter: matter('investigating') }),
    endedWithout: statusOf({ matter: matter('closed') }),
    notAccepted: statusOf({ matter: matter('not-accepted') }),
    eligible: statusOf({ matter: closed }),
    claimed: statusOf({ matter: closed, claims: [claim('submitted')] }),
    awarded: statusOf({ matter: closed, claims: [claim('awarded')] }),
    untrue: statusOf({ matter: matter('closed', [confirm(), untrue()]) }),
    knownBefore: statusOf({ matter: matter('closed', [confirm({ knownBefore: true })]) }),
  }
  test.each([
    ['pending', 'eligible', true],
    ['eligible', 'claimed', true],
    ['claimed', 'awarded', true],
    ['eligible', 'untrue', true],
    ['pending', 'untrue', true],
    ['pending', 'knownBefore', true],
    // Ending without a confirmed violation, or not being taken up, is told by the case's own notices.
    ['pending', 'endedWithout', false],
    ['pending', 'notAccepted', false],
    ['endedWithout', 'pending', false],
    ['pending', 'pending', false],
  ] as const)('%s → %s: %s', (was, is, news) => {
    expect(rewardNewsworthy(s[was], s[is])).toBe(news)
  })
})
