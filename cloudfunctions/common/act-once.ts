// A staff action applied exactly once. The device makes a clientRequestId for each action and sends it again
// with every retry — an action queued without a network and sent when it returns, or one whose answer was lost
// on a weak network. The id is kept on the history entry the action made, in the same versioned write, so a
// retry finds it and answers the case as it is now: nothing is applied twice, and the retry is not refused as a
// conflict for carrying the version it was first sent with. Two copies racing: the write that lands first wins,
// the other's versioned write fails, and it then finds the entry.
import { AppError } from '../../shared/contracts/result'
import type { StoredCase } from '../../shared/cases/case-doc'
import type { Actor, CaseEvent, HistoryEntry } from '../../shared/workflow'
import type { CaseAccess } from './case-access'
import { applyCaseEvent, type ApplyOptions } from './case-workflow'
import { VersionConflictError, type Runtime } from './ports'

export interface ActRequest {
  caseId: string
  event: CaseEvent
  clientRequestId?: string
}

/** The entry this actor's request made, if it was applied; a request id reused for another event is refused. */
function entryOfRequest(
  doc: Pick<StoredCase, 'history'>,
  actor: Actor,
  request: Pick<ActRequest, 'event' | 'clientRequestId'>,
): HistoryEntry | null {
  const id = request.clientRequestId
  if (!id) return null
  const entry = doc.history.find((h) => h.requestId === id && h.actor.id === actor.id) ?? null
  if (entry && entry.event.type !== request.event.type) {
    throw new AppError('VALIDATION_FAILED', '请求编号已用于另一项操作，请刷新后重新操作')
  }
  return entry
}

const isConflict = (error: unknown) =>
  error instanceof VersionConflictError || (error instanceof AppError && error.code === 'CONFLICT')

/** What `prepare` gives: the options of the write, and the event as checked (the request's when absent). */
export interface PreparedAct extends ApplyOptions {
  event?: CaseEvent
}

/**
 * Applies `request.event` to the case (already loaded through `access`) unless this request was applied before;
 * answers the case as stored after it. `prepare` runs only when the event is to be applied (checking the units,
 * people and photos it names) and gives the options of the write and the event as checked.
 */
export async function applyOnce(
  runtime: Runtime,
  access: CaseAccess,
  loaded: StoredCase,
  request: ActRequest,
  prepare: () => Promise<PreparedAct>,
): Promise<StoredCase> {
  if (entryOfRequest(loaded, access.actor, request)) return loaded
  const { event = request.event, ...options } = await prepare()
  try {
    const { doc } = await applyCaseEvent(runtime, access, loaded._id, event, {
      ...options,
      requestId: request.clientRequestId,
    })
    return doc
  } catch (error) {
    if (!request.clientRequestId || !isConflict(error)) throw error
    // Changed meanwhile: by another copy of this very request (applied: answer it), or by someone else.
    const current = await access.load(loaded._id)
    if (entryOfRequest(current, access.actor, request)) return current
    throw error
  }
}
