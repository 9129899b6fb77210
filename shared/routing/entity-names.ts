// Tolerant matching of reported entities (被举报单位). Citizens name the same factory many ways:
// 焦作市恒通化工有限公司 / 恒通化工厂 / 恒通化工（焦作）有限公司 / ＨＥＮＧＴＯＮＧ化工 / 恒通化工有限公司马村分公司.
// `normaliseEntityName` reduces each to one key (恒通化工) so a report can be matched by equality (store the
// key, query with it) and, among nearby candidates, by similarity. Used for duplicates (S3 第九条(四) 同一举报事项)
// and for counting repeat reports per target (S0 第十一条).
import { PROVINCE_NAMES } from '../geo/division-codes'

/** Legal forms and generic endings, longest first: removed from the end, repeatedly. */
const LEGAL_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '集团公司',
  '总公司',
  '分公司',
  '公司',
  '集团',
  '总厂',
  '分厂',
  '工厂',
  '厂区',
  '厂',
  '合作社',
  '经营部',
  '门市部',
  '个体工商户',
]

const TRADE_ENDING_IN_GONG = /[化加手电木]工厂$/

/** A legal form followed by a branch designation: `X有限公司马村分公司` is X. */
const BRANCH_AFTER_LEGAL_FORM =
  /^(.{2,}?)(股份有限公司|有限责任公司|有限公司|集团公司|公司)(.+)(分公司|分厂|厂区|车间|项目部|工地)$/

/** Administrative endings of place names. */
const PLACE_ENDING = /(自治县|自治州|自治区|自治旗|特别行政区|新区|地区|省|市|区|县|旗|盟)$/
/** An ethnic group before 自治…: the multi-character names, else one character (回族, 土族, 藏族…). */
const ETHNIC_GROUP = new RegExp(
  '(撒拉|土家|蒙古|哈尼|哈萨克|傈僳|拉祜|东乡|纳西|景颇|柯尔克孜|达斡尔|仫佬|布朗|毛南|仡佬|锡伯|阿昌|普米|塔吉克|' +
    '乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|布依|朝鲜|维吾尔|各|[\\u4e00-\\u9fa5])族$',
)

/** The short form of a place name (`焦作市` → 焦作, `民和回族土族自治县` → 民和), or null when too little remains. */
export function shortPlaceName(name: string): string | null {
  if (!PLACE_ENDING.test(name)) return null
  let short = name.replace(PLACE_ENDING, '')
  while (ETHNIC_GROUP.test(short) && short.replace(ETHNIC_GROUP, '').length >= 2)
    short = short.replace(ETHNIC_GROUP, '')
  return short.length >= 2 ? short : null
}

export interface EntityNameOptions {
  /**
   * Place names that prefix company names in this deployment (its city, counties, neighbours), e.g. the
   * region names of the boundary data. Province names are always known. Full names (焦作市, 山阳区) are removed
   * from the start; short forms only for provinces and for `prefixShortForms` (焦作, 天津): a county's short
   * form is too often part of a trade name (和平化工) to strip.
   */
  placeNames?: readonly string[]
  prefixShortForms?: readonly string[]
}

const PROVINCE_FULL = Object.values(PROVINCE_NAMES)

const prefixCache = new WeakMap<EntityNameOptions, string[]>()

function prefixesFor(options: EntityNameOptions): string[] {
  const cached = prefixCache.get(options)
  if (cached) return cached
  const prefixes = computePrefixes(options)
  prefixCache.set(options, prefixes)
  return prefixes
}

function computePrefixes(options: EntityNameOptions): string[] {
  const full = [...PROVINCE_FULL, ...(options.placeNames ?? [])]
  const short = [
    ...PROVINCE_FULL.map(shortPlaceName),
    ...(options.prefixShortForms ?? []),
    ...(options.placeNames ?? []).filter((n) => /[省市]$/.test(n)).map(shortPlaceName),
  ]
  const all = [...full, ...short].filter((p): p is string => typeof p === 'string' && p.length >= 2)
  // Longest first so 焦作市 is taken before 焦作.
  return [...new Set(all.map(simplify))].sort((a, b) => b.length - a.length)
}

/** Full-width → half-width (NFKC), lower case, no spaces, brackets and punctuation unified to nothing. */
function simplify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '')
}

