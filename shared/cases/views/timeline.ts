// A case's history as a timeline. Every entry reads as the event catalogue says (shared/workflow/catalogue):
// citizens (the reporter, a follower, the holder of a query code) are told privacy-safe narrations or nothing;
// staff read every field and who acted (staff.ts).
import { EVENT_CATALOGUE, NOT_SHOWN, type Narration, type NarrationContext, type Tone } from '../../workflow'
import type { CaseDoc } from '../case-doc'

/** One entry of a case's history, as its reader may see it (the event catalogue narrates it). */
export interface CaseTimelineEntry {
  at: string
  /** Machine key of what happened (the workflow event type), for icons and tests. */
  kind: string
  label: string
  /** The dot: decisions the reader should notice stand out. */
  tone: Tone
  detail?: string
  /** Short answers of the entry, by their field labels (staff see every field of every entry). */
  lines?: Array<{ label: string; value: string }>
  /** Long texts with a title: the reply's sections (S1 第十条, S3 第十二条), a site-visit record's findings. */
  sections?: Array<{ title: string; body: string }>
  /** Staff only: who acted, by name and post (the system's timers and intake by what they are). */
  actor?: { name: string | null; post: string }
  /** Staff only: the entry carries citizen content still held for a person's review. */
  held?: boolean
}

export function narrationContext(
  doc: Pick<CaseDoc, 'history'>,
  index: number,
  unitName: (id: string) => string,
  ownReport: boolean,
): NarrationContext {
  return { history: doc.history, index, unitName, ownReport }
}

/** What a citizen is told of one history entry; null when it is not shown to them. */
function toldToCitizen(
  doc: Pick<CaseDoc, 'history'>,
  index: number,
  unitName: (id: string) => string,
  ownReport: boolean,
): (Narration & { news: boolean }) | null {
  const entry = doc.history[index]!
  const def = EVENT_CATALOGUE[entry.event.type]
  if (def.reporter === NOT_SHOWN) return null
  const told = def.reporter.tell(entry.event as never, narrationContext(doc, index, unitName, ownReport))
  return told && { ...told, news: def.reporter.news }
}

/**
 * The timeline a citizen reads: `ownReport` for the case's reporter; false for a follower or the holder of the
 * query code, who are not told what only the reporter may know (how the bureau contacted them).
 */
export function citizenTimeline(
  doc: Pick<CaseDoc, 'history'>,
  unitName: (id: string) => string,
  ownReport: boolean,
): CaseTimelineEntry[] {
  return doc.history.flatMap((entry, index) => {
    const told = toldToCitizen(doc, index, unitName, ownReport)
    if (!told) return []
    const { news: _news, ...narration } = told
    return [
      { at: entry.at, kind: entry.event.type, tone: EVENT_CATALOGUE[entry.event.type].tone, ...narration },
    ]
  })
}

/** Citizen-visible news after `lastReadSeq` (history index). */
export function unreadCount(doc: Pick<CaseDoc, 'history'>, lastReadSeq: number): number {
  let n = 0
  for (let index = lastReadSeq + 1; index < doc.history.length; index++) {
    if (toldToCitizen(doc, index, () => '', true)?.news) n++
  }
  return n
}

/** The history index of the latest entry: what a citizen has read once they opened the case. */
export function lastSeq(doc: Pick<CaseDoc, 'history'>): number {
  return doc.history.length - 1
}
