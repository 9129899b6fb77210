// Case events: one catalogue entry per event (catalogue/: its fields with their labels and limits, its label,
// how it reads for the reporter and for staff, its tone), assembled here into the discriminated union the cloud
// function validates what a client sends with (`caseEventSchema`, Chinese messages) and the TypeScript types
// inferred from it. A stored history entry holds one event as plain JSON; the clocks are derived from the
// history (shared/deadlines).
import * as z from '@shared/vocabulary/zod'
import { fieldPaths, valueAt, type FieldsInput, type FormKind } from '@shared/vocabulary/form'
import type { EventDef, ValueOf } from './catalogue/define'
import { ADD_SITE_PHOTOS, CHECK_IN, LINK_PENALTY_CASE, RECORD_MEASUREMENT } from './catalogue/field-work'
import {
  APPROVE_EXTENSION,
  COMPLETE_RECTIFICATION,
  ORDER_RECTIFICATION,
  RECORD_INITIAL_OPINION,
  RECORD_SITE_VISIT,
  REJECT_EXTENSION,
  REQUEST_EXTENSION,
  START_INVESTIGATION,
} from './catalogue/handling'
import {
  ACCEPT,
  ASSIGN,
  FIND_OUT_OF_REMIT,
  MARK_IMPORTANT,
  MERGE,
  NOT_ACCEPT,
  REGISTER,
  REQUEST_SUPPLEMENT,
  SUPPLY_SUPPLEMENT,
  TRANSFER,
} from './catalogue/intake'
import {
  ARCHIVE,
  ESCALATE,
  LIST_LEADER_CASE,
  RECORD_RETURN_VISIT,
  REMIND,
  REOPEN,
  SUPERVISE,
} from './catalogue/oversight'
import type { RepeatCountRecord } from './catalogue/repeats'
import { APPROVE_REPLY, DRAFT_REPLY, SEND_BACK_REPLY, SEND_REPLY } from './catalogue/reply'
import { HAND_OVER } from './catalogue/staffing'
import {
  ACCEPT_SUPERVISION_RESULT,
  ISSUE_SUPERVISION_ORDER,
  RECORD_SPOT_CHECK,
  REPORT_SUPERVISION_RESULT,
  SEND_BACK_SUPERVISION_RESULT,
  TAKE_LEADER_CASE,
} from './catalogue/supervision'
import {
  ACCEPT_REPLY,
  DECIDE_RE_REVIEW,
  DECIDE_REVIEW,
  DEEM_CLOSED,
  RATE_REPLY,
  REQUEST_RE_REVIEW,
  REQUEST_REVIEW,
} from './catalogue/review'
import { CONFIRM_VIOLATION, FIND_REPORT_UNTRUE } from './catalogue/rewards'
import { DESIGNATE_OFFICER, RECORD_MEDIATION, RECUSE } from './catalogue/workbench'
import { REPEAT_GROUNDS, type RepeatEventType } from './grounds'

/** Every event, in the order of a case's life (the order buttons and tables list them in). */
const EVENT_DEFS = [
  REGISTER,
  REQUEST_SUPPLEMENT,
  SUPPLY_SUPPLEMENT,
  ACCEPT,
  NOT_ACCEPT,
  MERGE,
  FIND_OUT_OF_REMIT,
  MARK_IMPORTANT,
  ASSIGN,
  TRANSFER,
  START_INVESTIGATION,
  RECORD_SITE_VISIT,
  RECORD_INITIAL_OPINION,
  ORDER_RECTIFICATION,
  COMPLETE_RECTIFICATION,
  DRAFT_REPLY,
  APPROVE_REPLY,
  SEND_BACK_REPLY,
  SEND_REPLY,
  REQUEST_EXTENSION,
  APPROVE_EXTENSION,
  REJECT_EXTENSION,
  REMIND,
  SUPERVISE,
  ESCALATE,
  LIST_LEADER_CASE,
  REQUEST_REVIEW,
  DECIDE_REVIEW,
  REQUEST_RE_REVIEW,
  DECIDE_RE_REVIEW,
  RATE_REPLY,
  ACCEPT_REPLY,
  DEEM_CLOSED,
  RECORD_RETURN_VISIT,
  REOPEN,
  HAND_OVER,
  ARCHIVE,
  CONFIRM_VIOLATION,
  FIND_REPORT_UNTRUE,
  CHECK_IN,
  ADD_SITE_PHOTOS,
  RECORD_MEASUREMENT,
  LINK_PENALTY_CASE,
  ISSUE_SUPERVISION_ORDER,
  REPORT_SUPERVISION_RESULT,
  ACCEPT_SUPERVISION_RESULT,
  SEND_BACK_SUPERVISION_RESULT,
  RECORD_SPOT_CHECK,
  TAKE_LEADER_CASE,
  DESIGNATE_OFFICER,
  RECUSE,
  RECORD_MEDIATION,
] as const

type Def = (typeof EVENT_DEFS)[number]
type InputOfDef<D> = D extends EventDef<infer T, infer F> ? { type: T } & FieldsInput<F> : never