const PUNCTUATION = /[()[\]{}<>【】〔〕《》「」『』"'“”‘’`·•.,，、。:：;；!！?？\-—_~/\\|+&*#@%^=]/g
const BRACKETED = /[(（[【〔]([^()（）[\]【】〔〕]*)[)）\]】〕]/g

function stripPrefixes(name: string, prefixes: readonly string[]): string {
  let current = name
  for (let changed = true; changed;) {
    changed = false
    for (const prefix of prefixes) {
      if (current.startsWith(prefix) && current.length - prefix.length >= 2) {
        current = current.slice(prefix.length)
        changed = true
        break
      }
    }
  }
  return current
}

function stripSuffixes(name: string): string {
  let current = name
  for (let changed = true; changed;) {
    changed = false
    const branch = BRANCH_AFTER_LEGAL_FORM.exec(current)
    if (branch?.[1]) {
      current = branch[1]
      changed = true
      continue
    }
    for (const suffix of LEGAL_SUFFIXES) {
      // 化工厂 / 加工厂: the 工 belongs to the trade (化工, 加工), only 厂 is the ending.
      if (suffix === '工厂' && TRADE_ENDING_IN_GONG.test(current)) continue
      if (current.endsWith(suffix) && current.length - suffix.length >= 2) {
        current = current.slice(0, -suffix.length)
        changed = true
        break
      }
    }
  }
  return current
}

/**
 * The comparison key of an entity name: NFKC (full-width letters, digits and brackets become half-width),
 * lower case, no spaces or punctuation, bracketed place names and leading place names removed, legal forms
 * and branch designations removed from the end. Empty for an empty name.
 */
export function normaliseEntityName(name: string, options: EntityNameOptions = {}): string {
  const prefixes = prefixesFor(options)
  let text = simplify(name)
  // `恒通化工（焦作）有限公司`: a bracketed place name is dropped; other bracketed text is kept without brackets.
  text = text.replace(BRACKETED, (_, inner: string) => {
    const isPlace = prefixes.includes(inner) || shortPlaceName(inner) !== null
    return isPlace ? '' : inner
  })
  text = text.replace(PUNCTUATION, '')
  text = stripPrefixes(text, prefixes)
  text = stripSuffixes(text)
  return text
}

/**
 * Trades and kinds of site that say what a place is, not which one: a report naming only "化工厂" or "工地" names no
 * entity, and must not match every other chemical plant in the city.
 */
const GENERIC_NAMES = new Set([
  '化工',
  '建材',
  '水泥',
  '钢铁',
  '造纸',
  '印染',
  '电镀',
  '砖',
  '砖瓦',
  '石料',
  '石材',
  '塑料',
  '养殖',
  '养猪',
  '养鸡',
  '洗煤',
  '焦化',
  '电厂',
  '热电',
  '发电',
  '化肥',
  '制药',
  '皮革',
  '铸造',
  '机械',
  '工地',
  '工厂',
  '饭店',
  '餐馆',
  '烧烤',
  '加油站',
  '搅拌站',
  '混凝土',
  '沥青',
  '垃圾场',
  '污水处理',
  '小区',
  '商场',
  '学校',
  '医院',
])

/** Names shorter than this after normalisation are too generic to match on. */
const MIN_KEY_LENGTH = 2

/**
 * The key to store with a report and to query by (equality): the normalised name, or null when the name does
 * not identify an entity (empty, one character, or only a trade such as 化工厂 / 工地).
 */
export function entityKey(name: string | null | undefined, options: EntityNameOptions = {}): string | null {
  if (!name) return null
  const key = normaliseEntityName(name, options)
  return [...key].length >= MIN_KEY_LENGTH && !GENERIC_NAMES.has(key) ? key : null
}

function bigrams(text: string): string[] {
  const chars = [...text]
  if (chars.length < 2) return chars
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1])
}

/** Sørensen–Dice coefficient over character bigrams (multiset). */
function dice(a: string, b: string): number {
  const x = bigrams(a)
  const y = bigrams(b)
  if (x.length === 0 || y.length === 0) return 0
  const counts = new Map<string, number>()
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1)
  let common = 0
  for (const g of y) {
    const n = counts.get(g) ?? 0
    if (n > 0) {
      common++
      counts.set(g, n - 1)
    }
  }
  return (2 * common) / (x.length + y.length)
}

/** At or above this similarity two names are taken to name the same entity. */
export const SAME_ENTITY_SIMILARITY = 0.8

/**
 * How alike two entity names are, 0…1, after normalisation: 1 when the keys are equal; 0.9 when one key
 * contains the other and the shorter has at least 3 characters (恒通化工 / 恒通化工科技 as written by
 * different people); otherwise the bigram Dice coefficient (万和化工 / 万通化工 → 0.33). 0 when either name
 * identifies no entity (see `entityKey`).
 */
export function entityNameSimilarity(a: string, b: string, options: EntityNameOptions = {}): number {
  return keySimilarity(entityKey(a, options), entityKey(b, options))
}

function keySimilarity(x: string | null, y: string | null): number {
  if (!x || !y) return 0
  if (x === y) return 1
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x]
  if ([...shorter].length >= 3 && longer.includes(shorter)) return 0.9
  return dice(x, y)
}

export function isSameEntity(a: string, b: string, options: EntityNameOptions = {}): boolean {
  return entityNameSimilarity(a, b, options) >= SAME_ENTITY_SIMILARITY
}

/**
 * `isSameEntity(name, ·)` for many names (a target's earlier reports, which mostly spell it alike): the name's key
 * is made once, and each other spelling's once.
 */
export function sameEntityAs(name: string, options: EntityNameOptions = {}): (other: string) => boolean {
  const key = entityKey(name, options)
  const seen = new Map<string, boolean>()
  return (other) => {
    let same = seen.get(other)
    if (same === undefined) {
      same = keySimilarity(key, entityKey(other, options)) >= SAME_ENTITY_SIMILARITY
      seen.set(other, same)
    }
    return same
  }
}
