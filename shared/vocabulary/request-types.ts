// Request types (诉求类型). S0 第二条 and 第七条(四) name six, and S0 sets a handling limit per type; S1 第二条
// folds them into 举报/咨询/建议/其他. The keys are the API values; the labels are what people read.
import * as z from './zod'

export const REQUEST_TYPES = {
  consult: '咨询',
  help: '求助',
  opinion: '意见',
  suggestion: '建议',
  complaint: '投诉',
  report: '举报',
} as const

export type RequestTypeKey = keyof typeof REQUEST_TYPES

export const REQUEST_TYPE_KEYS = [
  'consult',
  'help',
  'opinion',
  'suggestion',
  'complaint',
  'report',
] as const satisfies readonly RequestTypeKey[]

export const requestTypeSchema = z.enum(REQUEST_TYPE_KEYS, {
  error: '诉求类型只能是咨询、求助、意见、建议、投诉或举报',
})

export function requestTypeLabel(key: RequestTypeKey): string {
  return REQUEST_TYPES[key]
}

export function isRequestType(value: string): value is RequestTypeKey {
  return Object.prototype.hasOwnProperty.call(REQUEST_TYPES, value)
}
