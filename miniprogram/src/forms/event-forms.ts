// What staff fill in for each workflow event: the event catalogue's fields (shared/workflow/catalogue), drawn as
// a form. Labels, limits and options come from there; the event is checked with the event's own schema before
// it is sent (its messages land next to the fields they name), and the cloud function decides again, with
// authority. Pure: no Taro, so the rules can be read and tested apart from the page.
import type { CaseTimelineEntry } from '@shared/contracts/cases'
import type { ApiError } from '@shared/contracts/result'
import { formatShanghai } from '@shared/time'
import { fieldPaths, type FormSpec } from '@shared/vocabulary/form'
import { EVENT_CATALOGUE, type CaseEventType } from '@shared/workflow/events'
import type { Colleague } from '@shared/workflow/machine-types'
import type { DraftPhoto } from '../services/draft'
import { PHOTO_REF } from '../services/offline-queue'

/** A position read from the device on a form (a check-in): as the device gave it, with its clock. */
export interface FixValue {
  lat: number
  lng: number
  coordSystem: 'gcj02' | 'wgs84'
  accuracy: number | null
  takenAt: string
}

/**
 * A photo taken on site: kept on the device (`localPath`, kept until the action that carries it is sent) with the
 * stamp drawn on it. It is uploaded when its action is sent (services/offline), so it can be taken offline.
 */
export interface SitePhoto extends DraftPhoto {
  stamp: { takenAt: string; position: FixValue | null; drawn: boolean }
}

/**
 * A field a person answers (groups are flattened to their fields; internal ones are never asked). A colleague
 * (`staff`) is picked from the lead unit's officers (assign, designate-officer); a hand-over's are chosen on the
 * administrator's hand-over page, which sends that event itself.
 */
export type AskedSpec = Exclude<FormSpec, { kind: 'group' | 'internal' }>
export interface FormField {
  /** Dotted path into the event (`record.findings`): also the key of its value and of its error message. */
  key: string
  spec: AskedSpec
}

/**
 * A field's value while it is being filled in: text as typed (numbers, dates and `YYYY-MM-DD HH:mm` instants
 * too, so a half-typed number survives), null for a choice not made yet, unit ids, photos being uploaded.
 */
export type FormValue =
  string | boolean | number | null | string[] | DraftPhoto[] | SitePhoto[] | FixValue | Colleague
export type FormValues = Record<string, FormValue>
export type FieldErrors = Record<string, string>

export function formFieldsOf(type: CaseEventType): FormField[] {
  return fieldPaths(EVENT_CATALOGUE[type].fields).flatMap(({ path, field }) =>
    field.form.kind === 'internal' || field.form.kind === 'group' ? [] : [{ key: path, spec: field.form }],
  )
}

/** `2026-11-28 21:30`: how an instant is shown and picked on a form. */
export const instantText = (at: Date | string) => formatShanghai(at, 'YYYY-MM-DD HH:mm')

/** An empty field: an instant starts at now (editable), everything else blank. */
function blankValue(spec: AskedSpec, now: Date): FormValue {
  switch (spec.kind) {
    case 'instant':
      return instantText(now)
    case 'units':
      return [] as string[]
    case 'files':
      return [] as DraftPhoto[]
    case 'stamped-photos':
      return [] as SitePhoto[]
    case 'position':
      return null
    case 'choice':
    case 'yes-no':
    case 'stars':
    case 'unit':
    case 'staff':
      return null
    default:
      return ''
  }
}

export function blankValues(type: CaseEventType, now: Date): FormValues {
  return Object.fromEntries(formFieldsOf(type).map(({ key, spec }) => [key, blankValue(spec, now)]))
}

export const isColleague = (value: FormValue | undefined): value is Colleague =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'id' in value

const isPhotoList = (value: FormValue): value is DraftPhoto[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null)

/** The value the schema reads; undefined leaves it out (the schema then says what is missing). */
function eventValue(spec: AskedSpec, value: FormValue | undefined): unknown {
  const text = typeof value === 'string' ? value : ''
  switch (spec.kind) {
    case 'text':
      return spec.optional && !text.trim() ? undefined : text
    case 'lines':
      return text
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
    case 'count':
    case 'decimal':
      return text.trim() === '' ? undefined : Number(text)
    case 'instant': {
      const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(text.trim())
      return m ? `${m[1]}T${m[2]}:00+08:00` : text.trim() || undefined
    }
    case 'date':
      return text.trim() || (spec.optional ? null : undefined)
    case 'case':
      return text.trim() || undefined
    case 'staff':
      return isColleague(value) ? value : undefined
    case 'choice':
      return value ?? undefined
    case 'yes-no':
    case 'stars':
    case 'unit':
      return value === null || value === undefined ? (spec.optional ? null : undefined) : value
    case 'units':
      return Array.isArray(value) ? value : []
    case 'files':
      return value && isPhotoList(value) ? value.flatMap((p) => (p.fileId ? [p.fileId] : [])) : []
    case 'position':
      return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined
    case 'stamped-photos':
      // Not uploaded yet: named by where it is kept on the device; the queue uploads it when it sends the event.
      return value && isPhotoList(value)
        ? (value as SitePhoto[]).flatMap((p) =>
            p.fileId || p.localPath
              ? [{ fileId: p.fileId ?? `${PHOTO_REF}${p.localPath}`, stamp: p.stamp }]
              : [],
          )
        : []
  }
}

