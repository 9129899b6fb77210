// Zod Mini with Chinese default messages. Import it as a namespace: `import * as z from './zod'`.
//
// Why Mini, and why a namespace import: the contracts are bundled into the mini-program. Classic zod's
// chainable API cannot be tree-shaken (~460 KB of the main package). Zod Mini can, but only when each
// file imports the namespace itself — re-exporting a `z` object hides property accesses from webpack
// across Taro's split chunks and keeps all of zod. Only the zh-CN locale is loaded.
import { config } from 'zod/mini'
import { zhCN } from 'zod/locales'

config(zhCN())

export * from 'zod/mini'
