// Public disclosure through the real functions on the SQLite store: a month of reports with known reporters is
// handled, an office head publishes a typical case, the month ends and the hourly timer publishes its figures
// (S1 第十三条, S3 第十七条) once; an anonymous caller — no identity at all — reads the page. Every public answer,
// every stored disclosure and the quarter's report are searched for every value that identifies a reporter
// (S4 四(六) 严禁公开信访人信息; S0 第十三条).
import type { PublicDisclosure, PublicTypicalCase, RewardRulesView } from '../../shared/contracts/public'
import type { CasePage } from '../../shared/contracts/cases'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { startHarness, type Harness } from '../support/local-harness'
import { fileMonthOfReports, reporterValuesIn, REPORTERS, type MonthOfReports } from '../support/disclosure'
import { handleToReply, reportInput, STAFF } from '../support/reports'

jest.setTimeout(60_000)

let h: Harness
let month: MonthOfReports
const ANONYMOUS = null

const SUMMARY =
  '群众反映塔南路工地夜间施工噪声扰民。执法人员当晚到场核查，工地未取得夜间施工许可，厂界噪声超标，已责令停止夜间施工并立案查处，反映人对处理结果满意。'

beforeAll(async () => {
  // Monday 2026-11-23, 09:00 in Shanghai.
  h = await startHarness({ now: '2026-11-23T09:00:00+08:00' })
  month = await fileMonthOfReports(h)
})
afterAll(async () => {
  await h?.close()
})

type Err = { ok: false; error: { code: string; message: string; fields?: Record<string, string> } }

describe('typical cases (S0 第十四条)', () => {
  test('an office head publishes a handled case of her unit with its summary; the choice is audited', async () => {
    const chosen = await h.ok<{ refNo: string; publishedBy: string }>(
      'public',
      'chooseTypicalCase',
      { caseId: month.noise.caseId, kind: 'positive', summary: SUMMARY },
      STAFF.head,
    )
    expect(chosen).toMatchObject({ refNo: month.noise.refNo, publishedBy: '李娜' })
    const audits = await h.runtime.db.find<{ action: string; staffName: string; summary: string }>(
      COLLECTIONS.audit,
      {
        filter: { subject: month.noise.caseId },
        orderBy: [['at', 'desc']],
        limit: 10,
      },
    )
    expect(audits.items.find((a) => a.action === 'publish-typical-case')).toMatchObject({
      staffName: '李娜',
      summary: SUMMARY,
    })
  })

  test.each([
    ['the reporter’s name', `反映人${REPORTERS.wang.name}对处理结果表示满意，执法人员已当场责令停工整改。`],
    [
      'the reporter’s phone',
      `执法人员已按 ${REPORTERS.wang.phone.slice(0, 3)} ${REPORTERS.wang.phone.slice(3)} 回访反映人，处理结果已告知。`,
    ],
    ['any mobile number', '如有问题请联系 139-0000-1234，执法人员已当场责令停工整改并立案查处。'],
  ])('a summary naming %s is refused and nothing is written', async (_what, summary) => {
    const before = await h.snapshot()
    const res = await h.call<Err>(
      'public',
      'chooseTypicalCase',
      { caseId: month.noise.caseId, kind: 'positive', summary },
      STAFF.head,
    )
    expect(res.status).toBe(400)
    expect(res.body.error.fields?.summary).toBeDefined()
    expect(await h.snapshot()).toEqual(before)
  })

  test('a case still open, and a post that does not curate, are refused', async () => {
    const open = await h.call<Err>(
      'public',
      'chooseTypicalCase',
      { caseId: month.air.caseId, kind: 'negative', summary: SUMMARY },
      STAFF.head,
    )
    expect(open.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('尚未办结'),
    })
    const supervisor = await h.call<Err>(
      'public',
      'chooseTypicalCase',
      { caseId: month.noise.caseId, kind: 'positive', summary: SUMMARY },
      STAFF.supervisor,
    )
    expect(supervisor.body.error.code).toBe('FORBIDDEN') // 督办人员 is not a post that publishes
  })

  test('posts and units: an officer may not choose; a case outside the units answers like a missing one', async () => {
    const officer = await h.call<Err>(
      'public',
      'chooseTypicalCase',
      { caseId: month.noise.caseId, kind: 'positive', summary: SUMMARY },
      STAFF.officer,
    )
    expect(officer.body.error.code).toBe('FORBIDDEN')
    const outside = await h.call<Err>(
      'public',
      'chooseTypicalCase',
      { caseId: month.water.caseId, kind: 'positive', summary: SUMMARY },
      STAFF.head,
    )
    const missing = await h.call<Err>(
      'public',
      'chooseTypicalCase',
      { caseId: 'no-such-case', kind: 'positive', summary: SUMMARY },
      STAFF.head,
    )
    expect(outside.body).toEqual(missing.body)
    expect(outside.body.error.code).toBe('NOT_FOUND')
  })
})

