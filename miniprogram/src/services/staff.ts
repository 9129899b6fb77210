// The `staff` cloud function: the workbench (who am I, the inbox) and one case (read it, act on it through the
// workflow, clear held content, reveal a reporter's contact). Small on purpose: it sits in the main package,
// which the staff subpackage may import from but never the other way round.
import type { ActInput } from '@shared/contracts/staff'
import { callFunction } from '../platform/cloud'

export const getStaffProfile = () => callFunction('staff', 'me', {})

export const listInbox = (scope: 'open' | 'all', cursor?: string | null) =>
  callFunction('staff', 'inbox', { scope, cursor, limit: 20 })

export const listUnits = () => callFunction('staff', 'units', {})

export const getStaffCase = (caseId: string) => callFunction('staff', 'getCase', { caseId })

export const actOnCase = (input: ActInput) => callFunction('staff', 'act', input)

export const clearHeldContent = (input: { caseId: string; expectedVersion: number; holdId: string }) =>
  callFunction('staff', 'clearHeldContent', input)

export const revealReporter = (caseId: string, reason: string) =>
  callFunction('staff', 'revealReporter', { caseId, reason })

/** Binds this WeChat identity to the staff record an invite code describes. */
export const redeemInvite = (code: string) => callFunction('staff', 'redeemInvite', { code })

/** The deployment's first administrator binds with the setup code the deploy printed. */
export const redeemSetupCode = (code: string, name: string) =>
  callFunction('staff', 'redeemSetupCode', { code, name })

/** Whether staff notices (待办提醒) can reach this staff member. */
export const getNoticeConsent = () => callFunction('staff', 'noticeConsent', {})

export const recordNoticeConsent = () => callFunction('staff', 'recordNoticeConsent', {})
