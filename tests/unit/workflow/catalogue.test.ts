// The event catalogue is complete: every workflow event has a label, a tone, a reporter narration or an explicit
// NOT_SHOWN, a staff narration of every field it carries, and — when staff send it — a form that can fill every
// field the event requires. Labels and limits are declared once: the form's limits are the schema's, and the
// terms are the terminology table's (反映人, not 举报人).
import { getPolicyProfile, POLICY_PROFILES, effectivePolicy, type ProfileId } from '@shared/policy'
import { fieldPaths, type FormSpec } from '@shared/vocabulary/form'
import { STAFF_ROLE_KEYS, type StaffRole } from '@shared/vocabulary/units'
import {
  caseEventSchema,
  CASE_EVENT_TYPES,
  EVENT_CATALOGUE,
  NOT_SHOWN,
  TRANSITIONS,
  type CaseEventType,
  type TransitionRow,
} from '@shared/workflow'
import { describeFields } from '@shared/workflow/catalogue/describe'
import { ev } from './driver'
import { MOVES } from './paths'

type AnyRow = TransitionRow<CaseEventType>

/** The staff roles that may send an event in any profile (a row's roles may depend on the policy). */
function staffSenders(type: CaseEventType): StaffRole[] {
  const roles = new Set<string>()
  for (const id of Object.keys(POLICY_PROFILES) as ProfileId[]) {
    const policy = effectivePolicy(getPolicyProfile(id))
    for (const row of TRANSITIONS[type] as readonly AnyRow[]) {
      for (const role of typeof row.roles === 'function' ? row.roles(policy) : row.roles) roles.add(role)
    }
  }
  return STAFF_ROLE_KEYS.filter((r) => roles.has(r))
}

const ctx = { history: [], index: 0, unitName: (id: string) => `单位${id}`, ownReport: true }

describe.each(CASE_EVENT_TYPES.map((t) => [t]))('%s', (type) => {
  const def = EVENT_CATALOGUE[type]

  it('has a label, a tone, and a reporter narration or an explicit NOT_SHOWN', () => {
    expect(def.type).toBe(type)
    expect(def.label.trim().length).toBeGreaterThan(0)
    expect(['step', 'warn', 'reply', 'done']).toContain(def.tone)
    expect(def.reporter === NOT_SHOWN || typeof def.reporter.tell === 'function').toBe(true)
  })

  it('has a label and a known kind for every field', () => {
    for (const { path, field } of fieldPaths(def.fields)) {
      expect({ path, label: field.form.label.trim().length > 0 }).toEqual({ path, label: true })
    }
  })

  const senders = staffSenders(type)
  if (senders.length > 0) {
    it(`can be filled in on a form by staff (${senders.join('、')}): no required field is internal`, () => {
      const values = minimalValues(type)
      for (const { path, field } of fieldPaths(def.fields)) {
        if (field.form.kind !== 'internal') continue
        // Without what a staff form never sets, the event is still complete.
        const { [path]: _left, ...withoutIt } = values
        const parsed = caseEventSchema.safeParse({ type, ...withoutIt })
        expect({ path, fillable: parsed.success }).toEqual({ path, fillable: true })
      }
    })
  }

  const move = type === 'register' ? null : MOVES[type]?.[0]
  if (move) {
    it('reads for staff with every field it carries, by its label', () => {
      const event = ev(move('registered').event)
      const { lines, sections } = describeFields(def.fields, event as Record<string, unknown>, ctx)
      const shown = [...lines.map((l) => l.label), ...sections.map((s) => s.title)]
      for (const { path, field } of fieldPaths(def.fields)) {
        if (field.form.kind === 'internal') continue
        const value = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], event)
        const empty =
          value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)
        if (!empty) expect({ path, shown: shown.includes(field.form.label) }).toEqual({ path, shown: true })
      }
    })
  }
})

/** The values of a canonical move (a legal, complete event of the type). */
function minimalValues(type: CaseEventType): Record<string, unknown> {
  const move = type === 'register' ? null : MOVES[type]?.[0]
  const { type: _t, ...rest } = (move ? move('registered').event : {}) as Record<string, unknown>
  return rest
}

describe('limits are declared once: the form offers what the schema accepts', () => {
  const texts = CASE_EVENT_TYPES.flatMap((type) =>
    fieldPaths(EVENT_CATALOGUE[type].fields)
      .filter(({ field }) => field.form.kind === 'text')
      .map(({ path, field }) => [type, path, field.form] as const),
  )
  it.each(texts)('%s · %s', (type, path, form) => {
    const spec = form as Extract<FormSpec, { kind: 'text' }>
    const schema = fieldPaths(EVENT_CATALOGUE[type].fields).find((f) => f.path === path)!.field.schema
    expect(schema.safeParse('字'.repeat(spec.max)).success).toBe(true)
    const tooLong = schema.safeParse('字'.repeat(spec.max + 1))
    expect(tooLong.success).toBe(false)
    // The message names the field by the label the form shows.
    expect(tooLong.error?.issues[0]?.message).toContain(spec.label)
  })
})

describe('terms come from the terminology table', () => {
  it('no label in the catalogue says 举报人 or 被举报 (反映人, 被反映对象: shared/vocabulary/terms.ts)', () => {
    const labels = CASE_EVENT_TYPES.flatMap((type) => [
      EVENT_CATALOGUE[type].label,
      ...fieldPaths(EVENT_CATALOGUE[type].fields).map(({ field }) => field.form.label),
    ])
    expect(labels.filter((l) => /举报人|被举报/.test(l))).toEqual([])
  })
})
