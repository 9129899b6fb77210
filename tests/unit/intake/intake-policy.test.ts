import { CATEGORY_KEYS } from '@shared/vocabulary/categories'
import { nearbyCells } from '@shared/geo/cells'
import { wgs84 } from '@shared/geo/coordinates'
import { INTAKE_PROFILE_IDS, type Basis, type IntakeProfileId } from '@shared/policy/intake'
import { INTAKE_POLICIES, intakePolicyFor } from '@shared/policy/registry'

describe('intake policy profiles', () => {
  test.each([
    ['jiaozuo-12345', 3, 'escalate', /S0 第十一条/],
    ['national', 3, 'supervise', /S3 第十五条\(二\)/],
    ['tianjin-12369', 3, 'supervise', /S1 第十四条/],
    ['chongqing-jiulongpo', 3, 'leader-case', /S2 第八条/],
    ['haidong', 3, 'important-case', /S4 四\(二\)/],
  ] as const)('%s: repeat threshold %d → %s [%s]', (profile, threshold, action, cite) => {
    const repeat = INTAKE_POLICIES[profile].repeat
    expect(repeat.threshold).toBe(threshold)
    expect(repeat.windowDays).toBe(90) // 60 日 + 延长 30 日 (S3 第十一条)
    expect(repeat.action.kind).toBe(action)
    expect(repeat.basis.action.cite).toMatch(cite)
  })

  test('Jiaozuo’s threshold cites S0 第十一条 itself; the others say they borrow it', () => {
    expect(INTAKE_POLICIES['jiaozuo-12345'].repeat.basis.threshold.cite).toMatch(/S0 第十一条/)
    for (const p of ['national', 'tianjin-12369', 'chongqing-jiulongpo', 'haidong'] as const) {
      expect(INTAKE_POLICIES[p].repeat.basis.threshold.decision).toMatch(/S0 第十一条/)
    }
  })

  test.each(INTAKE_PROFILE_IDS)('%s: every value has a non-empty basis (article or decision)', (profile) => {
    const policy = INTAKE_POLICIES[profile]
    const bases: Basis[] = [
      ...Object.values(policy.duplicate.basis),
      ...Object.values(policy.repeat.basis),
      ...Object.values(policy.earlyWarning.basis),
      ...Object.values(policy.importance.basis),
      ...policy.importance.rules,
    ]
    for (const basis of bases)
      expect(`${basis.cite ?? ''}${basis.decision ?? ''}`.trim().length).toBeGreaterThan(5)
    expect(policy.profileId).toBe(profile)
  })

  test.each(INTAKE_PROFILE_IDS)('%s: every radius can be queried with at most 9 cell keys', (profile) => {
    const policy = INTAKE_POLICIES[profile]
    for (const category of CATEGORY_KEYS) {
      for (const radius of [
        policy.duplicate.byCategory[category].radiusMetres,
        policy.repeat.placeRadiusMetres[category],
        policy.earlyWarning.byCategory[category].radiusMetres,
      ]) {
        for (const lat of [29.6, 35.3, 39.2, 36.5]) {
          expect(nearbyCells(wgs84(lat, 110), radius).keys.length).toBeLessThanOrEqual(9)
        }
      }
    }
  })

  test.each([
    ['chongqing-jiulongpo', '重要信访案件'],
    ['haidong', '重点信访案件'],
  ] as const)('%s calls important cases %s', (profile: IntakeProfileId, label) => {
    expect(INTAKE_POLICIES[profile].importance.label).toBe(label)
  })

  test('an unknown profile is an error, not a silent baseline', () => {
    expect(intakePolicyFor('tianjin-12369').profileId).toBe('tianjin-12369')
    expect(() => intakePolicyFor('beijing')).toThrow(/unknown policy profile/)
  })
})
