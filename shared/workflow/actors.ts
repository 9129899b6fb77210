// Who acts on a case. Staff act in one of their roles (shared/deployment.ts); the reporter is the citizen who filed
// or follows the case; `system` is a timer. Unit scope is checked by the cloud function, not here.
import { STAFF_ROLES, type StaffRole } from '@shared/deployment'
import type { CaseEvent } from './events'

export type ActorRole = StaffRole | 'reporter' | 'system'

export const ACTOR_ROLE_LABELS = {
  ...STAFF_ROLES,
  reporter: '举报人',
  system: '系统定时任务',
} as const satisfies Record<ActorRole, string>

/** The actor of a request, with every role the staff member holds. */
export type Actor =
  | { kind: 'staff'; id: string; roles: readonly StaffRole[] }
  | { kind: 'reporter'; id: string }
  | { kind: 'system'; id: string }

/** The actor as recorded in the history: the one role the staff member acted in. */
export type RecordedActor =
  | { kind: 'staff'; id: string; role: StaffRole }
  | { kind: 'reporter'; id: string }
  | { kind: 'system'; id: string }

/** One line of a case's history, stored as JSON. `at` is ISO 8601 with an offset. */
export interface HistoryEntry<E extends CaseEvent = CaseEvent> {
  at: string
  actor: RecordedActor
  event: E
}

export function actorRoles(actor: Actor): readonly ActorRole[] {
  return actor.kind === 'staff' ? actor.roles : [actor.kind]
}

/** Replaying a stored entry: the recorded role is the only one the actor had for it. */
export function actorOfRecord(recorded: RecordedActor): Actor {
  return recorded.kind === 'staff' ? { kind: 'staff', id: recorded.id, roles: [recorded.role] } : recorded
}
