// analysis: the staff's view above single cases — the map of open cases of their units, the trend of the monthly
// figures and the quarterly analysis report (S0 第十五条, S3 第十九条). Map pages go through the staff member's unit
// scope like the inbox; the figures and reports are the jurisdiction's, for the posts that answer for its work.
import { analysisContract } from '../../shared/contracts/analysis'
import { localDateOf, toShanghaiIso } from '../../shared/time'
import { openCaseMapPage } from '../common/analysis/case-map'
import { countyNames } from '../common/analysis/counties'
import { quarterlyReportFor } from '../common/analysis/quarterly'
import {
  listQuarterlyReports,
  quarterlyReportLink,
  storedQuarterlyReport,
} from '../common/analysis/report-access'
import { publishedMonths } from '../common/disclosure/monthly'
import { defineFunction } from '../common/router'
import { addMonths, monthOf } from '../../shared/months'

/** What an on-demand generation may spend before it answers 'counting' (the next call goes on). */
const ON_DEMAND_BUDGET_MS = 15_000

export const analysisFunction = defineFunction('analysis', analysisContract, {
  async openCaseMap(input, { runtime, staff }) {
    return openCaseMapPage(runtime, staff, input)
  },

  async trends(input, { runtime, now }) {
    const latest = addMonths(monthOf(localDateOf(now)), -1)
    const docs = await publishedMonths(runtime, input.months, latest)
    return { months: docs.map((d) => d.figures).reverse(), counties: countyNames(runtime) }
  },

  async quarterlyReports(input, { runtime }) {
    return listQuarterlyReports(runtime, input)
  },

  async quarterlyReport(input, { runtime }) {
    return storedQuarterlyReport(runtime, input.quarter)
  },

  async generateQuarterlyReport(input, { runtime, staff }) {
    return quarterlyReportFor(runtime, input.quarter, { by: staff, budgetMs: ON_DEMAND_BUDGET_MS })
  },

  async quarterlyReportDocument(input, { runtime, staff, now }) {
    return quarterlyReportLink(runtime, input.quarter, staff, toShanghaiIso(now))
  },
})
