import { type ImportanceRuleId, type IntakeProfileId } from '@shared/policy/intake'
import { INTAKE_POLICIES } from '@shared/policy/registry'
import {
  assessIntake,
  describeFinding,
  isWithinLocalHours,
  type IntakeFacts,
} from '@shared/intake/importance'

const base: IntakeFacts = { category: 'air', source: 'industrial', reportedAt: '2026-11-21T10:00:00+08:00' }

type Row = [
  profile: IntakeProfileId,
  facts: Partial<IntakeFacts>,
  rule: ImportanceRuleId | null,
  importance: 'important' | 'normal',
  urgency: 'immediate' | 'normal',
  cite: RegExp,
]

const ROWS: Row[] = [
  // 九龙坡 S2 第十条: 重要信访案件, reported to the leaders at once
  [
    'chongqing-jiulongpo',
    { leaderInstruction: true },
    'leader-instruction',
    'important',
    'normal',
    /S2 第十条.*\(一\)/,
  ],
  ['chongqing-jiulongpo', { extremeBehaviour: true }, 'extreme-behaviour', 'important', 'normal', /\(二\)/],
  [
    'chongqing-jiulongpo',
    { signatories: 12, seriousPollution: true },
    'joint-serious-pollution',
    'important',
    'normal',
    /\(三\) 联名/,
  ],
  ['chongqing-jiulongpo', { signatories: 1, seriousPollution: true }, null, 'normal', 'normal', /./],
  ['chongqing-jiulongpo', { signatories: 12, seriousPollution: false }, null, 'normal', 'normal', /./],
  ['chongqing-jiulongpo', { crossDistrict: true }, 'cross-district', 'important', 'normal', /\(四\) 跨区/],
  [
    'chongqing-jiulongpo',
    { typicalCase: true },
    'typical-case',
    'important',
    'normal',
    /\(四\) 环境污染的典型/,
  ],
  ['chongqing-jiulongpo', { aboutBureau: 'inaction' }, 'bureau-inaction', 'important', 'normal', /\(五\)/],
  ['chongqing-jiulongpo', { aboutBureau: 'misconduct' }, 'staff-misconduct', 'important', 'normal', /\(六\)/],
  ['chongqing-jiulongpo', { needsInstruction: true }, 'needs-instruction', 'important', 'normal', /\(七\)/],
  [
    'chongqing-jiulongpo',
    { majorSocialImpact: true },
    'major-social-impact',
    'important',
    'normal',
    /区政府、区信访办/,
  ],
  // S2 第十二条: immediate on-site action
  [
    'chongqing-jiulongpo',
    { category: 'noise', source: 'construction', reportedAt: '2026-11-21T23:40:00+08:00' },
    'night-construction-noise',
    'normal',
    'immediate',
    /S2 第十二条/,
  ],
  [
    'chongqing-jiulongpo',
    { category: 'noise', source: 'construction', reportedAt: '2026-11-21T05:59:00+08:00' },
    'night-construction-noise',
    'normal',
    'immediate',
    /S2 第十二条/,
  ],
  [
    'chongqing-jiulongpo',
    { category: 'noise', source: 'construction', reportedAt: '2026-11-21T06:00:00+08:00' },
    null,
    'normal',
    'normal',
    /./,
  ],
  [
    'chongqing-jiulongpo',
    { category: 'noise', source: 'construction', reportedAt: '2026-11-21T21:59:00+08:00' },
    null,
    'normal',
    'normal',
    /./,
  ],
  [
    'chongqing-jiulongpo',
    { category: 'noise', source: 'construction', reportedAt: '2026-11-21T14:30:00Z' },
    'night-construction-noise',
    'normal',
    'immediate',
    /S2 第十二条/,
  ], // 22:30 in Shanghai
  [
    'chongqing-jiulongpo',
    { category: 'noise', source: 'industrial', reportedAt: '2026-11-21T23:40:00+08:00' },
    null,
    'normal',
    'normal',
    /./,
  ],
  [
    'chongqing-jiulongpo',
    {
      category: 'noise',
      source: 'construction',
      reportedAt: '2026-11-22T09:00:00+08:00',
      observedAt: '2026-11-22T01:00:00+08:00',
    },
    'night-construction-noise',
    'normal',
    'immediate',
    /S2 第十二条/,
  ],
  [
    'chongqing-jiulongpo',
    { massIncidentRisk: true },
    'mass-incident-risk',
    'important',
    'immediate',
    /S2 第十二条.*S2 第八条/,
  ],
  [
    'chongqing-jiulongpo',
    { strongPublicReaction: true },
    'strong-public-reaction',
    'normal',
    'immediate',
    /S2 第十二条/,
  ],
  // 海东 S4 四(二): 重点信访案件
  ['haidong', { centralReferral: true }, 'central-referral', 'important', 'normal', /S4 四\(二\).*中央转办/],
  ['haidong', { leaderInstruction: true }, 'leader-instruction', 'important', 'normal', /省市领导批示/],
  ['haidong', { majorPollution: true }, 'major-pollution', 'important', 'normal', /重大环境污染/],
  [
    'haidong',
    { majorEcologicalDamage: true },
    'major-ecological-damage',
    'important',
    'normal',
    /重要生态破坏/,
  ],
  ['haidong', { peopleAffected: 30 }, 'many-people-affected', 'important', 'normal', /人数多/],
  ['haidong', { peopleAffected: 29 }, null, 'normal', 'normal', /./],
  ['haidong', { concentratedReports: true }, 'concentrated-reports', 'important', 'normal', /群众反映集中/],
  ['haidong', { crossDistrict: true }, null, 'normal', 'normal', /./], // not an S4 criterion
  // national S3 第九条(五): sudden events and mass-incident risk are accepted at once and reported
  [
    'national',
    { suddenEnvironmentalEvent: true },
    'sudden-environmental-event',
    'important',
    'immediate',
    /S3 第九条\(五\)/,
  ],
  ['national', { massIncidentRisk: true }, 'mass-incident-risk', 'important', 'immediate', /S3 第九条\(五\)/],
  ['national', { leaderInstruction: true }, null, 'normal', 'normal', /./], // S3 names no such rule
  // 天津 S1 第五条: cross-region matters go to the city
  ['tianjin-12369', { crossDistrict: true }, 'cross-district', 'important', 'normal', /S1 第五条/],
  // 焦作: S0 lists no important cases → national baseline, reported to 市执法支队 (S0 第十六条)
  [
    'jiaozuo-12345',
    { massIncidentRisk: true },
    'mass-incident-risk',
    'important',
    'immediate',
    /S3 第九条\(五\)/,
  ],
  ['jiaozuo-12345', {}, null, 'normal', 'normal', /./],
]

