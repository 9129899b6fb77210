// `npm run -s cli -- backup --data-dir <dir> --out <dir>`   local mode: SQLite online backup + stored files
// `npm run -s cli -- backup --env <envId> --out <dir>`      CloudBase: database export + storage download
// Prints {"ok":true,"mode":…,"out":…,"manifest":{…counts and checksums…}}; a refusal prints
// {"ok":false,"error":{"code","message"},"problems":[…]} and exits 1. Progress: JSON lines on stderr.
import { CliError, parseOptions } from './args'
import { opsResult, type OpsOutput } from './ops-result'
import { backupLocal } from '../ops/local-backup'
import { opsLogger } from '../ops/log'

export async function run(argv: string[]): Promise<OpsOutput> {
  const values = parseOptions(argv, {
    'data-dir': { type: 'string' },
    env: { type: 'string' },
    out: { type: 'string' },
  })
  if (!values.out) throw new CliError('--out is required')
  if (Boolean(values['data-dir']) === Boolean(values.env)) {
    throw new CliError('give exactly one of --data-dir <dir> (local mode) or --env <envId> (CloudBase)')
  }
  const log = opsLogger('backup')
  const out = values.out
  if (values.env) {
    const { backupCloud, managerFromEnvironment } = await import('../ops/cloud-backup')
    const envId = values.env
    return opsResult(async () =>
      backupCloud({ manager: await managerFromEnvironment(envId), envId, out, now: new Date(), log }),
    )
  }
  const dataDir = values['data-dir']!
  return opsResult(() => backupLocal({ dataDir, out, now: new Date(), log }))
}

export { exitCode } from './ops-result'
