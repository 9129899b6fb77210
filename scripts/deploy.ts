// `npm run deploy -- --env <envId> --deployment <id> [options]`: creates or updates everything one CloudBase
// environment needs for one jurisdiction — collections, every index of database/indexes.json, security rules,
// the functions (built for the deployment) with their config.json timer triggers and environment variables —
// issues the first administrator's one-time setup code, and uploads the mini-program with miniprogram-ci.
// Idempotent: it reads the environment first and changes only what differs; a second run changes nothing.
//
//   --dry-run               no credentials, no network: prints the whole plan for an empty environment
//   --secrets <file>        GW_IDENTITY_KEY / GW_SUBSCRIBE_TEMPLATES / GW_PLATFORM_SECRETS (JSON object or
//                           KEY=VALUE lines);
//                           otherwise from the operator's environment variables of the same names
//   --credentials <file>    Tencent Cloud API key {"secretId","secretKey","token"?}; otherwise
//                           TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY / TENCENTCLOUD_SESSIONTOKEN
//   --upload-key <file>     the mini-program code upload key; with --appid <wx…> [--version <x.y.z>]
//   --skip-weapp-build      upload dist/weapp as built (it must be built for this env)
//   --replace-setup-code    issue a new setup code although one is pending (the old one stops working)
//
// Prints one JSON object on stdout (the plan, what was done, the setup code once); progress as JSON lines on
// stderr. Secrets are never printed: environment variables appear by name only. Exit 0 done, 1 refused or
// failed, 2 bad arguments.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { format } from 'node:util'
import { IDENTITY_KEY_ENV, TEMPLATES_ENV } from '../cloudfunctions/common/cloudbase/runtime'
import { PLATFORM_SECRETS_ENV } from '../cloudfunctions/common/channels/secrets'
import { DEPLOYMENT_ID_PATTERN } from '../shared/deployment/check'
import { PROJECT_ROOT } from '../local/deployments'
import { buildFunctions, functionNames } from './build-functions'
import { CliError, parseOptions, requireOption } from './cli/args'
import { checkDeploymentDir } from './cli/deployment'
import {
  builtFunction,
  desiredCollections,
  desiredRules,
  functionEnv,
  type DesiredState,
  type DesiredWeapp,
} from './deploy/desired'
import { EMPTY_ENVIRONMENT, planDeployment } from './deploy/plan'
import { WEAPP_DIR, weappBuildProblems, weappSha256 } from './deploy/weapp'
import { opsLogger } from './ops/log'

type Secrets = Record<string, string | undefined>

/** A secrets file: a JSON object, or KEY=VALUE lines (# comments). Only the names the functions read. */
export function readSecretsFile(file: string): Secrets {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new CliError(`--secrets: cannot read ${file}`)
  }
  let entries: Array<[string, unknown]>
  if (text.trim().startsWith('{')) {
    try {
      entries = Object.entries(JSON.parse(text) as Record<string, unknown>)
    } catch {
      throw new CliError(`--secrets: ${file} is not valid JSON`)
    }
  } else {
    entries = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => {
        const eq = line.indexOf('=')
        if (eq < 1) throw new CliError(`--secrets: ${file}: expected KEY=VALUE lines`)
        return [line.slice(0, eq).trim(), line.slice(eq + 1).trim()]
      })
  }
  const out: Secrets = {}
  for (const [name, value] of entries) {
    if (name !== IDENTITY_KEY_ENV && name !== TEMPLATES_ENV && name !== PLATFORM_SECRETS_ENV) continue
    out[name] = typeof value === 'string' ? value : JSON.stringify(value)
  }
  return out
}

function secretsFrom(file: string | undefined): Secrets {
  const fromEnv: Secrets = {
    [IDENTITY_KEY_ENV]: process.env[IDENTITY_KEY_ENV],
    [TEMPLATES_ENV]: process.env[TEMPLATES_ENV],
    [PLATFORM_SECRETS_ENV]: process.env[PLATFORM_SECRETS_ENV],
  }
  return file ? { ...fromEnv, ...readSecretsFile(file) } : fromEnv
}

