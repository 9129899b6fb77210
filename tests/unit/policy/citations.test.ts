// Citations as people read them: citizens see each document's name (never a seed label such as S0), staff see
// the label and the name. Every basis of every profile, reminder and 不予受理 reason renders this way.
import {
  citationReferences,
  citeForCitizens,
  citeForStaff,
  effectivePolicy,
  getPolicyProfile,
  LEGAL_SOURCES,
  NON_ACCEPTANCE_REASONS,
  POLICY_PROFILES,
  PROFILE_IDS,
  replyRemediesText,
  type PolicyProfile,
} from '@shared/policy'

const S0 = '《焦作市12345热线生态环境问题举报投诉管理办法（征求意见稿）》'
const S2 = '《九龙坡区生态环境局环境信访工作管理办法》'
const S3 = '《生态环境举报热线工作管理办法（征求意见稿）》'
const S4 = '海东市《关于进一步加强全市生态环境领域信访工作的意见》'

/** A seed label left in a text a citizen reads. */
const BARE_LABEL = new RegExp(`(^|[^A-Za-z0-9])(S[0-4])(?![0-9])|(^|[；;、，（\\s])条例 `)

describe('citeForCitizens', () => {
  test.each([
    // S0 第七条(四): the Jiaozuo handling limits — a draft (征求意见稿), and said so
    ['S0 第七条(四)', `${S0}第七条（四）`],
    // 条例 第三十五条: 复查 within 30 日 of the written reply
    ['条例 第三十五条', '《信访工作条例》第三十五条'],
    // the national baseline's handling limit rests on two texts
    ['S3 第十一条; 条例 第三十四条', `${S3}第十一条；《信访工作条例》第三十四条`],
    // S2 第十九条, 第二十条 (九龙坡 review window): one document named once
    ['S2 第十九条; S2 第二十条', `${S2}第十九条、第二十条`],
    ['条例 第三十五条、第三十六条', '《信访工作条例》第三十五条、第三十六条'],
    // S4 numbers its parts 一、二… with items (一)(二)…: 四(二) is part four, item two
    ['S4 四(二)', `${S4}第四部分（二）`],
    ['S2 第十条(五)(六)', `${S2}第十条（五）（六）`],
    // a quoted article keeps its words after the name
    ['S3 第九条(四)：可合并办理', `${S3}第九条（四）：可合并办理`],
    // the names of other texts are left alone (管理条例 is not the 条例)
    ['S4 四：按《海东市城市管理条例》分工', `${S4}第四部分：按《海东市城市管理条例》分工`],
    ['噪声污染防治法 第八十八条', '《噪声污染防治法》第八十八条'],
    ['采用 S2 第十二条的做法', `采用${S2}第十二条的做法`],
  ])('%s → %s', (cite, expected) => {
    expect(citeForCitizens(cite)).toBe(expected)
  })
})

describe('citeForStaff', () => {
  test.each([
    ['S0 第七条(四)', `S0${S0}第七条（四）`],
    ['S4 四(五)', `S4 ${S4}第四部分（五）`],
    // the 条例's label is part of its name: not repeated
    ['条例 第三十六条', '《信访工作条例》第三十六条'],
  ])('%s → %s', (cite, expected) => {
    expect(citeForStaff(cite)).toBe(expected)
  })
})

test('citationReferences keeps the articles and leaves out the quoted words', () => {
  expect(
    citationReferences('S3 第九条(五)：涉及突发生态环境事件；S2 第八条：可能引发突发性事件的；S3 第九条(五)'),
  ).toEqual(['S3 第九条(五)', 'S2 第八条'])
  expect(citationReferences('S1 第七条、第八条：不属于的，录入答复意见')).toEqual(['S1 第七条、第八条'])
  expect(citationReferences('联名即两人及以上共同署名。')).toEqual([])
  // 民法典 第二百零三条 (rest days at the end of a period), 第一千二百五十九条 (以上 includes the number): 零, 千
  expect(citationReferences('民法典 第二百零一条、第二百零三条；民法典 第一千二百五十九条')).toEqual([
    '民法典 第二百零一条、第二百零三条',
    '民法典 第一千二百五十九条',
  ])
})

const allProfiles: PolicyProfile[] = Object.values(POLICY_PROFILES).flat()

test('every document cited has a short name in 《》', () => {
  for (const source of Object.values(LEGAL_SOURCES)) expect(source.name).toMatch(/《[^》]+》/)
})

test('no basis a citizen can be shown keeps a seed label', () => {
  const bases = [
    ...allProfiles.flatMap((p) => [
      ...p.clocks.map((c) => c.basis),
      ...p.reminders.map((r) => r.basis),
      ...(p.extension ? [p.extension.basis] : []),
      ...(p.review ? [p.review.basis] : []),
    ]),
    ...Object.values(NON_ACCEPTANCE_REASONS).map((r) => r.basis),
  ]
  for (const basis of bases) {
    const text = citeForCitizens(basis)
    expect([basis, text]).toEqual([basis, expect.not.stringMatching(BARE_LABEL)])
    expect([basis, text]).toEqual([basis, expect.stringMatching(/《[^》]+》/)])
  }
})

describe('the reply’s 救济渠道 in every profile', () => {
  test.each([
    // 条例 第三十五条、第三十六条: 复查 30 日, then 复核 30 日 (the national baseline, Jiaozuo and Tianjin on it)
    [
      'national',
      '如对答复意见有异议，可自收到本答复之日起 30 日内申请复查（依据《信访工作条例》第三十五条）；对复查意见仍有异议的，可自收到复查意见之日起 30 日内申请复核，复核意见为最终意见（依据《信访工作条例》第三十六条）。',
    ],
    [
      'jiaozuo-12345',
      '如对答复意见有异议，可自收到本答复之日起 30 日内申请复查（依据《信访工作条例》第三十五条）；对复查意见仍有异议的，可自收到复查意见之日起 30 日内申请复核，复核意见为最终意见（依据《信访工作条例》第三十六条）。',
    ],
    // S2 第十九条 (with 第二十条's objection period) and the 条例 give the same 30 日
    [
      'chongqing-jiulongpo',
      `如对答复意见有异议，可自收到本答复之日起 30 日内申请复查（依据${S2}第十九条、第二十条；《信访工作条例》第三十五条）；对复查意见仍有异议的，可自收到复查意见之日起 30 日内申请复核，复核意见为最终意见（依据${S2}第十九条；《信访工作条例》第三十六条）。`,
    ],
    // S4 四(五): 复查 again by the same unit until the reporter is satisfied, within the 复核 period
    [
      'haidong',
      `如对答复意见有异议，可自收到本答复之日起 30 日内申请复查（依据《信访工作条例》第三十五条）；对复查意见仍有异议的，可自收到复查意见之日起 30 日内再次申请复查（依据${S4}第四部分（五）；《信访工作条例》第三十六条）。`,
    ],
  ] as const)('%s', (id, text) => {
    expect(replyRemediesText(effectivePolicy(getPolicyProfile(id)))).toBe(text)
  })

  test('every profile has one, naming documents only', () => {
    for (const id of PROFILE_IDS) {
      const text = replyRemediesText(effectivePolicy(getPolicyProfile(id)))
      expect(text).toMatch(/申请复查（依据《/)
      expect(text).not.toMatch(BARE_LABEL)
    }
  })
})
