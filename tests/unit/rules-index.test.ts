// docs/rules-index.md — find a rule by its article — is generated from the data (scripts/rules-index/) and kept
// fresh here: it matches what the data and tests give now, it reads every cited text the data holds, and every
// place it names declares what it says.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { citationReferences, citeForCitizens, citeForStaff } from '@shared/policy'
import {
  articleKey,
  articlesInTestText,
  articlesOf,
  chineseNumber,
  compareArticles,
} from '../../scripts/rules-index/articles'
import { citedTexts, deploymentFiles } from '../../scripts/rules-index/cited-data'
import { exportedConstants, ROOT, sharedDeclarations } from '../../scripts/rules-index/declared-in'
import { renderRulesIndex, RULES_INDEX_FILE } from '../../scripts/rules-index/render'

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8')
const keys = (text: string) => articlesInTestText(text).map(articleKey)

test('docs/rules-index.md is what `npm run rules-index` writes now', () => {
  const generated = renderRulesIndex()
  const committed = read(RULES_INDEX_FILE)
  if (generated !== committed) {
    const [now, was] = [generated.split('\n'), committed.split('\n')]
    const line = now.findIndex((l, i) => l !== was[i])
    throw new Error(
      `${RULES_INDEX_FILE} is stale: run npm run rules-index\n` +
        `first difference, line ${line + 1}:\n  generated: ${now[line]}\n  committed: ${was[line]}`,
    )
  }
})

/** Every string in a value (plain objects and arrays; not functions or schemas). */
function stringsIn(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value]
  if (!value || typeof value !== 'object' || seen.has(value)) return []
  seen.add(value)
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== Array.prototype) return []
  return Object.values(value).flatMap((v) => stringsIn(v, seen))
}

describe('the index reads all cited data', () => {
  const indexed = new Set(citedTexts().map((c) => c.text))

  test('every text of shared/ data that cites an article (an `export const`, however deep)', () => {
    const missing: string[] = []
    for (const [value, declarations] of sharedDeclarations()) {
      for (const text of stringsIn(value)) {
        if (citationReferences(text).length > 0 && !indexed.has(text)) {
          missing.push(`${declarations.map((d) => `${d.file} ${d.name}`).join(', ')}: ${text}`)
        }
      }
    }
    // A new table with citations: describe it in scripts/rules-index/cited-data.ts.
    expect([...new Set(missing)]).toEqual([])
  })

  test('every text of every deployment that cites an article', () => {
    const missing = deploymentFiles().flatMap((file) =>
      stringsIn(JSON.parse(read(file))).filter((t) => citationReferences(t).length > 0 && !indexed.has(t)),
    )
    expect(missing).toEqual([])
  })

  test('the workflow grounds, the clocks and the routing tables are among them', () => {
    // S3 第十五条(二) 督办 on repeated reports; S0 第七条(四) 焦作's handling limits; S0 第五条 退回
    const where = citedTexts().map((c) => `${c.file} · ${c.key}`)
    expect(where).toEqual(
      expect.arrayContaining([
        'shared/workflow/grounds.ts · SUPERVISION_REASONS[repeated-reports]',
        'shared/policy/profiles/jiaozuo-12345/limits.ts · clocks[handling, consult]',
        'deployments/jiaozuo/deployment.json · routing.outOfJurisdiction',
      ]),
    )
  })
})

test('each place the index names is a file that declares the table it names', () => {
  for (const { file, exportName } of citedTexts()) {
    const text = read(file)
    if (exportName === null) expect(file).toMatch(/^deployments\/[^/]+\/deployment\.json$/)
    else expect([file, exportedConstants(text)]).toEqual([file, expect.arrayContaining([exportName])])
  }
})

describe('articles', () => {
  test.each([
    // S2 第十条(五)(六): 不作为、乱作为 and 违规违纪 — two items
    ['S2 第十条(五)(六)', ['S2 第十条(五)', 'S2 第十条(六)']],
    // S1 第六条(一)至(三): the channel's scope, items one to three
    ['S1 第六条(一)至(三)', ['S1 第六条(一)', 'S1 第六条(二)', 'S1 第六条(三)']],
    // S1 第七条、第八条: two articles of one document
    ['S1 第七条、第八条', ['S1 第七条', 'S1 第八条']],
    // S4 numbers its parts without 第…条
    ['S4 四(二)', ['S4 四(二)']],
    ['民法典 第二百零三条', ['民法典 第二百零三条']],
  ])('%s', (reference, expected) => {
    expect(articlesOf(reference).map(articleKey)).toEqual(expected)
  })

  test.each([
    ['十一', 11],
    ['二十', 20],
    ['一百一十八', 118],
    ['二百零三', 203],
    ['一千二百五十九', 1259],
  ])('%s = %d', (numeral, n) => {
    expect(chineseNumber(numeral)).toBe(n)
  })

  test('ordered by document, article number, then the whole article before its items', () => {
    const ordered = [
      'S0 第七条(四)',
      'S0 第十一条',
      'S3 第九条',
      'S3 第九条(一)',
      'S3 第九条(五)',
      'S3 第十条',
      'S3 第十九条',
      'S3 第二十条',
      'S4 三(一)',
      'S4 四',
      'S4 四(二)',
      'S4 五(二)',
      '条例 第三十四条',
      '民法典 第二百零三条',
    ]
    const articles = ordered.flatMap(articlesOf)
    expect([...articles].reverse().sort(compareArticles).map(articleKey)).toEqual(ordered)
  })
})

describe('citations in test files, in every form', () => {
  test.each([
    // S0 第七条(四) full-width, as in a Chinese sentence
    ['办结时限（S0 第七条（四））', ['S0 第七条(四)']],
    // S3 第十五条(二) inside a RegExp
    ['expect(text).toMatch(/S3 第十五条\\(二\\)/)', ['S3 第十五条(二)']],
    // S2 第十七条 and 第十八条 joined by a slash
    ["test('handling due 12-23, S2 第十七条/第十八条', …)", ['S2 第十七条', 'S2 第十八条']],
    // a title starting with the citation
    ["it('S1 第十一条: only the leader in charge approves')", ['S1 第十一条']],
    // the 条例 by its name, two articles
    ['（依据《信访工作条例》第三十五条、第三十六条）', ['条例 第三十五条', '条例 第三十六条']],
    // another document's name is not the 条例
    ['S4 四：按《海东市城市管理条例》分工', ['S4 四']],
    // an interpolated label is not a citation the index can read
    ['`${S0}第七条`', []],
  ])('%s', (text, expected) => {
    expect(keys(text)).toEqual(expected)
  })

  test('every article of the index reads back from its name as citizens and staff see it', () => {
    const all = [...new Set(citedTexts().flatMap((c) => citationReferences(c.text).flatMap(articlesOf)))]
    for (const article of all) {
      const key = articleKey(article)
      expect([key, keys(citeForCitizens(key))]).toEqual([key, [key]])
      expect([key, keys(citeForStaff(key))]).toEqual([key, [key]])
    }
  })
})
