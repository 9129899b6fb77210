// Content security results that arrive later (mediaCheckAsync, cloud only): a photo passes or is refused, and
// a case held while its photos were being checked is released to staff — without the refused photos, which
// are deleted. Nothing refused is ever shown to staff.
import type { CaseDoc } from './case-records'
import { registrationOf } from './case-workflow'
import { COLLECTIONS } from './collections'
import { sendCaseNotices } from './notifications'
import type { Runtime } from './ports'
import type { MediaCheckEvent } from './router'
import { uploadDocId, type UploadDoc } from './uploads'

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
    // A failed check (errcode ≠ 0) is not a pass: it is treated like a refusal (the reporter can re-upload).
    const passed = !event.errcode && (event.result?.suggest === 'pass' || event.result?.suggest === 'review')
    screening = passed ? 'passed' : 'rejected'
    await runtime.db.update<UploadDoc>(COLLECTIONS.uploads, upload._id, { screening }, upload._version)
  }
  // Also on a redelivered result, so a step that failed the first time is completed now (both idempotent).
  if (screening === 'rejected') await runtime.blobs.remove([upload.fileId])
  if (upload.caseId) await releaseIfScreened(runtime, upload.caseId)
  return { updated: upload.screening === 'pending' }
}

/** When none of a held case's photos is still pending: drop refused photos, release it, send its registration notices. */
export async function releaseIfScreened(runtime: Runtime, caseId: string): Promise<void> {
  const doc = await runtime.db.get<CaseDoc>(COLLECTIONS.cases, caseId)
  if (!doc || doc.screening !== 'pending') return
  const uploads = await Promise.all(
    doc.photos.map((fileId) => runtime.db.get<UploadDoc>(COLLECTIONS.uploads, uploadDocId(fileId))),
  )
  if (uploads.some((u) => u?.screening === 'pending')) return
  const photos = doc.photos.filter((_, i) => uploads[i]?.screening === 'passed')
  await runtime.db.update<CaseDoc>(COLLECTIONS.cases, caseId, { screening: 'passed', photos }, doc._version)
  const released = { ...doc, screening: 'passed' as const, photos, _version: doc._version + 1 }
  const registration = registrationOf(released)
  await sendCaseNotices(runtime, released, registration.effects, registration.entry)
}
