// `npm run -s cli -- restore --data-dir <dir> --from <backup dir> [--force]`   local mode
// `npm run -s cli -- restore --env <envId> --from <backup dir> [--force]`      CloudBase
// Verifies every checksum of the backup first and refuses (exit 1, nothing written) when one does not match;
// refuses to overwrite a non-empty data directory or environment unless --force. Stop `npm start` first.
import { CliError, parseOptions } from './args'
import { opsResult, type OpsOutput } from './ops-result'
import { restoreLocal } from '../ops/local-backup'
import { opsLogger } from '../ops/log'

export async function run(argv: string[]): Promise<OpsOutput> {
  const values = parseOptions(argv, {
    'data-dir': { type: 'string' },
    env: { type: 'string' },
    from: { type: 'string' },
    force: { type: 'boolean', default: false },
  })
  if (!values.from) throw new CliError('--from is required')
  if (Boolean(values['data-dir']) === Boolean(values.env)) {
    throw new CliError('give exactly one of --data-dir <dir> (local mode) or --env <envId> (CloudBase)')
  }
  const log = opsLogger('restore')
  const from = values.from
  const force = values.force ?? false
  if (values.env) {
    const { restoreCloud, managerFromEnvironment } = await import('../ops/cloud-backup')
    const envId = values.env
    return opsResult(async () =>
      restoreCloud({ manager: await managerFromEnvironment(envId), envId, from, force, log }),
    )
  }
  const dataDir = values['data-dir']!
  return opsResult(() => restoreLocal({ dataDir, from, force, log }))
}

export { exitCode } from './ops-result'
