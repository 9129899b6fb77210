// A jurisdiction described as data, without code (deployments/README.md):
//
//   npm run -s cli -- deployment check <dir>
//     {"ok":false,"dir":"…","id":"…","problems":["units[3] (x)：上级单位 y 不存在", …]}   exit 1 with problems, 0 without
//   npm run -s cli -- deployment new --boundaries <topo.json> --codes <code[,code…]> --profile <id> --out <dir>
//       [--id <id>] [--name <bureau name>] [--region-name <name>] [--prefix <XX>]
//     writes <dir>/deployment.json and <dir>/boundaries.topo.json, then checks them like `check`.
//
// `--codes`: one division code names the territory (410800 → every county of 焦作市 in the file gets a branch;
// 500107 → 九龙坡区 alone); several county codes name the counties that get a branch, inside the prefecture or
// province they share — the bureau handles the rest of its territory itself. Problems are Chinese sentences;
// bad arguments exit 2 like every command.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Topology } from 'topojson-specification'
import {
  DEPLOYABLE_PROFILE_IDS,
  DEPLOYMENT_ID_PATTERN,
  REFERENCE_PREFIX_PATTERN,
  deploymentProblems,
} from '../../shared/deployment/check'
import type { DeploymentConfig } from '../../shared/deployment/config'
import type { UnitConfig } from '../../shared/vocabulary/units'
import {
  PROVINCE_NAMES,
  divisionCovers,
  divisionLevel,
  isDivisionCode,
} from '../../shared/geo/division-codes'
import { cutDeploymentBoundaries, isTopology, regionsFromTopology } from '../../shared/geo/topology'
import { CliError, parseOptions, requireOption } from './args'

export interface CheckOutput {
  ok: boolean
  dir: string
  id: string | null
  problems: string[]
}

export interface NewOutput extends CheckOutput {
  files: string[]
  regionCode: string
  regionName: string
  units: Array<{ id: string; name: string; regionCodes: string[] }>
}

function readJson(file: string): { value?: unknown; problem?: string } {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return { problem: `${path.basename(file)}：文件不存在或无法读取` }
  }
  try {
    return { value: JSON.parse(text) as unknown }
  } catch (error) {
    return { problem: `${path.basename(file)}：不是合法的 JSON（${(error as Error).message}）` }
  }
}

/** Every problem of a deployment folder: deployment.json, the boundary file it names, and both together. */
export function checkDeploymentDir(dir: string): CheckOutput {
  const abs = path.resolve(dir)
  const config = readJson(path.join(abs, 'deployment.json'))
  if (config.problem) return { ok: false, dir: abs, id: null, problems: [config.problem] }
  const raw = config.value as Partial<DeploymentConfig> | null
  const id = typeof raw?.id === 'string' ? raw.id : null
  const problems: string[] = []
  const boundaryFile = raw?.routing?.boundaries
  let boundaries: unknown
  if (typeof boundaryFile === 'string' && /^[\w.-]+\.topo\.json$/.test(boundaryFile)) {
    const read = readJson(path.join(abs, boundaryFile))
    if (read.problem) problems.push(`routing.boundaries：${read.problem}`)
    else boundaries = read.value
  }
  problems.push(...deploymentProblems(raw, boundaries))
  if (id !== null && DEPLOYMENT_ID_PATTERN.test(id) && path.basename(abs) !== id) {
    problems.push(`id：${id} 与文件夹名 ${path.basename(abs)} 不一致（构建和部署按文件夹名查找辖区）`)
  }
  return { ok: problems.length === 0, dir: abs, id, problems }
}

/** 北京、天津、上海、重庆. */
const MUNICIPALITIES = new Set(['11', '12', '31', '50'])

