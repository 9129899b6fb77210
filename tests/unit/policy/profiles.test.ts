import {
  CLOCK_KIND_KEYS,
  CLOCK_KINDS,
  CLOCK_PRECEDES,
  effectivePolicy,
  getPolicyProfile,
  isProfileId,
  LEGAL_SOURCES,
  NON_ACCEPTANCE_REASONS,
  POLICY_PROFILES,
  PROFILE_IDS,
  profileInEffect,
  type PolicyProfile,
} from '@shared/policy'

const allProfiles: PolicyProfile[] = Object.values(POLICY_PROFILES).flat()
const CITATION = new RegExp(
  `^(${Object.keys(LEGAL_SOURCES).join('|')}) (第[一二三四五六七八九十百]+条|[一二三四五六七]\\()`,
)

describe.each(allProfiles.map((p) => [`${p.id} v${p.version}`, p] as const))(
  'profile %s',
  (_name, profile) => {
    it('cites a seed label and article on every rule', () => {
      for (const rule of profile.clocks) {
        for (const citation of rule.basis.split('; '))
          expect([rule.clock, citation]).toEqual([rule.clock, expect.stringMatching(CITATION)])
      }
      for (const reminder of profile.reminders) expect(reminder.basis).toMatch(CITATION)
      if (profile.extension) expect(profile.extension.basis).toMatch(CITATION)
    })

    it('has rules that can be computed', () => {
      for (const rule of profile.clocks) {
        expect(Number.isInteger(rule.days) && rule.days >= 0).toBe(true)
        expect(Object.keys(CLOCK_KINDS)).toContain(rule.clock)
      }
    })

    it('writes down its decisions on ambiguous text, with reasons', () => {
      expect(profile.decisions.length).toBeGreaterThan(0)
      for (const decision of profile.decisions) {
        expect(decision.decision.length).toBeGreaterThan(4)
        expect(decision.reason.length).toBeGreaterThan(4)
      }
    })

    it('is versioned with an effective date and a pinned baseline', () => {
      expect(profile.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      if (profile.baseline)
        expect(getPolicyProfile(profile.baseline.id, profile.baseline.version).id).toBe('national')
    })
  },
)

describe('the order of the steps before the reply (CLOCK_PRECEDES)', () => {
  it.each(Object.entries(CLOCK_PRECEDES))('%s comes before duties listed after it', (step, later) => {
    expect(CLOCK_KINDS[step as keyof typeof CLOCK_KINDS].nature).toBe('duty')
    for (const next of later) {
      expect(CLOCK_KINDS[next].nature).toBe('duty')
      expect(CLOCK_KIND_KEYS.indexOf(next)).toBeGreaterThan(
        CLOCK_KIND_KEYS.indexOf(step as keyof typeof CLOCK_KINDS),
      )
    }
  })
})

describe('registry', () => {
  it('has every profile id the deployments may name', () => {
    expect(Object.keys(POLICY_PROFILES).sort()).toEqual([...PROFILE_IDS].sort())
    expect(isProfileId('haidong')).toBe(true)
    expect(isProfileId('shanghai')).toBe(false)
  })

  it.each([
    ['tianjin-12369', '2015-06-16', null],
    ['tianjin-12369', '2015-06-17', 1],
    ['haidong', '2024-02-17', null],
    ['haidong', '2024-02-18', 1],
    ['national', '2026-02-14', 1],
  ] as const)('%s in effect on %s: version %s', (id, date, version) => {
    expect(profileInEffect(id, date)?.version ?? null).toBe(version)
  })

  it('refuses an unknown version rather than silently using another', () => {
    expect(() => getPolicyProfile('haidong', 99)).toThrow(RangeError)
  })
})

describe('combined with the national baseline', () => {
  it('S0 is silent on extension: the baseline cap (30 日) and approver apply', () => {
    expect(effectivePolicy(getPolicyProfile('jiaozuo-12345')).extension).toMatchObject({
      maxDays: 30,
      approverRoles: ['leader'],
      mustRequestBeforeDue: true,
      notifyReporter: true,
    })
  })

  it('S1 第十一条: only the leader in charge approves replies in Tianjin', () => {
    expect(effectivePolicy(getPolicyProfile('tianjin-12369')).replyApproval.chain).toEqual(['leader'])
    expect(effectivePolicy(getPolicyProfile('chongqing-jiulongpo')).replyApproval.chain).toEqual([
      'office-head',
      'leader',
    ])
  })

  it('S1 第六条: Tianjin alone may refuse a report as outside the channel scope', () => {
    expect(NON_ACCEPTANCE_REASONS['outside-channel-scope'].basis).toBe('S1 第六条')
    expect(effectivePolicy(getPolicyProfile('tianjin-12369')).nonAcceptanceReasons).toContain(
      'outside-channel-scope',
    )
    expect(effectivePolicy(getPolicyProfile('haidong')).nonAcceptanceReasons).not.toContain(
      'outside-channel-scope',
    )
  })

  it('S4 四(五): Haidong reviews in a same-unit loop; elsewhere review then re-review', () => {
    expect(effectivePolicy(getPolicyProfile('haidong')).review.sameUnitLoop).toBe(true)
    expect(effectivePolicy(getPolicyProfile('national')).review.sameUnitLoop).toBe(false)
  })

  it('a lower local cap wins over the baseline, and a missing one does not lift it', () => {
    const strict: PolicyProfile = {
      ...getPolicyProfile('haidong'),
      extension: { maxDays: 15, basis: 'S4 四(四)' },
    }
    const silent: PolicyProfile = {
      ...getPolicyProfile('haidong'),
      extension: { maxDays: null, basis: 'S0 第七条(四)' },
    }
    expect(effectivePolicy(strict).extension.maxDays).toBe(15)
    expect(effectivePolicy(silent).extension.maxDays).toBe(30)
  })

  it('local rules come first, then the baseline', () => {
    const rules = effectivePolicy(getPolicyProfile('chongqing-jiulongpo')).clockRules
    expect(rules[0]?.origin).toBe('chongqing-jiulongpo')
    expect(rules.at(-1)?.origin).toBe('national')
  })
})
