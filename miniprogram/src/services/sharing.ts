// The `sharing` cloud function: copies of reports to business sections, referrals to the judiciary.
import type { ReferralInput } from '@shared/contracts/sharing'
import { callFunction } from '../platform/cloud'

export const listSectionCopies = (cursor?: string | null) =>
  callFunction('sharing', 'sectionCopies', { cursor, limit: 20 })

export const getSectionCopy = (copyId: string) => callFunction('sharing', 'sectionCopy', { copyId })

export const listJudiciary = () => callFunction('sharing', 'judiciary', {})

export const referToJudiciary = (input: ReferralInput) => callFunction('sharing', 'referToJudiciary', input)

export const listReferrals = (caseId: string) => callFunction('sharing', 'referralsOf', { caseId })

export const revealReferralIdentity = (referralId: string) =>
  callFunction('sharing', 'revealReferralIdentity', { referralId })