/** The territory the codes name, and the counties that get a branch of their own. */
function territoryOf(codes: string[]): { regionCode: string; branchCodes: string[] } {
  if (codes.length === 1) {
    const [code] = codes as [string]
    return { regionCode: code, branchCodes: [] }
  }
  for (const code of codes) {
    if (divisionLevel(code) !== 'county')
      throw new CliError(`--codes: with several codes each must be a county code (xxxxxx), got ${code}`)
  }
  // 直辖市 have no prefecture level in practice (1201xx lie directly in 120000 天津市).
  const first = codes[0]!
  const territory = MUNICIPALITIES.has(first.slice(0, 2))
    ? `${first.slice(0, 2)}0000`
    : `${first.slice(0, 4)}00`
  if (!codes.every((c) => divisionCovers(territory, c))) {
    throw new CliError(
      `--codes: several counties must lie in one prefecture (or one 直辖市), e.g. ${territory}`,
    )
  }
  return { regionCode: territory, branchCodes: codes }
}

export function scaffoldDeployment(options: {
  source: Topology
  codes: string[]
  profileId: string
  id: string
  name?: string
  regionName?: string
  referencePrefix: string
}): { deployment: DeploymentConfig; boundaries: Topology } {
  const { regionCode, branchCodes: listed } = territoryOf(options.codes)
  const regions = regionsFromTopology(options.source)
  const names = new Map(regions.map((r) => [r.code, r.name]))
  const regionName =
    options.regionName ??
    names.get(regionCode) ??
    (divisionLevel(regionCode) === 'province' ? PROVINCE_NAMES[regionCode.slice(0, 2)] : undefined)
  if (!regionName) {
    throw new CliError(`the boundary file has no region ${regionCode}; name it with --region-name`)
  }
  const counties = regions.filter(
    (r) => r.code !== regionCode && divisionLevel(r.code) === 'county' && divisionCovers(regionCode, r.code),
  )
  if (counties.length === 0 && !names.has(regionCode)) {
    throw new CliError(`the boundary file holds no region of ${regionCode}`)
  }
  for (const code of listed) {
    if (!names.has(code)) throw new CliError(`--codes: the boundary file has no region ${code}`)
  }
  // One code for a prefecture or province: every county of it gets a branch (属地管理, S3 第五条(一)).
  const branchCodes = listed.length > 0 ? listed : counties.map((c) => c.code)
  const bureauId = `${options.id}-bureau`
  const units: UnitConfig[] = [
    {
      id: bureauId,
      name: options.name ?? `${regionName}生态环境局`,
      kind: 'bureau',
      regionCodes: [regionCode],
    },
    {
      id: `${options.id}-brigade`,
      name: `${regionName}生态环境保护综合行政执法支队`,
      kind: 'brigade',
      parentId: bureauId,
      regionCodes: [regionCode],
    },
    ...branchCodes.map((code): UnitConfig => ({
      id: `${options.id}-${code}`,
      name: `${names.get(code)!}分局`,
      kind: 'branch',
      parentId: bureauId,
      regionCodes: [code],
    })),
  ]
  const deployment: DeploymentConfig = {
    id: options.id,
    name: options.name ?? `${regionName}生态环境局`,
    profileId: options.profileId,
    referencePrefix: options.referencePrefix,
    regionCode,
    regionName,
    units,
    // Staff are not listed here: the first administrator binds with the setup code `npm run deploy` prints,
    // and enrols everyone else with invite codes.
    staff: [],
    personas: [
      { key: 'citizen', label: '市民（实名）', openid: 'dev-citizen' },
      { key: 'citizen-anon', label: '市民（匿名）', openid: 'dev-citizen-anon' },
    ],
    routing: {
      boundaries: 'boundaries.topo.json',
      intakeUnitId: `${options.id}-brigade`,
      supervisingUnitId: `${options.id}-brigade`,
      territorialCite: 'S3 第五条(一)：属地管理、分级负责，谁主管、谁负责',
      zones: [],
      rules: [],
      outOfJurisdiction: {
        handling: 'transfer',
        cite: 'S3 第十条：属于其他行政区的举报件，3个工作日内通过联网平台逐级转交',
      },
    },
  }
  return { deployment, boundaries: cutDeploymentBoundaries(options.source, regionCode) }
}