describe('assessIntake: importance and urgency with their citations', () => {
  test.each(ROWS)('%s %j → %s', (profile, facts, rule, importance, urgency, cite) => {
    const a = assessIntake({ ...base, ...facts }, INTAKE_POLICIES[profile].importance)
    expect(a.importance).toBe(importance)
    expect(a.urgency).toBe(urgency)
    expect(a.findings.map((f) => f.rule)).toEqual(rule ? [rule] : [])
    if (rule) expect(a.findings[0]!.basis.cite ?? a.findings[0]!.basis.decision).toMatch(cite)
  })

  test('the important label is the jurisdiction’s own term', () => {
    const label = (p: IntakeProfileId) =>
      assessIntake({ ...base, massIncidentRisk: true }, INTAKE_POLICIES[p].importance).importanceLabel
    expect(label('chongqing-jiulongpo')).toBe('重要信访案件') // S2 第十条
    expect(label('haidong')).toBe('重点信访案件') // S4 四(二)
  })

  test('effects are collected once each: Haidong key cases are reported upward and taken on by a leader', () => {
    const a = assessIntake(
      { ...base, centralReferral: true, majorPollution: true },
      INTAKE_POLICIES.haidong.importance,
    )
    expect(a.effects).toEqual(['important', 'report-upward', 'leader-case', 'early-warning'])
  })

  test('Jiaozuo reports important cases to 市执法支队 (S0 第十六条)', () => {
    const a = assessIntake(
      { ...base, suddenEnvironmentalEvent: true },
      INTAKE_POLICIES['jiaozuo-12345'].importance,
    )
    expect(a.effects).toContain('report-upward')
  })
})

