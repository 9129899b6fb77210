// Staffing: 移交经办 — when someone leaves or changes post, an administrator hands the open cases they were working
// to a colleague. The case stays with its unit and its clocks run on; what changes is who works it, recorded on
// the case like every other step (the staff timeline names both).
import { ask } from '../../vocabulary/form'
import { defineEvent, NOT_SHOWN, type ValueOf } from './define'

export const HAND_OVER = defineEvent('hand-over', {
  label: '移交经办',
  tone: 'step',
  fields: {
    from: ask.colleague('原经办人'),
    to: ask.colleague('接手人'),
    reason: ask.text('移交原因', 200),
  },
  reporter: NOT_SHOWN,
})

/**
 * 经办人 — who works the case now: the colleague the latest hand-over named, or else the staff member who acted on
 * it last (a case is assigned to a unit; the person is whoever moved it last). Null while no staff member has
 * acted (a report nobody has touched yet belongs to the unit's intake as a whole).
 */
export function currentHandlerOf(
  history: ReadonlyArray<{ actor: { kind: string; id: string }; event: { type: string } }>,
): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const { actor, event } = history[i]!
    if (event.type === HAND_OVER.type) return (event as unknown as ValueOf<typeof HAND_OVER>).to.id
    if (actor.kind === 'staff') return actor.id
  }
  return null
}
