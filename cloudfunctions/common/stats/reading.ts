// Reading statistics: the figures of a period for a unit in the caller's scope (the months' stored cells, summed),
// a stored monthly report (rebuilt from its cells for a narrower scope), and the case ledger of a period.
import type { CaseDoc } from '../../../shared/cases/case-doc'
import type { MonthlyReportView, StatsFigures } from '../../../shared/contracts/stats'
import { MAX_LEDGER_ROWS } from '../../../shared/contracts/stats'
import { AppError } from '../../../shared/contracts/result'
import {
  breakdown,
  buildMonthlyReport,
  type Dimension,
  ledgerInputOf,
  type LedgerRow,
  type StatCell,
} from '../../../shared/stats'
import { localDateOf } from '../../../shared/time'
import { calendarFor } from '../calendar'
import { clocksOf } from '../case-workflow'
import { COLLECTIONS } from '../collections'
import { findAcross } from '../db/find-across'
import type { Page, Runtime, WithId } from '../ports'
import { unitScopeOf, type StaffRecord } from '../staff-records'
import { monthlyReportId, type MonthlyReportDoc } from './monthly-report'
import { monthCells, refreshMonth } from './months'
import { statNames } from './names'
import { firstDayOf, monthOf, monthsBetween, nextMonth } from '../../../shared/months'

const UNIT_NOT_FOUND = '没有找到该单位，或不在您的范围内'

/** The units a request covers: the named unit and those below it, if the caller's scope holds it; else all of the scope. */
export function requestedUnits(runtime: Runtime, staff: StaffRecord, unitId: string | null): string[] {
  const scope = unitScopeOf(runtime.deployment.units, staff)
  if (unitId === null) return scope
  if (!scope.includes(unitId)) throw new AppError('NOT_FOUND', UNIT_NOT_FOUND)
  return unitScopeOf(runtime.deployment.units, { ...staff, unitIds: [unitId] })
}

/** What one request may spend summing months nobody has summed yet. */
const SUMMING_BUDGET_MS = 3_000

/**
 * The stored cells of the months, and the months still without. A past or current month nobody has summed (the
 * hourly job sums only the current and the last month: one before statistics, or while the system was down) is
 * summed on first asking, page by page within SUMMING_BUDGET_MS (months.ts); what is left, the next request
 * continues.
 */
async function summedMonths(runtime: Runtime, months: readonly string[]) {
  const { cells, pending } = await monthCells(runtime, months)
  const started = Date.now()
  const elapsedMs = () => Date.now() - started
  const current = monthOf(localDateOf(runtime.clock.now()))
  const left: string[] = []
  for (const month of pending) {
    const summed =
      month <= current && elapsedMs() < SUMMING_BUDGET_MS
        ? await refreshMonth(runtime, month, { budgetMs: SUMMING_BUDGET_MS, elapsedMs })
        : null
    if (summed?.complete && summed.doc?.cells) cells.set(month, summed.doc)
    else left.push(month)
  }
  return { cells, pending: left }
}

export async function periodFigures(
  runtime: Runtime,
  request: { from: string; to: string; unitId: string | null; by: Dimension | null },
  units: readonly string[],
): Promise<StatsFigures> {
  const months = monthsBetween(request.from, request.to)
  const { cells, pending } = await summedMonths(runtime, months)
  const all: StatCell[] = [...cells.values()].flatMap((doc) => Object.values(doc.cells ?? {}))
  const asOf =
    [...cells.values()]
      .map((d) => d.asOf)
      .filter((d): d is string => d !== null)
      .sort()[0] ?? null
  const names = statNames(runtime)
  return {
    from: request.from,
    to: request.to,
    unitId: request.unitId,
    unitName: request.unitId ? names.unit(request.unitId) : '本人范围内全部单位',
    pending,
    asOf,
    breakdown: breakdown(all, { units: new Set(units), by: request.by, names }),
  }
}

export async function monthlyReportView(
  runtime: Runtime,
  month: string,
  units: readonly string[],
): Promise<MonthlyReportView> {
  const doc = await runtime.db.get<MonthlyReportDoc>(COLLECTIONS.reports, monthlyReportId(month))
  if (!doc) throw new AppError('NOT_FOUND', `${month} 的月报尚未生成（每月初自动生成，10 日前报送）`)
  const everyUnit = runtime.deployment.units.every((u) => units.includes(u.id))
  return {
    month,
    producedAt: doc.producedAt,
    dueOn: doc.report.dueOn,
    basis: doc.report.basis,
    late: doc.late,
    sent: doc.status === 'sent',
    report: everyUnit ? doc.report : buildMonthlyReport(month, doc.cells, statNames(runtime), new Set(units)),
  }
}

/** The ledger rows of the cases received in the period by the units, newest first, at most MAX_LEDGER_ROWS. */
export async function ledgerRows(
  runtime: Runtime,
  request: { from: string; to: string },
  units: readonly string[],
): Promise<{ rows: LedgerRow[]; truncated: boolean }> {
  const calendar = await calendarFor(runtime)
  const now = runtime.clock.now()
  const names = statNames(runtime)
  const ctxBase = { calendar, unitName: names.unit, countyName: names.county, today: localDateOf(now) }
  const rows: LedgerRow[] = []
  let after: string | null = null
  do {
    const page: Page<WithId<CaseDoc>> = await findAcross<CaseDoc>(
      runtime.db,
      COLLECTIONS.cases,
      'unitId',
      units,
      {
        filter: {
          createdAt: {
            $gte: `${firstDayOf(request.from)}T00:00:00+08:00`,
            $lt: `${firstDayOf(nextMonth(request.to))}T00:00:00+08:00`,
          },
        },
        orderBy: [['createdAt', 'desc']],
        limit: 100,
        after,
      },
    )
    for (const doc of page.items) {
      if (rows.length >= MAX_LEDGER_ROWS) return { rows, truncated: true }
      // The ledger's input has no reporter field: only what the columns read is taken from the case.
      rows.push({
        input: ledgerInputOf(doc),
        ctx: { ...ctxBase, clocks: clocksOf(doc, calendar, now) },
      })
    }
    after = page.next
  } while (after)
  return { rows, truncated: false }
}
