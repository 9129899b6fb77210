// The deploy plan: desired state (desired.ts) minus what the environment holds (cloudbase.ts reads it). Pure:
// the same inputs always give the same changes, and a second run against the state the first one left gives
// none. Secrets never appear in a plan: environment variables are named, never valued.
import { IDENTITY_KEY_ENV } from '../../cloudfunctions/common/cloudbase/runtime'
import type { SetupCodeState } from '../../cloudfunctions/common/setup-code'
import {
  codeShaOfDescription,
  functionDescription,
  type DesiredFunction,
  type DesiredIndex,
  type DesiredState,
  type DesiredTrigger,
} from './desired'

export interface ActualFunction {
  name: string
  runtime: string
  memorySize: number
  timeout: number
  description: string
  env: Record<string, string>
  triggers: DesiredTrigger[]
}

export interface ActualState {
  /** Collection name → its indexes (without `_id_`). */
  collections: Map<string, DesiredIndex[]>
  /** Collection name → its rule, when it has a custom one. */
  collectionRules: Map<string, unknown>
  storageRule: unknown
  functions: Map<string, ActualFunction>
  setupCode: SetupCodeState
  /** Digest of the mini-program build last uploaded to this environment's AppID (setup/deploy), if any. */
  weappSha256: string | null
}

export type Change =
  | { kind: 'create-collection'; collection: string }
  | { kind: 'create-index'; collection: string; index: DesiredIndex }
  | { kind: 'replace-index'; collection: string; index: DesiredIndex }
  | { kind: 'set-collection-rule'; collection: string; rule: unknown }
  | { kind: 'set-storage-rule'; rule: unknown }
  | {
      kind: 'create-function'
      function: string
      runtime: string
      timeout: number
      memorySize: number
      triggers: DesiredTrigger[]
      envVariables: string[]
      codeSha256: string
    }
  | { kind: 'update-function-code'; function: string; codeSha256: string }
  /** `fields`: what differs — `timeout`, `memorySize`, `description`, `env:<NAME>` (names only). */
  | { kind: 'update-function-config'; function: string; fields: string[] }
  | { kind: 'create-trigger'; function: string; trigger: DesiredTrigger }
  | { kind: 'replace-trigger'; function: string; trigger: DesiredTrigger }
  | { kind: 'delete-trigger'; function: string; trigger: string }
  | { kind: 'issue-setup-code'; reason: 'none' | 'expired' | 'replace' }
  | { kind: 'upload-weapp'; appid: string; version: string; dir: string; sha256: string }

export interface Plan {
  changes: Change[]
  /** Things the deploy cannot change and the operator should know. */
  warnings: string[]
  /** Reasons not to deploy at all; a plan with refusals is never applied. */
  refusals: string[]
}

/** An environment that holds nothing yet: the plan of a dry run, and of a first deploy. */
export const EMPTY_ENVIRONMENT: ActualState = {
  collections: new Map(),
  collectionRules: new Map(),
  storageRule: null,
  functions: new Map(),
  setupCode: 'none',
  weappSha256: null,
}

/** Rules compare as data: `{"read":false,"write":false}` in any key order is the same rule. */
function sameJson(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v as object)
            .sort()
            .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
        )
      : Array.isArray(v)
        ? v.map(canon)
        : v
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b))
}

const sameIndex = (a: DesiredIndex, b: DesiredIndex) =>
  a.unique === b.unique && JSON.stringify(a.fields) === JSON.stringify(b.fields)

