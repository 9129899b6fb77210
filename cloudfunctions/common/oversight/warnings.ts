// Early warnings (预警, S3 第十六条(一) 公众集中举报): raised by the intake (intake/registration-checks.ts) into
// `warnings` for the deployment's supervising unit, told to its leaders and supervisors when raised, and shown on
// the desk with the cases behind them — those the caller may reach (others are counted, not shown). Marking one
// handled is audited.
import type { CategoryKey } from '../../../shared/vocabulary/categories'
import { CATEGORIES } from '../../../shared/vocabulary/categories'
import type { CaseDoc } from '../../../shared/cases/case-doc'
import { toInboxItem } from '../../../shared/cases/views'
import type { CasePage } from '../../../shared/contracts/cases'
import type { WarningView } from '../../../shared/contracts/oversight'
import { AppError } from '../../../shared/contracts/result'
import { toShanghaiIso } from '../../../shared/time'
import { audit } from '../audit'
import { calendarFor } from '../calendar'
import { clocksOf } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import { findAcross } from '../db/find-across'
import { getMany } from '../db/get-many'
import type { Filter, Runtime, WithId } from '../ports'
import { unitNamer, unitScopeOf, type StaffRecord } from '../staff-records'
import { tellOverseers } from './notify'

/** A stored warning (written by the intake; `handled*` by the desk). */
export interface WarningDoc {
  clusterKey: string
  category: CategoryKey
  reporters: number
  memberIds: string[]
  centre: { lat: number; lng: number }
  supervisingUnitId: string
  basis: string
  raisedAt: string
  status: 'open' | 'handled'
  handledNote?: string
  handledAt?: string
  handledBy?: string
}

const WARNING_NOT_FOUND = '没有找到该预警，或不在您的范围内'

/** Tells the supervising unit's leaders and supervisors of a warning just raised. */
export async function tellWarning(runtime: Runtime, id: string, warning: WarningDoc): Promise<number> {
  return tellOverseers(runtime, warning.supervisingUnitId, {
    key: `warning:${id}`,
    code: `YJ${warning.raisedAt.slice(0, 10).replace(/-/g, '')}`,
    text: `集中举报预警：${CATEGORIES[warning.category].label}`,
    page: 'staff/oversight/index?tab=warnings',
    at: warning.raisedAt,
    state: '待处置',
  })
}

async function views(
  runtime: Runtime,
  staff: StaffRecord,
  warnings: ReadonlyArray<WithId<WarningDoc>>,
): Promise<WarningView[]> {
  const scope = new Set(unitScopeOf(runtime.deployment.units, staff))
  const cases = await getMany<CaseDoc>(
    runtime.db,
    COLLECTIONS.cases,
    warnings.flatMap((w) => w.memberIds),
  )
  const calendar = await calendarFor(runtime)
  const now = runtime.clock.now()
  const unitName = unitNamer(runtime.deployment.units)
  return warnings.map((w) => {
    const members = w.memberIds.flatMap((id) => {
      const doc = cases.get(id)
      const reachable =
        doc &&
        doc.screening === 'passed' &&
        [doc.unitId, ...(doc.flags.assignment?.unitIds ?? [])].some((u) => scope.has(u))
      return reachable ? [toInboxItem(doc, unitName(doc.unitId), clocksOf(doc, calendar, now))] : []
    })
    return {
      id: w._id,
      category: w.category,
      categoryLabel: CATEGORIES[w.category].label,
      reporters: w.reporters,
      raisedAt: w.raisedAt,
      basis: w.basis,
      status: w.status,
      handledNote: w.handledNote ?? null,
      cases: members,
      hiddenCases: w.memberIds.length - members.length,
    }
  })
}

export async function warningsPage(
  runtime: Runtime,
  staff: StaffRecord,
  request: { status: 'open' | 'all'; cursor?: string | null; limit: number },
): Promise<CasePage<WarningView>> {
  const scope = unitScopeOf(runtime.deployment.units, staff)
  const filter: Filter = request.status === 'open' ? { status: 'open' } : {}
  const page = await findAcross<WarningDoc>(runtime.db, COLLECTIONS.warnings, 'supervisingUnitId', scope, {
    filter,
    orderBy: [['raisedAt', 'desc']],
    limit: request.limit,
    after: request.cursor,
  })
  return { items: await views(runtime, staff, page.items), next: page.next }
}

export async function handleWarning(
  runtime: Runtime,
  staff: StaffRecord,
  request: { warningId: string; note: string },
): Promise<WarningView> {
  const scope = unitScopeOf(runtime.deployment.units, staff)
  const warning = await runtime.db.get<WarningDoc>(COLLECTIONS.warnings, request.warningId)
  if (!warning || !scope.includes(warning.supervisingUnitId))
    throw new AppError('NOT_FOUND', WARNING_NOT_FOUND)
  if (warning.status === 'handled') throw new AppError('CONFLICT', '该预警已处置')
  const at = toShanghaiIso(runtime.clock.now())
  const patch = { status: 'handled' as const, handledNote: request.note, handledAt: at, handledBy: staff._id }
  await runtime.db.transaction(async (tx) => {
    await tx.update<WarningDoc>(COLLECTIONS.warnings, warning._id, patch, warning._version)
    await audit(tx, 'handle-warning', warning._id, staff, at, { note: request.note })
  })
  const [view] = await views(runtime, staff, [{ ...warning, ...patch, _version: warning._version + 1 }])
  return view!
}