function runNew(argv: string[]): NewOutput {
  const values = parseOptions(argv, {
    boundaries: { type: 'string' },
    codes: { type: 'string' },
    profile: { type: 'string' },
    out: { type: 'string' },
    id: { type: 'string' },
    name: { type: 'string' },
    'region-name': { type: 'string' },
    prefix: { type: 'string' },
  })
  const boundaryFile = requireOption(values.boundaries, 'boundaries')
  const codes = requireOption(values.codes, 'codes')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)
  for (const code of codes) {
    if (!isDivisionCode(code))
      throw new CliError(`--codes: ${JSON.stringify(code)} is not a six-digit division code`)
  }
  if (codes.length === 0) throw new CliError('--codes is required')
  const profileId = requireOption(values.profile, 'profile')
  if (!(DEPLOYABLE_PROFILE_IDS as readonly string[]).includes(profileId)) {
    throw new CliError(
      `--profile must be one of ${DEPLOYABLE_PROFILE_IDS.join(', ')}; got ${JSON.stringify(profileId)}`,
    )
  }
  const out = path.resolve(requireOption(values.out, 'out'))
  const id = values.id ?? path.basename(out)
  if (!DEPLOYMENT_ID_PATTERN.test(id)) {
    throw new CliError(
      `deployment id ${JSON.stringify(id)} must be lower-case letters, digits and hyphens (--id)`,
    )
  }
  const referencePrefix =
    values.prefix ??
    id
      .replace(/[^a-z]/g, '')
      .slice(0, 2)
      .toUpperCase()
  if (!REFERENCE_PREFIX_PATTERN.test(referencePrefix)) {
    throw new CliError(`--prefix must be 2 to 4 capital letters, got ${JSON.stringify(referencePrefix)}`)
  }
  if (existsSync(out) && readdirSync(out).length > 0) {
    throw new CliError(`--out ${out} exists and is not empty; choose a new folder`)
  }
  let source: unknown
  try {
    source = JSON.parse(readFileSync(boundaryFile, 'utf8'))
  } catch (error) {
    throw new CliError(`--boundaries: cannot read ${boundaryFile}: ${(error as Error).message}`)
  }
  if (!isTopology(source)) throw new CliError(`--boundaries: ${boundaryFile} is not a TopoJSON topology`)
  const { deployment, boundaries } = scaffoldDeployment({
    source,
    codes,
    profileId,
    id,
    name: values.name,
    regionName: values['region-name'],
    referencePrefix,
  })
  mkdirSync(out, { recursive: true })
  const files = ['deployment.json', 'boundaries.topo.json']
  writeFileSync(path.join(out, files[0]!), JSON.stringify(deployment, null, 2) + '\n')
  writeFileSync(path.join(out, files[1]!), JSON.stringify(boundaries) + '\n')
  const check = checkDeploymentDir(out)
  return {
    ...check,
    files: files.map((f) => path.join(out, f)),
    regionCode: deployment.regionCode,
    regionName: deployment.regionName,
    units: deployment.units.map((u) => ({ id: u.id, name: u.name, regionCodes: u.regionCodes })),
  }
}

export async function run(argv: string[]): Promise<CheckOutput | NewOutput> {
  const [sub, ...rest] = argv
  if (sub === 'check') {
    const dirs = rest.filter((a) => !a.startsWith('-'))
    if (dirs.length !== 1 || rest.length !== 1) throw new CliError('usage: deployment check <dir>')
    return checkDeploymentDir(dirs[0]!)
  }
  if (sub === 'new') return runNew(rest)
  throw new CliError(`unknown subcommand ${JSON.stringify(sub ?? '')}; expected check or new`)
}

export function exitCode(output: unknown): number {
  return (output as CheckOutput).ok ? 0 : 1
}
