// Reading the quarterly reports: the list, one report, and a link to its document (each link audited: the report
// names reported entities and is for the bureau's own use).
import type { QuarterlyReportInfo, ReportDocumentLink } from '../../../shared/contracts/analysis'
import type { CasePage } from '../../../shared/contracts/cases'
import { AppError } from '../../../shared/contracts/result'
import type { QuarterlyReport } from '../../../shared/analysis/quarterly-report'
import { localDateOf } from '../../../shared/time'
import { audit, type Auditor } from '../audit'
import { COLLECTIONS } from '../collections'
import type { Runtime } from '../ports'
import { analysisReportId, type AnalysisReportDoc } from './quarterly'
import { monthOf, quarterOf, type Quarter } from '../../../shared/months'

/** How long a document link works. */
const DOCUMENT_LINK_SECONDS = 600

const NO_REPORT = '该季度还没有分析报告，请先生成'

export async function listQuarterlyReports(
  runtime: Runtime,
  request: { cursor?: string | null; limit: number },
): Promise<CasePage<QuarterlyReportInfo>> {
  const page = await runtime.db.find<AnalysisReportDoc>(COLLECTIONS.analysisReports, {
    filter: { quarter: { $lte: quarterOf(monthOf(localDateOf(runtime.clock.now()))) } },
    orderBy: [['quarter', 'desc']],
    limit: request.limit,
    after: request.cursor,
    fields: ['quarter', 'generatedAt', 'complete', 'report.title'],
  })
  return {
    items: page.items.map((d) => ({
      quarter: d.quarter,
      title: d.report.title,
      generatedAt: d.generatedAt,
      complete: d.complete,
    })),
    next: page.next,
  }
}

export async function storedQuarterlyReport(runtime: Runtime, quarter: Quarter): Promise<QuarterlyReport> {
  const doc = await runtime.db.get<AnalysisReportDoc>(COLLECTIONS.analysisReports, analysisReportId(quarter))
  if (!doc) throw new AppError('NOT_FOUND', NO_REPORT)
  return doc.report
}

export async function quarterlyReportLink(
  runtime: Runtime,
  quarter: Quarter,
  by: Auditor,
  at: string,
): Promise<ReportDocumentLink> {
  const doc = await runtime.db.get<AnalysisReportDoc>(COLLECTIONS.analysisReports, analysisReportId(quarter))
  const fileId = doc?.documentFileId
  const url = fileId ? (await runtime.blobs.tempUrls([fileId], DOCUMENT_LINK_SECONDS))[fileId] : undefined
  if (!doc || !url) throw new AppError('NOT_FOUND', NO_REPORT)
  await audit(runtime.db, 'download-analysis-report', analysisReportId(quarter), by, at, {
    generatedAt: doc.generatedAt,
  })
  return { url, fileName: `${doc.report.title}.html`, expiresInSeconds: DOCUMENT_LINK_SECONDS }
}