describe('isWithinLocalHours (夜间 22:00–06:00, 噪声污染防治法 第八十八条)', () => {
  test.each([
    ['2026-11-21T22:00:00+08:00', true],
    ['2026-11-21T21:59:59+08:00', false],
    ['2026-11-22T00:00:00+08:00', true],
    ['2026-11-22T05:59:00+08:00', true],
    ['2026-11-22T06:00:00+08:00', false],
    ['2026-11-21T13:59:00Z', false], // 21:59 Shanghai
    ['2026-11-21T14:00:00Z', true], // 22:00 Shanghai
  ])('%s → %s', (instant, night) => {
    expect(isWithinLocalHours(instant, { from: '22:00', to: '06:00' })).toBe(night)
  })

  test('a daytime range does not wrap', () => {
    expect(isWithinLocalHours('2026-11-21T12:00:00+08:00', { from: '08:00', to: '18:00' })).toBe(true)
    expect(isWithinLocalHours('2026-11-21T19:00:00+08:00', { from: '08:00', to: '18:00' })).toBe(false)
  })

  test('a malformed range is rejected', () => {
    expect(() => isWithinLocalHours('2026-11-21T12:00:00+08:00', { from: '24:00', to: '06:00' })).toThrow(
      RangeError,
    )
  })
})

describe('研判: a finding as a case officer writes it in the file', () => {
  const night = {
    category: 'noise',
    source: 'construction',
    reportedAt: '2026-11-21T23:30:00+08:00',
  } as const
  const sentences = (profile: IntakeProfileId, facts: Partial<IntakeFacts>) =>
    assessIntake({ ...base, ...facts }, INTAKE_POLICIES[profile].importance).findings.map(describeFinding)

  test.each([
    // 焦作 has no night-noise rule of its own: the decision borrows 九龙坡's (S2 第十二条) — 参照, not 依据
    [
      'jiaozuo-12345',
      night,
      '夜间施工噪声，立即组织现场核实处置（参照 S2《九龙坡区生态环境局环境信访工作管理办法》第十二条）',
    ],
    // 九龙坡's own rule: 依据
    [
      'chongqing-jiulongpo',
      night,
      '夜间施工噪声，立即组织现场核实处置（依据 S2《九龙坡区生态环境局环境信访工作管理办法》第十二条）',
    ],
    // S4 四(二) 群众反映集中 → 重点信访案件
    [
      'haidong',
      { concentratedReports: true },
      '群众反映集中，列为重要（重点）案件，向上级业务部门和本级党委政府主要负责人报告，领导包案，可向下级或属地政府预警（依据 S4 海东市《关于进一步加强全市生态环境领域信访工作的意见》第四部分（二））',
    ],
  ] as const)('%s %j', (profile, facts, sentence) => {
    expect(sentences(profile, facts)).toEqual([sentence])
  })

  test('the articles, not the quoted text or the reasoning behind a decision', () => {
    for (const profile of Object.keys(INTAKE_POLICIES) as IntakeProfileId[]) {
      for (const s of sentences(profile, {
        ...night,
        suddenEnvironmentalEvent: true,
        concentratedReports: true,
      })) {
        expect(s).not.toMatch(/采用|未作规定|应当立即受理|：/)
        expect(s).toMatch(/（(依据|参照) .*《/)
      }
    }
  })
})
