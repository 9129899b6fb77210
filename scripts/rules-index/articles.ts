// Articles as the rules index counts them: one article or one item of it (`S0 第七条(四)`), in the documents of
// shared/policy/sources.ts. Data is read with the app's own `citationReferences`; test files, which also quote
// documents by name (`《信访工作条例》第三十五条`), full-width (`第七条（四）`), escaped in a RegExp
// (`S3 第十五条\(二\)`) or in a list (`S2 第十七条/第十八条`), are normalised first.
import { citationReferences, LEGAL_SOURCES, type SourceLabel } from '../../shared/policy/sources'

export interface Article {
  source: SourceLabel
  /** `第七条`, or for S4's parts `四`. */
  article: string
  /** `四` of `第七条(四)`; null for the whole article. */
  item: string | null
}

const NUMERAL = '[一二三四五六七八九十百千零]+'
const DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

/** `十一` → 11, `二百零三` → 203, `一千二百五十九` → 1259. */
export function chineseNumber(text: string): number {
  let total = 0
  let digit = 0
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch]!
    else if (ch in MULTIPLIERS) {
      total += (digit || 1) * MULTIPLIERS[ch]!
      digit = 0
    } else throw new Error(`not a Chinese numeral: ${text}`)
  }
  return total + digit
}

const SOURCE_LABELS = Object.keys(LEGAL_SOURCES) as SourceLabel[]
const isSource = (label: string): label is SourceLabel => (SOURCE_LABELS as string[]).includes(label)
const ONE_ARTICLE = new RegExp(
  `^(第${NUMERAL}条|${NUMERAL})((?:\\(${NUMERAL}\\))*)(?:至\\((${NUMERAL})\\))?$`,
)

/**
 * The articles of one reference as `citationReferences` gives it: `S1 第七条、第八条` → 第七条, 第八条;
 * `S2 第十条(五)(六)` → 第十条(五), 第十条(六); `S1 第六条(一)至(三)` → (一), (二), (三).
 */
export function articlesOf(reference: string): Article[] {
  const space = reference.indexOf(' ')
  const source = reference.slice(0, space)
  if (!isSource(source)) throw new Error(`not a reference to a known document: ${reference}`)
  const halfWidth = reference
    .slice(space + 1)
    .replace(/（/g, '(')
    .replace(/）/g, ')')
  return halfWidth.split('、').flatMap((text): Article[] => {
    const m = ONE_ARTICLE.exec(text)
    if (!m) throw new Error(`not an article: ${text} (in ${reference})`)
    const items = [...m[2]!.matchAll(new RegExp(`\\((${NUMERAL})\\)`, 'g'))].map((i) => i[1]!)
    if (m[3]) {
      const from = chineseNumber(items.pop()!)
      for (let n = from; n <= chineseNumber(m[3]); n++) items.push(numeralOf(n))
    }
    if (items.length === 0) return [{ source, article: m[1]!, item: null }]
    return items.map((item) => ({ source, article: m[1]!, item }))
  })
}

/** 1–99 as a Chinese numeral (items and ranges of items never go further). */
function numeralOf(n: number): string {
  const names = '零一二三四五六七八九'
  if (n < 10) return names[n]!
  const tens = Math.floor(n / 10)
  return `${tens === 1 ? '' : names[tens]}十${n % 10 === 0 ? '' : names[n % 10]}`
}

/** The key of an article, as the project's code cites it: `S0 第七条(四)`, `S4 四(二)`. */
export function articleKey(a: Article): string {
  return `${a.source} ${a.article}${a.item === null ? '' : `(${a.item})`}`
}

/** Document order (LEGAL_SOURCES), then article number, then the whole article before its items. */
export function compareArticles(a: Article, b: Article): number {
  const number = (x: Article) => chineseNumber(x.article.replace(/^第|条$/g, ''))
  return (
    SOURCE_LABELS.indexOf(a.source) - SOURCE_LABELS.indexOf(b.source) ||
    number(a) - number(b) ||
    (a.item === null ? 0 : chineseNumber(a.item) + 1) - (b.item === null ? 0 : chineseNumber(b.item) + 1)
  )
}

/** The articles a data text cites, read as the app reads them (`citationReferences`). */
export function articlesInData(text: string): Article[] {
  return citationReferences(text).flatMap(articlesOf)
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Every way a test may name a document, longest first, each to its label: the staff form (`S0《…》`,
 * `S4 海东市《…》`), the citizen's (`《…》`), the full title with or without 《》.
 */
const NAMED = SOURCE_LABELS.flatMap((source) => {
  const { name, title } = LEGAL_SOURCES[source]
  return [`${source}${name}`, `${source} ${name}`, name, `《${title}》`, title].map((form) => ({
    form,
    source,
  }))
}).sort((a, b) => b.form.length - a.form.length)
const NAMED_PATTERN = new RegExp(NAMED.map((n) => escape(n.form)).join('|'), 'g')
const LABELS = [...SOURCE_LABELS].sort((a, b) => b.length - a.length).join('|')
const ARTICLE = `(?:第${NUMERAL}条|${NUMERAL}(?=[(：:；;、，,。\\s/)'"\`]|$))(?:\\(${NUMERAL}\\))*(?:至\\(${NUMERAL}\\))?`
/** A label not inside a word (`管理条例` is not the 条例), its articles joined by `、` or `/`. */
const TEST_REFERENCE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(${LABELS}) ?(${ARTICLE}(?:(?:、|\\s?/\\s?)${ARTICLE})*)`,
  'gu',
)

/** A test file's text with every citation in the form the data uses: `S0 第七条(四)`. */
function normaliseTestText(text: string): string {
  return text
    .replace(/\\([()])/g, '$1')
    .replace(new RegExp(`（(${NUMERAL})）`, 'g'), '($1)')
    .replace(NAMED_PATTERN, (form) => ` ${NAMED.find((n) => n.form === form)!.source} `)
    .replace(new RegExp(`(${LABELS}) 第(${NUMERAL})部分`, 'g'), '$1 $2')
}

/** The articles a test's text cites, in whatever form. */
export function articlesInTestText(text: string): Article[] {
  const found: Article[] = []
  const normalised = normaliseTestText(text)
  for (const m of normalised.matchAll(TEST_REFERENCE)) {
    found.push(...articlesOf(`${m[1]} ${m[2]!.split(/\s?\/\s?/).join('、')}`))
  }
  return found
}
