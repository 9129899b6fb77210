// What a staff member has typed into a workflow form and not sent yet, kept on the device per user, case and
// event, so a reload, a call or a closed app loses nothing. Removed when the event is sent; drafts of cases
// left alone go after KEEP_DAYS, and only the MAX_DRAFTS most recent are kept.
import type { CaseEventType } from '@shared/workflow/events'
import type { FormValues } from '../forms/event-forms'
import { discardPhoto } from '../platform/photo-store'
import { readStored, userKey, writeStored } from '../platform/storage'
import type { DraftPhoto } from './draft'

const KEY = 'gw.staffDrafts'
const VERSION = 1
const KEEP_DAYS = 30
const MAX_DRAFTS = 30

export interface EventDraft {
  caseId: string
  type: CaseEventType
  values: FormValues
  /** ISO time of the last write. */
  savedAt: string
}

interface Stored {
  version: typeof VERSION
  drafts: Record<string, EventDraft>
}

const slot = (caseId: string, type: CaseEventType) => `${caseId}/${type}`

function readAll(): Record<string, EventDraft> {
  const stored = readStored<Stored>(userKey(KEY))
  return stored && stored.version === VERSION && typeof stored.drafts === 'object' ? stored.drafts : {}
}

function writeAll(drafts: Record<string, EventDraft>): boolean {
  return writeStored(userKey(KEY), { version: VERSION, drafts } satisfies Stored)
}

function photosOf(draft: EventDraft): DraftPhoto[] {
  return Object.values(draft.values).flatMap((v) =>
    Array.isArray(v) ? v.filter((p): p is DraftPhoto => typeof p === 'object' && p !== null) : [],
  )
}

export function loadEventDraft(caseId: string, type: CaseEventType): EventDraft | null {
  return readAll()[slot(caseId, type)] ?? null
}

/** Of the events offered now, the one whose draft was written last (to reopen its form after a reload). */
export function latestEventDraft(caseId: string, offered: readonly CaseEventType[]): CaseEventType | null {
  const drafts = Object.values(readAll()).filter((d) => d.caseId === caseId && offered.includes(d.type))
  drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
  return drafts[0]?.type ?? null
}

export function saveEventDraft(caseId: string, type: CaseEventType, values: FormValues, now: Date): boolean {
  const cutoff = new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString()
  const kept = Object.entries({
    ...readAll(),
    [slot(caseId, type)]: { caseId, type, values, savedAt: now.toISOString() },
  })
    .filter(([, d]) => d.savedAt >= cutoff)
    .sort(([, a], [, b]) => b.savedAt.localeCompare(a.savedAt))
  for (const [, old] of kept.slice(MAX_DRAFTS)) photosOf(old).forEach((p) => discardPhoto(p.localPath))
  return writeAll(Object.fromEntries(kept.slice(0, MAX_DRAFTS)))
}

/** The event was sent (or the form emptied): its draft and the photo copies it kept go. */
export function clearEventDraft(caseId: string, type: CaseEventType): void {
  const drafts = readAll()
  const draft = drafts[slot(caseId, type)]
  if (!draft) return
  photosOf(draft).forEach((p) => discardPhoto(p.localPath))
  delete drafts[slot(caseId, type)]
  writeAll(drafts)
}
