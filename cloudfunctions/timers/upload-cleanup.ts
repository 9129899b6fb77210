// The removal of uploads nobody attached (part of the timers function's hourly run): a photo uploaded for a draft that was
// never sent is deleted, file and record, UNATTACHED_UPLOAD_DAYS after its upload.
//
// Scale: the indexed query `caseId = null, createdAt < cutoff` in pages of ≤ 100, resumable (paged-job.ts).
// Safety: an upload attached to a case (a report, a supplement, a site visit) has `caseId` and is never
// selected. One being attached right now is protected by versions: the removal first claims the record at the
// version it read (`discarding`), which fails if a submission attached it meanwhile; once claimed, no
// submission can attach it (ownUploads and attachUploadsInTx refuse it). Then the file, then the record: a run
// that fails in between leaves a claimed record that the next run finishes.
import { UNATTACHED_UPLOAD_DAYS } from '../../shared/contracts/files'
import type { UploadCleanupReport } from '../../shared/contracts/timers'
import { toShanghaiIso } from '../../shared/time'
import { COLLECTIONS } from '../common/collections'
import { runPagedJob, type PagedJobOptions } from '../common/paged-job'
import { DocNotFoundError, VersionConflictError, type Runtime, type WithId } from '../common/ports'
import type { UploadDoc } from '../common/uploads'

const UPLOAD_CLEANUP_JOB_ID = 'upload-cleanup'

const DAY_MS = 24 * 3600_000

async function discard(runtime: Runtime, upload: WithId<UploadDoc>): Promise<void> {
  if (!upload.discarding) {
    await runtime.db.update<UploadDoc>(COLLECTIONS.uploads, upload._id, { discarding: true }, upload._version)
  }
  await runtime.blobs.remove([upload.fileId])
  await runtime.db.remove(COLLECTIONS.uploads, upload._id)
}

export async function runUploadCleanup(
  runtime: Runtime,
  options: PagedJobOptions = {},
): Promise<UploadCleanupReport> {
  const cutoff = toShanghaiIso(new Date(runtime.clock.now().getTime() - UNATTACHED_UPLOAD_DAYS * DAY_MS))
  const report: UploadCleanupReport = {
    examined: 0,
    removed: 0,
    conflicts: 0,
    failures: 0,
    complete: false,
    busy: false,
    pages: 0,
    slowestPageMs: 0,
  }
  const outcome = await runPagedJob(
    runtime,
    UPLOAD_CLEANUP_JOB_ID,
    options,
    (page) =>
      runtime.db.find<UploadDoc>(COLLECTIONS.uploads, {
        filter: { caseId: null, createdAt: { $lt: cutoff } },
        orderBy: [['createdAt', 'asc']],
        ...page,
      }),
    async (upload) => {
      report.examined++
      try {
        await discard(runtime, upload)
        report.removed++
      } catch (error) {
        // Attached or changed since the page was read (or removed by an overlapping run): left alone.
        if (error instanceof VersionConflictError || error instanceof DocNotFoundError) report.conflicts++
        else {
          report.failures++
          runtime.log.error('upload cleanup: upload failed', { fileId: upload.fileId, error: String(error) })
        }
      }
    },
  )
  Object.assign(report, outcome)
  runtime.log.info('upload cleanup', { ...report, cutoff })
  return report
}
