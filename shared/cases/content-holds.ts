// Citizen content a case holds back (content security, docs/architecture.md): text the check sent to a person
// (`review`, or the check failed) and photos that are in review or whose check has not answered. Held content
// reaches staff flagged, is never shown to anyone else, and the citizen is told; a staff member clears it.
// Pure functions over the stored case: screening.ts decides what is held, the views (views/) read it.
import {
  CONTENT_SUBJECTS,
  type ContentHold,
  type HeldContentView,
  type HeldPhoto,
  type NewHold,
} from './held-content'
import type { CaseDoc } from './case-doc'

/** The case's holds (cases filed before content review have none). */
export function holdsOf(doc: Pick<CaseDoc, 'contentHolds'>): ContentHold[] {
  return doc.contentHolds ?? []
}

/** The holds with one more, for content carried by history entry `entry` (null: the report itself). */
export function withHold(holds: readonly ContentHold[], hold: NewHold, entry: number | null): ContentHold[] {
  const id = entry === null ? hold.subject : `${hold.subject}-${entry}`
  return [...holds.filter((h) => h.id !== id), { ...hold, id, entry }]
}

/** A hold still waiting for a photo check cannot be cleared by a person yet. */
export function isClearable(hold: ContentHold): boolean {
  return hold.photos.every((p) => p.state !== 'pending')
}

/**
 * Whether citizens other than the reporter may see the case (offered as similar, followed, its place shown):
 * only once its photos were checked and nothing of the report itself is held.
 */
export function visibleToOthers(doc: Pick<CaseDoc, 'screening' | 'contentHolds'>): boolean {
  return doc.screening === 'passed' && !holdsOf(doc).some((h) => h.subject === 'report')
}

/** Photos of the case held back (in review or being checked): not shown with the accepted photos. */
export function heldPhotoIds(doc: Pick<CaseDoc, 'contentHolds'>): Set<string> {
  return new Set(holdsOf(doc).flatMap((h) => h.photos.map((p) => p.fileId)))
}

/** Photos whose check has not answered, across all holds. */
export function pendingPhotoIds(doc: Pick<CaseDoc, 'contentHolds'>): string[] {
  return holdsOf(doc).flatMap((h) => h.photos.filter((p) => p.state === 'pending').map((p) => p.fileId))
}

/**
 * The case after the answers of photo checks (`passed`, `review`, `rejected`; a photo whose record is gone
 * counts as rejected): passed photos leave their hold, refused ones leave the case, the report stays held
 * back from staff while any of its own photos is still being checked.
 */
export function afterPhotoVerdicts(
  doc: Pick<CaseDoc, 'contentHolds' | 'photos'>,
  verdicts: ReadonlyMap<string, 'passed' | 'pending' | 'review' | 'rejected'>,
): { contentHolds: ContentHold[]; photos: string[]; screening: CaseDoc['screening']; refused: string[] } {
  const refused: string[] = []
  const contentHolds = holdsOf(doc).flatMap((hold) => {
    const photos = hold.photos.flatMap((photo): HeldPhoto[] => {
      if (photo.state !== 'pending') return [photo]
      const verdict = verdicts.get(photo.fileId) ?? 'pending'
      if (verdict === 'pending') return [photo]
      if (verdict === 'review') return [{ ...photo, state: 'review' }]
      if (verdict === 'rejected') refused.push(photo.fileId)
      return []
    })
    return hold.text || photos.length > 0 ? [{ ...hold, photos }] : []
  })
  const reportPending = contentHolds.some(
    (h) => h.subject === 'report' && h.photos.some((p) => p.state === 'pending'),
  )
  return {
    contentHolds,
    photos: doc.photos.filter((fileId) => !refused.includes(fileId)),
    screening: reportPending ? 'pending' : 'passed',
    refused,
  }
}

/** What the reporter is told about their own held content (null when nothing is held). */
export function contentNoticeOf(doc: Pick<CaseDoc, 'screening' | 'contentHolds'>): string | null {
  const holds = holdsOf(doc)
  const names = (list: ContentHold[]) => [...new Set(list.map((h) => CONTENT_SUBJECTS[h.subject]))].join('、')
  const parts: string[] = []
  if (doc.screening === 'pending') {
    parts.push('照片正在进行内容安全检查，检查通过后即转交办理单位；未通过检查的照片会被删除。')
  } else {
    const checking = holds.filter((h) => h.photos.some((p) => p.state === 'pending'))
    if (checking.length) {
      parts.push(`您提交的${names(checking)}中的照片正在进行内容安全检查，未通过检查的照片会被删除。`)
    }
  }
  const review = holds.filter((h) => h.text || h.photos.some((p) => p.state === 'review'))
  if (review.length) {
    parts.push(`您提交的${names(review)}需经人工审核（已收到，不影响办理），审核通过前仅办理人员可见。`)
  }
  return parts.length ? parts.join('') : null
}

/** The held text of a piece of content, from the case. */
function heldText(doc: CaseDoc, hold: ContentHold): string | null {
  if (!hold.text) return null
  if (hold.subject === 'report') {
    return [
      `描述：${doc.description}`,
      doc.reportedEntity ? `被反映单位：${doc.reportedEntity}` : null,
      `地点：${doc.location.address}`,
    ]
      .filter(Boolean)
      .join('\n')
  }
  const event = hold.entry === null ? undefined : doc.history[hold.entry]?.event
  if (event?.type === 'rate-reply' || event?.type === 'accept-reply') return event.comment || null
  if (event?.type === 'supply-supplement') return event.content
  if (event?.type === 'request-review' || event?.type === 'request-re-review') return event.grounds
  return null
}

function reasonOf(hold: ContentHold): string {
  const review = hold.photos.filter((p) => p.state === 'review').length
  const pending = hold.photos.length - review
  return [
    hold.text ? '文字未能通过自动检查，需人工审核' : null,
    review ? `${review} 张照片未能通过自动检查，需人工审核` : null,
    pending ? `${pending} 张照片正在自动检查` : null,
  ]
    .filter(Boolean)
    .join('；')
}

/** The held content of a case as staff see it; `photoUrls` holds links of the photos in review. */
export function heldContentViews(doc: CaseDoc, photoUrls: Record<string, string>): HeldContentView[] {
  return holdsOf(doc).map((hold) => ({
    holdId: hold.id,
    subject: hold.subject,
    label: CONTENT_SUBJECTS[hold.subject],
    reason: reasonOf(hold),
    text: heldText(doc, hold),
    photos: hold.photos.map((p) => ({
      fileId: p.fileId,
      url: p.state === 'review' ? (photoUrls[p.fileId] ?? null) : null,
      checking: p.state === 'pending',
    })),
    since: hold.since,
    clearable: isClearable(hold),
  }))
}

/** Whether the content carried by history entry `index` is held (staff timeline shows it only in the hold). */
export function isEntryHeld(doc: Pick<CaseDoc, 'contentHolds'>, index: number): boolean {
  return holdsOf(doc).some((h) => h.entry === index)
}
