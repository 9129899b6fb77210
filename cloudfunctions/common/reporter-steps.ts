// A reporter's own steps on their case — supplying material, rating the reply, asking for 复查 or 复核: only the
// case's reporter may take them (a follower reads, does not act); what they write and attach goes through
// content security first (refused before anything is written, or held on the event for a person); the workflow
// applies the event, with the hold and the photos, in one write; then the fresh view of the case.
import type { StoredCase } from '../../shared/cases/case-doc'
import { holdsOf, withHold } from '../../shared/cases/content-holds'
import type { NewHold } from '../../shared/cases/held-content'
import type { CaseDetailForReporter } from '../../shared/cases/views'
import { AppError } from '../../shared/contracts/result'
import type { CaseEvent } from '../../shared/workflow'
import { citizenCaseAccess, type CitizenCaseAccess } from './case-access'
import { followedCaseView } from './case-views'
import { applyCaseEvent } from './case-workflow'
import type { Runtime } from './ports'
import { rescreenCase, screenCitizenContent, type CitizenContent } from './screening'

/** A case this citizen reported (a follower may read it, not act on it). */
async function reportersCase(access: CitizenCaseAccess, caseId: string): Promise<void> {
  const found = await access.followed(caseId)
  if (found.follow.relation !== 'reporter') throw new AppError('FORBIDDEN', '只有反映人本人可以进行此操作')
}

/** Holds content carried by the event about to be appended (its history index is the current length). */
function holdOnEvent(hold: NewHold | null) {
  return (before: StoredCase) =>
    hold ? { contentHolds: withHold(holdsOf(before), hold, before.history.length) } : {}
}

/** The reporter sends `event` on their case, carrying `content` (its texts and photos, by input field). */
export async function reporterStep(
  runtime: Runtime,
  openid: string,
  caseId: string,
  event: CaseEvent,
  content: CitizenContent,
): Promise<CaseDetailForReporter> {
  const access = citizenCaseAccess(runtime, openid)
  await reportersCase(access, caseId)
  const { uploads, hold } = await screenCitizenContent(runtime, openid, content)
  await applyCaseEvent(runtime, access, caseId, event, {
    extraPatch: holdOnEvent(hold),
    attach: uploads,
  })
  // A photo check that answered before the photo was attached has found no case to update: apply it now (the
  // step is saved: this never fails the action; the next answer applies it otherwise).
  if (hold?.photos.some((p) => p.state === 'pending')) {
    await rescreenCase(runtime, caseId).catch((error: unknown) =>
      runtime.log.warn('rescreen after a reporter step failed', { caseId, error: String(error) }),
    )
  }
  return followedCaseView(runtime, access, caseId)
}