interface Credentials {
  secretId: string
  secretKey: string
  token?: string
}

function credentialsFrom(file: string | undefined): Credentials {
  if (file) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Credentials>
      if (parsed.secretId && parsed.secretKey)
        return { secretId: parsed.secretId, secretKey: parsed.secretKey, token: parsed.token }
    } catch {
      // fall through to the message
    }
    throw new CliError(`--credentials: ${file} must be JSON {"secretId": "…", "secretKey": "…"}`)
  }
  const secretId = process.env.TENCENTCLOUD_SECRETID
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY
  if (!secretId || !secretKey) {
    throw new CliError(
      'no Tencent Cloud API key: set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY, or pass --credentials <file> (or use --dry-run)',
    )
  }
  return { secretId, secretKey, token: process.env.TENCENTCLOUD_SESSIONTOKEN }
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string })
    .version
}

async function main(argv: string[]): Promise<number> {
  const values = parseOptions(argv, {
    env: { type: 'string' },
    deployment: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    secrets: { type: 'string' },
    credentials: { type: 'string' },
    'upload-key': { type: 'string' },
    appid: { type: 'string' },
    version: { type: 'string' },
    'skip-weapp-build': { type: 'boolean', default: false },
    'replace-setup-code': { type: 'boolean', default: false },
  })
  const envId = requireOption(values.env, 'env')
  if (!/^[A-Za-z0-9-]{1,64}$/.test(envId))
    throw new CliError(`--env ${JSON.stringify(envId)} is not a CloudBase environment id`)
  const deployment = requireOption(values.deployment, 'deployment')
  if (
    !DEPLOYMENT_ID_PATTERN.test(deployment) ||
    !existsSync(path.join(PROJECT_ROOT, 'deployments', deployment))
  ) {
    throw new CliError(`--deployment ${JSON.stringify(deployment)}: no folder deployments/${deployment}`)
  }
  const check = checkDeploymentDir(path.join(PROJECT_ROOT, 'deployments', deployment))
  if (!check.ok) {
    process.stdout.write(JSON.stringify({ ok: false, deployment, problems: check.problems }) + '\n')
    return 1
  }
  const uploadKey = values['upload-key'] ?? null
  const appid = uploadKey ? requireOption(values.appid, 'appid') : (values.appid ?? null)
  if (appid !== null && !/^wx[0-9a-f]{16}$/.test(appid))
    throw new CliError(`--appid ${JSON.stringify(appid)} is not a mini-program AppID (wx + 16 hex)`)
  const version = values.version ?? packageVersion()
  const secrets = secretsFrom(values.secrets)
  const dryRun = values['dry-run'] ?? false
  const log = opsLogger('deploy')

  const buildDir = mkdtempSync(path.join(os.tmpdir(), 'gw-deploy-'))
  try {
    // The bundles carry the jurisdiction; built fresh for every run (a second run builds the same bytes).
    await buildFunctions(deployment, buildDir)
    const functions = functionNames().map((name) => builtFunction(name, path.join(buildDir, name)))
    let weapp: DesiredWeapp | null = null
    if (uploadKey && appid) {
      if (!dryRun && !values['skip-weapp-build']) {
        const built = spawnSync('npm', ['run', '-s', 'build:weapp'], {
          cwd: PROJECT_ROOT,
          env: { ...process.env, WEAPP_CLOUD_ENV_ID: envId },
          stdio: ['ignore', 2, 2],
        })
        if (built.status !== 0) throw new Error('npm run build:weapp failed')
      }
      const problems = dryRun ? [] : weappBuildProblems(WEAPP_DIR, envId)
      if (problems.length > 0) throw new CliError(problems.join('; '))
      weapp = { appid, version, dir: WEAPP_DIR, sha256: existsSync(WEAPP_DIR) ? weappSha256(WEAPP_DIR) : '' }
    }

    if (dryRun) {
      // Names only: a dry run needs no secrets and prints none.
      const envNames = [
        IDENTITY_KEY_ENV,
        ...[TEMPLATES_ENV, PLATFORM_SECRETS_ENV].filter((name) => secrets[name]?.trim()),
      ]
      const desired: DesiredState = {
        envId,
        deployment,
        collections: desiredCollections(),
        rules: desiredRules(),
        functions,
        env: Object.fromEntries(envNames.map((n) => [n, ''])),
        weapp,
      }
      const plan = planDeployment(desired, EMPTY_ENVIRONMENT)
      const output = {
        ok: true,
        dryRun: true,
        envId,
        deployment,
        against: '一个空环境（演练不读取环境，也不需要密钥）',
        collections: desired.collections,
        rules: desired.rules,
        functions: functions.map((f) => ({
          name: f.name,
          runtime: f.runtime,
          handler: f.handler,
          memorySize: f.memorySize,
          timeout: f.timeout,
          triggers: f.triggers,
          envVariables: envNames,
          openapi: f.openapi,
          code: { codeSha256: f.codeSha256, from: `cloudfunctions/${f.name} built for ${deployment}` },
        })),
        weapp: weapp
          ? {
              appid: weapp.appid,
              version: weapp.version,
              dir: path.relative(PROJECT_ROOT, weapp.dir),
              builtFor: envId,
            }
          : { upload: false, reason: '没有 --upload-key：不上传小程序' },
        setupCode: '首次部署时生成第一位系统管理员的一次性设置码（只保存加盐哈希与有效期），只显示一次',
        changes: plan.changes,
        warnings: plan.warnings,
      }
      process.stdout.write(JSON.stringify(output) + '\n')
      return 0
    }

    let env: Record<string, string>
    try {
      env = functionEnv(secrets)
    } catch (error) {
      throw new CliError(`secrets (environment variables or --secrets <file>): ${(error as Error).message}`)
    }
    const credentials = credentialsFrom(values.credentials)
    const desired: DesiredState = {
      envId,
      deployment,
      collections: desiredCollections(),
      rules: desiredRules(),
      functions,
      env,
      weapp,
    }
    const { default: CloudBase } = await import('@cloudbase/manager-node')
    const tcb = await import('@cloudbase/node-sdk')
    const { CloudbaseDocStore } = await import('../cloudfunctions/common/cloudbase/docstore')
    const { runDeploy } = await import('./deploy/run')
    const { miniprogramCiUploader } = await import('./deploy/weapp')
    const manager = new CloudBase({ ...credentials, envId })
    const app = tcb.init({
      env: envId,
      secretId: credentials.secretId,
      secretKey: credentials.secretKey,
      sessionToken: credentials.token,
    })
    const db = CloudbaseDocStore.fromNodeSdk(app.database() as never)
    const result = await runDeploy({
      desired,
      manager,
      db,
      uploader: miniprogramCiUploader,
      uploadKeyPath: uploadKey ? path.resolve(uploadKey) : null,
      now: new Date(),
      log,
      replaceSetupCode: values['replace-setup-code'],
    })
    process.stdout.write(JSON.stringify(result) + '\n')
    return result.ok ? 0 : 1
  } finally {
    rmSync(buildDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  // stdout carries one JSON object; the SDKs' progress lines (console.log) go to stderr with the logs.
  console.log = (...args: unknown[]) => process.stderr.write(format(...args) + '\n')
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof CliError) {
        process.stderr.write(`error: ${error.message}\n`)
        process.exit(2)
      }
      // The SDKs' errors carry the action and request id, never the API key.
      const e = error as { message?: string; code?: unknown; requestId?: unknown; action?: unknown }
      process.stderr.write(
        JSON.stringify({
          level: 'error',
          message: e.message ?? String(error),
          code: e.code,
          action: e.action,
          requestId: e.requestId,
        }) + '\n',
      )
      process.exit(1)
    },
  )
}

export { main as deployMain }
