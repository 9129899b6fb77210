// The amount from the tier table: per violation its tier, or the share of its fine where the scheme pays one
// and it is higher; several violations: the highest single item; an insider's report times the multiplier; never
// above the cap. Each line names its source or says it is a placeholder.
import { latestRewardRules } from '@shared/policy'
import { computeAward, type ConfirmedViolation } from '@shared/rewards'

const violation = (over: Partial<ConfirmedViolation> = {}): ConfirmedViolation => ({
  at: '2026-03-20T10:00:00+08:00',
  decisionKind: 'penalty',
  decisionNumber: '渝环罚〔2026〕8号',
  decidedOn: '2026-03-20',
  violationType: 'other',
  fineYuan: 0,
  knownBefore: false,
  ...over,
})

const chongqing = latestRewardRules('chongqing-jiulongpo')
const jiaozuo = latestRewardRules('jiaozuo-12345')

test.each([
  // 渝环规〔2025〕1号 (as reported): 500 / 1000 / 2000 by type, or 5% of the fine, whichever is higher
  ['other, no fine: its tier', [violation()], false, 500],
  ['evading supervision: the top band', [violation({ violationType: 'evading-supervision' })], false, 2000],
  [
    'a fine of 20,000: 5% = 1,000 < tier 2,000',
    [violation({ violationType: 'hazardous-waste', fineYuan: 20000 })],
    false,
    2000,
  ],
  [
    'a fine of 100,000: 5% = 5,000 > tier 2,000',
    [violation({ violationType: 'hazardous-waste', fineYuan: 100000 })],
    false,
    5000,
  ],
  [
    'several violations: the highest single item, not the sum',
    [violation(), violation({ violationType: 'no-permit' })],
    false,
    1000,
  ],
  ['an insider: × 2 (placeholder)', [violation({ violationType: 'no-permit' })], true, 2000],
  ['never above the cap of 100,000', [violation({ fineYuan: 10_000_000 })], true, 100000],
] as const)('重庆: %s', (_name, violations, insider, amount) => {
  expect(computeAward(chongqing, violations, insider).amount).toBe(amount)
})

test('each line names its source: 渝环规〔2025〕1号 as reported, the multiplier a placeholder', () => {
  const award = computeAward(chongqing, [violation({ violationType: 'no-permit', fineYuan: 100000 })], true)
  expect(award.lines.map((l) => l.text)).toEqual([
    '未取得排污许可证排放污染物（渝环罚〔2026〕8号）：1000 元',
    '罚款 100000 元 × 5% = 5000 元，取较高者',
    '内部人员举报 × 2：10000 元',
  ])
  expect(award.lines[0]!.source).toContain('渝环规〔2025〕1号')
  expect(award.lines[0]!.source).toContain('据公开报道')
  expect(award.lines[2]!.placeholder).toBe(true)
  expect(award.placeholder).toBe(true)
})

test('焦作 (S0 第十二条 按有关规定): every figure is a placeholder, and says so', () => {
  const award = computeAward(
    jiaozuo,
    [violation({ violationType: 'evading-supervision', fineYuan: 1_000_000 })],
    false,
  )
  expect(award.amount).toBe(1000) // no share of the fine without a rule that pays one
  expect(award.lines.every((l) => l.placeholder && l.source.startsWith('暂定值'))).toBe(true)
})

test('nothing confirmed: nothing to compute', () => {
  expect(computeAward(jiaozuo, [], true)).toEqual({ amount: 0, lines: [], placeholder: false })
})
