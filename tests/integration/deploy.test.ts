// The real deploy code against the real SDKs — @cloudbase/manager-node for the environment, @cloudbase/node-sdk
// for the setup-code document — with only their network layers replaced (tencent-cloud-fake.ts,
// cloudbase-offline-stub.ts). Checks the calls made, what the environment then holds, and that a second run
// against that state changes nothing.
import CloudBase from '@cloudbase/manager-node'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CloudbaseDocStore } from '../../cloudfunctions/common/cloudbase/docstore'
import { jsonLogger } from '../../cloudfunctions/common/log'
import { INDEXES } from '../../cloudfunctions/common/db/indexes'
import { setupCodeHash, setupCodeMatches, type SetupCodeDoc } from '../../cloudfunctions/common/setup-code'
import { buildFunctions, functionNames } from '../../scripts/build-functions'
import {
  builtFunction,
  desiredCollections,
  desiredRules,
  type DesiredState,
} from '../../scripts/deploy/desired'
import { runDeploy, type DeployResult } from '../../scripts/deploy/run'
import type { WeappUpload } from '../../scripts/deploy/weapp'
import { nodeDatabase, skipPlatformProbe } from '../support/cloudbase-harness'
import {
  installOfflineCloudbase,
  offlineCloudbase,
  uninstallOfflineCloudbase,
  type OfflineCloudbase,
} from '../support/cloudbase-offline-stub'
import { FakeTencentCloud, zipFile } from '../support/tencent-cloud-fake'

const ENV = 'gw-deploy-test'
const IDENTITY_KEY = Buffer.alloc(32, 7).toString('base64')
const TEMPLATES = JSON.stringify({ caseRegistered: 'tmpl-registered' })
const SECRET_KEY = 'test-secret-key-never-printed'
const NOW = new Date('2026-11-21T02:00:00Z')
const ROOT = path.resolve(__dirname, '../..')

let restoreEnv: () => void
let fake: FakeTencentCloud
let data: OfflineCloudbase
let buildDir: string
let desired: DesiredState
let uploads: WeappUpload[]
let lines: string[]

beforeAll(async () => {
  // The manager SDK narrates uploads on console.log; the CLI sends that to stderr.
  jest.spyOn(console, 'log').mockImplementation(() => {})
  restoreEnv = skipPlatformProbe()
  installOfflineCloudbase()
  data = offlineCloudbase(ENV)
  fake = new FakeTencentCloud(ENV, data)
  await fake.install()
  buildDir = mkdtempSync(path.join(os.tmpdir(), 'gw-deploy-build-'))
  await buildFunctions('jiaozuo', buildDir)
  const weappDir = mkdtempSync(path.join(os.tmpdir(), 'gw-deploy-weapp-'))
  writeFileSync(path.join(weappDir, 'app.json'), '{"pages":["pages/index/index"]}')
  desired = {
    envId: ENV,
    deployment: 'jiaozuo',
    collections: desiredCollections(),
    rules: desiredRules(),
    functions: functionNames().map((name) => builtFunction(name, path.join(buildDir, name))),
    env: { GW_IDENTITY_KEY: IDENTITY_KEY, GW_SUBSCRIBE_TEMPLATES: TEMPLATES },
    weapp: { appid: 'wx0123456789abcdef', version: '1.2.3', dir: weappDir, sha256: 'a'.repeat(64) },
  }
}, 60_000)

afterAll(async () => {
  await fake.uninstall()
  uninstallOfflineCloudbase()
  restoreEnv()
  rmSync(buildDir, { recursive: true, force: true })
})

beforeEach(() => {
  uploads = []
  lines = []
})

/** One deploy run as the CLI does it: a fresh manager and database handle, as another process would have. */
async function deploy(
  state: DesiredState = desired,
  options: { replaceSetupCode?: boolean; now?: Date } = {},
): Promise<DeployResult> {
  const manager = new CloudBase({ secretId: 'AKIDtest', secretKey: SECRET_KEY, envId: ENV })
  const db = CloudbaseDocStore.fromNodeSdk(nodeDatabase(ENV))
  return runDeploy({
    desired: state,
    manager,
    db,
    uploader: { upload: async (u) => void uploads.push(u) },
    uploadKeyPath: '/keys/private.wx0123456789abcdef.key',
    now: options.now ?? NOW,
    log: jsonLogger({ tool: 'deploy' }, (line) => lines.push(line)),
    replaceSetupCode: options.replaceSetupCode,
  })
}

