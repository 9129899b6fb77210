// What the report page hands to the case page after filing. Kept in memory only: the anonymous query code is
// shown once, on that screen, and never written into a URL or the navigation history.
import type { SubmitReportResult } from '@shared/contracts/cases'

let filed: SubmitReportResult | null = null

export function handOverFiled(result: SubmitReportResult): void {
  filed = result
}

/** The result for this case, once; later calls get null. */
export function takeFiled(caseId: string): SubmitReportResult | null {
  if (!filed || filed.caseId !== caseId) return null
  const result = filed
  filed = null
  return result
}
