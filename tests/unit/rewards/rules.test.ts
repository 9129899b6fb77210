// Each profile's reward rules (shared/policy/profiles/<id>/rewards.ts): every condition and figure carries its
// citation or says it is a placeholder, and no amount reads as law without a cited source (domain-rules §6).
import {
  isPlaceholder,
  latestRewardRules,
  PROFILE_IDS,
  REWARD_RULES,
  rewardRulesOn,
  sourceText,
  VIOLATION_TYPE_KEYS,
  type ProfileId,
  type RewardRules,
  type Sourced,
} from '@shared/policy'
import { rewardRulesForOperators, rewardRulesView } from '@shared/rewards'

/** Every Sourced figure of a rules object, with its path. */
function figures(rules: RewardRules): Array<[string, Sourced<unknown>]> {
  const out: Array<[string, Sourced<unknown>]> = [
    ['offered', rules.offered],
    ['requestTypes', rules.requestTypes],
    ['identity', rules.identity],
    ['fineShare', rules.fineShare],
    ['insiderMultiplier', rules.insiderMultiplier],
    ['cap', rules.cap],
    ['claimWindowDays', rules.claimWindowDays],
  ]
  for (const [key, f] of Object.entries(rules.conditions)) out.push([`conditions.${key}`, f])
  for (const [key, f] of Object.entries(rules.tiers)) out.push([`tiers.${key}`, f])
  return out
}

describe.each(PROFILE_IDS.map((id) => [id]))('%s', (id: ProfileId) => {
  const rules = latestRewardRules(id)

  test('every rule and figure has its citation or is marked placeholder with what is missing', () => {
    for (const [path, f] of figures(rules)) {
      const sourced = isPlaceholder(f) ? f.note.trim().length > 4 : f.basis.trim().length > 4
      expect({ path, sourced }).toEqual({ path, sourced: true })
    }
  })

  test('no amount is presented as law without a cited source: an uncited figure reads 暂定值', () => {
    for (const key of VIOLATION_TYPE_KEYS) {
      const tier = rules.tiers[key]
      expect(tier.value).toBeGreaterThan(0)
      if (isPlaceholder(tier)) expect(sourceText(tier)).toMatch(/^暂定值，待本地确认/)
    }
    const view = rewardRulesView(rules)
    for (const tier of view.tiers) expect(tier.placeholder || /〔|第/.test(tier.source)).toBe(true)
  })

  test('the operator view names each figure with its citation or placeholder: true', () => {
    const printed = rewardRulesForOperators(rules)
    const each = [
      printed.offered,
      printed.insiderMultiplier,
      printed.cap,
      printed.claimWindow,
      printed.fineShare,
      ...Object.values(printed.tiers),
      ...Object.values(printed.conditions),
    ]
    for (const f of each) {
      expect('citation' in f ? typeof f.citation === 'string' : f.placeholder).toBe(true)
    }
  })

  test('the rules of a date are the version in effect; before the first, the first', () => {
    expect(rewardRulesOn(id, '1990-01-01')).toBe(REWARD_RULES[id][0])
    expect(rewardRulesOn(id, '2099-01-01')).toBe(rules)
  })
})

test.each([
  // [profile, offered, cited basis of the scheme]
  ['national', false, 'S3 第二十七条'], // 可适时推行有奖举报: the national hotline runs no scheme itself
  ['jiaozuo-12345', true, 'S0 第十二条'], // 按有关规定给予举报人奖励
  ['chongqing-jiulongpo', true, 'S2 第九条'], // 按程序对符合条件的投诉人予以奖励
  ['haidong', true, 'S4 五(四)'], // 全面落实《青海省生态环境违法行为举报奖励办法（试行）》
] as const)('%s: rewards offered = %s (%s)', (id, offered, cite) => {
  const rules = latestRewardRules(id)
  expect(rules.offered.value).toBe(offered)
  expect(isPlaceholder(rules.offered) ? null : rules.offered.basis).toContain(cite)
})

test('天津: S1 has no article on rewards — offered on the national guidance, as a placeholder', () => {
  const rules = latestRewardRules('tianjin-12369')
  expect(rules.offered).toMatchObject({ value: true, placeholder: true })
  expect(rules.scheme.known).toBe('not-found')
  expect(figures(rules).filter(([path, f]) => path.startsWith('tiers') && !isPlaceholder(f))).toEqual([])
})

test('重庆九龙坡 (渝环规〔2025〕1号, as reported): anonymous rewards by code, 500/1000/2000 by type, 5% of the fine, up to 100,000', () => {
  const rules = latestRewardRules('chongqing-jiulongpo')
  expect(rules.identity).toMatchObject({ value: 'real-name-or-claim-code', asReported: true })
  expect(new Set(Object.values(rules.tiers).map((t) => t.value))).toEqual(new Set([500, 1000, 2000]))
  for (const tier of Object.values(rules.tiers)) {
    expect(tier).toMatchObject({ asReported: true })
    expect(isPlaceholder(tier) ? '' : tier.basis).toContain('渝环规〔2025〕1号')
  }
  expect(rules.fineShare).toMatchObject({ value: 5, asReported: true })
  expect(rules.cap).toMatchObject({ value: 100000, asReported: true })
  // Not in the summaries: placeholders.
  expect(isPlaceholder(rules.insiderMultiplier)).toBe(true)
  expect(isPlaceholder(rules.claimWindowDays)).toBe(true)
})

test('焦作 (S0 第十二条): real name encouraged, true reports rewarded; every figure a placeholder, anonymous not rewarded until the bureau says so', () => {
  const rules = latestRewardRules('jiaozuo-12345')
  expect(rules.conditions['verified-true']).toMatchObject({ basis: 'S0 第十二条：举报内容真实' })
  expect(rules.identity).toMatchObject({ value: 'real-name', placeholder: true })
  expect(
    figures(rules).filter(([path, f]) => /^tiers|cap|claim|insider/.test(path) && !isPlaceholder(f)),
  ).toEqual([])
  expect(rewardRulesView(rules).provisional).toBe(true)
})

test('海东 (S4 五(四)): 青生发〔2023〕163号 not found — every figure a placeholder', () => {
  const rules = latestRewardRules('haidong')
  expect(rules.scheme).toMatchObject({ known: 'not-found' })
  expect(rules.scheme.title).toContain('青生发〔2023〕163号')
  for (const [path, f] of figures(rules)) {
    if (/^(tiers|cap|claimWindowDays|insiderMultiplier|fineShare)/.test(path)) {
      expect({ path, placeholder: isPlaceholder(f) }).toEqual({ path, placeholder: true })
    }
  }
})
