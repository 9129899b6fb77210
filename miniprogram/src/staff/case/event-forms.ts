// What staff fill in for each workflow event: the event catalogue's fields (shared/workflow/catalogue), drawn
// as a form. Labels, limits and options come from there; the event is checked with the shared schema before it
// is sent, and the cloud function decides again, with authority.
import { fieldPaths, type FormSpec } from '@shared/vocabulary/form'
import { EVENT_CATALOGUE, type CaseEventType } from '@shared/workflow/events'
import { toShanghaiIso } from '@shared/time'

/** A field a person answers (groups are flattened to their fields; internal ones are never asked). */
export type AskedSpec = Exclude<FormSpec, { kind: 'group' | 'internal' }>
export interface FormField {
  /** Dotted path into the event (`record.findings`). */
  key: string
  spec: AskedSpec
}

export type FormValues = Record<string, string | string[] | boolean | number>

export function formFieldsOf(type: CaseEventType): FormField[] {
  return fieldPaths(EVENT_CATALOGUE[type].fields).flatMap(({ path, field }) =>
    field.form.kind === 'internal' || field.form.kind === 'group' ? [] : [{ key: path, spec: field.form }],
  )
}

/** `2026-11-28 21:30` typed on the form → an instant with the Shanghai offset. */
function instantOf(typed: string, now: Date): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(typed.trim())
  return m ? `${m[1]}T${m[2]}:00+08:00` : typed.trim() || toShanghaiIso(now)
}

/** The event object from the form values (dotted keys → nested objects; numbers parsed; empty optionals left out). */
export function buildEvent(type: CaseEventType, values: FormValues, now: Date): Record<string, unknown> {
  const event: Record<string, unknown> = { type }
  for (const { key, spec } of formFieldsOf(type)) {
    let value: unknown = values[key]
    if (spec.kind === 'instant') value = instantOf(String(value ?? ''), now)
    if (spec.kind === 'count' || spec.kind === 'stars')
      value = value === undefined || value === '' ? undefined : Number(value)
    if (spec.kind === 'lines')
      value = String(value ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
    if (spec.kind === 'unit') value = Array.isArray(value) ? (value[0] ?? null) : (value ?? null)
    if (spec.kind === 'files' && value === undefined) continue
    const optional = 'optional' in spec && spec.optional
    if (optional && (value === '' || value === undefined)) continue
    const path = key.split('.')
    let target = event
    for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>
    target[path[path.length - 1]!] = value
  }
  return event
}
