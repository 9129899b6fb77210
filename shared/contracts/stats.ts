// stats: the figures of case handling for any unit, period and breakdown, the monthly report (S0 第十八条) and
// exports (XLSX, CSV). Counts only: no reporter field reaches any answer or file.
import type { Breakdown, MonthlyReport } from '../stats'
import { DIMENSIONS, type Dimension } from '../stats/dimensions'
import { idSchema, monthSchema } from '../vocabulary/fields'
import { action, staffWith } from './define'
import * as z from '../vocabulary/zod'

/** A period is at most two years of whole months. */
const MAX_STATS_MONTHS = 24

const DIMENSION_KEYS = Object.keys(DIMENSIONS) as [Dimension, ...Dimension[]]

const monthsApart = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7))

const period = {
  from: monthSchema('起始月份'),
  to: monthSchema('截止月份'),
  /** The unit (with the units below it); null: every unit of the caller's scope. */
  unitId: z._default(z.nullable(idSchema), null),
}

const periodChecks = <T extends { from: string; to: string }>(schema: z.ZodMiniType<T>) =>
  schema.check(
    z.refine((v: T) => v.from <= v.to, { error: '起始月份不能晚于截止月份', path: ['to'] }),
    z.refine((v: T) => monthsApart(v.from, v.to) < MAX_STATS_MONTHS, {
      error: `统计期间最多 ${MAX_STATS_MONTHS} 个月`,
      path: ['to'],
    }),
  )

const figuresInput = periodChecks(
  z.object({
    ...period,
    by: z._default(z.nullable(z.enum(DIMENSION_KEYS, { error: '没有这种分类方式' })), null),
  }),
)

export interface StatsFigures {
  from: string
  to: string
  unitId: string | null
  unitName: string
  /** Months whose figures are not summed yet (later months; one still being summed, the next request goes on): left out. */
  pending: string[]
  /** The earliest day the summed months were counted to (overdue counts up to it). */
  asOf: string | null
  breakdown: Breakdown
}

const monthlyReportInput = z.object({ month: monthSchema('月份') })

export interface MonthlyReportView {
  month: string
  producedAt: string
  dueOn: string
  basis: string
  late: boolean
  /** Sent up to the supervising unit's leaders and supervisors. */
  sent: boolean
  report: MonthlyReport
}

export type ExportFormat = 'xlsx' | 'csv'
const formatSchema = z.enum(['xlsx', 'csv'], { error: '导出格式只能是 xlsx 或 csv' })

const exportFiguresInput = periodChecks(
  z.object({
    ...period,
    by: z._default(z.enum(DIMENSION_KEYS, { error: '没有这种分类方式' }), 'unit'),
    format: formatSchema,
  }),
)

const exportCasesInput = periodChecks(z.object({ ...period, format: formatSchema }))

const exportReportInput = z.object({ month: monthSchema('月份'), format: formatSchema })

/** The most cases one ledger export holds (a longer period: export it in parts). */
export const MAX_LEDGER_ROWS = 2000

export interface ExportResult {
  fileName: string
  /** A short-lived download link. */
  url: string
  rows: number
  /** The ledger stopped at MAX_LEDGER_ROWS. */
  truncated: boolean
}

const READERS = staffWith('leader', 'supervisor', 'office-head')

export const statsContract = {
  figures: action<StatsFigures>()(figuresInput, READERS),
  monthlyReport: action<MonthlyReportView>()(monthlyReportInput, READERS),
  /** The figures of a period as a table (one row per unit, county, category …), audited. */
  exportFigures: action<ExportResult>()(exportFiguresInput, READERS),
  /** The case ledger (台账) of a period: the columns a bureau reports, never the reporter; audited. */
  exportCases: action<ExportResult>()(exportCasesInput, READERS),
  /** A stored monthly report, every breakdown on its own sheet; audited. */
  exportReport: action<ExportResult>()(exportReportInput, READERS),
}
