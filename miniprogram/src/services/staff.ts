// The `staff` cloud function: the workbench (who am I, the lists) and one case (read it, act on it through the
// workflow, clear held content, reveal a reporter's contact); the pickers, the duty roster, reply templates and
// the disclosure log. Small on purpose (type-only imports): it sits in the main package, which the staff
// subpackage may import from but never the other way round.
import type { ActInput, InboxInput } from '@shared/contracts/staff'
import type { InputOf, Contracts } from '@shared/contracts'
import { callFunction } from '../platform/cloud'

type Input<A extends keyof Contracts['staff']> = InputOf<Contracts['staff'][A]>

export const getStaffProfile = () => callFunction('staff', 'me', {})

/** A page of a list: a to-do list, my units' open or all cases, 协办, or a search. */
export const listInbox = (request: Omit<InboxInput, 'limit'>) =>
  callFunction('staff', 'inbox', { ...request, limit: 20 })

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

export const listColleagues = (input: Input<'listColleagues'>) =>
  callFunction('staff', 'listColleagues', input)

export const getTransferOptions = () => callFunction('staff', 'transferOptions', {})

export const listCounties = () => callFunction('staff', 'counties', {})

export const getMergeCandidates = (caseId: string) => callFunction('staff', 'mergeCandidates', { caseId })

export const getDutyRoster = (input: Input<'duty'>) => callFunction('staff', 'duty', input)

export const setDuty = (input: Input<'setDuty'>) => callFunction('staff', 'setDuty', input)

export const getReplyTemplateDrafts = (caseId: string) => callFunction('staff', 'replyTemplates', { caseId })

export const listReplyTemplates = (cursor?: string | null) =>
  callFunction('staff', 'listReplyTemplates', { cursor, limit: 20 })

export const saveReplyTemplate = (input: Input<'saveReplyTemplate'>) =>
  callFunction('staff', 'saveReplyTemplate', input)

export const removeReplyTemplate = (input: Input<'removeReplyTemplate'>) =>
  callFunction('staff', 'removeReplyTemplate', input)

export const listDisclosures = (cursor?: string | null) =>
  callFunction('staff', 'auditLog', { cursor, limit: 20 })
