// Reading and changing a CloudBase environment with the maintained SDK (@cloudbase/manager-node): database
// collections, indexes and rules, storage rule, functions and their timer triggers. No hand-written calls to
// Tencent Cloud APIs: everything goes through the manager's services.
import path from 'node:path'
import type CloudBase from '@cloudbase/manager-node'
import type { Logger } from '../../cloudfunctions/common/ports'
import {
  functionDescription,
  type DesiredFunction,
  type DesiredIndex,
  type DesiredState,
  type DesiredTrigger,
} from './desired'
import type { ActualFunction, ActualState, Change } from './plan'
import type { SetupCodeState } from '../../cloudfunctions/common/setup-code'

type Manager = CloudBase

const PAGE = 100

async function listCollectionNames(manager: Manager): Promise<string[]> {
  const names: string[] = []
  for (let offset = 0; ; offset += PAGE) {
    const res = await manager.database.listCollections({ MgoLimit: PAGE, MgoOffset: offset })
    names.push(...res.Collections.map((c) => c.CollectionName))
    if (res.Collections.length < PAGE || names.length >= (res.Pager?.Total ?? 0)) return names
  }
}

function indexFromCloud(info: {
  Name: string
  Keys?: Array<{ Name?: string; Direction?: string }>
  Unique?: boolean
}): DesiredIndex {
  return {
    name: info.Name,
    fields: (info.Keys ?? []).map((k) => [k.Name ?? '', Number(k.Direction) === -1 ? -1 : 1]),
    unique: info.Unique === true,
  }
}

function indexToCloud(index: DesiredIndex) {
  return {
    IndexName: index.name,
    MgoKeySchema: {
      MgoIndexKeys: index.fields.map(([name, direction]) => ({ Name: name, Direction: String(direction) })),
      MgoIsUnique: index.unique,
    },
  }
}

/** A timer's TriggerDesc reads back as `{"cron":"…"}` or as the cron itself; compare the cron. */
function cronOf(desc: string | undefined): string {
  try {
    const parsed = JSON.parse(desc ?? '') as { cron?: unknown }
    if (parsed && typeof parsed.cron === 'string') return parsed.cron
  } catch {
    // not JSON: the cron itself
  }
  return desc ?? ''
}

function isNotFound(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '')
  return code.startsWith('ResourceNotFound')
}

