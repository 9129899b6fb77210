// The operator CLI: `npm run -s cli -- deadline --profile <id> --type <type> [--important] --received <ISO>
// [--accepted <ISO>]`. Spawned as an operator runs it (exit codes 0 and 2, in a UTC process), and called
// in-process for the table of cases.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { CliError } from '../../scripts/cli/args'
import { run } from '../../scripts/cli/deadline'

const root = path.resolve(__dirname, '../..')
/** Starting tsx takes a second on an idle machine and much longer on a busy 2-core CI runner. */
const SPAWN_TIMEOUT = 180_000

function cli(args: string[], via: 'tsx' | 'npm' = 'tsx') {
  const [command, prefix] =
    via === 'npm'
      ? ['npm', ['run', '-s', 'cli', '--', 'deadline']]
      : [path.join(root, 'node_modules/.bin/tsx'), ['scripts/cli.ts', 'deadline']]
  return spawnSync(command, [...prefix, ...args], {
    cwd: root,
    env: { ...process.env, TZ: 'UTC' },
    encoding: 'utf8',
  })
}

describe('spawned', () => {
  it(
    'prints one JSON object and exits 0 (npm run -s cli)',
    () => {
      const child = cli(
        ['--profile', 'jiaozuo-12345', '--type', 'complaint', '--received', '2026-02-13T16:30:00Z'],
        'npm',
      )
      expect(child.status).toBe(0)
      expect(child.stdout.trim().split('\n')).toHaveLength(1)
      expect(JSON.parse(child.stdout)).toEqual({
        profile: 'jiaozuo-12345',
        clocks: [
          { clock: 'acceptance', due: '2026-03-02', basis: 'S3 第九条', provisional: false },
          { clock: 'assignment', due: '2026-02-26', basis: 'S3 第十条', provisional: false },
          { clock: 'handling', due: '2026-03-06', basis: 'S0 第七条(四)', provisional: false },
        ],
      })
    },
    SPAWN_TIMEOUT,
  )

  it.each([
    [
      'an unknown profile',
      ['--profile', 'shanghai', '--type', 'complaint', '--received', '2026-02-14T09:00:00+08:00'],
      /unknown profile "shanghai"/,
    ],
    [
      'a malformed date',
      ['--profile', 'haidong', '--type', 'report', '--received', '2026-02-14 09:00'],
      /--received must be ISO 8601/,
    ],
  ])(
    'exits 2 with a one-line error on %s',
    (_case, args, message) => {
      const child = cli(args)
      expect(child.status).toBe(2)
      expect(child.stdout).toBe('')
      expect(child.stderr).toMatch(/^error: .+\n$/)
      expect(child.stderr).toMatch(message)
    },
    SPAWN_TIMEOUT,
  )
})

describe('run()', () => {
  const args = (profile: string, type: string, received: string, ...rest: string[]) => [
    '--profile',
    profile,
    '--type',
    type,
    '--received',
    received,
    ...rest,
  ]

  it('--accepted defaults to --received; a later acceptance moves the clocks that count from it (S3 第十条, 第十一条)', async () => {
    const same = await run(args('national', 'report', '2026-09-28T09:00:00+08:00'))
    const later = await run(
      args('national', 'report', '2026-09-28T09:00:00+08:00', '--accepted', '2026-09-30T09:00:00+08:00'),
    )
    expect(same.clocks.map((c) => [c.clock, c.due])).toEqual([
      ['acceptance', '2026-10-13'],
      ['assignment', '2026-10-08'],
      ['handling', '2026-11-27'],
    ])
    expect(later.clocks.map((c) => [c.clock, c.due])).toEqual([
      ['acceptance', '2026-10-13'],
      ['assignment', '2026-10-10'],
      ['handling', '2026-11-30'], // 60 日 end Sunday 11-29
    ])
  })

  it('--important shortens the Chongqing reply limit to 15 日 (S2 第十七条)', async () => {
    const normal = await run(args('chongqing-jiulongpo', 'complaint', '2026-09-16T09:00:00+08:00'))
    const important = await run(
      args('chongqing-jiulongpo', 'complaint', '2026-09-16T09:00:00+08:00', '--important'),
    )
    expect(normal.clocks.find((c) => c.clock === 'handling')).toEqual({
      clock: 'handling',
      due: '2026-10-16',
      basis: 'S2 第十七条',
      provisional: false,
    })
    expect(important.clocks.find((c) => c.clock === 'handling')?.due).toBe('2026-10-08')
  })

  it('lists the Haidong investigation and initial-opinion clocks (S4 四(三)(四))', async () => {
    const output = await run(args('haidong', 'report', '2026-02-11T10:00:00+08:00'))
    expect(output.clocks.map((c) => c.clock)).toEqual([
      'acceptance',
      'assignment',
      'investigation',
      'initial-opinion',
      'handling',
    ])
  })

  it('marks dates in a year without a notice as provisional', async () => {
    const output = await run(args('tianjin-12369', 'consult', '2026-12-30T09:00:00+08:00'))
    expect(output.clocks.find((c) => c.clock === 'handling')).toEqual({
      clock: 'handling',
      due: '2027-01-04',
      basis: 'S1 第七条',
      provisional: true,
    })
  })

  it.each([
    [['--type', 'report', '--received', '2026-02-14T09:00:00+08:00'], '--profile is required'],
    [['--profile', 'haidong', '--received', '2026-02-14T09:00:00+08:00'], '--type is required'],
    [['--profile', 'haidong', '--type', 'report'], '--received is required'],
    [
      args('haidong', 'report', '2026-02-14T09:00:00+08:00', '--accepted', '2026-02-13T09:00:00+08:00'),
      '--accepted is before --received',
    ],
    [
      args('haidong', 'report', '2026-02-14T09:00:00+08:00', '--accepted', 'tomorrow'),
      '--accepted must be ISO 8601',
    ],
    [args('haidong', 'report', '2026-02-30T09:00:00+08:00'), '--received must be ISO 8601'],
    [args('haidong', 'report', '2026-02-14T09:00:00'), '--received must be ISO 8601'],
    [args('haidong', 'rumour', '2026-02-14T09:00:00+08:00'), 'unknown type "rumour"'],
    [args('nope', 'report', '2026-02-14T09:00:00+08:00'), 'unknown profile "nope"'],
    [
      args('haidong', 'report', '2024-02-01T09:00:00+08:00'),
      'profile haidong was not yet in effect on 2024-02-01',
    ],
    [
      [...args('haidong', 'report', '2026-02-14T09:00:00+08:00'), '--colour', 'red'],
      "Unknown option '--colour'",
    ],
  ])('%j is a usage error', async (argv, message) => {
    await expect(run(argv)).rejects.toThrow(CliError)
    await expect(run(argv)).rejects.toThrow(message)
  })
})
