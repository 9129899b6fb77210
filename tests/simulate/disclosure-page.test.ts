// 信息公开 from the real weapp build (the `disclosure` subpackage): a month's figures are shown only for the month
// now asked — loading while another month is on its way, and an answer that comes back after the visitor moved on
// never shown — and the reward policy is the jurisdiction's rules with their citations, every placeholder marked
// 暂定 under the banner that it is not law.
import type { MonthlyFigures } from '../../shared/analysis/figures'
import { toPublicFigures } from '../../shared/disclosure/public-figures'
import { latestRewardRules } from '../../shared/policy'
import { rewardRulesView, type RewardRulesView } from '../../shared/rewards'
import { loadWeappBuild, waitUntil, type SimulatedApp } from './harness'

jest.setTimeout(60_000)

const MONTHS = [
  { month: '2026-11', label: '2026年11月' },
  { month: '2026-10', label: '2026年10月' },
]

/** A month's published figures: `received` reports in 山阳区, all of them air pollution. */
function published(month: string, received: number) {
  const figures: MonthlyFigures = {
    month,
    rows: [
      {
        regionCode: '410811',
        category: 'air',
        received,
        accepted: received,
        closed: 0,
        closedOnTime: 0,
        rated: 0,
        satisfied: 0,
      },
    ],
    source: 'monthly-report',
    countedAt: `${month}-28T00:05:00+08:00`,
  }
  return toPublicFigures(figures, () => '山阳区', `${month}-28T00:05:00+08:00`)
}

const disclosure = (month: string, received: number, rewardPolicy: RewardRulesView) => ({
  ok: true,
  data: {
    publisher: '焦作市生态环境局',
    months: MONTHS,
    figures: published(month, received),
    channels: [{ name: '12345 政务服务便民热线', how: '拨打 12345' }],
    rewardPolicy,
  },
})

let app: SimulatedApp
beforeAll(() => {
  app = loadWeappBuild()
})

test('a month’s figures show only for the month asked; a late answer for another month never shows', async () => {
  const jiaozuo = rewardRulesView(latestRewardRules('jiaozuo-12345'))
  // October's answer is held back until the test lets it go.
  let answerOctober: (() => void) | null = null
  app.respond({
    'public.typicalCases': () => ({ ok: true, data: { items: [], next: null } }),
    'public.disclosure': (payload) => {
      const month = (payload as { month?: string }).month
      if (month === '2026-10') {
        return new Promise((resolve) => {
          answerOctober = () => resolve(disclosure('2026-10', 7, jiaozuo))
        })
      }
      return disclosure('2026-11', 3, jiaozuo)
    },
  })
  const page = await app.renderPage('disclosure/index')
  await waitUntil(() => page.text().includes('收到反映'), 'November’s figures')
  expect(page.text()).toContain('2026年11月')

  // Asking for October: November's figures go at once; loading until October is answered.
  await page.tap('2026年10月')
  await waitUntil(() => answerOctober !== null, 'the question for October')
  expect(page.text()).not.toContain('收到反映')
  expect(page.text()).toContain('加载中')

  // Back to November before October's answer: October's answer, arriving now, is not shown.
  await page.tap('2026年11月')
  await waitUntil(() => page.text().includes('收到反映'), 'November’s figures again')
  answerOctober!()
  await new Promise((r) => setTimeout(r, 100))
  expect(page.text()).toContain('2026年11月3收到反映')
  expect(page.text()).not.toContain('7收到反映')
})

test('the reward policy: 焦作’s amounts marked 暂定 under the not-law banner; 九龙坡’s tiers with their citation', async () => {
  const respond = (rules: RewardRulesView) =>
    app.respond({
      'public.typicalCases': () => ({ ok: true, data: { items: [], next: null } }),
      'public.disclosure': () => disclosure('2026-11', 3, rules),
    })
  respond(rewardRulesView(latestRewardRules('jiaozuo-12345')))
  const jiaozuo = await app.renderPage('disclosure/index')
  await waitUntil(() => jiaozuo.text().includes('奖励标准'), 'the reward rules')
  const text = jiaozuo.text()
  expect(text).toContain('焦作市生态环境违法行为有奖举报')
  // The offer rests on S0 第十二条 (cited, by the document's name); no amount is 焦作 law.
  expect(text).toMatch(/依据：《焦作市12345热线[^》]*》第十二条/)
  expect(text).toContain('元（暂定）')
  expect(text).toContain('（暂定）暂定值，待本地确认')
  expect(text).toContain('不是法定标准')

  respond(rewardRulesView(latestRewardRules('chongqing-jiulongpo')))
  const jiulongpo = await app.renderPage('disclosure/index')
  await waitUntil(() => jiulongpo.text().includes('奖励标准'), 'the reward rules')
  // 九龙坡's tiers are cited (as reported) and shown without 暂定; what the summaries omit still is.
  expect(jiulongpo.text()).toMatch(/2000 元\s*依据：[^暂]*渝环规〔2025〕1号/)
  expect(jiulongpo.text()).toMatch(/企业内部人员举报：× 2\s*（暂定）/)
})