async function readFunction(manager: Manager, name: string): Promise<ActualFunction | null> {
  try {
    const info = await manager.functions.getFunctionDetail(name)
    return {
      name,
      runtime: info.Runtime,
      memorySize: info.MemorySize,
      timeout: info.Timeout,
      description: info.Description ?? '',
      env: Object.fromEntries((info.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
      triggers: (info.Triggers ?? []).map((t) => ({
        name: t.TriggerName ?? t.Name,
        type: t.Type as DesiredTrigger['type'],
        config: cronOf(t.TriggerDesc ?? t.Config),
      })),
    }
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
}

/** What the environment holds of everything the deploy manages. */
export async function readEnvironment(
  manager: Manager,
  desired: DesiredState,
  /** What the environment's database says (the setup code, the last upload): read through a DocStore. */
  records: { setupCode(): Promise<SetupCodeState>; weappSha256(): Promise<string | null> },
): Promise<ActualState> {
  await manager.currentEnvironment().lazyInit()
  const existing = new Set(await listCollectionNames(manager))
  const collections = new Map<string, DesiredIndex[]>()
  for (const name of existing) {
    if (!desired.collections.some((c) => c.name === name)) continue
    const table = await manager.database.describeCollection(name)
    collections.set(name, (table.Indexes ?? []).filter((i) => i.Name !== '_id_').map(indexFromCloud))
  }
  const collectionRules = new Map<string, unknown>()
  const managed = desired.collections.map((c) => c.name).filter((n) => existing.has(n))
  for (let i = 0; i < managed.length; i += PAGE) {
    const res = await manager.permission.describeResourcePermission({
      resourceType: 'collection',
      resources: managed.slice(i, i + PAGE),
    })
    for (const p of res.Data?.PermissionList ?? []) {
      if (p.Resource && p.Permission === 'CUSTOM' && p.SecurityRule) {
        collectionRules.set(p.Resource, JSON.parse(p.SecurityRule) as unknown)
      }
    }
  }
  const storage = await manager.storage.getStorageAcl({ withRule: true })
  const functions = new Map<string, ActualFunction>()
  for (const fn of desired.functions) {
    const found = await readFunction(manager, fn.name)
    if (found) functions.set(fn.name, found)
  }
  return {
    collections,
    collectionRules,
    storageRule: storage.acl === 'CUSTOM' ? (storage.rule ?? null) : null,
    functions,
    setupCode: await records.setupCode(),
    weappSha256: await records.weappSha256(),
  }
}

function triggerSpec(trigger: DesiredTrigger) {
  return { name: trigger.name, type: trigger.type, config: trigger.config }
}

/** The function as the manager SDK takes it. Env: what the function has, with ours on top (others kept). */
function cloudFunction(fn: DesiredFunction, desired: DesiredState, env: Record<string, string>) {
  return {
    name: fn.name,
    description: functionDescription(desired.deployment, fn.codeSha256),
    runtime: fn.runtime,
    handler: fn.handler,
    memorySize: fn.memorySize,
    timeout: fn.timeout,
    envVariables: env,
    // wx-server-sdk is installed by CloudBase from the bundle's package.json.
    installDependency: true,
  }
}

/**
 * Applies the plan's changes, except the setup code (the caller issues it last, once everything else is in
 * place). Functions are independent of each other and deploy concurrently; each one's steps run in order:
 * code, then configuration (which records the code's digest), then triggers.
 */
export async function applyChanges(
  manager: Manager,
  desired: DesiredState,
  actual: ActualState,
  changes: readonly Change[],
  log: Logger,
): Promise<void> {
  for (const change of changes) {
    switch (change.kind) {
      case 'create-collection':
        await manager.database.createCollection(change.collection)
        log.info('collection created', { collection: change.collection })
        break
      case 'create-index':
        await manager.database.updateCollection(change.collection, {
          CreateIndexes: [indexToCloud(change.index)],
        })
        log.info('index created', { collection: change.collection, index: change.index.name })
        break
      case 'replace-index':
        await manager.database.updateCollection(change.collection, {
          DropIndexes: [{ IndexName: change.index.name }],
        })
        await manager.database.updateCollection(change.collection, {
          CreateIndexes: [indexToCloud(change.index)],
        })
        log.info('index replaced', { collection: change.collection, index: change.index.name })
        break
      case 'set-collection-rule':
        await manager.permission.modifyResourcePermission({
          resourceType: 'collection',
          resource: change.collection,
          permission: 'CUSTOM',
          securityRule: JSON.stringify(change.rule),
        })
        log.info('collection rule set', { collection: change.collection })
        break
      case 'set-storage-rule':
        await manager.storage.setStorageAcl(
          'CUSTOM',
          change.rule as Parameters<Manager['storage']['setStorageAcl']>[1],
        )
        log.info('storage rule set', {})
        break
      default:
        break
    }
  }
  const byFunction = new Map<string, Change[]>()
  for (const change of changes) {
    if ('function' in change)
      byFunction.set(change.function, [...(byFunction.get(change.function) ?? []), change])
  }
  await Promise.all(
    [...byFunction].map(async ([name, steps]) => {
      const fn = desired.functions.find((f) => f.name === name)!
      const env = { ...(actual.functions.get(name)?.env ?? {}), ...desired.env }
      const func = cloudFunction(fn, desired, env)
      const root = path.dirname(fn.dir)
      if (steps.some((s) => s.kind === 'create-function')) {
        await manager.functions.createFunction({
          func: { ...func, triggers: fn.triggers.map(triggerSpec) },
          functionRootPath: root,
          deployMode: 'zip',
          force: false,
        })
        log.info('function created', { fn: name, triggers: fn.triggers.length })
        return
      }
      const codeChanged = steps.some((s) => s.kind === 'update-function-code')
      if (codeChanged) {
        await manager.functions.updateFunctionCode({ func, functionRootPath: root, deployMode: 'zip' })
        log.info('function code updated', { fn: name })
      }
      if (codeChanged || steps.some((s) => s.kind === 'update-function-config')) {
        // After a code update the function is busy for a moment; the SDK waits for it before configuring.
        if (codeChanged) await manager.functions.waitFunctionActive(name)
        await manager.functions.updateFunctionConfig(func)
        log.info('function configured', { fn: name, envVariables: Object.keys(desired.env) })
      }
      for (const step of steps) {
        if (step.kind === 'delete-trigger' || step.kind === 'replace-trigger') {
          const trigger = step.kind === 'delete-trigger' ? step.trigger : step.trigger.name
          await manager.functions.deleteFunctionTrigger(name, trigger)
          log.info('trigger deleted', { fn: name, trigger })
        }
      }
      const create = steps.flatMap((s) =>
        s.kind === 'create-trigger' || s.kind === 'replace-trigger' ? [triggerSpec(s.trigger)] : [],
      )
      if (create.length > 0) {
        await manager.functions.createFunctionTriggers(name, create)
        log.info('triggers created', { fn: name, triggers: create.map((t) => t.name) })
      }
    }),
  )
}
