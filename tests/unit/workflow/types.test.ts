// Type-level tests: an ill-formed event does not compile (checked by `tsc -p tsconfig.node.json`, where an
// expect-error directive with no error under it fails). At run time the same inputs are rejected by the schema.
import type { CaseEvent, CaseMachineState, Effect, EventOf } from '@shared/workflow'
import { parseCaseEvent } from '@shared/workflow'

const wellFormed: CaseEvent[] = [
  { type: 'accept', note: '' },
  {
    type: 'assign',
    unitIds: ['unit-a'],
    leadUnitId: null,
    officer: { id: 'officer-1', name: '王磊' },
    instructions: '',
    dueDate: null,
  },
  { type: 'not-accept', reason: 'outside-remit', guidance: '请向住建部门反映' },
]

const illFormed: unknown[] = [
  // @ts-expect-error an event type that does not exist
  { type: 'fly-away' } satisfies CaseEvent,
  // @ts-expect-error assignment without units
  { type: 'assign', leadUnitId: null } satisfies CaseEvent,
  // @ts-expect-error a non-acceptance reason outside the legal list
  { type: 'not-accept', reason: 'too-busy', guidance: '改天再来' } satisfies CaseEvent,
  // @ts-expect-error extension days as a string
  { type: 'request-extension', days: '30', reason: '等待检测' } satisfies CaseEvent,
  // @ts-expect-error the supplement request lists items, not one string
  { type: 'request-supplement', missingItems: '照片' } satisfies CaseEvent,
  // @ts-expect-error a transfer target that does not exist
  { type: 'transfer', target: 'moon', to: 'x', reason: 'y' } satisfies CaseEvent,
]

// @ts-expect-error EventOf narrows: an accept event has no unitIds
const narrowed: EventOf<'accept'> = { type: 'accept', note: '', unitIds: [] }

// @ts-expect-error effects are data with known types only
const effect: Effect = { type: 'send-email', to: 'someone' }

// @ts-expect-error the status is a state key, not a label
const labelled: CaseMachineState['status'] = '已受理'

it('well-formed events parse', () => {
  for (const event of wellFormed) expect(parseCaseEvent(event).ok).toBe(true)
})

it('the ill-formed events are rejected at run time too', () => {
  for (const event of illFormed) expect(parseCaseEvent(event).ok).toBe(false)
  expect(parseCaseEvent(narrowed).ok).toBe(true) // extra keys are stripped at run time; the type forbids them
  expect([effect.type, labelled]).toEqual(['send-email', '已受理'])
})
