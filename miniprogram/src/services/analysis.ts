// The `analysis` cloud function: map points of open cases, the monthly figures' trend, quarterly reports.
import { callFunction } from '../platform/cloud'

export const openCaseMapPage = (cursor?: string | null) =>
  callFunction('analysis', 'openCaseMap', { cursor, limit: 100 })

export const getTrends = (months = 12) => callFunction('analysis', 'trends', { months })

export const listQuarterlyReports = (cursor?: string | null) =>
  callFunction('analysis', 'quarterlyReports', { cursor, limit: 8 })

export const getQuarterlyReport = (quarter: string) =>
  callFunction('analysis', 'quarterlyReport', { quarter })

export const generateQuarterlyReport = (quarter: string) =>
  callFunction('analysis', 'generateQuarterlyReport', { quarter })

export const quarterlyReportDocument = (quarter: string) =>
  callFunction('analysis', 'quarterlyReportDocument', { quarter })
