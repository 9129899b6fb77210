import {
  entityNameSimilarity,
  isSameEntity,
  normaliseEntityName,
  sameEntityAs,
  shortPlaceName,
  type EntityNameOptions,
} from '@shared/routing/entity-names'

// Place names as a Jiaozuo deployment supplies them (its boundary data + the city's short form).
const JIAOZUO: EntityNameOptions = {
  placeNames: ['焦作市', '山阳区', '马村区', '解放区', '中站区', '沁阳市', '孟州市', '温县', '郑州市'],
  prefixShortForms: ['焦作'],
}
const TIANJIN: EntityNameOptions = {
  placeNames: ['天津市', '和平区', '滨海新区'],
  prefixShortForms: ['天津'],
}

// The key must be the same for every way citizens write one entity (S3 第九条(四) 同一举报事项; S0 第十一条
// counts repeats per target), and different for different entities.
describe('normaliseEntityName', () => {
  test.each([
    ['焦作市恒通化工有限公司', '恒通化工', 'city prefix and 有限公司'],
    ['恒通化工厂', '恒通化工', '厂; the 工 of 化工 stays'],
    ['恒通化工有限责任公司', '恒通化工', '有限责任公司'],
    ['河南恒通化工股份有限公司', '恒通化工', 'province short form and 股份有限公司'],
    ['焦作市山阳区恒通化工有限公司', '恒通化工', 'city and county prefixes'],
    ['焦作恒通化工集团有限公司', '恒通化工', 'city short form, 集团有限公司'],
    ['恒通化工（焦作）有限公司', '恒通化工', 'place name in full-width brackets'],
    ['恒通化工(马村区)有限公司', '恒通化工', 'county in half-width brackets'],
    ['恒通化工有限公司马村分公司', '恒通化工', 'branch after the legal form'],
    ['恒通化工有限公司第二分厂', '恒通化工', 'branch factory'],
    ['焦作 恒通化工　有限公司', '恒通化工', 'half- and full-width spaces'],
    ['ＨＥＮＧＴＯＮＧ化工有限公司', 'hengtong化工', 'full-width Latin letters and case'],
    ['HengTong化工厂', 'hengtong化工', 'case'],
    ['“恒通”化工·有限公司', '恒通化工', 'quotes and middle dot'],
    ['和平化工有限公司', '和平化工', 'a county short form is part of the trade name (not stripped)'],
    ['焦作市化工厂', '化工', 'nothing but a prefix and a trade: two characters remain'],
    ['', '', 'empty'],
  ])('%s → %s (%s)', (name, key) => {
    expect(normaliseEntityName(name, JIAOZUO)).toBe(key)
  })

  test('Tianjin: its own places are prefixes, 和平 as a trade name survives', () => {
    expect(normaliseEntityName('天津市滨海新区海晶化工有限公司', TIANJIN)).toBe('海晶化工')
    expect(normaliseEntityName('天津和平化工厂', TIANJIN)).toBe('和平化工')
  })

  test.each([
    ['焦作市', '焦作'],
    ['民和回族土族自治县', '民和'],
    ['循化撒拉族自治县', '循化'],
    ['彭水苗族土家族自治县', '彭水'],
    ['滨海新区', '滨海'],
    ['温县', null],
    ['厂区', null],
  ])('shortPlaceName(%s) = %s', (name, short) => {
    expect(shortPlaceName(name)).toBe(short)
  })
})

describe('entityNameSimilarity / isSameEntity', () => {
  test.each([
    ['焦作市恒通化工有限公司', '恒通化工厂', 1, true],
    ['恒通化工（焦作）有限公司', 'ＨＥＮＧＴＯＮＧ化工', 0.17, false],
    ['恒通化工', '焦作恒通化工集团', 1, true],
    ['恒通化工', '恒通化工科技', 0.9, true],
    ['万和化工有限公司', '万通化工有限公司', 0.33, false],
    ['恒通化工', '恒通建材', 0.33, false],
    ['恒通', '恒通化工', 0.5, false],
    ['', '恒通化工', 0, false],
  ])('%s ~ %s: %d, same entity %s', (a, b, similarity, same) => {
    expect(entityNameSimilarity(a, b, JIAOZUO)).toBeCloseTo(similarity, 2)
    expect(isSameEntity(a, b, JIAOZUO)).toBe(same)
    // Matching one name against many answers the same, the first time and again (each spelling is kept).
    const sameAsA = sameEntityAs(a, JIAOZUO)
    expect([sameAsA(b), sameAsA(b)]).toEqual([same, same])
    expect(sameAsA(a)).toBe(isSameEntity(a, a, JIAOZUO))
  })
})
