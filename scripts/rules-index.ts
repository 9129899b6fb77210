// `npm run rules-index`: writes docs/rules-index.md — for each article cited in the data, where its rule lives
// and which tests cite it (scripts/rules-index/). tests/unit/rules-index.test.ts fails while the file is stale.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './rules-index/declared-in'
import { renderRulesIndex, RULES_INDEX_FILE } from './rules-index/render'

writeFileSync(path.join(ROOT, RULES_INDEX_FILE), renderRulesIndex())
process.stdout.write(`wrote ${RULES_INDEX_FILE}\n`)
