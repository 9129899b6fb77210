// What the public page reads: the published months and one month's figures (stored documents), the typical cases
// (public projections read through a projection that loads no reporter field), the channels and the reward policy.
import type { PublicDisclosure } from '../../../shared/contracts/public'
import type { CasePage } from '../../../shared/contracts/cases'
import { toPublicCase, type PublicSource } from '../../../shared/cases/views/public'
import { toPublicTypicalCase, type PublicTypicalCase } from '../../../shared/disclosure/typical-cases'
import { COLLECTIONS } from '../collections'
import { jurisdictionRewardRules } from '../rewards/rules'
import type { Runtime } from '../ports'
import { unitNamer } from '../staff-records'
import { disclosureId, lastFinishedMonth, publishedMonths, type DisclosureDoc } from './monthly'
import { listTypicalCases } from './typical-cases'
import type { Month } from '../../../shared/months'

/** The months the page offers. */
const MONTHS_SHOWN = 24

/**
 * The fields of a case the public function ever loads (the DocStore projection): exactly the public projection's
 * input, so no reporter field is even read into memory.
 */
const PUBLIC_SOURCE_FIELDS = [
  'refNo',
  'requestType',
  'category',
  'status',
  'unitId',
  'createdAt',
  'updatedAt',
  'geo',
  'screening',
  'contentHolds',
  'mergedInto',
] as const satisfies ReadonlyArray<keyof PublicSource>

export async function publicDisclosure(
  runtime: Runtime,
  month: Month | undefined,
): Promise<PublicDisclosure> {
  const months = await publishedMonths(runtime, MONTHS_SHOWN, lastFinishedMonth(runtime.clock.now()))
  const chosen = month
    ? (months.find((m) => m.month === month) ??
      (await runtime.db.get<DisclosureDoc>(COLLECTIONS.disclosures, disclosureId(month))))
    : months[0]
  return {
    publisher: runtime.deployment.name,
    months: months.map((m) => ({ month: m.month, label: m.published.label })),
    figures: chosen?.published ?? null,
    channels: runtime.deployment.publicInfo?.channels ?? [],
    rewardPolicy: jurisdictionRewardRules(runtime),
  }
}

/** A page of typical cases: each case's public projection (nothing while held) with the staff's summary. */
export async function publicTypicalCases(
  runtime: Runtime,
  request: { cursor?: string | null; limit: number },
): Promise<CasePage<PublicTypicalCase>> {
  const page = await listTypicalCases(runtime, request)
  const ids = page.items.map((t) => t.caseId)
  const cases = ids.length
    ? await runtime.db.find<PublicSource>(COLLECTIONS.cases, {
        filter: { _id: { $in: ids } },
        limit: ids.length,
        fields: PUBLIC_SOURCE_FIELDS,
      })
    : { items: [] }
  const byId = new Map(cases.items.map((c) => [c._id, c]))
  const unitName = unitNamer(runtime.deployment.units)
  const items = page.items.flatMap((entry) => {
    const doc = byId.get(entry.caseId)
    const view = doc ? toPublicCase(doc, { unitName, refNoOf: () => null }) : null
    return view ? [toPublicTypicalCase(entry, view)] : []
  })
  return { items, next: page.next }
}
