// The runtime of a cloud function on CloudBase: every port backed by wx-server-sdk.
//
// Environment variables (set per function in the cloud console, the same values for every function):
//   GW_IDENTITY_KEY          base64 of 32 random bytes (`openssl rand -base64 32`): reporter-identity key.
//                            Required; never stored in the database.
//   GW_SUBSCRIBE_TEMPLATES   optional JSON object templateKey → subscribe-message template id, used when
//                            `options.templates` is not given.
import { systemClock } from '../clock'
import { jsonLogger } from '../log'
import type { Clock, Logger, Runtime } from '../ports'
import type { DeploymentConfig } from '../../../shared/deployment/config'
import { CloudbaseBlobStore } from './blobstore'
import { CloudbaseContentCheck } from './content-check'
import { CloudbaseDocStore } from './docstore'
import { CloudbaseFollowUps } from './follow-ups'
import { CloudbaseNotifier } from './notifier'
import type { SdkDatabase, WxCloud, WxOpenApi } from './sdk'

export const IDENTITY_KEY_ENV = 'GW_IDENTITY_KEY'
export const TEMPLATES_ENV = 'GW_SUBSCRIBE_TEMPLATES'

type Env = Readonly<Record<string, string | undefined>>

export interface CloudRuntimeOptions {
  /** Where to read GW_* variables (default `process.env`). */
  env?: Env
  /** templateKey → WeChat subscribe-message template id (default: GW_SUBSCRIBE_TEMPLATES). */
  templates?: Readonly<Record<string, string>>
  miniprogramState?: 'developer' | 'trial' | 'formal'
  clock?: Clock
  log?: Logger
  /** Put in every log line. */
  functionName?: string
  /**
   * The deployment's boundary TopoJSON (bundled at build time like the deployment). Required by functions that
   * route reports by location; without it `runtime.boundaries` is null and routing throws.
   */
  boundaries?: unknown
}

/** GW_IDENTITY_KEY as 32 key bytes; throws a message that says how to fix it. */
export function identityKeyFrom(env: Env): Uint8Array {
  const raw = env[IDENTITY_KEY_ENV]?.trim()
  if (!raw) {
    throw new Error(
      `${IDENTITY_KEY_ENV} is not set. Set it in this cloud function's environment variables to the base64 of ` +
        '32 random bytes (e.g. `openssl rand -base64 32`), the same value for every function of the deployment.',
    )
  }
  if (!/^[A-Za-z0-9+/]{43}=$/.test(raw)) {
    throw new Error(
      `${IDENTITY_KEY_ENV} must be standard base64 of exactly 32 bytes (44 characters ending in "=").`,
    )
  }
  return new Uint8Array(Buffer.from(raw, 'base64'))
}

/** GW_SUBSCRIBE_TEMPLATES as templateKey → template id; throws a message that says how to fix it. */
export function templatesFrom(env: Env): Record<string, string> {
  const raw = env[TEMPLATES_ENV]?.trim()
  if (!raw) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new Error(`${TEMPLATES_ENV} must be a JSON object of templateKey → template id`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${TEMPLATES_ENV} must be a JSON object of templateKey → template id`)
  }
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string' || !value)
      throw new Error(`${TEMPLATES_ENV}: template id of "${key}" must be a string`)
    out[key] = value
  }
  return out
}

export function createCloudRuntime(
  cloud: WxCloud,
  deployment: DeploymentConfig,
  options: CloudRuntimeOptions = {},
): Runtime {
  const env = options.env ?? process.env
  const identityKey = identityKeyFrom(env)
  const templates = options.templates ?? templatesFrom(env)
  const clock = options.clock ?? systemClock
  const log =
    options.log ??
    jsonLogger({
      mode: 'cloud',
      deployment: deployment.id,
      ...(options.functionName ? { fn: options.functionName } : {}),
    })
  // wx-server-sdk's typings omit `throwOnNotFound` and type the handle loosely; the driver checks results.
  const db = CloudbaseDocStore.fromWxServerSdk(cloud.database({ throwOnNotFound: false }) as SdkDatabase)
  // `cloud.openapi` is a proxy that turns any path into an open API call (typed Record<string, any>).
  const openapi = cloud.openapi as WxOpenApi
  return {
    mode: 'cloud',
    db,
    blobs: new CloudbaseBlobStore(cloud),
    notifier: new CloudbaseNotifier({
      openapi,
      db,
      clock,
      templates,
      miniprogramState: options.miniprogramState,
      log,
    }),
    contentCheck: new CloudbaseContentCheck(openapi, log),
    clock,
    log,
    secrets: { identityKey },
    deployment,
    boundaries: options.boundaries ?? null,
    subscribeTemplates: { ...templates },
    followUps: new CloudbaseFollowUps(cloud, clock, log),
  }
}