const setupDoc = () =>
  data.documents('setup')?.find((d) => d._id === 'first-admin') as
    (SetupCodeDoc & { _id: string }) | undefined

describe('npm run deploy against a CloudBase environment (network replaced)', () => {
  let first: DeployResult

  test('a first run creates every collection, index, rule, function and trigger, and issues the setup code', async () => {
    first = await deploy()
    expect(first.ok).toBe(true)
    expect(first.refusals).toEqual([])

    // Collections and every index of database/indexes.json, with the rule of database/security-rules.json.
    expect(fake.collectionNames()).toEqual(Object.keys(INDEXES).sort())
    for (const [collection, specs] of Object.entries(INDEXES)) {
      expect(fake.indexes.get(collection)).toEqual(
        specs.map((s) => ({
          Name: s.name,
          Keys: s.fields.map(([Name, d]) => ({ Name, Direction: String(d) })),
          Unique: s.unique ?? false,
        })),
      )
      expect(fake.permissions.get(collection)).toEqual({
        Permission: 'CUSTOM',
        SecurityRule: '{"read":false,"write":false}',
      })
    }
    expect(fake.storageAcl).toEqual({
      AclTag: 'CUSTOM',
      Rule: '{"read":false,"write":"resource.openid == auth.openid"}',
    })

    // Every function with its bundle, settings, environment variables and config.json triggers.
    expect([...fake.functions.keys()].sort()).toEqual([
      'admin',
      'cases',
      'files',
      'rewards',
      'staff',
      'timers',
    ])
    for (const fn of fake.functions.values()) {
      expect(fn.files).toEqual(['config.json', 'index.js', 'package.json'])
      expect(zipFile(fake.zips.get(fn.FunctionName)!, 'index.js')).toEqual(
        readFileSync(path.join(buildDir, fn.FunctionName, 'index.js')),
      )
      expect(fn).toMatchObject({ Runtime: 'Nodejs16.13', Handler: 'index.main', MemorySize: 256 })
      expect(fn.Timeout).toBe(fn.FunctionName === 'timers' ? 60 : 20)
      expect(fn.Environment.Variables).toEqual([
        { Key: 'GW_IDENTITY_KEY', Value: IDENTITY_KEY },
        { Key: 'GW_SUBSCRIBE_TEMPLATES', Value: TEMPLATES },
      ])
      expect(fn.Description).toMatch(/^绿哨 GreenWhistle · jiaozuo · code sha256:[0-9a-f]{32}$/)
    }
    expect(fake.functions.get('timers')!.Triggers).toEqual([
      { TriggerName: 'hourly', Type: 'timer', TriggerDesc: '{"cron":"0 5 * * * * *"}' },
    ])
    for (const name of ['admin', 'cases', 'files', 'rewards', 'staff'])
      expect(fake.functions.get(name)!.Triggers).toEqual([])
    // Through the SDK's zip upload, signed with the operator's key.
    expect(
      fake
        .actions('scf.CreateFunction')
        .map((c) => (c.params.Code as object) && Object.keys(c.params.Code as object)),
    ).toEqual(Array(6).fill(['ZipFile']))
    expect([...fake.signers]).toEqual(['AKIDtest'])
    expect(fake.unexpected).toEqual([])

    // The setup code: printed once in the result, stored only as a keyed hash with its expiry.
    expect(first.setupCode).toMatchObject({
      code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/),
      expiresAt: '2026-11-24T02:00:00.000Z',
    })
    const code = (first.setupCode as { code: string }).code
    const doc = setupDoc()!
    expect(doc).toMatchObject({
      purpose: 'first-admin',
      issuedAt: NOW.toISOString(),
      expiresAt: '2026-11-24T02:00:00.000Z',
      redeemedAt: null,
    })
    expect(doc.codeHash).toBe(setupCodeHash(new Uint8Array(Buffer.from(IDENTITY_KEY, 'base64')), code))
    expect(
      setupCodeMatches(doc, new Uint8Array(Buffer.from(IDENTITY_KEY, 'base64')), code.toLowerCase(), NOW),
    ).toBe(true)
    expect(JSON.stringify(data.documents('setup'))).not.toContain(code)

    // The mini-program, uploaded once with the key from its path.
    expect(uploads).toEqual([
      {
        dir: desired.weapp!.dir,
        appid: 'wx0123456789abcdef',
        version: '1.2.3',
        description: `绿哨 jiaozuo → ${ENV}`,
        privateKeyPath: '/keys/private.wx0123456789abcdef.key',
      },
    ])

    // Logs: names and counts, never a secret or the setup code.
    const log = lines.join('\n')
    expect(log).toContain('"message":"function created"')
    for (const secret of [SECRET_KEY, IDENTITY_KEY, TEMPLATES, code]) expect(log).not.toContain(secret)
    for (const change of first.changes) expect(JSON.stringify(change)).not.toContain(IDENTITY_KEY)
  }, 60_000)

  test('a second run against the resulting state changes nothing', async () => {
    const writesBefore = fake.writes().length
    const docBefore = setupDoc()
    const second = await deploy()
    expect(second).toMatchObject({ ok: true, changes: [], warnings: [], refusals: [] })
    expect(second.setupCode).toEqual({ state: 'pending', expiresAt: '2026-11-24T02:00:00.000Z' })
    expect(fake.writes().slice(writesBefore)).toEqual([])
    expect(setupDoc()).toEqual(docBefore)
    expect(uploads).toEqual([])
  }, 60_000)

  test('drift is put right, and only drift: a changed timeout, a dropped index, a stray trigger, a changed bundle', async () => {
    fake.functions.get('staff')!.Timeout = 3
    fake.indexes.get('cases')![0]!.Keys = [{ Name: 'unitId', Direction: '1' }]
    fake.indexes.get('follows')!.splice(1, 1)
    fake.functions
      .get('admin')!
      .Triggers.push({ TriggerName: 'old', Type: 'timer', TriggerDesc: '{"cron":"0 0 * * * * *"}' })
    const changed = structuredClone(desired)
    const casesIndex = path.join(buildDir, 'cases', 'index.js')
    const original = readFileSync(casesIndex)
    writeFileSync(casesIndex, Buffer.concat([original, Buffer.from('\n// changed\n')]))
    try {
      changed.functions = functionNames().map((name) => builtFunction(name, path.join(buildDir, name)))
      const writesBefore = fake.writes().length
      const third = await deploy(changed)
      expect(third.changes).toEqual([
        {
          kind: 'replace-index',
          collection: 'cases',
          index: {
            name: 'unit_created',
            fields: [
              ['unitId', 1],
              ['createdAt', -1],
              ['_id', -1],
            ],
            unique: false,
          },
        },
        {
          kind: 'create-index',
          collection: 'follows',
          index: {
            name: 'case_created',
            fields: [
              ['caseId', 1],
              ['createdAt', 1],
              ['_id', 1],
            ],
            unique: false,
          },
        },
        { kind: 'delete-trigger', function: 'admin', trigger: 'old' },
        { kind: 'update-function-code', function: 'cases', codeSha256: changed.functions[1]!.codeSha256 },
        { kind: 'update-function-config', function: 'cases', fields: ['description'] },
        { kind: 'update-function-config', function: 'staff', fields: ['timeout'] },
      ])
      expect(fake.writes().slice(writesBefore).sort()).toEqual(
        [
          'tcb.UpdateTable',
          'tcb.UpdateTable',
          'tcb.UpdateTable',
          'scf.DeleteTrigger',
          'scf.UpdateFunctionCode',
          'scf.UpdateFunctionConfiguration',
          'scf.UpdateFunctionConfiguration',
        ].sort(),
      )
      expect(zipFile(fake.zips.get('cases')!, 'index.js')!.toString()).toMatch(/\/\/ changed\n$/)
      expect((await deploy(changed)).changes).toEqual([])
    } finally {
      writeFileSync(casesIndex, original)
    }
    expect((await deploy()).changes.map((c) => c.kind)).toEqual([
      'update-function-code',
      'update-function-config',
    ])
  }, 60_000)

  test('another GW_IDENTITY_KEY is refused before anything changes: sealed identities would become unreadable', async () => {
    const writesBefore = fake.writes().length
    const other = {
      ...desired,
      env: { ...desired.env, GW_IDENTITY_KEY: Buffer.alloc(32, 9).toString('base64') },
    }
    const refused = await deploy(other)
    expect(refused.ok).toBe(false)
    expect(refused.refusals).toHaveLength(6)
    expect(refused.refusals[0]).toMatch(/^云函数 admin 已设置的 GW_IDENTITY_KEY 与本次提供的不同/)
    expect(fake.writes().slice(writesBefore)).toEqual([])
    expect(JSON.stringify(refused)).not.toContain(other.env.GW_IDENTITY_KEY)
  }, 60_000)

  test('--replace-setup-code issues a new code; the old one stops matching', async () => {
    const key = new Uint8Array(Buffer.from(IDENTITY_KEY, 'base64'))
    const old = (first.setupCode as { code: string }).code
    const replaced = await deploy(desired, { replaceSetupCode: true })
    expect(replaced.changes).toEqual([{ kind: 'issue-setup-code', reason: 'replace' }])
    const code = (replaced.setupCode as { code: string }).code
    expect(code).not.toBe(old)
    expect(setupCodeMatches(setupDoc()!, key, code, NOW)).toBe(true)
    expect(setupCodeMatches(setupDoc()!, key, old, NOW)).toBe(false)
    // Expired after 72 hours: the next deploy issues a fresh one by itself.
    const later = new Date(NOW.getTime() + 72 * 3600_000)
    expect(setupCodeMatches(setupDoc()!, key, code, later)).toBe(false)
    const renewed = await deploy(desired, { now: later })
    expect(renewed.changes).toEqual([{ kind: 'issue-setup-code', reason: 'expired' }])
    const fresh = (renewed.setupCode as { code: string }).code
    expect(setupCodeMatches(setupDoc()!, key, fresh, later)).toBe(true)
    expect(setupCodeMatches(setupDoc()!, key, code, later)).toBe(false)
  }, 60_000)

  test('--dry-run needs no credentials and no network, and lists every collection, index, function and trigger', () => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('TENCENTCLOUD') && !k.startsWith('GW_')),
    )
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'scripts/deploy.ts'),
        '--dry-run',
        '--env',
        'test-env',
        '--deployment',
        'jiaozuo',
      ],
      { cwd: ROOT, encoding: 'utf8', env },
    )
    expect(run.status).toBe(0)
    const plan = JSON.parse(run.stdout) as {
      dryRun: boolean
      collections: Array<{ name: string; indexes: Array<{ name: string }> }>
      functions: Array<{
        name: string
        triggers: unknown[]
        envVariables: string[]
        code: { codeSha256: string }
      }>
      changes: Array<{ kind: string }>
      rules: unknown
    }
    expect(plan.dryRun).toBe(true)
    expect(plan.collections.map((c) => [c.name, c.indexes.map((i) => i.name)])).toEqual(
      Object.entries(INDEXES)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, specs]) => [name, specs.map((s) => s.name)]),
    )
    expect(plan.functions.map((f) => f.name)).toEqual([
      'admin',
      'cases',
      'files',
      'rewards',
      'staff',
      'timers',
    ])
    expect(plan.functions.find((f) => f.name === 'timers')!.triggers).toEqual([
      { name: 'hourly', type: 'timer', config: '0 5 * * * * *' },
    ])
    expect(plan.functions.every((f) => f.envVariables.join() === 'GW_IDENTITY_KEY')).toBe(true)
    // The code that would be uploaded is exactly what the deploy builds (reproducible bundles).
    expect(plan.functions.map((f) => f.code.codeSha256)).toEqual(desired.functions.map((f) => f.codeSha256))
    expect(plan.rules).toEqual(desiredRules())
    expect(plan.changes.filter((c) => c.kind === 'create-index')).toHaveLength(
      Object.values(INDEXES).reduce((n, specs) => n + specs.length, 0),
    )
    expect(plan.changes.at(-1)).toEqual({ kind: 'issue-setup-code', reason: 'none' })
  }, 60_000)
})
