// The `rewards` cloud function: the jurisdiction's reward rules, the reward status of a report, the claim; and the
// reward admin's queue and decisions (called from the reward-admin subpackage).
import type { ClaimInput } from '@shared/contracts/rewards'
import type { ClaimState, RefusalReasonKey } from '@shared/rewards/statuses'
import { callFunction } from '../platform/cloud'

export const getRewardRules = () => callFunction('rewards', 'rules', {})

export const getRewardStatus = (caseId: string) => callFunction('rewards', 'status', { caseId })

export const getRewardStatusByCode = (code: string) => callFunction('rewards', 'statusByCode', { code })

export const claimReward = (input: ClaimInput) => callFunction('rewards', 'claim', input)

export const listClaims = (state: ClaimState, cursor?: string | null) =>
  callFunction('rewards', 'queue', { state, cursor, limit: 20 })

export const getClaim = (claimId: string) => callFunction('rewards', 'getClaim', { claimId })

export const decideReward = (input: {
  claimId: string
  expectedVersion: number
  insider: boolean
  amount?: number
  overrideReason?: string
}) => callFunction('rewards', 'decide', input)

export const refuseReward = (input: {
  claimId: string
  expectedVersion: number
  reasons: RefusalReasonKey[]
  note: string
}) => callFunction('rewards', 'refuse', input)

export const recordPayout = (input: {
  claimId: string
  expectedVersion: number
  paidOn: string
  reference: string
}) => callFunction('rewards', 'recordPayout', input)

export const recordRecovery = (input: {
  claimId: string
  expectedVersion: number
  recoveredOn: string
  reference: string
}) => callFunction('rewards', 'recordRecovery', input)
