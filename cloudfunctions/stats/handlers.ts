// stats: the figures of case handling for a unit in the caller's scope, any period of whole months and any
// breakdown; the stored monthly report; exports (XLSX, CSV), each audited. Figures come from the months' stored
// cells (common/stats/months.ts, kept by the timers function; a past month nobody summed is summed on first asking,
// within a short budget); nothing here scans cases, except the ledger export, which reads the period's cases of the
// units by index, at most MAX_LEDGER_ROWS.
import { statsContract } from '../../shared/contracts/stats'
import { DIMENSIONS, figuresTable, ledgerTable, REPORT_BREAKDOWNS } from '../../shared/stats'
import { defineFunction } from '../common/router'
import { storeExport } from '../common/stats/exports'
import { ledgerRows, monthlyReportView, periodFigures, requestedUnits } from '../common/stats/reading'

const periodName = (from: string, to: string) => (from === to ? from : `${from}至${to}`)

export const statsFunction = defineFunction('stats', statsContract, {
  async figures(input, { runtime, staff }) {
    return periodFigures(runtime, input, requestedUnits(runtime, staff, input.unitId))
  },

  async monthlyReport(input, { runtime, staff }) {
    return monthlyReportView(runtime, input.month, requestedUnits(runtime, staff, null))
  },

  async exportFigures(input, { runtime, staff }) {
    const units = requestedUnits(runtime, staff, input.unitId)
    const figures = await periodFigures(runtime, input, units)
    const table = figuresTable(DIMENSIONS[input.by], figures.breakdown.rows, figures.breakdown.total)
    return storeExport(runtime, staff, {
      kind: 'figures',
      subject: `figures:${input.unitId ?? 'scope'}:${input.from}:${input.to}`,
      title: `举报办理统计_${figures.unitName}_${periodName(input.from, input.to)}`,
      format: input.format,
      sheets: [{ name: `按${DIMENSIONS[input.by]}`, ...table }],
      details: {
        from: input.from,
        to: input.to,
        unitId: input.unitId,
        by: input.by,
        pending: figures.pending,
      },
    })
  },

  async exportCases(input, { runtime, staff }) {
    const units = requestedUnits(runtime, staff, input.unitId)
    const { rows, truncated } = await ledgerRows(runtime, input, units)
    return storeExport(runtime, staff, {
      kind: 'cases',
      subject: `cases:${input.unitId ?? 'scope'}:${input.from}:${input.to}`,
      title: `举报案件台账_${periodName(input.from, input.to)}`,
      format: input.format,
      sheets: [{ name: '案件台账', ...ledgerTable(rows) }],
      truncated,
      details: { from: input.from, to: input.to, unitId: input.unitId },
    })
  },

  async exportReport(input, { runtime, staff }) {
    const view = await monthlyReportView(runtime, input.month, requestedUnits(runtime, staff, null))
    const sheets = REPORT_BREAKDOWNS.map((by) => ({
      name: `按${DIMENSIONS[by]}`,
      ...figuresTable(DIMENSIONS[by], view.report.by[by], view.report.total),
    }))
    return storeExport(runtime, staff, {
      kind: 'report',
      subject: `report:${input.month}`,
      title: `${input.month.replace('-', '年')}月举报投诉办理情况统计`,
      format: input.format,
      sheets,
      details: { month: input.month },
    })
  },
})
