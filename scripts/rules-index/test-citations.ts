// Which tests cite which article: every tests/**/*.test.ts is read as text and its citations normalised
// (articles.ts). A test title (`it`, `test`, `describe` with a plain string) that cites the article is kept too.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { articleKey, articlesInTestText } from './articles'
import { filesUnder, ROOT } from './declared-in'

/** The index's own test quotes citations to test the parsing, not a rule: it is not counted. */
export const RULES_INDEX_TEST = 'tests/unit/rules-index.test.ts'

export interface TestCitation {
  /** Repository-relative. */
  file: string
  /** Titles in the file that cite the article themselves. */
  titles: string[]
}

const TITLE = /\b(?:it|test|describe)(?:\.(?:only|skip|concurrent))?\(\s*(['"])((?:\\.|(?!\1)[^\\\n])*)\1/g

/** Article key (`S0 第七条(四)`) → the test files citing it, in file order. */
export function testCitations(): Map<string, TestCitation[]> {
  const byArticle = new Map<string, TestCitation[]>()
  for (const file of filesUnder('tests', '.test.ts')) {
    if (file === RULES_INDEX_TEST) continue
    const text = readFileSync(path.join(ROOT, file), 'utf8')
    const titles = [...text.matchAll(TITLE)].map((m) => m[2]!.replace(/\\(.)/g, '$1'))
    const keys = new Set(articlesInTestText(text).map(articleKey))
    for (const key of keys) {
      const citing = titles.filter((t) => articlesInTestText(t).some((a) => articleKey(a) === key))
      byArticle.set(key, [...(byArticle.get(key) ?? []), { file, titles: [...new Set(citing)] }])
    }
  }
  return byArticle
}
