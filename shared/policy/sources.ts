// The documents rules are cited from, and how a citation reads for each audience. Rules carry compact citations
// (`S0 第七条(四)`, `S3 第十一条; 条例 第三十四条`); a citizen reads the document's name instead of a seed label,
// staff read both. Every citation shown to anyone goes through `citeForCitizens` or `citeForStaff`.

/**
 * S0–S4 are the seed regulations; the rest are the national texts they rest on. Which rule cites which article,
 * and which tests cover it: docs/rules-index.md (`npm run rules-index`).
 * `title`: the document's full title. `name`: how it is cited to people — a short name in 《》 that stays
 * honest: the two drafts (征求意见稿) say so, and 海东's opinion keeps the issuing city outside the title.
 */
export const LEGAL_SOURCES = {
  S0: {
    title: '焦作市12345便民服务热线生态环境问题举报投诉管理办法（征求意见稿）',
    name: '《焦作市12345热线生态环境问题举报投诉管理办法（征求意见稿）》',
  },
  S1: {
    title: '天津市“12369”环保微信举报工作管理暂行规定（津环保监〔2015〕101号）',
    name: '《天津市“12369”环保微信举报工作管理暂行规定》',
  },
  S2: {
    title: '重庆市九龙坡区生态环境局环境信访工作管理办法（2022）',
    name: '《九龙坡区生态环境局环境信访工作管理办法》',
  },
  S3: {
    title: '生态环境举报热线（“12369”）工作管理办法（征求意见稿）',
    name: '《生态环境举报热线工作管理办法（征求意见稿）》',
  },
  S4: {
    title: '海东市关于进一步加强全市生态环境领域信访工作的意见（东政办〔2024〕17号）',
    name: '海东市《关于进一步加强全市生态环境领域信访工作的意见》',
  },
  条例: { title: '信访工作条例（2022）', name: '《信访工作条例》' },
  民法典: { title: '中华人民共和国民法典', name: '《民法典》' },
  放假办法: { title: '全国年节及纪念日放假办法', name: '《全国年节及纪念日放假办法》' },
  噪声污染防治法: { title: '中华人民共和国噪声污染防治法', name: '《噪声污染防治法》' },
  大气污染防治法: { title: '中华人民共和国大气污染防治法', name: '《大气污染防治法》' },
} as const satisfies Record<string, { title: string; name: string }>
export type SourceLabel = keyof typeof LEGAL_SOURCES

const NUMERAL = '[一二三四五六七八九十百千零]+'
const ITEM = `(?:\\(${NUMERAL}\\)|（${NUMERAL}）)`
/** 第七条(四), 第十条(五)(六), 第六条(一)至(三), 第二百零三条; S4's parts: 四(二), 三(一), 四. */
const ARTICLE = `(?:第${NUMERAL}条|${NUMERAL}(?=[(（：:；;、，,。\\s]|$))${ITEM}*(?:至${ITEM})?`
const LABELS = (Object.keys(LEGAL_SOURCES) as SourceLabel[]).sort((a, b) => b.length - a.length).join('|')
/** A label starts a citation only at the start of the text or after a space or punctuation (not 管理条例). */
const BEFORE = '(^|[\\s;；,，、:：(（。])'
/** `S1 第七条、第八条`: a label, a space and one or more articles. */
const REFERENCE = new RegExp(`${BEFORE}(${LABELS}) (${ARTICLE}(?:、${ARTICLE})*)`, 'g')
/** A label with its articles, or followed by other words (`S3 未规定审核层级`): replaced in one pass. */
const LABEL_IN_TEXT = new RegExp(`${BEFORE}(${LABELS}) (${ARTICLE}(?:、${ARTICLE})*)?`, 'g')
/** A segment that is nothing but references to one document. */
const ONLY_REFERENCES = new RegExp(`^(${LABELS}) (${ARTICLE}(?:、${ARTICLE})*)$`)

/** S4 numbers its parts without 第…条: `四(二)` reads `第四部分（二）`; items get full-width brackets. */
function articlesText(articles: string): string {
  return articles
    .split('、')
    .map((a) => (a.startsWith('第') ? a : a.replace(new RegExp(`^(${NUMERAL})`), '第$1部分')))
    .join('、')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
}

/** The space that set a label apart (`采用 S2 第十二条`) is not needed before a name in 《》. */
const spaced = (before: string) => (/\s/.test(before) ? '' : before)

function render(cite: string, label: (source: SourceLabel) => string): string {
  // Citations of one document in a row (`S2 第十九条; S2 第二十条`) name it once.
  const segments = cite.split(/;\s*|；/).map((s) => s.trim())
  const merged: string[] = []
  let previous: { source: string; index: number } | null = null
  for (const segment of segments) {
    const only = ONLY_REFERENCES.exec(segment)
    if (only && previous && previous.source === only[1]) {
      merged[previous.index] += `、${only[2]}`
      continue
    }
    previous = only ? { source: only[1]!, index: merged.length } : null
    merged.push(segment)
  }
  return merged
    .map((segment) =>
      segment.replace(
        LABEL_IN_TEXT,
        (_m, before: string, source: SourceLabel, articles: string | undefined) =>
          `${spaced(before)}${label(source)}${articles ? articlesText(articles) : ''}`,
      ),
    )
    .filter(Boolean)
    .join('；')
}

/**
 * A citation as a citizen reads it: documents by name, no seed labels.
 * `S0 第七条(四)` → `《焦作市12345热线生态环境问题举报投诉管理办法（征求意见稿）》第七条（四）`.
 */
export function citeForCitizens(cite: string): string {
  return render(cite, (source) => LEGAL_SOURCES[source].name)
}

/**
 * A citation as staff read it: the seed label they work with and the document's name.
 * `S0 第七条(四)` → `S0《焦作市12345热线…（征求意见稿）》第七条（四）`; `条例 第三十五条` → `《信访工作条例》第三十五条`.
 */
export function citeForStaff(cite: string): string {
  return render(cite, (source) => {
    const name = LEGAL_SOURCES[source].name
    if (name.includes(source)) return name
    return name.startsWith('《') ? `${source}${name}` : `${source} ${name}`
  })
}

/**
 * The article references in a text, without the words quoted after them:
 * `S3 第九条(五)：涉及突发…；S2 第八条：可能引发…` → [`S3 第九条(五)`, `S2 第八条`]. Repeated references once.
 */
export function citationReferences(text: string): string[] {
  const found: string[] = []
  // (exec in a loop, not matchAll: older mini-program engines lack it)
  const references = new RegExp(REFERENCE.source, 'g')
  for (let m = references.exec(text); m; m = references.exec(text)) {
    const reference = `${m[2]} ${m[3]}`
    if (!found.includes(reference)) found.push(reference)
  }
  return found
}
