// Cases, as the citizen sees them.
import type { SubmitReportInput } from '@shared/contracts/cases'
import { callFunction } from '../platform/cloud'

export const submitReport = (input: SubmitReportInput) => callFunction('cases', 'submitReport', input)

export const listMyCases = (cursor?: string | null) =>
  callFunction('cases', 'listMine', { cursor, limit: 20 })

export const getMyCase = (caseId: string) => callFunction('cases', 'getMine', { caseId })
