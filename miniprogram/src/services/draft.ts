// The report draft: everything typed and chosen, kept on the device until the report is filed, so closing
// the app, a call coming in or a dead battery loses nothing. The clientRequestId is part of the draft and is
// only renewed after a successful submit: every retry of the same draft maps to the same case.
import type { CategoryKey, PollutionSourceKey } from '@shared/vocabulary/categories'
import type { RequestTypeKey } from '@shared/vocabulary/request-types'
import { discardPhoto } from '../platform/photo-store'
import { readStored, removeStored, userKey, writeStored } from '../platform/storage'

const KEY = 'gw.reportDraft'
const VERSION = 1

export interface DraftPhoto {
  key: string
  /** Path kept on the device (weapp user data; h5 blob: URL, valid for this page session only). */
  localPath: string | null
  /** Set once uploaded and accepted by the server. */
  fileId: string | null
  size: number
  originalSize: number
}

/**
 * How the position was obtained, so the form can say so: the map picker, the phone's own position, a demo
 * place of local mode, or coordinates typed in.
 */
export type PositionOrigin = 'map' | 'device' | 'demo' | 'typed'

export interface DraftPosition {
  lat: number
  lng: number
  coordSystem: 'gcj02' | 'wgs84'
  /** Absent in drafts saved before it was recorded. */
  origin?: PositionOrigin
  /** The demo place's name (origin `demo`). */
  placeName?: string
}

export interface ReportDraft {
  version: typeof VERSION
  clientRequestId: string
  requestType: RequestTypeKey
  category: CategoryKey | null
  source: PollutionSourceKey | null
  description: string
  photos: DraftPhoto[]
  position: DraftPosition | null
  address: string
  /** ISO time with +08:00; null = happening now. */
  occurredAt: string | null
  reportedEntity: string
  reporterMode: 'real-name' | 'anonymous'
  name: string
  phone: string
  consent: boolean
  /** When the draft was last written to the device. */
  savedAt: string | null
}

export function newRequestId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`
}

export function emptyDraft(): ReportDraft {
  return {
    version: VERSION,
    clientRequestId: newRequestId(),
    requestType: 'complaint',
    category: null,
    source: null,
    description: '',
    photos: [],
    position: null,
    address: '',
    occurredAt: null,
    reportedEntity: '',
    reporterMode: 'real-name',
    name: '',
    phone: '',
    consent: false,
    savedAt: null,
  }
}

/** Nothing worth keeping yet (a fresh form, perhaps with only a preset category). */
export function isDraftBlank(d: ReportDraft): boolean {
  return (
    !d.description.trim() &&
    d.photos.length === 0 &&
    !d.position &&
    !d.address.trim() &&
    !d.reportedEntity.trim() &&
    !d.name.trim() &&
    !d.phone.trim()
  )
}

export function loadDraft(): ReportDraft | null {
  const stored = readStored<ReportDraft>(userKey(KEY))
  if (!stored || typeof stored !== 'object' || stored.version !== VERSION) return null
  return { ...emptyDraft(), ...stored, photos: Array.isArray(stored.photos) ? stored.photos : [] }
}

export function saveDraft(draft: ReportDraft): boolean {
  return writeStored(userKey(KEY), draft)
}

/** After a successful submit (or 清空重填): the draft and its kept photos go. */
export function clearDraft(draft?: ReportDraft | null): void {
  for (const photo of (draft ?? loadDraft())?.photos ?? []) discardPhoto(photo.localPath)
  removeStored(userKey(KEY))
}

export function hasDraft(): boolean {
  const d = loadDraft()
  return d !== null && !isDraftBlank(d)
}
