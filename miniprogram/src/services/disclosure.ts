// The `public` cloud function: what the bureau publishes (read by anyone, asked without identity) and the staff's
// choice of typical cases.
import type { TypicalCaseKind } from '@shared/disclosure/typical-cases'
import { callFunction } from '../platform/cloud'

export const getDisclosure = (month?: string) =>
  callFunction('public', 'disclosure', month ? { month } : {}, { anonymous: true })

export const listTypicalCases = (cursor?: string | null) =>
  callFunction('public', 'typicalCases', { cursor, limit: 10 }, { anonymous: true })

export const getTypicalCaseOf = (caseId: string) => callFunction('public', 'typicalCaseOf', { caseId })

export const chooseTypicalCase = (input: { caseId: string; kind: TypicalCaseKind; summary: string }) =>
  callFunction('public', 'chooseTypicalCase', input)

export const withdrawTypicalCase = (caseId: string, reason: string) =>
  callFunction('public', 'withdrawTypicalCase', { caseId, reason })
