// One deploy run against one environment: read what it holds, plan, refuse or apply, then issue the first
// administrator's setup code and upload the mini-program. Every side effect goes through what it is given
// (the manager SDK, a DocStore on the environment's database, the uploader), so the test runs this very code
// against the SDKs with only their network layer replaced.
import type CloudBase from '@cloudbase/manager-node'
import { IDENTITY_KEY_ENV } from '../../cloudfunctions/common/cloudbase/runtime'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { DocStore, Logger } from '../../cloudfunctions/common/ports'
import {
  SETUP_CODE_TTL_HOURS,
  issueSetupCode,
  readSetupCode,
  setupCodeState,
} from '../../cloudfunctions/common/setup-code'
import { applyChanges, readEnvironment } from './cloudbase'
import type { DesiredState } from './desired'
import { planDeployment, type Change, type Plan } from './plan'
import type { WeappUploader } from './weapp'

/** The deploy's own record in the environment: what it last uploaded. */
const DEPLOY_STATE_ID = 'deploy'

interface DeployStateDoc {
  weapp: { sha256: string; appid: string; version: string; uploadedAt: string } | null
}

export interface DeployResult {
  ok: boolean
  envId: string
  deployment: string
  changes: Change[]
  warnings: string[]
  refusals: string[]
  /** Printed once, when issued; later runs say whether it is pending or redeemed. */
  setupCode:
    | { code: string; expiresAt: string; howTo: string }
    | { state: 'pending' | 'redeemed' | 'expired' | 'none'; expiresAt: string | null }
    | null
}

export async function runDeploy(options: {
  desired: DesiredState
  manager: CloudBase
  db: DocStore
  uploader: WeappUploader
  uploadKeyPath: string | null
  now: Date
  log: Logger
  replaceSetupCode?: boolean
}): Promise<DeployResult> {
  const { desired, manager, db, log, now } = options
  const stateDoc = await db.get<DeployStateDoc>(COLLECTIONS.setup, DEPLOY_STATE_ID)
  const actual = await readEnvironment(manager, desired, {
    setupCode: async () => setupCodeState(await readSetupCode(db), now),
    weappSha256: async () => stateDoc?.weapp?.sha256 ?? null,
  })
  const plan: Plan = planDeployment(desired, actual, { replaceSetupCode: options.replaceSetupCode })
  const result: DeployResult = {
    ok: plan.refusals.length === 0,
    envId: desired.envId,
    deployment: desired.deployment,
    changes: plan.changes,
    warnings: plan.warnings,
    refusals: plan.refusals,
    setupCode: null,
  }
  log.info('plan', { envId: desired.envId, changes: plan.changes.length, warnings: plan.warnings.length })
  if (!result.ok) {
    log.warn('deploy refused', { refusals: plan.refusals.length })
    return result
  }
  await applyChanges(manager, desired, actual, plan.changes, log)

  // Last, once the collections and functions exist: the first administrator's setup code.
  const key = new Uint8Array(Buffer.from(desired.env[IDENTITY_KEY_ENV]!, 'base64'))
  const setup = plan.changes.find((c) => c.kind === 'issue-setup-code')
  if (setup) {
    const issued = await issueSetupCode(db, key, now, { replace: setup.reason === 'replace' })
    if (issued.code) {
      result.setupCode = {
        code: issued.code,
        expiresAt: issued.expiresAt!,
        howTo: `管理员在小程序「工作台」输入此设置码，绑定为第一位系统管理员；${SETUP_CODE_TTL_HOURS} 小时内有效，只能使用一次，只显示这一次。`,
      }
      log.info('setup code issued', { expiresAt: issued.expiresAt })
    }
  } else {
    const current = await readSetupCode(db)
    result.setupCode = { state: setupCodeState(current, now), expiresAt: current?.expiresAt ?? null }
  }

  const upload = plan.changes.find((c) => c.kind === 'upload-weapp')
  if (upload && options.uploadKeyPath) {
    await options.uploader.upload({
      dir: upload.dir,
      appid: upload.appid,
      version: upload.version,
      description: `绿哨 ${desired.deployment} → ${desired.envId}`,
      privateKeyPath: options.uploadKeyPath,
    })
    const weapp = {
      sha256: upload.sha256,
      appid: upload.appid,
      version: upload.version,
      uploadedAt: now.toISOString(),
    }
    if (stateDoc)
      await db.update<DeployStateDoc>(COLLECTIONS.setup, DEPLOY_STATE_ID, { weapp }, stateDoc._version)
    else await db.insert<DeployStateDoc>(COLLECTIONS.setup, { _id: DEPLOY_STATE_ID, weapp })
    log.info('weapp uploaded', { appid: upload.appid, version: upload.version })
  }
  log.info('deploy finished', { envId: desired.envId, changes: plan.changes.length })
  return result
}