/** An event as stored and as handled (defaults applied). */
export type CaseEvent = ValueOf<Def>
/** An event as a client may send it (defaulted fields optional). */
export type CaseEventInput = InputOfDef<Def>
export type CaseEventType = CaseEvent['type']
export type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>
export type RegisterEvent = EventOf<'register'>

export const caseEventSchema = z.discriminatedUnion(
  'type',
  EVENT_DEFS.map((d) => d.schema) as unknown as [Def['schema'], ...Def['schema'][]],
  { error: '未知的操作' },
) as unknown as z.ZodMiniType<CaseEvent, CaseEventInput>

/** The catalogue entry of each event type. */
export const EVENT_CATALOGUE = Object.fromEntries(EVENT_DEFS.map((d) => [d.type, d])) as unknown as {
  readonly [T in CaseEventType]: EventDef<T>
}

export const CASE_EVENT_TYPES: readonly CaseEventType[] = EVENT_DEFS.map((d) => d.type)

/** Chinese names of the events, for buttons, history and error messages. */
export const CASE_EVENT_LABELS = Object.fromEntries(EVENT_DEFS.map((d) => [d.type, d.label])) as Record<
  CaseEventType,
  string
>

/** The fields of an event type of one kind (links to other cases, attached files), with their dotted paths. */
function fieldsOfKind(type: CaseEventType, kind: FormKind) {
  return fieldPaths(EVENT_CATALOGUE[type].fields).filter(({ field }) => field.form.kind === kind)
}

/** A field of an event that names another case: its dotted path and its label. */
export interface CaseReference {
  path: string
  label: string
}

/** The fields of an event type that name another case (kind `case` in the catalogue: one home per link). */
export function caseReferencesOf(type: CaseEventType): readonly CaseReference[] {
  return fieldsOfKind(type, 'case').map(({ path, field }) => ({ path, label: field.form.label }))
}

/** Every other case an event names, with the field that names it. */
export function caseIdsNamedBy(event: CaseEvent): Array<{ caseId: string; ref: CaseReference }> {
  return caseReferencesOf(event.type).flatMap((ref) => {
    const value = valueAt(event, ref.path)
    return typeof value === 'string' ? [{ caseId: value, ref }] : []
  })
}

/**
 * The event with every case it names replaced by `resolve`'s answer: a case named by its reference number is
 * stored by its id.
 */
export function withCaseIds(event: CaseEvent, resolve: (named: string) => string): CaseEvent {
  let copy: Record<string, unknown> | null = null
  for (const { caseId, ref } of caseIdsNamedBy(event)) {
    const id = resolve(caseId)
    if (id === caseId) continue
    copy ??= JSON.parse(JSON.stringify(event)) as Record<string, unknown>
    const keys = ref.path.split('.')
    let at = copy
    for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>
    at[keys[keys.length - 1]!] = id
  }
  return (copy as CaseEvent | null) ?? event
}

/** Uploaded files an event attaches to its case (a supplement's photos, a site visit's record, stamped photos). */
export function filesOf(event: CaseEvent): readonly string[] {
  const files = fieldsOfKind(event.type, 'files').flatMap(({ path }) => {
    const value = valueAt(event, path)
    return Array.isArray(value) ? (value as string[]) : []
  })
  const stamped = fieldsOfKind(event.type, 'stamped-photos').flatMap(({ path }) => {
    const value = valueAt(event, path)
    return Array.isArray(value) ? (value as Array<{ fileId: string }>).map((p) => p.fileId) : []
  })
  return [...files, ...stamped]
}

export type RepeatActionEvent = EventOf<RepeatEventType>

function isRepeatEventType(type: CaseEventType): type is RepeatEventType {
  return type in REPEAT_GROUNDS
}

/** The reason or ground an escalate / supervise / mark-important / list-leader-case event is taken on. */
function groundOf(event: RepeatActionEvent): string {
  return event.type === 'escalate' || event.type === 'supervise' ? event.reason : event.ground
}

/** The event taken on its repeat-report ground (REPEAT_GROUNDS), whoever sent it; null for any other event. */
export function onRepeatGround(event: CaseEvent): RepeatActionEvent | null {
  return isRepeatEventType(event.type) && groundOf(event as RepeatActionEvent) === REPEAT_GROUNDS[event.type]
    ? (event as RepeatActionEvent)
    : null
}

/** The intake's count recorded on an event it set off; null for everything else. */
export function repeatCountOf(event: CaseEvent): RepeatCountRecord | null {
  return (isRepeatEventType(event.type) && (event as RepeatActionEvent).repeats) || null
}

export type ParsedEvent =
  { ok: true; event: CaseEvent } | { ok: false; errors: Array<{ path: string; message: string }> }

/** Validates an event sent by a client; messages are Chinese. */
export function parseCaseEvent(input: unknown): ParsedEvent {
  const parsed = caseEventSchema.safeParse(input)
  return parsed.success
    ? { ok: true, event: parsed.data }
    : {
        ok: false,
        errors: parsed.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
        })),
      }
}
