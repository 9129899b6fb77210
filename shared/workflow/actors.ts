// Who acts on a case. Staff act in one of their roles (shared/deployment.ts); the reporter is the citizen who filed
// or follows the case; `system` is the product itself acting where the law lets a clock or a count decide (the
// deadline timer, the intake's repeat count). Unit scope is checked by the cloud function, not here.
import { STAFF_ROLES, type StaffRole } from '@shared/vocabulary/units'
import { TERMS } from '@shared/vocabulary/terms'
import type { CaseEvent } from './events'

export type ActorRole = StaffRole | 'reporter' | 'system'

export const ACTOR_ROLE_LABELS = {
  ...STAFF_ROLES,
  reporter: TERMS.reporter,
  system: '系统',
} as const satisfies Record<ActorRole, string>

/**
 * The system's actors, by id: what each may do is what its clock or count establishes (the guards check the
 * ground): the timer reminds, supervises overdue cases and closes unused objection windows (S2 第十八条、第二十条);
 * the intake acts on the repeat count (S0 第十一条, S1 第十四条, S2 第八条, S3 第十五条(二), S4 四(二)); the retention
 * timer archives ended cases after the profile's period (S3 第二十四条).
 */
const SYSTEM_ACTORS = {
  'deadline-timer': '系统定时任务',
  intake: '系统 · 重复举报计数',
  /** Archives ended cases and destroys sealed reporter identities as the profile's retention says. */
  'retention-timer': '系统 · 档案保管',
  // A work order a platform pushed, signed with its shared secret (S0 第五条 受理派发任务工单).
  'platform-push': '系统 · 工单平台推送',
} as const
export type SystemActorId = keyof typeof SYSTEM_ACTORS

export const systemActor = (id: SystemActorId): Actor => ({ kind: 'system', id })

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
  /**
   * The device's id of the staff action that made this entry (`staff.act` clientRequestId): a retry of the same
   * action finds it and is not applied again. Never shown.
   */
  requestId?: string
}

/** Who did it, in words: the staff role acted in, 举报人, or which part of the system. */
export function actorLabel(recorded: RecordedActor): string {
  if (recorded.kind === 'staff') return ACTOR_ROLE_LABELS[recorded.role]
  if (recorded.kind === 'system' && recorded.id in SYSTEM_ACTORS)
    return SYSTEM_ACTORS[recorded.id as SystemActorId]
  return ACTOR_ROLE_LABELS[recorded.kind]
}

export function actorRoles(actor: Actor): readonly ActorRole[] {
  return actor.kind === 'staff' ? actor.roles : [actor.kind]
}

/** Replaying a stored entry: the recorded role is the only one the actor had for it. */
export function actorOfRecord(recorded: RecordedActor): Actor {
  return recorded.kind === 'staff' ? { kind: 'staff', id: recorded.id, roles: [recorded.role] } : recorded
}
