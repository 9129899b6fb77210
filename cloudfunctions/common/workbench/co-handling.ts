// 协办: a multi-unit case is held by its lead office (S2 第十六条: 牵头科室归口回复); the other units share it. Which
// units share a case is an array on the case, which no index can serve, so each sharing unit gets a small link
// document (`co_handling`, one per case × unit, like `follows`), written in the same transaction as every change
// of the case's units or of whether it is open. A unit's 协办 list is one indexed query over them.
import type { CaseDoc } from '../../../shared/cases/case-doc'
import { COLLECTIONS } from '../collections'
import type { Tx } from '../ports'

export interface CoHandlingDoc {
  caseId: string
  /** The unit sharing the case. */
  unitId: string
  /** The lead office that replies for all. */
  leadUnitId: string
  open: boolean
  /** The case's own filing time: the list is newest first. */
  createdAt: string
}

const coHandlingId = (caseId: string, unitId: string) => `${caseId}~${unitId}`

type CaseUnits = Pick<CaseDoc, 'flags' | 'open' | 'createdAt'> & { _id: string }

/** The units sharing a case with its lead office. */
function coHandlingUnits(doc: Pick<CaseDoc, 'flags'>): string[] {
  const assignment = doc.flags.assignment
  return (assignment?.unitIds ?? []).filter((id) => id !== assignment?.leadUnitId)
}

/** Brings the case's link documents in line with its units and its open state, inside the case's transaction. */
export async function syncCoHandlingInTx(tx: Tx, before: CaseUnits, after: CaseUnits): Promise<void> {
  const was = coHandlingUnits(before)
  const now = coHandlingUnits(after)
  const lead = after.flags.assignment?.leadUnitId ?? ''
  const sameUnits = was.length === now.length && was.every((u) => now.includes(u))
  if (sameUnits && before.open === after.open && before.flags.assignment?.leadUnitId === lead) return
  for (const unitId of was.filter((u) => !now.includes(u))) {
    if (await tx.get(COLLECTIONS.coHandling, coHandlingId(after._id, unitId)))
      await tx.remove(COLLECTIONS.coHandling, coHandlingId(after._id, unitId))
  }
  for (const unitId of now) {
    const id = coHandlingId(after._id, unitId)
    const doc: CoHandlingDoc = {
      caseId: after._id,
      unitId,
      leadUnitId: lead,
      open: after.open,
      createdAt: after.createdAt,
    }
    const stored = await tx.get<CoHandlingDoc>(COLLECTIONS.coHandling, id)
    if (stored) await tx.update<CoHandlingDoc>(COLLECTIONS.coHandling, id, doc, stored._version)
    else await tx.insert<CoHandlingDoc>(COLLECTIONS.coHandling, { _id: id, ...doc })
  }
}
