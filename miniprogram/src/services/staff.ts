// The staff workbench.
import { callFunction } from '../platform/cloud'

export const getStaffProfile = () => callFunction('staff', 'me', {})

export const listInbox = (scope: 'open' | 'all', cursor?: string | null) =>
  callFunction('staff', 'inbox', { scope, cursor, limit: 20 })
