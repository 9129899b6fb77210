// The monthly report (S0 第十八条: 每月10日前，将上月举报投诉办理情况统计汇总，报市生态环境综合行政执法支队;
// S1 第十三条: 每月…汇总、分析，向市级“平台”上报): last month's figures in total and by unit, category, request
// type, county, channel and outcome. Produced by the timers function on the first run of a month, stored, and
// sent up. Never a reporter field: figures are counts.
import type { LocalDate } from '../time'
import { breakdown, type BreakdownRow, type Cells, type Figures, type Names } from './figures'
import type { Dimension } from './dimensions'
import { firstDayOf, nextMonth } from '../months'

/** When the report is due: the 10th of the following month (S0 第十八条; S1 第十三条 names no day). */
export const MONTHLY_REPORT_DUE = { day: 10, basis: 'S0 第十八条' } as const

export const REPORT_BREAKDOWNS = [
  'unit',
  'county',
  'category',
  'requestType',
  'channel',
  'outcome',
] as const satisfies readonly Dimension[]

export interface MonthlyReport {
  month: string
  /** The last day it may be sent up. */
  dueOn: LocalDate
  basis: string
  /** The unit whose cases it counts (its subtree); the deployment's supervising unit sends it up. */
  total: Figures
  by: Record<(typeof REPORT_BREAKDOWNS)[number], BreakdownRow[]>
}

export function monthlyReportDueOn(month: string): LocalDate {
  return `${firstDayOf(nextMonth(month)).slice(0, 8)}${String(MONTHLY_REPORT_DUE.day).padStart(2, '0')}`
}

export function buildMonthlyReport(
  month: string,
  cells: Cells,
  names: Names,
  units: ReadonlySet<string> | null = null,
): MonthlyReport {
  const list = Object.values(cells)
  const by = Object.fromEntries(
    REPORT_BREAKDOWNS.map((d) => [d, breakdown(list, { units, by: d, names }).rows]),
  ) as MonthlyReport['by']
  return {
    month,
    dueOn: monthlyReportDueOn(month),
    basis: MONTHLY_REPORT_DUE.basis,
    total: breakdown(list, { units, by: null, names }).total,
    by,
  }
}
