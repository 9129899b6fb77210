// What a CloudBase environment must hold for one deployment, read from the repository — each thing from its
// one home: collections and indexes from database/indexes.json, security rules from
// database/security-rules.json, functions from cloudfunctions/<name>/config.json (triggers, 云调用
// permissions) and their built bundles, environment variable names from the cloud runtime
// (cloudfunctions/common/cloudbase/runtime.ts).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { INDEXES, type IndexSpec } from '../../cloudfunctions/common/db/indexes'
import { PLATFORM_SECRETS_ENV, platformKeysFrom } from '../../cloudfunctions/common/channels/secrets'
import {
  IDENTITY_KEY_ENV,
  TEMPLATES_ENV,
  identityKeyFrom,
  templatesFrom,
} from '../../cloudfunctions/common/cloudbase/runtime'
import { listFiles } from '../ops/manifest'
import { PROJECT_ROOT } from '../../local/deployments'

/** CloudBase's Node runtime for the functions: at least the build target (CLOUD_NODE_TARGET = node16). */
const FUNCTION_RUNTIME = 'Nodejs16.13'
const FUNCTION_HANDLER = 'index.main'
const FUNCTION_MEMORY_MB = 256
/** Seconds. Submitting runs content checks and a transaction; 20 s leaves room for slow WeChat APIs. */
const FUNCTION_TIMEOUT_S = 20
/**
 * A timers run starts no page past its 45 s budget (cloudfunctions/timers/handlers.ts); an import call stops at its
 * 40 s budget (common/channels/imports.ts) and the next call goes on.
 */
const TIMEOUTS_S: Readonly<Record<string, number>> = { timers: 60, channels: 60 }

export interface DesiredIndex {
  name: string
  fields: Array<[string, 1 | -1]>
  unique: boolean
}

export interface DesiredCollection {
  name: string
  indexes: DesiredIndex[]
}

export interface DesiredTrigger {
  name: string
  type: 'timer'
  /** Seven-field cron (CloudBase timer triggers). */
  config: string
}

export interface DesiredFunction {
  name: string
  /** The built bundle folder: dist/cloudfunctions/<name> (index.js, package.json, config.json). */
  dir: string
  runtime: string
  handler: string
  memorySize: number
  timeout: number
  triggers: DesiredTrigger[]
  /** 云调用 permissions declared in config.json (listed in the plan; see README, Deploying). */
  openapi: string[]
  /** SHA-256 of the bundle's files; recorded in the function's description so a redeploy can compare. */
  codeSha256: string
}

export interface DesiredRules {
  /** Applied to every collection. */
  collection: Record<string, unknown>
  storage: Record<string, unknown>
}

export interface DesiredState {
  envId: string
  deployment: string
  collections: DesiredCollection[]
  rules: DesiredRules
  functions: DesiredFunction[]
  /** Names → values. Values are secrets: never printed, never logged. */
  env: Record<string, string>
  /** The mini-program build to upload with miniprogram-ci, when an upload key is given. */
  weapp: DesiredWeapp | null
}

export interface DesiredWeapp {
  appid: string
  version: string
  /** dist/weapp, built for this environment (WEAPP_CLOUD_ENV_ID). */
  dir: string
  sha256: string
}

export function desiredCollections(
  indexes: Readonly<Record<string, IndexSpec[]>> = INDEXES,
): DesiredCollection[] {
  return Object.entries(indexes)
    .map(([name, specs]) => ({
      name,
      indexes: specs.map((s) => ({ name: s.name, fields: s.fields, unique: s.unique ?? false })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

export function desiredRules(
  file = path.join(PROJECT_ROOT, 'database', 'security-rules.json'),
): DesiredRules {
  const rules = JSON.parse(readFileSync(file, 'utf8')) as {
    database: { default: Record<string, unknown> }
    storage: { rule: Record<string, unknown> }
  }
  return { collection: rules.database.default, storage: rules.storage.rule }
}

interface FunctionConfigFile {
  triggers?: Array<{ name: string; type: string; config: string }>
  permissions?: { openapi?: string[] }
}

/** A function as config.json declares it, without its code (enough for a dry run). */
function functionFromConfig(name: string, configFile: string): Omit<DesiredFunction, 'dir' | 'codeSha256'> {
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as FunctionConfigFile
  const triggers = (config.triggers ?? []).map((t) => {
    if (t.type !== 'timer')
      throw new Error(`${name}/config.json: trigger ${t.name} has type ${t.type}; only timer is deployed`)
    return { name: t.name, type: 'timer' as const, config: t.config }
  })
  return {
    name,
    runtime: FUNCTION_RUNTIME,
    handler: FUNCTION_HANDLER,
    memorySize: FUNCTION_MEMORY_MB,
    timeout: TIMEOUTS_S[name] ?? FUNCTION_TIMEOUT_S,
    triggers,
    openapi: config.permissions?.openapi ?? [],
  }
}

/** SHA-256 over a bundle folder: every file's relative path and bytes, in path order. */
export function bundleSha256(dir: string): string {
  const hash = createHash('sha256')
  for (const rel of listFiles(dir)) {
    hash.update(`${rel}\n`)
    hash.update(readFileSync(path.join(dir, ...rel.split('/'))))
    hash.update('\n')
  }
  return hash.digest('hex')
}

export function builtFunction(name: string, dir: string): DesiredFunction {
  return { ...functionFromConfig(name, path.join(dir, 'config.json')), dir, codeSha256: bundleSha256(dir) }
}

/**
 * The functions' environment variables from the operator's secrets: GW_IDENTITY_KEY (required, validated like
 * the function validates it), GW_SUBSCRIBE_TEMPLATES (optional JSON map) and GW_PLATFORM_SECRETS (optional JSON
 * map of work-order platform → shared secret).
 */
export function functionEnv(secrets: Readonly<Record<string, string | undefined>>): Record<string, string> {
  identityKeyFrom(secrets)
  templatesFrom(secrets)
  platformKeysFrom(secrets[PLATFORM_SECRETS_ENV])
  const env: Record<string, string> = { [IDENTITY_KEY_ENV]: secrets[IDENTITY_KEY_ENV]!.trim() }
  const templates = secrets[TEMPLATES_ENV]?.trim()
  if (templates) env[TEMPLATES_ENV] = templates
  const platforms = secrets[PLATFORM_SECRETS_ENV]?.trim()
  if (platforms) env[PLATFORM_SECRETS_ENV] = platforms
  return env
}

/** `绿哨 GreenWhistle · jiaozuo · code sha256:…` — how a deployed function says which bundle it runs. */
export function functionDescription(deployment: string, codeSha256: string): string {
  return `绿哨 GreenWhistle · ${deployment} · code sha256:${codeSha256.slice(0, 32)}`
}

export function codeShaOfDescription(description: string | undefined): string | null {
  const match = /code sha256:([0-9a-f]{32})/.exec(description ?? '')
  return match ? match[1]! : null
}
