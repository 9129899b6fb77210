// Demo data: the deployment's staff, bound to the persona openids (units are read from the deployment itself). Idempotent: runs on every
// start and only inserts what is missing, so data a user created is never touched.
//
// A fresh start without demo staff (GW_DEMO=off) has no administrator: the local runtime then issues the first
// administrator's one-time setup code, as `npm run deploy` does in the cloud, and `npm start` prints it.
import { COLLECTIONS } from '../cloudfunctions/common/collections'
import type { DocStore, Runtime } from '../cloudfunctions/common/ports'
import { issueSetupCode } from '../cloudfunctions/common/setup-code'
import { listActiveStaff, type StaffDoc } from '../cloudfunctions/common/staff-records'
import type { DeploymentConfig } from '../shared/deployment/config'

export async function seedDeployment(
  db: DocStore,
  deployment: DeploymentConfig,
): Promise<{ inserted: number }> {
  let inserted = 0
  const insertMissing = async (collection: string, id: string, doc: object) => {
    if (await db.get(collection, id)) return
    await db.insert(collection, { _id: id, ...doc })
    inserted++
  }
  for (const { id, ...staff } of deployment.staff) {
    const persona = deployment.personas.find((p) => p.staffId === id)
    const doc: StaffDoc = { ...staff, openid: persona?.openid ?? null, active: true }
    await insertMissing(COLLECTIONS.staff, id, doc)
  }
  return { inserted }
}

/**
 * While no administrator is bound, a new setup code on every start (the code is printed, never stored: a code
 * printed by an earlier start is replaced). Null once an administrator exists or the code was redeemed.
 */
export async function setupCodeWhileNoAdmin(
  runtime: Runtime,
): Promise<{ code: string; expiresAt: string } | null> {
  const admins = (await listActiveStaff(runtime.db)).filter((s) => s.openid && s.roles.includes('admin'))
  if (admins.length > 0) return null
  const issued = await issueSetupCode(runtime.db, runtime.secrets.identityKey, runtime.clock.now(), {
    replace: true,
  })
  return issued.code && issued.expiresAt ? { code: issued.code, expiresAt: issued.expiresAt } : null
}
