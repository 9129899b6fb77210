// The operator CLI: `npm run -s cli -- rewards --profile <id>` prints the profile's reward rules as one JSON
// object — conditions, tiers, fine share, insider multiplier, cap, claim window — each figure with its citation or
// `placeholder: true`; bad arguments exit 2 with one line on stderr.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { CliError } from '../../scripts/cli/args'
import { run } from '../../scripts/cli/rewards'

const root = path.resolve(__dirname, '../..')
const SPAWN_TIMEOUT = 180_000

function cli(args: string[]) {
  return spawnSync('npm', ['run', '-s', 'cli', '--', 'rewards', ...args], { cwd: root, encoding: 'utf8' })
}

it(
  'prints one JSON object and exits 0: 重庆 figures of 渝环规〔2025〕1号 cited as reported, the rest placeholders',
  () => {
    const child = cli(['--profile', 'chongqing-jiulongpo'])
    expect(child.status).toBe(0)
    expect(child.stdout.trim().split('\n')).toHaveLength(1)
    const rules = JSON.parse(child.stdout)
    expect(rules.tiers['evading-supervision']).toMatchObject({
      value: 2000,
      unit: '元',
      citation: expect.stringContaining('渝环规〔2025〕1号'),
      asReported: true,
    })
    expect(rules.cap).toMatchObject({ value: 100000, asReported: true })
    expect(rules.fineShare).toMatchObject({ value: 5, unit: '%' })
    expect(rules.insiderMultiplier).toMatchObject({ value: 2, placeholder: true })
    expect(rules.claimWindow).toMatchObject({ value: 90, placeholder: true })
    expect(rules.conditions.identity).toMatchObject({ value: 'real-name-or-claim-code' })
  },
  SPAWN_TIMEOUT,
)

it.each([
  [[], '--profile is required'],
  [['--profile', 'jiulongpo'], 'unknown profile "jiulongpo"'],
  [['--profile', 'haidong', '--colour', 'red'], "Unknown option '--colour'"],
])(
  '%j exits 2 with one line on stderr',
  (args, message) => {
    const child = cli(args)
    expect(child.status).toBe(2)
    expect(child.stdout).toBe('')
    expect(child.stderr).toMatch(/^error: .+\n$/)
    expect(child.stderr).toContain(message)
  },
  SPAWN_TIMEOUT,
)

test.each([
  // S0 第十二条: offered, every figure a placeholder
  ['jiaozuo-12345', { citation: expect.stringContaining('S0 第十二条') }, { placeholder: true }],
  // S4 五(四): offered under 青生发〔2023〕163号, text not found
  ['haidong', { citation: expect.stringContaining('S4 五(四)') }, { placeholder: true }],
  // S1 has no reward article
  ['tianjin-12369', { placeholder: true }, { placeholder: true }],
  // S3 第二十七条: the national hotline runs no scheme
  ['national', { value: false, citation: expect.stringContaining('S3 第二十七条') }, { placeholder: true }],
])('%s', async (profile, offered, tier) => {
  const rules = await run(['--profile', profile])
  expect(rules.offered).toMatchObject(offered)
  for (const t of Object.values(rules.tiers)) expect(t).toMatchObject(tier)
  expect(rules.cap).toMatchObject({ placeholder: true })
})

test('usage errors are CliErrors', async () => {
  await expect(run(['--profile'])).rejects.toThrow(CliError)
})