function functionChanges(
  want: DesiredFunction,
  have: ActualFunction | undefined,
  desired: DesiredState,
  plan: Plan,
): void {
  const description = functionDescription(desired.deployment, want.codeSha256)
  if (!have) {
    plan.changes.push({
      kind: 'create-function',
      function: want.name,
      runtime: want.runtime,
      timeout: want.timeout,
      memorySize: want.memorySize,
      triggers: want.triggers,
      envVariables: Object.keys(desired.env).sort(),
      codeSha256: want.codeSha256,
    })
    return
  }
  const deployedKey = have.env[IDENTITY_KEY_ENV]
  if (deployedKey !== undefined && deployedKey !== desired.env[IDENTITY_KEY_ENV]) {
    plan.refusals.push(
      `云函数 ${want.name} 已设置的 ${IDENTITY_KEY_ENV} 与本次提供的不同：更换密钥会使已加密的举报人身份无法读取。请提供原来的密钥（它应与数据一同备份）。`,
    )
  }
  if (have.runtime !== want.runtime) {
    plan.warnings.push(
      `云函数 ${want.name} 的运行时是 ${have.runtime}，期望 ${want.runtime}：CloudBase 只能在创建时设置运行时，如需更换请删除该函数后重新部署。`,
    )
  }
  const codeChanged = codeShaOfDescription(have.description) !== want.codeSha256.slice(0, 32)
  if (codeChanged)
    plan.changes.push({ kind: 'update-function-code', function: want.name, codeSha256: want.codeSha256 })
  const fields: string[] = []
  if (have.timeout !== want.timeout) fields.push('timeout')
  if (have.memorySize !== want.memorySize) fields.push('memorySize')
  if (have.description !== description) fields.push('description')
  for (const [name, value] of Object.entries(desired.env))
    if (have.env[name] !== value) fields.push(`env:${name}`)
  if (fields.length > 0) plan.changes.push({ kind: 'update-function-config', function: want.name, fields })
  const haveTriggers = new Map(have.triggers.map((t) => [t.name, t]))
  for (const trigger of want.triggers) {
    const current = haveTriggers.get(trigger.name)
    if (!current) plan.changes.push({ kind: 'create-trigger', function: want.name, trigger })
    else if (current.type !== trigger.type || current.config !== trigger.config)
      plan.changes.push({ kind: 'replace-trigger', function: want.name, trigger })
  }
  const wanted = new Set(want.triggers.map((t) => t.name))
  for (const trigger of have.triggers) {
    // A timer config.json no longer declares would keep running old work: config.json is the truth.
    if (!wanted.has(trigger.name))
      plan.changes.push({ kind: 'delete-trigger', function: want.name, trigger: trigger.name })
  }
}

export function planDeployment(
  desired: DesiredState,
  actual: ActualState,
  options: { replaceSetupCode?: boolean } = {},
): Plan {
  const plan: Plan = { changes: [], warnings: [], refusals: [] }
  for (const collection of desired.collections) {
    const indexes = actual.collections.get(collection.name)
    if (!indexes) plan.changes.push({ kind: 'create-collection', collection: collection.name })
    const have = new Map((indexes ?? []).map((i) => [i.name, i]))
    for (const index of collection.indexes) {
      const current = have.get(index.name)
      if (!current) plan.changes.push({ kind: 'create-index', collection: collection.name, index })
      else if (!sameIndex(current, index))
        plan.changes.push({ kind: 'replace-index', collection: collection.name, index })
    }
    const declared = new Set(collection.indexes.map((i) => i.name))
    const unmanaged = [...have.keys()].filter((n) => !declared.has(n))
    if (unmanaged.length > 0) {
      plan.warnings.push(
        `集合 ${collection.name} 有 database/indexes.json 未声明的索引 ${unmanaged.join('、')}：未删除，请确认是否仍需要。`,
      )
    }
    if (!sameJson(actual.collectionRules.get(collection.name) ?? null, desired.rules.collection)) {
      plan.changes.push({
        kind: 'set-collection-rule',
        collection: collection.name,
        rule: desired.rules.collection,
      })
    }
  }
  if (!sameJson(actual.storageRule, desired.rules.storage)) {
    plan.changes.push({ kind: 'set-storage-rule', rule: desired.rules.storage })
  }
  for (const fn of desired.functions) functionChanges(fn, actual.functions.get(fn.name), desired, plan)
  if (actual.setupCode === 'none' || actual.setupCode === 'expired') {
    plan.changes.push({ kind: 'issue-setup-code', reason: actual.setupCode })
  } else if (actual.setupCode === 'pending' && options.replaceSetupCode) {
    plan.changes.push({ kind: 'issue-setup-code', reason: 'replace' })
  }
  const weapp = desired.weapp
  if (weapp && weapp.sha256 !== actual.weappSha256) plan.changes.push({ kind: 'upload-weapp', ...weapp })
  return plan
}
