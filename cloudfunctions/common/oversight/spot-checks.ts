// 抽查 (S3 第十四条): a unit's reproducible sample of the cases it closed in a month. Drawing is idempotent — the
// sample's id is the unit and the period, and the draw is seeded by them (shared/oversight/sampling.ts), so the
// same cases come out however often it is drawn, and a stored sample is answered as it is. The population is read
// by index (`unit_closed_on`: unitId, oversight.closedOn). The findings are the cases' own history — each a
// `record-spot-check` event applied through the workflow, a redo order a `reopen` — so the sample stores only
// which cases were drawn.
import type { CaseDoc, StoredCase } from '../../../shared/cases/case-doc'
import type { CasePage } from '../../../shared/contracts/cases'
import type { SpotCheckSummary, SpotCheckView } from '../../../shared/contracts/oversight'
import { AppError } from '../../../shared/contracts/result'
import { drawSample, sampleSeed } from '../../../shared/oversight'
import { localDateOf, toShanghaiIso } from '../../../shared/time'
import { stateLabel, type EventOf } from '../../../shared/workflow'
import { audit } from '../audit'
import { staffCaseAccess } from '../case-access'
import { applyCaseEvent } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import { findAcross } from '../db/find-across'
import { getMany } from '../db/get-many'
import { DuplicateKeyError, MAX_PAGE_SIZE, type Page, type Runtime, type WithId } from '../ports'
import { unitNamer, unitScopeOf, type StaffRecord } from '../staff-records'
import { firstDayOf, lastDayOf } from '../../../shared/months'

interface SpotCheckDoc {
  unitId: string
  period: string
  seed: string
  population: number
  caseIds: string[]
  drawnAt: string
  drawnBy: string
  drawnByName: string
}

const SPOT_CHECK_NOT_FOUND = '没有找到该抽查，或不在您的范围内'
const UNIT_NOT_FOUND = '没有找到该单位，或不在您的范围内'
/** A unit's closed cases of one month read for a draw, at most (a larger population is refused, not cut). */
const MAX_POPULATION = 5000

const spotCheckId = (unitId: string, period: string) => `sc-${unitId}-${period}`

function inScope(runtime: Runtime, staff: StaffRecord, unitId: string): boolean {
  return unitScopeOf(runtime.deployment.units, staff).includes(unitId)
}

/** The ids of the cases the unit closed in the month (办结: the reply sent), by index. */
async function population(runtime: Runtime, unitId: string, period: string): Promise<string[]> {
  const ids: string[] = []
  let after: string | null = null
  do {
    const page: Page<WithId<Pick<CaseDoc, 'unitId'>>> = await runtime.db.find<Pick<CaseDoc, 'unitId'>>(
      COLLECTIONS.cases,
      {
        filter: { unitId, 'oversight.closedOn': { $gte: firstDayOf(period), $lte: lastDayOf(period) } },
        orderBy: [['oversight.closedOn', 'asc']],
        limit: MAX_PAGE_SIZE,
        after,
        fields: ['unitId'],
      },
    )
    ids.push(...page.items.map((d) => d._id))
    if (ids.length > MAX_POPULATION) throw new AppError('VALIDATION_FAILED', '当期办结案件过多，请联系管理员')
    after = page.next
  } while (after)
  return ids
}

async function view(runtime: Runtime, staff: StaffRecord, doc: WithId<SpotCheckDoc>): Promise<SpotCheckView> {
  const cases = await getMany<CaseDoc>(runtime.db, COLLECTIONS.cases, doc.caseIds)
  const scope = new Set(unitScopeOf(runtime.deployment.units, staff))
  return {
    id: doc._id,
    unitId: doc.unitId,
    unitName: unitNamer(runtime.deployment.units)(doc.unitId),
    period: doc.period,
    seed: doc.seed,
    population: doc.population,
    drawnAt: doc.drawnAt,
    drawnBy: doc.drawnByName,
    items: doc.caseIds.map((caseId) => {
      const c = cases.get(caseId)
      const reachable = c && [c.unitId, ...(c.flags.assignment?.unitIds ?? [])].some((u) => scope.has(u))
      return reachable
        ? findingOf(c, doc.drawnAt)
        : {
            caseId,
            refNo: '',
            version: null,
            statusLabel: '',
            finding: null,
            problemRecurred: null,
            note: null,
            redoOrdered: false,
          }
    }),
  }
}

/** The case's latest spot-check finding since the draw, and whether it was ordered redone after it. */
function findingOf(doc: StoredCase, since: string): SpotCheckView['items'][number] {
  let found: { index: number; event: EventOf<'record-spot-check'> } | null = null
  doc.history.forEach((entry, index) => {
    if (entry.event.type === 'record-spot-check' && Date.parse(entry.at) >= Date.parse(since))
      found = { index, event: entry.event }
  })
  const latest = found as { index: number; event: EventOf<'record-spot-check'> } | null
  return {
    caseId: doc._id,
    refNo: doc.refNo,
    version: doc._version,
    statusLabel: stateLabel(doc.status),
    finding: latest?.event.finding ?? null,
    problemRecurred: latest?.event.problemRecurred ?? null,
    note: latest?.event.note ?? null,
    redoOrdered:
      latest !== null && doc.history.slice(latest.index + 1).some((e) => e.event.type === 'reopen'),
  }
}

