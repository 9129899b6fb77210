// Content security of everything a citizen sends, on one path (policy: docs/architecture.md):
// - `screenCitizenContent` checks the texts of a submission (msgSecCheck) and its photos (checked at upload,
//   mediaCheckAsync): risky → refused with a message on the field; review, or a check that failed → accepted
//   and held for a person (content-holds.ts); a photo whose check has not answered → held until it does.
// - `handleMediaCheck` takes the late answers of mediaCheckAsync and updates the case holding the photo:
//   a report held back from staff is released (with its registration notices), refused photos are deleted.
// - `clearHold`: a staff member who looked at held content clears it (audited in the same write).
import { type ContentSubject } from '../../shared/cases/held-content'
import { AppError } from '../../shared/contracts/result'
import { toShanghaiIso } from '../../shared/time'
import type { CaseDoc, StoredCase } from '../../shared/cases/case-doc'
import { audit } from './audit'
import { checkVersion, registrationOf } from './case-workflow'
import { afterPhotoVerdicts, holdsOf, isClearable, pendingPhotoIds } from '../../shared/cases/content-holds'
import { type NewHold } from '../../shared/cases/held-content'
import { COLLECTIONS } from './collections'
import { sendCaseNotices } from './notifications'
import type { ContentVerdict, Runtime, WithId } from './ports'
import type { MediaCheckEvent } from './router'
import type { StaffRecord } from './staff-records'
import { ownUploads, uploadsOf, type UploadDoc } from './uploads'

export interface CitizenContent {
  subject: ContentSubject
  /** msgSecCheck scene: a report's words, or a comment (rating). */
  scene: 'report' | 'comment'
  /** Each text with the input field it came from, so a refusal names the field. Empty texts are skipped. */
  texts: ReadonlyArray<{ field: string; text: string | null | undefined }>
  /** File ids of the caller's own uploads (checked when they were uploaded). */
  photos?: readonly string[]
}

export interface ScreenedContent {
  /** The upload records of the photos, to attach to the case in the same write. */
  uploads: WithId<UploadDoc>[]
  /** What must be held for a person or a pending check; null when everything passed. */
  hold: NewHold | null
}

/** A text check that fails is not a pass: the text goes to a person. */
async function textVerdict(
  runtime: Runtime,
  openid: string,
  text: string,
  scene: CitizenContent['scene'],
): Promise<ContentVerdict> {
  try {
    return (await runtime.contentCheck.checkText({ text, openid, scene })).verdict
  } catch (error) {
    runtime.log.warn('text check failed: held for manual review', { error: String(error) })
    return 'review'
  }
}

/**
 * Checks one submission of citizen content. Throws CONTENT_REJECTED (naming every refused field) before
 * anything is written; otherwise answers what to hold.
 */
export async function screenCitizenContent(
  runtime: Runtime,
  openid: string,
  content: CitizenContent,
): Promise<ScreenedContent> {
  const uploads = await ownUploads(runtime.db, openid, content.photos ?? [])
  const texts = content.texts.filter((t): t is { field: string; text: string } => Boolean(t.text?.trim()))
  const verdicts = await Promise.all(texts.map((t) => textVerdict(runtime, openid, t.text, content.scene)))
  const refused = texts.filter((_, i) => verdicts[i] === 'risky')
  if (refused.length > 0) {
    throw new AppError(
      'CONTENT_REJECTED',
      '内容未通过安全检查，请删除不当用语后重新提交',
      Object.fromEntries(refused.map((t) => [t.field, '含有不适宜的内容'])),
    )
  }
  const hold: NewHold = {
    subject: content.subject,
    text: verdicts.includes('review'),
    photos: uploads.flatMap((u) =>
      u.screening === 'review' || u.screening === 'pending' ? [{ fileId: u.fileId, state: u.screening }] : [],
    ),
    since: toShanghaiIso(runtime.clock.now()),
  }
  return { uploads, hold: hold.text || hold.photos.length > 0 ? hold : null }
}

/** mediaCheckAsync's answer as an upload's screening: only an explicit pass passes. */
function screeningOf(event: MediaCheckEvent): UploadDoc['screening'] {
  if (event.errcode) return 'review' // the check failed: a person looks at the photo
  const suggest = event.result?.suggest
  if (suggest === 'pass') return 'passed'
  if (suggest === 'risky') return 'rejected'
  return 'review'
}

export async function handleMediaCheck(
  event: MediaCheckEvent,
  runtime: Runtime,
): Promise<{ updated: boolean }> {
  const page = await runtime.db.find<UploadDoc>(COLLECTIONS.uploads, {
    filter: { traceId: event.trace_id },
    limit: 1,
  })
  const upload = page.items[0]
  if (!upload) return { updated: false }
  let screening = upload.screening
  if (screening === 'pending') {
    screening = screeningOf(event)
    await runtime.db.update<UploadDoc>(COLLECTIONS.uploads, upload._id, { screening }, upload._version)
  }
  // Also on a redelivered result, so a step that failed the first time is completed now (both idempotent).
  if (screening === 'rejected') await runtime.blobs.remove([upload.fileId])
  if (upload.caseId) await rescreenCase(runtime, upload.caseId)
  return { updated: upload.screening === 'pending' }
}

/**
 * Applies the photo checks that have answered to the case holding the photos: passed photos leave their hold,
 * photos in review stay held for a person, refused ones leave the case. A report held back from staff is
 * released once none of its photos is pending, and sends its registration notices then.
 */
export async function rescreenCase(runtime: Runtime, caseId: string): Promise<void> {
  const doc = await runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId)
  if (!doc) return
  const pending = pendingPhotoIds(doc)
  if (pending.length === 0) return
  const uploads = await uploadsOf(runtime.db, pending)
  const verdicts = new Map(pending.map((fileId) => [fileId, uploads.get(fileId)?.screening ?? 'rejected']))
  const next = afterPhotoVerdicts(doc, verdicts)
  if (pendingPhotoIds(next).length === pending.length) return
  const patch = { contentHolds: next.contentHolds, photos: next.photos, screening: next.screening }
  await runtime.db.update<CaseDoc>(COLLECTIONS.cases, caseId, patch, doc._version)
  if (doc.screening === 'pending' && next.screening === 'passed') {
    const released = { ...doc, ...patch, _version: doc._version + 1 }
    const registration = registrationOf(released)
    await sendCaseNotices(runtime, released, registration.effects, registration.entry)
  }
}

/**
 * A staff member has looked at held content and clears it: it is no longer flagged and others may see it. The
 * clearance and its audit record are one write: held content is never released unrecorded.
 */
export async function clearHold(
  runtime: Runtime,
  staff: StaffRecord,
  doc: StoredCase,
  request: { holdId: string; expectedVersion: number },
  at: string,
): Promise<void> {
  const hold = holdsOf(doc).find((h) => h.id === request.holdId)
  if (!hold) throw new AppError('NOT_FOUND', '没有这项待审核内容，可能已被审核')
  if (!isClearable(hold)) {
    throw new AppError('ILLEGAL_TRANSITION', '照片的自动检查还没有结果，请有结果后再审核')
  }
  checkVersion(doc, request.expectedVersion)
  await runtime.db.transaction(async (tx) => {
    const contentHolds = holdsOf(doc).filter((h) => h.id !== hold.id)
    await tx.update<CaseDoc>(COLLECTIONS.cases, doc._id, { contentHolds }, doc._version)
    await audit(tx, 'clear-held-content', doc._id, staff, at, { holdId: hold.id })
  })
}
