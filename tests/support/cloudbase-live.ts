// The harness of the opt-in live contract run (tests/contract/docstore.live.test.ts): CloudbaseDocStores over
// @cloudbase/node-sdk handles on a real environment, on collections named `contract_test_<name>`, emptied
// before and after every test. The same code runs offline in cloudbase-docstore.test.ts against the stub.
import { CloudbaseDocStore } from '../../cloudfunctions/common/cloudbase/docstore'
import { isFailure, isKind, toDbError } from '../../cloudfunctions/common/cloudbase/errors'
import type { SdkDatabase } from '../../cloudfunctions/common/cloudbase/sdk'
import {
  CONTRACT_COLLECTIONS,
  type ContractCollection,
  type DocStoreHarness,
} from '../contract/docstore.contract'

const LIVE_PREFIX = 'contract_test_'

export const LIVE_ENV_VARS = [
  'GW_LIVE_CLOUDBASE_ENV',
  'TENCENTCLOUD_SECRETID',
  'TENCENTCLOUD_SECRETKEY',
] as const

/** The live settings, or null when any variable is missing. */
export function liveSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): { env: string; secretId: string; secretKey: string } | null {
  const [cloudEnv, secretId, secretKey] = LIVE_ENV_VARS.map((name) => env[name]?.trim())
  return cloudEnv && secretId && secretKey ? { env: cloudEnv, secretId, secretKey } : null
}

/** Removes every document of the contract's collections (collections themselves stay, empty). */
async function emptyContractCollections(db: SdkDatabase): Promise<void> {
  const _ = db.command
  for (const name of CONTRACT_COLLECTIONS) {
    const collection = `${LIVE_PREFIX}${name}`
    let result: unknown
    try {
      result = await db
        .collection(collection)
        .where({ _id: _.exists(true) })
        .remove()
    } catch (error) {
      result = error
    }
    if (result instanceof Error || isFailure(result)) {
      const failure = toDbError(result, collection)
      if (!isKind(failure, 'no-collection')) throw failure
    }
  }
}

/** A harness factory over `database()`, which must return a fresh node-sdk handle on the live environment. */
export function liveHarness(database: () => SdkDatabase): () => Promise<DocStoreHarness> {
  return async () => {
    const admin = database()
    await emptyContractCollections(admin)
    return {
      store: CloudbaseDocStore.fromNodeSdk(database()),
      other: CloudbaseDocStore.fromNodeSdk(database()),
      collection: (name: ContractCollection) => `${LIVE_PREFIX}${name}`,
      close: () => emptyContractCollections(admin),
    }
  }
}
