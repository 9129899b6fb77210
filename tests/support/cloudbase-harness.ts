// Builds CloudbaseDocStores over the REAL SDK database handles (wx-server-sdk `cloud.database()`,
// @cloudbase/node-sdk `app.database()`) whose requests are answered by the offline stub. Each harness gets
// its own environment name, hence its own empty offline database.
import * as tcb from '@cloudbase/node-sdk'
import * as wx from 'wx-server-sdk'
import { CloudbaseDocStore } from '../../cloudfunctions/common/cloudbase/docstore'
import type { SdkDatabase } from '../../cloudfunctions/common/cloudbase/sdk'
import type { DocStoreHarness } from '../contract/docstore.contract'
import {
  offlineCloudbase,
  type OfflineCloudbase,
  type OfflineCloudbaseOptions,
} from './cloudbase-offline-stub'

export interface OfflineHarness extends DocStoreHarness {
  backend: OfflineCloudbase
  env: string
}

/** Short jittered pauses between transaction attempts keep the suite fast. */
export const fastRetry = () => Math.floor(Math.random() * 4)

let counter = 0
const uniqueEnv = (prefix: string) => `${prefix}-${++counter}`

/**
 * @cloudbase/node-sdk's init() probes http://metadata.tencentyun.com to learn whether it runs on Tencent Cloud;
 * TENCENTCLOUD=true is node-sdk's own switch that answers "yes" without the probe (cloudplatform.js). With it
 * the network guard can demand zero connection attempts. Returns the restore function.
 */
export function skipPlatformProbe(): () => void {
  const before = process.env.TENCENTCLOUD
  process.env.TENCENTCLOUD = 'true'
  return () => {
    if (before === undefined) delete process.env.TENCENTCLOUD
    else process.env.TENCENTCLOUD = before
  }
}

let wxReady = false
/** wx-server-sdk can be initialised once per process; later handles pick their env via database({ env }). */
function wxCloud(): typeof wx {
  if (!wxReady) {
    wx.init({ env: 'gw-offline-wx' })
    wxReady = true
  }
  return wx
}

/** A wx-server-sdk database handle on `env` (typings lack `throwOnNotFound`). */
export function wxDatabase(env: string, throwOnNotFound: boolean | undefined = false): SdkDatabase {
  const config = throwOnNotFound === undefined ? { env } : { env, throwOnNotFound }
  return wxCloud().database(config as { env: string }) as unknown as SdkDatabase
}

/** A @cloudbase/node-sdk database handle on `env`: a fresh app, as another process would have. */
export function nodeDatabase(env: string): SdkDatabase {
  return tcb.init({ env }).database() as unknown as SdkDatabase
}

export function wxHarness(options: OfflineCloudbaseOptions = {}): () => Promise<OfflineHarness> {
  return async () => {
    const env = uniqueEnv('gw-offline-wx')
    const backend = offlineCloudbase(env, options)
    const store = () => CloudbaseDocStore.fromWxServerSdk(wxDatabase(env), { retryDelayMs: fastRetry })
    return { env, backend, store: store(), other: store(), collection: (name) => name, close: async () => {} }
  }
}

type ThrowSwitch = { setThrowOnCode(value: boolean): void }

export function nodeHarness(
  options: OfflineCloudbaseOptions & { throwOnCode?: boolean } = {},
): () => Promise<OfflineHarness> {
  return async () => {
    const env = uniqueEnv('gw-offline-node')
    const backend = offlineCloudbase(env, options)
    // setThrowOnCode is exported at runtime but missing from node-sdk's typings.
    const sdk = tcb as unknown as ThrowSwitch
    if (options.throwOnCode === false) sdk.setThrowOnCode(false)
    const store = () => CloudbaseDocStore.fromNodeSdk(nodeDatabase(env), { retryDelayMs: fastRetry })
    return {
      env,
      backend,
      store: store(),
      other: store(),
      collection: (name) => name,
      close: async () => {
        if (options.throwOnCode === false) sdk.setThrowOnCode(true)
      },
    }
  }
}