export async function drawSpotCheck(
  runtime: Runtime,
  staff: StaffRecord,
  request: { unitId: string; period: string },
): Promise<SpotCheckView> {
  if (!inScope(runtime, staff, request.unitId)) throw new AppError('NOT_FOUND', UNIT_NOT_FOUND)
  const now = runtime.clock.now()
  if (request.period > localDateOf(now).slice(0, 7))
    throw new AppError('VALIDATION_FAILED', '不能抽查尚未到来的月份')
  const id = spotCheckId(request.unitId, request.period)
  const stored = await runtime.db.get<SpotCheckDoc>(COLLECTIONS.spotChecks, id)
  if (stored) return view(runtime, staff, stored)
  const candidates = await population(runtime, request.unitId, request.period)
  const seed = sampleSeed(request.unitId, request.period)
  const doc: SpotCheckDoc = {
    unitId: request.unitId,
    period: request.period,
    seed,
    population: candidates.length,
    caseIds: drawSample(candidates, seed),
    drawnAt: toShanghaiIso(now),
    drawnBy: staff._id,
    drawnByName: staff.name,
  }
  try {
    await runtime.db.transaction(async (tx) => {
      await tx.insert<SpotCheckDoc>(COLLECTIONS.spotChecks, { _id: id, ...doc })
      await audit(tx, 'draw-spot-check', id, staff, doc.drawnAt, {
        unitId: doc.unitId,
        period: doc.period,
        population: doc.population,
        sampled: doc.caseIds.length,
      })
    })
  } catch (error) {
    // Drawn meanwhile by someone else: the same cases (same seed), stored once.
    if (!(error instanceof DuplicateKeyError)) throw error
  }
  return view(runtime, staff, (await runtime.db.get<SpotCheckDoc>(COLLECTIONS.spotChecks, id))!)
}

async function loadSample(
  runtime: Runtime,
  staff: StaffRecord,
  sampleId: string,
): Promise<WithId<SpotCheckDoc>> {
  const doc = await runtime.db.get<SpotCheckDoc>(COLLECTIONS.spotChecks, sampleId)
  if (!doc || !inScope(runtime, staff, doc.unitId)) throw new AppError('NOT_FOUND', SPOT_CHECK_NOT_FOUND)
  return doc
}

export async function spotCheckView(
  runtime: Runtime,
  staff: StaffRecord,
  sampleId: string,
): Promise<SpotCheckView> {
  return view(runtime, staff, await loadSample(runtime, staff, sampleId))
}

/** A finding on a case of the sample: the `record-spot-check` event, through the workflow as the caller. */
export async function recordSpotCheck(
  runtime: Runtime,
  staff: StaffRecord,
  request: {
    sampleId: string
    caseId: string
    expectedVersion: number
    finding: 'compliant' | 'irregular'
    problemRecurred: boolean
    note: string
  },
): Promise<SpotCheckView> {
  const sample = await loadSample(runtime, staff, request.sampleId)
  if (!sample.caseIds.includes(request.caseId)) throw new AppError('NOT_FOUND', '该案件不在本次抽查的样本中')
  await applyCaseEvent(
    runtime,
    staffCaseAccess(runtime, staff),
    request.caseId,
    {
      type: 'record-spot-check',
      finding: request.finding,
      problemRecurred: request.problemRecurred,
      note: request.note,
    },
    { expectedVersion: request.expectedVersion },
  )
  return view(runtime, staff, sample)
}

/** The samples of the units in scope, newest period first. */
export async function spotChecksPage(
  runtime: Runtime,
  staff: StaffRecord,
  request: { unitId: string | null; cursor?: string | null; limit: number },
): Promise<CasePage<SpotCheckSummary>> {
  const scope = unitScopeOf(runtime.deployment.units, staff)
  if (request.unitId !== null && !scope.includes(request.unitId))
    throw new AppError('NOT_FOUND', UNIT_NOT_FOUND)
  const units = request.unitId ? [request.unitId] : scope
  const page = await findAcross<SpotCheckDoc>(runtime.db, COLLECTIONS.spotChecks, 'unitId', units, {
    orderBy: [['period', 'desc']],
    limit: request.limit,
    after: request.cursor,
  })
  const unitName = unitNamer(runtime.deployment.units)
  const items: SpotCheckSummary[] = []
  for (const doc of page.items) {
    const full = await view(runtime, staff, doc)
    items.push({
      id: doc._id,
      unitId: doc.unitId,
      unitName: unitName(doc.unitId),
      period: doc.period,
      population: doc.population,
      sampled: doc.caseIds.length,
      checked: full.items.filter((i) => i.finding !== null).length,
      irregular: full.items.filter((i) => i.finding === 'irregular' || i.problemRecurred).length,
    })
  }
  return { items, next: page.next }
}
