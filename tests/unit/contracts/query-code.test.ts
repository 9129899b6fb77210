// The anonymous query code as people type it: the client checks and the server looks up the same normalised
// code (lookupByCodeInput), so whatever the phone accepts, the hash lookup finds.
import {
  lookupByCodeInput,
  normaliseQueryCode,
  QUERY_CODE_ALPHABET,
  QUERY_CODE_LENGTH,
  QUERY_CODE_PATTERN,
} from '@shared/contracts/cases'

const CODE = '7K0Q2M9DX1'

test.each([
  ['as shown', '7K0Q2M9DX1'],
  ['lower case', '7k0q2m9dx1'],
  ['spaces, as read aloud in groups', ' 7K0Q2 M9DX1 '],
  ['dashes', '7K0Q2-M9DX1'],
  ['O for 0 (the alphabet has no O)', '7KOQ2M9DX1'],
  ['I for 1 (the alphabet has no I)', '7K0Q2M9DXI'],
  ['l for 1 (the alphabet has no L)', '7k0q2m9dxl'],
  ['full-width characters from a Chinese keyboard', '７Ｋ０Ｑ２　Ｍ９ＤＸ１'],
])('%s: %s', (_why, typed) => {
  expect(normaliseQueryCode(typed)).toBe(CODE)
  expect(lookupByCodeInput.parse({ code: typed })).toEqual({ code: CODE })
})

test.each([
  ['too short', '7K0Q2M9DX'],
  ['too long', '7K0Q2M9DX12'],
  ['not a letter or digit', '7K0Q2M9DX#'],
  ['empty', '   '],
])('refused: %s', (_why, typed) => {
  const r = lookupByCodeInput.safeParse({ code: typed })
  expect(r.success).toBe(false)
  expect(r.error?.issues[0]?.message).toBe('查询码是 10 位字母和数字，请核对后重新输入')
})

test('the alphabet holds no character that normalising changes, so every issued code reads back as itself', () => {
  expect(QUERY_CODE_ALPHABET).toHaveLength(33)
  for (const c of QUERY_CODE_ALPHABET) expect(normaliseQueryCode(c)).toBe(c)
  expect(QUERY_CODE_ALPHABET).not.toMatch(/[OIL]/)
  const code = QUERY_CODE_ALPHABET.slice(0, QUERY_CODE_LENGTH)
  expect(code).toMatch(QUERY_CODE_PATTERN)
})
