// The self-check before filing: what a report needs to be reward-eligible here and what rules it out.
import { latestRewardRules } from '@shared/policy'
import { rewardRulesView, selfCheck } from '@shared/rewards'

const view = (id: Parameters<typeof latestRewardRules>[0]) => rewardRulesView(latestRewardRules(id))

test('焦作: an anonymous report cannot be rewarded (S0 第十二条 提倡实名; placeholder)', () => {
  const result = selfCheck(view('jiaozuo-12345'), { realName: false, evidence: true })
  expect(result.verdict).toBe('ruled-out')
  expect(result.points[0]).toEqual({ tone: 'bad', text: '本地仅奖励实名举报：匿名举报不能获得奖励。' })
})

test('重庆 (渝环规〔2025〕1号, as reported): anonymous is fine, with the query code kept', () => {
  const result = selfCheck(view('chongqing-jiulongpo'), { realName: false, evidence: true, insider: true })
  expect(result.verdict).toBe('possible')
  expect(result.points.map((p) => p.text).join('')).toContain('凭查询码申领')
  expect(result.points.map((p) => p.text).join('')).toContain(
    '内部人员举报奖励按 2 倍计算（暂定，待本地确认）',
  )
})

test.each([
  ['an excluded person', { excluded: true }, '负有生态环境监管职责的工作人员及其近亲属不属于奖励对象。'],
  ['a matter already public', { known: true }, '已被媒体报道或环保部门已掌握的违法行为不予奖励'],
] as const)('%s is ruled out', (_name, answers, text) => {
  const result = selfCheck(view('haidong'), { realName: true, ...answers })
  expect(result.verdict).toBe('ruled-out')
  expect(result.points.some((p) => p.tone === 'bad' && p.text.includes(text))).toBe(true)
})

test('without concrete evidence: warned, not ruled out', () => {
  const result = selfCheck(view('haidong'), { realName: true, evidence: false })
  expect(result.verdict).toBe('possible')
  expect(result.points.some((p) => p.tone === 'warn' && p.text.includes('照片或视频'))).toBe(true)
})

test('national profile: no scheme (S3 第二十七条)', () => {
  expect(selfCheck(view('national'), { realName: true }).verdict).toBe('not-offered')
})
