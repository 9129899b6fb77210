// What statistics can be broken down by: the case's category, request type, county, intake channel and outcome
// (and the unit holding it, which the unit filter reads). Each is a fact of the stored case.
import { CATEGORIES, type CategoryKey } from '../vocabulary/categories'
import { REQUEST_TYPES, type RequestTypeKey } from '../vocabulary/request-types'
import { INTAKE_CHANNELS, type IntakeChannel } from '../workflow/grounds'
import { CASE_STATES, type CaseStateKey } from '../workflow/states'

/** Where a case stands, for the outcome breakdown: read off the state table (stage and category). */
const OUTCOMES = {
  open: '办理中',
  replied: '已答复',
  closed: '已办结',
  'not-accepted': '不予受理',
  merged: '已合并',
  'transferred-out': '已转出',
} as const
export type Outcome = keyof typeof OUTCOMES

export function outcomeOf(status: CaseStateKey): Outcome {
  if (status === 'not-accepted' || status === 'merged' || status === 'transferred-out') return status
  const state = CASE_STATES[status]
  if (state.category === 'closed') return 'closed'
  return state.stage === 'awaiting-reporter' ? 'replied' : 'open'
}

/** The facts of a case every tally of it is filed under. `county` is the division code (null: none found). */
export interface CaseDims {
  unitId: string
  category: CategoryKey
  requestType: RequestTypeKey
  county: string | null
  channel: IntakeChannel
  outcome: Outcome
}

export const DIMENSIONS = {
  category: '污染类别',
  requestType: '诉求类型',
  county: '区县',
  channel: '来源渠道',
  outcome: '办理结果',
  unit: '承办单位',
} as const
export type Dimension = keyof typeof DIMENSIONS

/** A dimension's value of a case (`unit` is the holding unit). */
export function dimValue(dims: CaseDims, dimension: Dimension): string {
  if (dimension === 'unit') return dims.unitId
  return dims[dimension] ?? 'none'
}

/** The label of a value, given the names only the deployment knows (units, counties). */
export function dimLabel(
  dimension: Dimension,
  value: string,
  names: { unit: (id: string) => string; county: (code: string) => string },
): string {
  switch (dimension) {
    case 'category':
      return CATEGORIES[value as CategoryKey]?.label ?? value
    case 'requestType':
      return REQUEST_TYPES[value as RequestTypeKey] ?? value
    case 'channel':
      return INTAKE_CHANNELS[value as IntakeChannel] ?? value
    case 'outcome':
      return OUTCOMES[value as Outcome] ?? value
    case 'unit':
      return names.unit(value)
    case 'county':
      return value === 'none' ? '未定位' : names.county(value)
  }
}
