// staff: the workbench side — who am I, my inbox.
import type { StaffRole } from '../deployment'
import type { CaseStateKey } from '../workflow/states'
import type { CategoryKey } from './categories'
import { cursorSchema, pageLimitSchema } from './common'
import { action, ANY_STAFF, USER } from './define'
import type { RequestTypeKey } from './request-types'
import type { CasePage } from './cases'
import * as z from './zod'

export interface StaffProfile {
  staffId: string
  name: string
  title: string
  roles: StaffRole[]
  units: Array<{ id: string; name: string }>
}

/** What staff see of a reporter: masked by default; revealing is an audited action of its own. */
export interface MaskedReporter {
  mode: 'real-name' | 'anonymous'
  name: string | null
  phone: string | null
}

export interface InboxItem {
  caseId: string
  refNo: string
  requestType: RequestTypeKey
  category: CategoryKey
  status: CaseStateKey
  statusLabel: string
  createdAt: string
  address: string
  descriptionExcerpt: string
  photoCount: number
  unitId: string
  unitName: string
  reporter: MaskedReporter
}

export const inboxInput = z._default(
  z.object({
    cursor: cursorSchema,
    limit: pageLimitSchema(50),
    scope: z._default(z.enum(['open', 'all'], { error: '范围只能是 open 或 all' }), 'open'),
  }),
  { limit: 20, scope: 'open' },
)

export const staffContract = {
  /** Null for a user who is not bound to a staff record (the staff tab then explains how to get access). */
  me: action<StaffProfile | null>()(z._default(z.object({}), {}), USER),
  inbox: action<CasePage<InboxItem>>()(inboxInput, ANY_STAFF),
}