/** The event object from the form values (dotted keys → nested objects). */
export function buildEvent(type: CaseEventType, values: FormValues): Record<string, unknown> {
  const event: Record<string, unknown> = { type }
  for (const { key, spec } of formFieldsOf(type)) {
    const value = eventValue(spec, values[key])
    if (value === undefined) continue
    const path = key.split('.')
    let target = event
    for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>
    target[path[path.length - 1]!] = value
  }
  return event
}

/** Photo fields with a photo not uploaded yet (still uploading, failed or refused): the event cannot go. */
export function photosNotReady(type: CaseEventType, values: FormValues): string[] {
  return formFieldsOf(type)
    .filter(({ key, spec }) => {
      const value = values[key]
      return spec.kind === 'files' && value && isPhotoList(value) && value.some((p) => !p.fileId)
    })
    .map(({ key }) => key)
}

/** Validates the event with its catalogue schema: the event, or a message per field key. */
export function checkEvent(
  type: CaseEventType,
  values: FormValues,
): { ok: true; event: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
  const parsed = EVENT_CATALOGUE[type].schema.safeParse(buildEvent(type, values))
  if (parsed.success) return { ok: true, event: parsed.data as Record<string, unknown> }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) errors[issue.path.map(String).join('.') || '_'] ??= issue.message
  return { ok: false, errors }
}

/**
 * The server's field errors for the form: the `act` payload carries the event under `event`, so
 * `event.record.findings` is the form's `record.findings`. Anything else (the version, the case id) is not a
 * field of the form: its message is the form's.
 */
export function serverFieldErrors(error: ApiError): { fields: FieldErrors; other: string | null } {
  const fields: FieldErrors = {}
  let other: string | null = null
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    if (path.startsWith('event.') && path !== 'event.type') fields[path.slice('event.'.length)] = message
    else other ??= message
  }
  return { fields, other }
}

/**
 * Events whose form, sent again, starts from the one sent before, with the event that sends it back: a reply
 * sent back by the office head or the leader is corrected, not rewritten from nothing.
 */
const REDRAFTED: Partial<Record<CaseEventType, CaseEventType>> = { 'draft-reply': 'send-back-reply' }

export interface PreviousDraft {
  values: FormValues
  /** When the previous one was sent. */
  at: string
  /** What sent it back (the send-back entry's reason, as the timeline reads it), if anything did. */
  sentBack: string | null
}

/**
 * The previous event of this type, read back from the staff timeline: each text field by the label the
 * catalogue gives it (a short answer is a line, a long one a section, both under that label). The staff view
 * carries every field of every event, so nothing is lost; a `replyDraft` in the contract would spare the
 * reading back.
 */
export function previousDraft(
  type: CaseEventType,
  timeline: readonly CaseTimelineEntry[],
): PreviousDraft | null {
  const sendBack = REDRAFTED[type]
  if (!sendBack) return null
  let index = -1
  for (let i = timeline.length - 1; i >= 0; i--) {
    if (timeline[i]!.kind === type) {
      index = i
      break
    }
  }
  if (index < 0) return null
  const entry = timeline[index]!
  const told = new Map<string, string>([
    ...(entry.lines ?? []).map((l): [string, string] => [l.label, l.value]),
    ...(entry.sections ?? []).map((s): [string, string] => [s.title, s.body]),
  ])
  const values: FormValues = {}
  for (const { key, spec } of formFieldsOf(type)) {
    const text = told.get(spec.label)
    if (text === undefined) continue
    if (spec.kind === 'text') values[key] = text
    else if (spec.kind === 'lines') values[key] = text.split('；').join('\n')
  }
  const back = timeline.slice(index + 1).find((t) => t.kind === sendBack)
  const sentBack = back
    ? [
        ...(back.lines ?? []).map((l) => `${l.label}：${l.value}`),
        ...(back.sections ?? []).map((s) => `${s.title}：${s.body}`),
      ].join('；')
    : null
  return { values, at: entry.at, sentBack: sentBack || null }
}
