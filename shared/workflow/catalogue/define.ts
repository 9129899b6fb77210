// One catalogue entry per workflow event (the xstate idea of keeping a transition's meaning on one node): its
// fields (schema, labels and limits, shared/vocabulary/form.ts), its Chinese label, how it reads in the
// reporter's timeline (privacy-safe, or explicitly not shown), what the staff timeline adds to its fields, and
// its tone. The staff forms, both timelines and the validation all derive from the entry; when and to whom it is
// legal, and which notices it sends, is the transition table's (transitions.ts), whose texts are in notices.ts.
import * as z from '../../vocabulary/zod'
import { objectOf, type Fields, type FieldsOutput } from '../../vocabulary/form'

/** How an entry reads in a timeline. `sections` are long texts with a title (the reply, a site-visit record). */
export interface Narration {
  label: string
  detail?: string
  sections?: Array<{ title: string; body: string }>
}

/** The dot of a timeline entry: decisions the citizen should notice stand out. */
export type Tone = 'step' | 'warn' | 'reply' | 'done'

/** What a narration may read besides its own event: the case's history up to it, and names. */
export interface NarrationContext {
  history: ReadonlyArray<{ at: string; event: { type: string } }>
  /** This entry's place in the history. */
  index: number
  unitName: (unitId: string) => string
  /** Shown to the case's own reporter (false: a follower, or someone with the query code). */
  ownReport: boolean
}

/** Not shown to the reporter (internal to the bureau): declared, never left out by accident. */
export const NOT_SHOWN = 'not-shown' as const

export interface EventSpec<T extends string, F extends Fields> {
  label: string
  fields: F
  tone: Tone
  /**
   * The reporter's timeline: what they are told, or NOT_SHOWN. A function may still answer null for an event it
   * tells of only sometimes (a 督办 is told when the reporters' own repeated reports set it off). `news`: it
   * counts as unread news until the reporter has seen it.
   */
  reporter:
    | typeof NOT_SHOWN
    | { news: boolean; tell: (event: EventValue<T, F>, ctx: NarrationContext) => Narration | null }
  /**
   * The staff timeline shows every field of the event (labels from the fields) and who acted, by name and post;
   * `summary` adds a sentence in front where the fields alone do not say it (the count behind a system action).
   */
  staff?: { summary: (event: EventValue<T, F>, ctx: NarrationContext) => string | null }
}

type EventValue<T extends string, F extends Fields> = { type: T } & FieldsOutput<F>

export interface EventDef<T extends string = string, F extends Fields = Fields> extends EventSpec<T, F> {
  type: T
  schema: z.ZodMiniObject<{ type: z.ZodMiniLiteral<T> } & { [K in keyof F]: F[K]['schema'] }>
}

export function defineEvent<T extends string, F extends Fields>(
  type: T,
  spec: EventSpec<T, F>,
): EventDef<T, F> {
  const fields = objectOf(spec.fields)
  const schema = z.object({ type: z.literal(type), ...fields.shape }) as EventDef<T, F>['schema']
  return { type, schema, ...spec }
}

/** The value of an event defined by `def`. */
export type ValueOf<D> = D extends EventDef<infer T, infer F> ? EventValue<T, F> : never

/** The latest event of `def`'s type before this entry (e.g. the extension request an approval answers). */
export function earlier<D extends { type: string }>(ctx: NarrationContext, def: D): ValueOf<D> | null {
  for (let i = ctx.index - 1; i >= 0; i--) {
    const event = ctx.history[i]!.event
    if (event.type === def.type) return event as ValueOf<D>
  }
  return null
}
