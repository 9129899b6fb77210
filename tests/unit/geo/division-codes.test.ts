import {
  divisionCovers,
  divisionLevel,
  divisionPrefix,
  isDivisionCode,
  parentDivisionCodes,
  qualifiedRegionName,
} from '@shared/geo/division-codes'

// GB/T 2260 行政区划代码: two digits per level.
describe('division codes', () => {
  test.each([
    ['120000', 'province', '12'],
    ['410800', 'prefecture', '4108'],
    ['410811', 'county', '410811'],
    ['500107', 'county', '500107'],
    ['jz-gaoxin-zone', null, 'jz-gaoxin-zone'],
    ['fanwei', null, 'fanwei'],
  ])('%s is %s with prefix %s', (code, level, prefix) => {
    expect(divisionLevel(code)).toBe(level)
    expect(divisionPrefix(code)).toBe(prefix)
    expect(isDivisionCode(code)).toBe(level !== null)
  })

  test.each([
    ['410800', '410811', true, '焦作市 covers 山阳区'],
    ['120000', '120116', true, '天津市 covers 滨海新区'],
    ['500107', '500107', true, 'a code covers itself'],
    ['500107', '500103', false, '九龙坡区 does not cover 渝中区'],
    ['410800', '410100', false, '焦作市 does not cover 郑州市'],
    ['410800', '419001', false, '焦作市 does not cover 济源市 (province-administered)'],
    ['jz-gaoxin-zone', 'jz-gaoxin-zone', true, 'a zone key covers only itself'],
    ['410800', 'jz-gaoxin-zone', false, 'a zone key is not a sub-division'],
  ])('divisionCovers(%s, %s) = %s: %s', (outer, inner, covers) => {
    expect(divisionCovers(outer, inner)).toBe(covers)
  })

  test.each([
    ['500103', ['500000', '500100']],
    ['410800', ['410000']],
    ['630000', []],
  ])('parents of %s', (code, parents) => {
    expect(parentDivisionCodes(code).sort()).toEqual(parents)
  })

  test.each([
    ['500103', '渝中区', new Map<string, string>(), '重庆市渝中区'],
    ['410100', '郑州市', new Map<string, string>(), '河南省郑州市'],
    ['410811', '山阳区', new Map([['410800', '焦作市']]), '河南省焦作市山阳区'],
    ['130921', '沧县', new Map<string, string>(), '河北省沧县'],
    ['110000', '北京市', new Map<string, string>(), '北京市'],
    ['630224', '化隆回族自治县', new Map([['630200', '海东市']]), '青海省海东市化隆回族自治县'],
  ])('qualified name of %s %s', (code, name, known, qualified) => {
    expect(qualifiedRegionName(code, name, known)).toBe(qualified)
  })
})
