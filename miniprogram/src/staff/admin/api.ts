// Staff administration (系统管理员): the `admin` function's staff actions, for the pages of this folder.
import type { InputOf } from '@shared/contracts'
import type { staffAdminContract } from '@shared/contracts/staff-admin'
import { callFunction } from '../../platform/cloud'

type Input<A extends keyof typeof staffAdminContract> = InputOf<(typeof staffAdminContract)[A]>

export const getAdminScope = () => callFunction('admin', 'adminScope', {})
export const listStaff = (input: Input<'listStaff'>) => callFunction('admin', 'listStaff', input)
export const getStaff = (staffId: string) => callFunction('admin', 'getStaff', { staffId })
export const issueInvite = (input: Input<'issueInvite'>) => callFunction('admin', 'issueInvite', input)
export const listInvites = (input: Input<'listInvites'>) => callFunction('admin', 'listInvites', input)
export const revokeInvite = (inviteId: string) => callFunction('admin', 'revokeInvite', { inviteId })
export const updateStaff = (input: Input<'updateStaff'>) => callFunction('admin', 'updateStaff', input)
export const deactivateStaff = (input: Input<'deactivateStaff'>) =>
  callFunction('admin', 'deactivateStaff', input)
export const handOverCases = (input: Input<'handOverCases'>) => callFunction('admin', 'handOverCases', input)
export const listAudit = (input: Input<'listAudit'>) => callFunction('admin', 'listAudit', input)
