// The `oversight` cloud function: the supervisor's desk, 督办单, return visits and redo orders, spot checks, early
// warnings, leaders' cases and receptions. Used by the staff subpackage only.
import type { InputOf, Contracts } from '@shared/contracts'
import type { DeskList } from '@shared/contracts/oversight'
import { callFunction } from '../platform/cloud'

type In<A extends keyof Contracts['oversight']> = InputOf<Contracts['oversight'][A]>

export const listDesk = (list: DeskList, cursor?: string | null) =>
  callFunction('oversight', 'desk', { list, cursor, limit: 20 })
export const orderSupervision = (input: In<'orderSupervision'>) =>
  callFunction('oversight', 'orderSupervision', input)
export const checkSupervision = (input: In<'checkSupervision'>) =>
  callFunction('oversight', 'checkSupervision', input)
export const recordReturnVisit = (input: In<'recordReturnVisit'>) =>
  callFunction('oversight', 'recordReturnVisit', input)
export const orderRedo = (input: In<'orderRedo'>) => callFunction('oversight', 'orderRedo', input)
export const drawSpotCheck = (unitId: string, period: string) =>
  callFunction('oversight', 'drawSpotCheck', { unitId, period })
export const recordSpotCheck = (input: In<'recordSpotCheck'>) =>
  callFunction('oversight', 'recordSpotCheck', input)
export const listWarnings = (status: 'open' | 'all') => callFunction('oversight', 'warnings', { status })
export const handleWarning = (warningId: string, note: string) =>
  callFunction('oversight', 'handleWarning', { warningId, note })
export const listLeaderCases = (cursor?: string | null) =>
  callFunction('oversight', 'leaderCases', { cursor, limit: 20 })
export const recordReception = (input: In<'recordReception'>) =>
  callFunction('oversight', 'recordReception', input)
export const receptionMonth = (month: string) => callFunction('oversight', 'receptions', { month })
