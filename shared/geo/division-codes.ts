// 行政区划代码 (GB/T 2260): six digits, two per level — province 省级 `xx0000`, prefecture 地级 `xxxx00`,
// county 县级 `xxxxxx`. A code covers every code that starts with its significant digits, so 410800 (焦作市)
// covers 410811 (山阳区) and 120000 (天津市) covers every Tianjin district. Codes of functional zones such as a
// high-tech zone (功能区) are not division codes: they cover only themselves.

export type DivisionLevel = 'province' | 'prefecture' | 'county'

const DIVISION_CODE = /^\d{6}$/

export function isDivisionCode(code: string): boolean {
  return DIVISION_CODE.test(code)
}

export function divisionLevel(code: string): DivisionLevel | null {
  if (!isDivisionCode(code)) return null
  if (code.endsWith('0000')) return 'province'
  if (code.endsWith('00')) return 'prefecture'
  return 'county'
}

/** The significant digits: `410800` → `4108`. A non-division code is its own prefix. */
export function divisionPrefix(code: string): string {
  switch (divisionLevel(code)) {
    case 'province':
      return code.slice(0, 2)
    case 'prefecture':
      return code.slice(0, 4)
    default:
      return code
  }
}

/** Whether `outer` covers `inner` (a code covers itself). */
export function divisionCovers(outer: string, inner: string): boolean {
  if (!isDivisionCode(outer) || !isDivisionCode(inner)) return outer === inner
  return inner.startsWith(divisionPrefix(outer))
}

/** How specific a code is: county 3, prefecture 2, province 1; other codes (zones) 4, more specific than a county. */
export function divisionSpecificity(code: string): number {
  switch (divisionLevel(code)) {
    case 'province':
      return 1
    case 'prefecture':
      return 2
    case 'county':
      return 3
    default:
      return 4
  }
}

/** `500103` → [`500100`, `500000`]; `410800` → [`410000`]. */
export function parentDivisionCodes(code: string): string[] {
  switch (divisionLevel(code)) {
    case 'county':
      return [`${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`]
    case 'prefecture':
      return [`${code.slice(0, 2)}0000`]
    default:
      return []
  }
}

/** 省级 names by the first two digits of a division code. */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
}

/**
 * A name people can act on: the province and (when known) the prefecture before the region's own name —
 * `500103 渝中区` → `重庆市渝中区`, `410100 郑州市` → `河南省郑州市`. `knownNames` supplies prefecture names.
 */
export function qualifiedRegionName(
  code: string,
  name: string,
  knownNames: ReadonlyMap<string, string> = new Map(),
): string {
  const parts: string[] = []
  for (const parent of parentDivisionCodes(code).reverse()) {
    const parentName =
      divisionLevel(parent) === 'province' ? PROVINCE_NAMES[parent.slice(0, 2)] : knownNames.get(parent)
    if (parentName && !name.startsWith(parentName)) parts.push(parentName)
  }
  return parts.join('') + name
}
