// The operator CLI end to end: `npm run -s cli -- route …` is `tsx scripts/cli.ts route …`.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { CliError } from '../../scripts/cli/args'
import { run } from '../../scripts/cli/route'

const ROOT = path.resolve(__dirname, '../..')
const TSX = createRequire(__filename).resolve('tsx/cli')

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [TSX, 'scripts/cli.ts', 'route', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

jest.setTimeout(120_000)

describe('cli route', () => {
  test.each([
    [
      'jiaozuo-12345',
      ['--lat', '35.29958', '--lng', '113.27638', '--category', 'air'],
      {
        inJurisdiction: true,
        region: { code: '410811', name: '山阳区' },
        unit: { id: 'jz-shanyang', name: '山阳区分局' },
        guidance: null,
      },
    ],
    [
      'jiaozuo-12345',
      ['--lat', '35.36263', '--lng', '113.41184', '--category', 'water'],
      {
        inJurisdiction: true,
        region: { code: 'jz-gaoxin-zone', name: '焦作高新技术产业开发区' },
        unit: { id: 'jz-gaoxin', name: '高新区生态环境服务中心' },
        guidance: null,
      },
    ],
    [
      'tianjin-12369',
      ['--lat', '39.24765', '--lng', '117.32450', '--category', 'air', '--source', 'industrial'],
      {
        inJurisdiction: true,
        region: { code: '120101', name: '和平区' },
        unit: { id: 'tj-heping', name: '和平区生态环境局' },
        guidance: null,
      },
    ],
    [
      'haidong',
      ['--lat', '36.54286', '--lng', '102.11501', '--category', 'noise', '--source', 'social-life'],
      {
        inJurisdiction: true,
        region: { code: '630203', name: '平安区' },
        unit: null,
        guidance: expect.stringContaining('公安机关'),
      },
    ],
    [
      'chongqing-jiulongpo',
      ['--lat', '29.68419', '--lng', '106.68349', '--category', 'air', '--request-type', 'report'],
      {
        inJurisdiction: false,
        region: { code: '500103', name: '渝中区' },
        unit: null,
        guidance: expect.stringContaining('重庆市渝中区'),
      },
    ],
  ])('%s %j → the routing JSON object', async (profile, args, expected) => {
    expect(await run(['--profile', profile, ...args])).toEqual(expected)
  })

  // Spawned as an operator runs it: starting tsx costs a second or more, so only these two go through a process.
  test('spawned: prints exactly one JSON line and exits 0', () => {
    const { code, stdout, stderr } = cli(
      '--profile',
      'jiaozuo-12345',
      '--lat',
      '35.29958',
      '--lng',
      '113.27638',
      '--category',
      'air',
    )
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    expect(stdout.trim().split('\n')).toHaveLength(1)
    expect(JSON.parse(stdout)).toMatchObject({ inJurisdiction: true, unit: { id: 'jz-shanyang' } })
  })

  test('spawned: bad arguments exit 2 with one line on stderr', () => {
    const { code, stdout, stderr } = cli(
      '--profile',
      'beijing',
      '--lat',
      '35',
      '--lng',
      '113',
      '--category',
      'air',
    )
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/unknown profile "beijing"/)
  })

  test.each([
    [
      'national has no demo deployment (the baseline, not a jurisdiction)',
      ['--profile', 'national', '--lat', '35', '--lng', '113', '--category', 'air'],
      /national has no demo deployment/,
    ],
    [
      'unknown profile',
      ['--profile', 'beijing', '--lat', '35', '--lng', '113', '--category', 'air'],
      /unknown profile "beijing"/,
    ],
    [
      'latitude not a number',
      ['--profile', 'haidong', '--lat', 'north', '--lng', '102', '--category', 'air'],
      /--lat must be a decimal number/,
    ],
    [
      'latitude out of range',
      ['--profile', 'haidong', '--lat', '95', '--lng', '102', '--category', 'air'],
      /--lat must be between -90 and 90/,
    ],
    [
      'unknown category',
      ['--profile', 'haidong', '--lat', '36.5', '--lng', '102.1', '--category', 'smell'],
      /--category must be one of air, water/,
    ],
    [
      'missing category',
      ['--profile', 'haidong', '--lat', '36.5', '--lng', '102.1'],
      /--category is required/,
    ],
    [
      'unknown option',
      ['--profile', 'haidong', '--lat', '36.5', '--lng', '102.1', '--category', 'air', '--verbose'],
      /verbose/,
    ],
  ])('%s → a one-line usage error (exit 2)', async (_why, args, message) => {
    const error = await run(args).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(CliError)
    expect((error as CliError).message).toMatch(message)
    expect((error as CliError).message).not.toContain('\n')
  })
})
