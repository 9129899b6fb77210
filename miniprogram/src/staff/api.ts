// Staff case actions (the staff subpackage's own service module).
import type { ActInput } from '@shared/contracts/staff'
import { callFunction } from '../platform/cloud'

export const getStaffCase = (caseId: string) => callFunction('staff', 'getCase', { caseId })

export const actOnCase = (input: ActInput) => callFunction('staff', 'act', input)

export const listUnits = () => callFunction('staff', 'units', {})

export const clearHeldContent = (input: { caseId: string; expectedVersion: number; holdId: string }) =>
  callFunction('staff', 'clearHeldContent', input)

export const revealReporter = (caseId: string, reason: string) =>
  callFunction('staff', 'revealReporter', { caseId, reason })
