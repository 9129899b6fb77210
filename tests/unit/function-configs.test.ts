// What CloudBase accepts in a function's config.json (toolchain facts): at most one timer trigger per function,
// a 7-field cron (second minute hour day month weekday year). A second trigger would deploy locally and fail
// in the cloud, so several jobs share one trigger (cloudfunctions/timers/handlers.ts).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.join(__dirname, '..', '..', 'cloudfunctions')
const configs = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'common')
  .map((d) => [d.name, path.join(ROOT, d.name, 'config.json')] as const)

test.each(configs)('%s/config.json: at most one timer trigger, with a 7-field cron', (_name, file) => {
  const config = JSON.parse(readFileSync(file, 'utf8')) as {
    triggers?: Array<{ name: string; type: string; config: string }>
  }
  const timers = (config.triggers ?? []).filter((t) => t.type === 'timer')
  expect(timers.length).toBeLessThanOrEqual(1)
  for (const t of timers) expect(t.config.trim().split(/\s+/)).toHaveLength(7)
})
