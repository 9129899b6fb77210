// An admin uploads a newly published year (holiday-cn shape). Malformed or inconsistent input is rejected with
// Chinese messages that say what to fix.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { validateHolidayNotice, validateLocalRestDays, type HolidayNotice } from '@shared/calendar'

const fixtureText = (year: number) =>
  readFileSync(path.join(__dirname, '../../fixtures/holidays', `${year}.json`), 'utf8')
const fixture = (year: number) => JSON.parse(fixtureText(year)) as HolidayNotice & { $schema: string }

function messages(input: unknown, expectedYear?: number): string[] {
  const result = validateHolidayNotice(input, expectedYear)
  if (result.ok) throw new Error('expected the notice to be rejected')
  return result.errors.map((e) => `${e.path}: ${e.message}`)
}

/** A plausible 2027 notice: the law's 13 days plus 调休. */
const notice2027 = (): HolidayNotice => ({
  year: 2027,
  papers: ['https://www.gov.cn/zhengce/zhengceku/202711/content_0000000.htm'],
  days: [
    ...['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ name: '元旦', date, isOffDay: true })),
    ...['05', '06', '07', '08', '09', '10', '11', '12', '13'].map((d) => ({
      name: '春节',
      date: `2027-02-${d}`,
      isOffDay: true,
    })),
    { name: '春节', date: '2027-02-20', isOffDay: false },
    ...['2027-04-03', '2027-04-04', '2027-04-05'].map((date) => ({ name: '清明节', date, isOffDay: true })),
    ...['01', '02', '03', '04', '05'].map((d) => ({ name: '劳动节', date: `2027-05-${d}`, isOffDay: true })),
    ...['2027-06-09'].map((date) => ({ name: '端午节', date, isOffDay: true })),
    ...['2027-09-15'].map((date) => ({ name: '中秋节', date, isOffDay: true })),
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
      name: '国庆节',
      date: `2027-10-${d}`,
      isOffDay: true,
    })),
    { name: '国庆节', date: '2027-09-26', isOffDay: false },
  ],
})

describe('accepted', () => {
  it.each([2024, 2025, 2026])(
    'the published %i notice, verbatim (extra keys like $schema ignored)',
    (year) => {
      const result = validateHolidayNotice(JSON.parse(fixtureText(year)), year)
      expect(result.ok).toBe(true)
      if (result.ok) expect(result.notice.days).toHaveLength(fixture(year).days.length)
    },
  )

  it('a new year, returned sorted by date', () => {
    const shuffled = { ...notice2027(), days: [...notice2027().days].reverse() }
    const result = validateHolidayNotice(shuffled)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.notice.days[0]?.date).toBe('2027-01-01')
  })
})

describe('rejected, with a Chinese message', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['the empty placeholder of an unpublished year', () => fixture(2027), /通知尚未发布时无需上传/],
    ['no notice URL', () => ({ ...notice2027(), papers: [] }), /通知原文链接/],
    ['a URL that is not http(s)', () => ({ ...notice2027(), papers: ['ftp://gov.cn/x'] }), /http\(s\)/],
    ['a year that is not a number', () => ({ ...notice2027(), year: '2027' }), /年份/],
    ['not an object at all', () => 'holidays', /./],
    [
      'an impossible date',
      () => ({
        ...notice2027(),
        days: [...notice2027().days, { name: '元旦', date: '2027-02-30', isOffDay: true }],
      }),
      /日期格式不正确/,
    ],
    [
      'a blank holiday name',
      () => ({
        ...notice2027(),
        days: [...notice2027().days, { name: ' ', date: '2027-03-01', isOffDay: true }],
      }),
      /节日名称/,
    ],
    [
      'isOffDay missing',
      () => ({ ...notice2027(), days: [...notice2027().days, { name: '元旦', date: '2027-03-01' }] }),
      /isOffDay/,
    ],
    [
      'a date listed twice',
      () => ({
        ...notice2027(),
        days: [...notice2027().days, { name: '元旦', date: '2027-01-01', isOffDay: false }],
      }),
      /2027-01-01 重复出现/,
    ],
    [
      'a make-up working day on a weekday (调休上班 is always a weekend day)',
      () => ({
        ...notice2027(),
        days: [...notice2027().days, { name: '春节', date: '2027-02-17', isOffDay: false }],
      }),
      /星期三.*只能是周六或周日/,
    ],
    [
      'a date of another year',
      () => ({
        ...notice2027(),
        days: [...notice2027().days, { name: '国庆节', date: '2026-10-08', isOffDay: true }],
      }),
      /不属于 2027 年/,
    ],
    [
      'a statutory day (农历除夕) not given off — 全国年节及纪念日放假办法 第二条',
      () => ({ ...notice2027(), days: notice2027().days.filter((d) => d.date !== '2027-02-05') }),
      /2027-02-05（春节）是法定节假日/,
    ],
  ])('%s', (_case, input, message) => {
    expect(messages(input()).join('\n')).toMatch(message)
  })

  it('a document for another year than the one chosen', () => {
    expect(messages(notice2027(), 2028)).toEqual(['year: 文件中的年份是 2027，与所选年份 2028 不一致'])
  })

  it('says where the problem is', () => {
    const bad = {
      ...notice2027(),
      days: [...notice2027().days, { name: '春节', date: '2027-02-17', isOffDay: false }],
    }
    expect(messages(bad)).toContainEqual(expect.stringMatching(/^days\.\d+\.isOffDay: /))
  })
})

describe('local rest days', () => {
  it('accepts days with their local basis', () => {
    const input = [{ date: '2026-05-27', name: '古尔邦节', basis: '循化县人民政府 2026 年通知' }]
    expect(validateLocalRestDays(input)).toEqual({ ok: true, days: input })
  })

  it.each<[string, unknown, RegExp]>([
    ['no basis', [{ date: '2026-05-27', name: '古尔邦节', basis: '' }], /地方政府文件/],
    [
      'the same date twice',
      [
        { date: '2026-05-27', name: '古尔邦节', basis: '某县通知 2026' },
        { date: '2026-05-27', name: '古尔邦节', basis: '某县通知 2026' },
      ],
      /重复出现/,
    ],
    ['a bad date', [{ date: '27/05/2026', name: '古尔邦节', basis: '某县通知 2026' }], /日期格式不正确/],
  ])('rejects %s', (_case, input, message) => {
    const result = validateLocalRestDays(input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.map((e) => e.message).join('\n')).toMatch(message)
  })
})
