// The staff workbench.
import { callFunction } from '../platform/cloud'

export const getStaffProfile = () => callFunction('staff', 'me', {})

export const listInbox = (scope: 'open' | 'all', cursor?: string | null) =>
  callFunction('staff', 'inbox', { scope, cursor, limit: 20 })

/** Binds this WeChat identity to the staff record an invite code describes. */
export const redeemInvite = (code: string) => callFunction('staff', 'redeemInvite', { code })

/** The deployment's first administrator binds with the setup code the deploy printed. */
export const redeemSetupCode = (code: string, name: string) =>
  callFunction('staff', 'redeemSetupCode', { code, name })

/** Whether staff notices (待办提醒) can reach this staff member. */
export const getNoticeConsent = () => callFunction('staff', 'noticeConsent', {})

export const recordNoticeConsent = () => callFunction('staff', 'recordNoticeConsent', {})
