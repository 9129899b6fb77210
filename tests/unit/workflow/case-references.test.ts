// Links between cases are declared once, in the event schemas (`caseRef`): the cloud function resolves every
// field they mark through the caller's scope (cloudfunctions/common/case-access.ts). A field that holds a case
// id but is not declared a link would bypass that check — this test finds such fields by name.
import {
  caseEventSchema,
  caseIdsNamedBy,
  caseReferencesOf,
  CASE_EVENT_TYPES,
  parseCaseEvent,
} from '@shared/workflow'

type Node = {
  _zod: { def: { type: string; shape?: Record<string, Node>; innerType?: Node; element?: Node } }
}

/** Paths of fields named like a case id (`caseId`, `intoCaseId`, `relatedCaseIds`, …). */
function caseIdLikeFields(schema: Node, path = ''): string[] {
  const def = schema._zod.def
  const key = path.split('.').pop()?.replace(/\[\]$/, '') ?? ''
  if (/caseids?$/i.test(key) && !def.shape && !def.innerType && !def.element) return [path]
  if (def.shape) {
    return Object.entries(def.shape).flatMap(([k, sub]) => caseIdLikeFields(sub, path ? `${path}.${k}` : k))
  }
  if (def.element) return caseIdLikeFields(def.element, `${path}[]`)
  if (def.innerType) return caseIdLikeFields(def.innerType, path)
  return []
}

const options = (caseEventSchema as unknown as { _zod: { def: { options: Node[] } } })._zod.def.options

test('every event field holding a case id is a declared case reference', () => {
  expect(options).toHaveLength(CASE_EVENT_TYPES.length)
  for (const option of options) {
    const type = (option._zod.def.shape!.type as unknown as { _zod: { def: { values: [string] } } })._zod.def
      .values[0] as (typeof CASE_EVENT_TYPES)[number]
    expect({ type, refs: caseReferencesOf(type).map((r) => r.path) }).toEqual({
      type,
      refs: caseIdLikeFields(option),
    })
  }
})

test('merge names the case it joins, with the label used in messages', () => {
  expect(caseReferencesOf('merge')).toEqual([{ path: 'intoCaseId', label: '合并到的案件' }])
  expect(caseReferencesOf('accept')).toEqual([])
  const parsed = parseCaseEvent({ type: 'merge', intoCaseId: 'c123' })
  expect(parsed.ok && caseIdsNamedBy(parsed.event)).toEqual([
    { caseId: 'c123', ref: { path: 'intoCaseId', label: '合并到的案件' } },
  ])
  expect(parseCaseEvent({ type: 'merge' })).toEqual({
    ok: false,
    errors: [{ path: 'intoCaseId', message: '缺少合并到的案件编号' }],
  })
})
