// Which module of shared/ declares a table: found, not listed. Every `export const` of shared/ is loaded and the
// table is looked up by identity, so a table that moves to another file is found there, and one that is
// re-exported (a barrel, `export { … } from`) is still reported where it is written.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '../..')

interface Declaration {
  /** Repository-relative, `/`-separated. */
  file: string
  name: string
}

/** Repository-relative paths of the files under `dir` whose name ends with `suffix`, sorted. */
export function filesUnder(dir: string, suffix: string): string[] {
  const found: string[] = []
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(ROOT, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`
      if (entry.isDirectory()) walk(child)
      else if (entry.name.endsWith(suffix) && !entry.name.endsWith('.d.ts')) found.push(child)
    }
  }
  walk(dir)
  return found.sort()
}

/** `export const NAME` declarations of a file's text. */
export const exportedConstants = (text: string) =>
  [...text.matchAll(/^export const (\w+)/gm)].map((m) => m[1]!)

let declarations: Map<unknown, Declaration[]> | null = null

/** Every `export const` of shared/: its value → where it is declared. */
export function sharedDeclarations(): Map<unknown, Declaration[]> {
  if (declarations) return declarations
  declarations = new Map()
  for (const file of filesUnder('shared', '.ts')) {
    const names = exportedConstants(readFileSync(path.join(ROOT, file), 'utf8'))
    if (names.length === 0) continue
    // Loaded through the runtime's own require (tsx, jest) so the values are the ones the generator imported.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(path.join(ROOT, file)) as Record<string, unknown>
    for (const name of names) {
      const at = declarations.get(loaded[name]) ?? []
      declarations.set(loaded[name], [...at, { file, name }])
    }
  }
  return declarations
}

/** Where `value` (a table the generator imported) is declared; throws unless exactly one module declares it. */
export function declaredIn(value: unknown, what: string): Declaration {
  const found = sharedDeclarations().get(value) ?? []
  if (found.length !== 1) {
    const where = found.map((d) => `${d.file} ${d.name}`).join(', ') || 'no `export const` of shared/'
    throw new Error(`rules index: ${what} must be declared by exactly one module of shared/; found ${where}`)
  }
  return found[0]!
}
