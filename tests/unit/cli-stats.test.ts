// The operator CLI's stats command: bad arguments are refused with a one-line error (exit code 2 when spawned);
// its figures are checked against a recount in tests/integration/stats.test.ts.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CliError } from '../../scripts/cli/args'
import { run } from '../../scripts/cli/stats'

const root = path.resolve(__dirname, '../..')
const empty = mkdtempSync(path.join(os.tmpdir(), 'gw-cli-stats-'))
afterAll(() => rmSync(empty, { recursive: true, force: true }))

test.each([
  [['--deployment', 'jiaozuo', '--month', '2026-11'], '--data-dir is required'],
  [['--data-dir', empty, '--month', '2026-11'], '--deployment is required'],
  [['--data-dir', empty, '--deployment', 'jiaozuo'], '--month is required'],
  [['--data-dir', empty, '--deployment', 'jiaozuo', '--month', '2026-13'], '--month must be YYYY-MM'],
  [
    ['--data-dir', empty, '--deployment', 'jiaozuo', '--month', '2026-11', '--format', 'pdf'],
    '--format must be json or xlsx',
  ],
  [
    ['--data-dir', empty, '--deployment', 'jiaozuo', '--month', '2026-11', '--format', 'xlsx'],
    '--format xlsx needs --out',
  ],
  [['--data-dir', empty, '--deployment', 'jiaozuo', '--month', '2026-11'], 'no local store'],
  [['--data-dir', empty, '--deployment', 'jiaozuo', '--month', '2026-11', '--bogus'], 'Unknown option'],
])('%j is refused: %s', async (argv, message) => {
  const error = await run(argv).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(CliError)
  expect((error as Error).message).toContain(message)
})

test('spawned: bad arguments exit 2 with one line on stderr and nothing on stdout', () => {
  const child = spawnSync(
    path.join(root, 'node_modules/.bin/tsx'),
    ['scripts/cli.ts', 'stats', '--data-dir', empty, '--deployment', 'jiaozuo', '--month', 'november'],
    { cwd: root, encoding: 'utf8', timeout: 180_000 },
  )
  expect(child.status).toBe(2)
  expect(child.stdout).toBe('')
  expect(child.stderr.trim().split('\n')).toEqual(['error: --month must be YYYY-MM, got "november"'])
})
