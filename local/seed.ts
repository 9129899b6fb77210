// Demo data: the deployment's staff, bound to the persona openids (units are read from the deployment itself). Idempotent: runs on every
// start and only inserts what is missing, so data a user created is never touched.
import { COLLECTIONS } from '../cloudfunctions/common/collections'
import type { DocStore } from '../cloudfunctions/common/ports'
import type { StaffDoc } from '../cloudfunctions/common/staff-records'
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
