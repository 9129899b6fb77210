// The `main(event, context)` a CloudBase function exports, around a CloudFunction:
//
//   // cloudfunctions/cases/index.ts
//   export const main = cloudMain(casesFunction, deployment)
//
// - `cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })` once per instance, and one runtime per instance.
// - Identity comes only from `cloud.getWXContext().OPENID`, never from the event (a client controls the event,
//   including the `userInfo` WeChat adds to it).
// - A timer trigger (`{ Type: 'Timer', … }` and no OPENID) goes to `fn.onTimer`; an event that merely looks
//   like a timer but comes from a user is an ordinary client call.
// - An HTTP access request (`{ path, httpMethod, … }` and no OPENID) goes to `fn.onHttp` when the function
//   serves HTTP (channels: a platform's push, Open311).
import type { DeploymentConfig } from '../../../shared/deployment/config'
import { cloudAnswerOf, isCloudHttpEvent, requestOfCloudEvent } from '../http'
import type { Runtime } from '../ports'
import { isMediaCheckEvent, isTimerEvent, type CloudFunction } from '../router'
import { createCloudRuntime, type CloudRuntimeOptions } from './runtime'
import type { WxCloud } from './sdk'

export interface CloudMainOptions extends CloudRuntimeOptions {
  /** The wx-server-sdk module; tests pass a fake. Default: `require('wx-server-sdk')`. */
  cloud?: WxCloud
}

export type CloudMain = (event: unknown, context?: unknown) => Promise<unknown>

function loadWxServerSdk(): WxCloud {
  // A plain require: bundles keep wx-server-sdk external, and its exports object must be used as-is
  // (a namespace-import copy would snapshot getters such as DYNAMIC_CURRENT_ENV).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('wx-server-sdk') as WxCloud
}

export function cloudMain(
  fn: CloudFunction,
  deployment: DeploymentConfig,
  options: CloudMainOptions = {},
): CloudMain {
  let cloud: WxCloud | undefined
  let runtime: Runtime | undefined

  return async function main(event: unknown): Promise<unknown> {
    if (!cloud) {
      const sdk = options.cloud ?? loadWxServerSdk()
      // DYNAMIC_CURRENT_ENV is typed as a symbol by wx-server-sdk 4.0.2 but is what `env` expects here.
      sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
      cloud = sdk
    }
    runtime ??= createCloudRuntime(cloud, deployment, {
      ...options,
      functionName: options.functionName ?? fn.name,
    })
    const openid = cloud.getWXContext().OPENID
    const caller = { openid: typeof openid === 'string' && openid !== '' ? openid : null }

    if (isTimerEvent(event) && caller.openid === null) {
      if (!fn.onTimer) {
        runtime.log.warn('timer event for a function without a timer handler', { trigger: event.TriggerName })
        return null
      }
      try {
        return await fn.onTimer(event, runtime)
      } catch (error) {
        runtime.log.error('timer handler failed', {
          trigger: event.TriggerName,
          error:
            error instanceof Error
              ? { name: error.name, message: error.message, stack: error.stack }
              : String(error),
        })
        throw error
      }
    }
    if (isMediaCheckEvent(event) && caller.openid === null && fn.onMediaCheck) {
      return fn.onMediaCheck(event, runtime)
    }
    // HTTP access (a platform's signed push, Open311): no WeChat identity, the request authenticates itself.
    if (isCloudHttpEvent(event) && caller.openid === null && fn.onHttp) {
      return cloudAnswerOf(await fn.onHttp(requestOfCloudEvent(event), runtime))
    }
    return fn.handle(event, caller, runtime)
  }
}