describe('the month is published once it is over, and anyone reads it', () => {
  let page: PublicDisclosure

  beforeAll(async () => {
    // Tuesday 2026-12-01, 00:05: the hourly run after the month ended.
    h.clock.set('2026-12-01T00:05:00+08:00')
    type Run = { publications: { disclosures: Record<string, string> } }
    const first = (await h.fireTimer('timers')) as Run
    expect(first.publications.disclosures['2026-11']).toBe('published')
    const again = (await h.fireTimer('timers')) as Run
    expect(again.publications.disclosures['2026-11']).toBe('already-published')
    page = await h.ok<PublicDisclosure>('public', 'disclosure', {}, ANONYMOUS)
  })

  test('the figures per county and category, counted by the clocks (S1 第十三条)', () => {
    // Only November: the months before the first report are not published as months of nothing.
    expect(page.months).toEqual([{ month: '2026-11', label: '2026年11月' }])
    expect(page.figures!.totals).toMatchObject({
      received: 3,
      accepted: 2,
      closed: 1,
      closedOnTime: 1,
      rated: 1,
      satisfied: 1,
      onTimeRate: 100,
      satisfactionRate: 100,
    })
    const shanyang = page.figures!.byCounty.find((c) => c.name === '山阳区')
    expect(shanyang).toMatchObject({ received: 2, accepted: 1, closed: 1 })
    expect(page.figures!.byCategory.map((c) => [c.label, c.received])).toEqual([
      ['大气污染', 1],
      ['水污染', 1],
      ['噪声污染', 1],
    ])
  })

  test('the channels come from the deployment (S0 第十四条)', () => {
    expect(page.publisher).toBe(h.runtime.deployment.name)
    expect(page.channels.map((c) => c.name)).toContain('12345 政务服务便民热线')
  })

  test('the reward policy is the jurisdiction’s reward rules, cited, its placeholders marked (S0 第十四条, 第十二条)', async () => {
    const policy = page.rewardPolicy
    // The same rules the self-check explains, read here without any identity.
    expect(policy).toEqual(await h.ok<RewardRulesView>('rewards', 'rules', {}, 'dev-citizen'))
    // 焦作 offers rewards on S0 第十二条, cited; a true report is a condition of that article.
    expect(policy).toMatchObject({ offered: true, offeredBasis: { placeholder: false } })
    expect(policy.offeredBasis.source).toContain('第十二条')
    const verified = policy.conditions.find((c) => c.key === 'verified-true')!
    expect(verified).toMatchObject({ placeholder: false })
    expect(verified.source).toContain('第十二条')
    // No amount is 焦作 law: every tier, the cap and the claim window are placeholders, and say so.
    for (const figure of [...policy.tiers, policy.cap, policy.claimWindowDays]) {
      expect(figure).toMatchObject({
        placeholder: true,
        source: expect.stringMatching(/^暂定值，待本地确认/),
      })
    }
    expect(policy.provisional).toBe(true)
  })

  test('the typical case shows its public projection and summary, the place only as its cell', async () => {
    const cases = await h.ok<CasePage<PublicTypicalCase>>('public', 'typicalCases', {}, ANONYMOUS)
    expect(cases.items).toHaveLength(1)
    const [typical] = cases.items
    expect(typical).toMatchObject({ refNo: month.noise.refNo, kindLabel: '正面典型', summary: SUMMARY })
    const stored = (await h.runtime.db.get<{ position: { lat: number; lng: number }; geo: { gh6: string } }>(
      COLLECTIONS.cases,
      month.noise.caseId,
    ))!
    expect(typical!.case.area?.cell).toBe(stored.geo.gh6)
    expect(typical!.case.area?.lat).not.toBe(stored.position.lat)
    expect(JSON.stringify(typical)).not.toContain(String(stored.position.lat))
  })

  test('no public answer, stored disclosure or report holds a reporter’s name, phone, openid or query code', async () => {
    const answers: unknown[] = [
      page,
      await h.ok('public', 'disclosure', { month: '2026-11' }, ANONYMOUS),
      await h.ok('public', 'typicalCases', { limit: 20 }, ANONYMOUS),
      // The same answers for a caller who happens to be the reporter: nothing of the caller comes back either.
      await h.ok('public', 'disclosure', {}, REPORTERS.wang.openid),
      await h.ok('public', 'typicalCases', {}, REPORTERS.wang.openid),
    ]
    const disclosures = await h.runtime.db.find(COLLECTIONS.disclosures, { limit: 100 })
    const typical = await h.runtime.db.find(COLLECTIONS.typicalCases, { limit: 100 })
    for (const artefact of [...answers, ...disclosures.items, ...typical.items]) {
      expect(reporterValuesIn(artefact, month.reporterValues)).toEqual([])
    }
    // The check can fail: the stored cases do hold these values.
    const stored = await h.runtime.db.find(COLLECTIONS.cases, { limit: 100 })
    expect(reporterValuesIn(stored.items, month.reporterValues)).toEqual(
      expect.arrayContaining([REPORTERS.wang.openid, REPORTERS.li.openid, REPORTERS.anon.openid]),
    )
  })

  test('a month not published answers with no figures; a staff action needs an identity', async () => {
    const none = await h.ok<PublicDisclosure>('public', 'disclosure', { month: '2026-10' }, ANONYMOUS)
    expect(none.figures).toBeNull()
    const bad = await h.call<Err>('public', 'disclosure', { month: '2026-13' }, ANONYMOUS)
    expect(bad.body.error.code).toBe('VALIDATION_FAILED')
    const staffOnly = await h.call<Err>(
      'public',
      'withdrawTypicalCase',
      { caseId: month.noise.caseId, reason: '重新审核' },
      ANONYMOUS,
    )
    expect(staffOnly.status).toBe(401)
  })

  test('an anonymous report’s query code in a summary is refused', async () => {
    const filed = await h.ok<{ caseId: string; queryCode: string }>(
      'cases',
      'submitReport',
      reportInput({ reporter: { mode: 'anonymous' } }),
      'rep-anonymous-2',
    )
    await handleToReply(h, filed.caseId)
    await h.ok('cases', 'rateReply', { caseId: filed.caseId, stars: 4, accept: true }, 'rep-anonymous-2')
    const res = await h.call<Err>(
      'public',
      'chooseTypicalCase',
      { caseId: filed.caseId, kind: 'positive', summary: `${SUMMARY}（查询码 ${filed.queryCode}）` },
      STAFF.head,
    )
    expect(res.body.error.fields?.summary).toContain('查询码')
  })

  test('withdrawing takes the case off the page, with its reason in the audit trail', async () => {
    await h.ok(
      'public',
      'withdrawTypicalCase',
      { caseId: month.noise.caseId, reason: '摘要需重新审核' },
      STAFF.leader,
    )
    const cases = await h.ok<CasePage<PublicTypicalCase>>('public', 'typicalCases', {}, ANONYMOUS)
    expect(cases.items).toEqual([])
    const audits = await h.runtime.db.find<{ action: string; reason?: string }>(COLLECTIONS.audit, {
      filter: { subject: month.noise.caseId },
      orderBy: [['at', 'desc']],
      limit: 10,
    })
    expect(audits.items.find((a) => a.action === 'withdraw-typical-case')?.reason).toBe('摘要需重新审核')
  })
})

describe('the reward policy of a jurisdiction with a published scheme', () => {
  test('九龙坡: the amounts with their citation (渝环规〔2025〕1号, as reported); what the summaries omit marked 暂定', async () => {
    const jiulongpo = await startHarness({ deployment: 'jiulongpo' })
    try {
      const { rewardPolicy: policy } = await jiulongpo.ok<PublicDisclosure>(
        'public',
        'disclosure',
        {},
        ANONYMOUS,
      )
      expect(policy).toMatchObject({ offered: true, anonymousClaims: true })
      for (const tier of policy.tiers) {
        expect(tier).toMatchObject({ placeholder: false })
        expect(tier.source).toContain('渝环规〔2025〕1号')
        expect(tier.source).toContain('据公开报道')
      }
      expect(policy.fineShare).toMatchObject({ value: 5, placeholder: false })
      expect(policy.cap).toMatchObject({ value: 100000, placeholder: false })
      expect(policy.insiderMultiplier).toMatchObject({
        placeholder: true,
        source: expect.stringMatching(/^暂定值/),
      })
      expect(policy.provisional).toBe(true)
    } finally {
      await jiulongpo.close()
    }
  })
})
