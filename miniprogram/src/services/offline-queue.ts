// The queue of staff actions kept on the device until the server has them — the rules, without Taro (the runner
// that stores it and talks to the network is services/offline.ts).
//
// - Each action gets its clientRequestId when it is queued and keeps it for every attempt: the server applies an
//   id once (cloudfunctions/common/act-once.ts), so an answer lost on the way back is simply asked again.
// - Actions are sent in the order they were taken. Actions on one case form a chain: the first carries the
//   version the officer saw; each next one waits for the one before it and carries the version that one's answer
//   gave — the officer saw its own earlier actions, not someone else's.
// - A network failure sends nothing further until a retry time that backs off (1 s, 2 s, 4 s … at most 60 s), or
//   until the network is back.
// - An action whose case changed meanwhile (CONFLICT) is kept with the case as it is now, and everything after it
//   on that case waits: the officer sees both and re-applies it on the current case or discards it. An action the
//   server refuses is kept with its reason. Nothing is dropped or overwritten without the officer's word.
import type { ApiResult } from '@shared/contracts/result'
import type { StaffCaseDetail } from '@shared/contracts/staff'

/** The case as the officer saw it when acting, or as it is when a conflict is found. */
export interface CaseSnapshot {
  version: number
  statusLabel: string
  /** How many entries its history had. */
  entries: number
}

/** What happened on the case since the officer saw it (a conflict shows it). */
interface CaseNow extends CaseSnapshot {
  newEntries: Array<{ label: string; at: string; by: string }>
}

export interface QueuedAction {
  /** The clientRequestId: made once, sent with every attempt. */
  id: string
  caseId: string
  refNo: string
  /** The action in words, as the officer took it: its label and its fields. */
  label: string
  lines: Array<{ label: string; value: string }>
  /** The event as it will be sent; photos kept on the device are named `device:<kept path>` until uploaded. */
  event: { type: string } & Record<string, unknown>
  photos: Array<{ path: string; fileId: string | null }>
  /** The version to send; null while it waits for the action before it on its case (`after`). */
  expectedVersion: number | null
  after: string | null
  seen: CaseSnapshot
  queuedAt: string
  state: 'waiting' | 'conflict' | 'refused'
  current?: CaseNow
  error?: { code: string; message: string }
}

export interface Queue {
  version: 1
  items: QueuedAction[]
  /** Consecutive network failures, and when to try again. */
  failures: number
  retryAt: string | null
}

export const emptyQueue = (): Queue => ({ version: 1, items: [], failures: 0, retryAt: null })

export const PHOTO_REF = 'device:'

/** The kept photos an event names (`device:<path>`), anywhere in it. */
function photoRefsOf(event: unknown): string[] {
  if (typeof event === 'string') return event.startsWith(PHOTO_REF) ? [event.slice(PHOTO_REF.length)] : []
  if (Array.isArray(event)) return event.flatMap(photoRefsOf)
  if (event && typeof event === 'object') return Object.values(event).flatMap(photoRefsOf)
  return []
}

/** The event with each kept photo replaced by its uploaded file id. */
function withUploadedPhotos<T>(event: T, uploaded: ReadonlyMap<string, string>): T {
  const swap = (v: unknown): unknown => {
    if (typeof v === 'string' && v.startsWith(PHOTO_REF)) return uploaded.get(v.slice(PHOTO_REF.length)) ?? v
    if (Array.isArray(v)) return v.map(swap)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]))
    return v
  }
  return swap(event) as T
}

export interface NewAction {
  id: string
  caseId: string
  refNo: string
  label: string
  lines: QueuedAction['lines']
  event: QueuedAction['event']
  seen: CaseSnapshot
}

/** Appends an action; behind another one still queued on the same case, it waits for it. */
export function enqueue(queue: Queue, action: NewAction, now: Date): Queue {
  const before = [...queue.items].reverse().find((i) => i.caseId === action.caseId)
  const item: QueuedAction = {
    ...action,
    photos: photoRefsOf(action.event).map((path) => ({ path, fileId: null })),
    expectedVersion: before ? null : action.seen.version,
    after: before?.id ?? null,
    queuedAt: now.toISOString(),
    state: 'waiting',
  }
  return { ...queue, items: [...queue.items, item] }
}

const replace = (queue: Queue, id: string, patch: Partial<QueuedAction>): Queue => ({
  ...queue,
  items: queue.items.map((i) => (i.id === id ? { ...i, ...patch } : i)),
})

/** Whether the queue may send now (not waiting out a network failure). */
export const maySend = (queue: Queue, now: Date) =>
  queue.retryAt === null || Date.parse(queue.retryAt) <= now.getTime()

/** The next action to send: the first waiting one with nothing before it on its case. */
export function nextToSend(queue: Queue): QueuedAction | null {
  return queue.items.find((i) => i.state === 'waiting' && i.after === null) ?? null
}

/** Waits before the next attempt after `failures` failures in a row. */
export function backoffMs(failures: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, failures - 1))
}

export function networkFailed(queue: Queue, now: Date): Queue {
  const failures = queue.failures + 1
  return { ...queue, failures, retryAt: new Date(now.getTime() + backoffMs(failures)).toISOString() }
}

/** The network is back (or a call got through): try again now. */
export const networkBack = (queue: Queue): Queue => ({ ...queue, failures: 0, retryAt: null })

/** A photo of an action was uploaded: kept, so a retry does not upload it again. */
export const photoUploaded = (queue: Queue, id: string, path: string, fileId: string): Queue => ({
  ...queue,
  items: queue.items.map((i) =>
    i.id === id ? { ...i, photos: i.photos.map((p) => (p.path === path ? { ...p, fileId } : p)) } : i,
  ),
})

/** Applied: it leaves the queue; the action after it on its case now carries the version it gave. */
export function applied(queue: Queue, id: string, version: number): Queue {
  return {
    ...networkBack(queue),
    items: queue.items
      .filter((i) => i.id !== id)
      .map((i) => (i.after === id ? { ...i, after: null, expectedVersion: version } : i)),
  }
}

/** The case changed meanwhile: kept, with the case as it is now, until the officer decides. */
const conflicted = (queue: Queue, id: string, current: CaseNow): Queue =>
  replace(networkBack(queue), id, { state: 'conflict', current, error: undefined })

/** Refused by the server for another reason: kept, with the reason, until the officer decides. */
const refused = (queue: Queue, id: string, error: { code: string; message: string }): Queue =>
  replace(networkBack(queue), id, { state: 'refused', error })

/** The officer applies it again on the case as it is now (`version`), with the same request id. */
export const reapply = (queue: Queue, id: string, version: number): Queue =>
  replace(queue, id, { state: 'waiting', expectedVersion: version, current: undefined, error: undefined })

/** The officer discards it: the action after it on its case takes its place (the version it was to carry). */
export function discard(queue: Queue, id: string): Queue {
  const gone = queue.items.find((i) => i.id === id)
  if (!gone) return queue
  return {
    ...queue,
    items: queue.items
      .filter((i) => i.id !== id)
      .map((i) => (i.after === id ? { ...i, after: gone.after, expectedVersion: gone.expectedVersion } : i)),
  }
}

/** What happened on a case since the officer saw it, from the case as it is now. */
function caseNow(detail: StaffCaseDetail, seen: CaseSnapshot): CaseNow {
  return {
    version: detail.version,
    statusLabel: detail.statusLabel,
    entries: detail.timeline.length,
    newEntries: detail.timeline.slice(seen.entries).map((e) => ({
      label: e.label,
      at: e.at,
      by: e.actor ? (e.actor.name ? `${e.actor.name}（${e.actor.post}）` : e.actor.post) : '',
    })),
  }
}

export const snapshotOf = (detail: StaffCaseDetail): CaseSnapshot => ({
  version: detail.version,
  statusLabel: detail.statusLabel,
  entries: detail.timeline.length,
})

/** What sending one action came to. */
export type SendOutcome =
  | { kind: 'applied'; detail: StaffCaseDetail }
  | { kind: 'network' }
  | { kind: 'conflict'; current: CaseNow }
  | { kind: 'refused'; error: { code: string; message: string } }

/** What sending needs from the platform (injected: the runner gives the real ones, tests their own). */
export interface Transport {
  /** A path the kept photo can be uploaded from now; null when it is gone. */
  openPhoto(path: string): Promise<string | null>
  upload(path: string): Promise<ApiResult<{ fileId: string }>>
  act(input: {
    caseId: string
    expectedVersion: number
    event: QueuedAction['event']
    clientRequestId: string
  }): Promise<ApiResult<StaffCaseDetail>>
  getCase(caseId: string): Promise<ApiResult<StaffCaseDetail>>
}

const PHOTO_GONE = {
  code: 'PHOTO_MISSING',
  message: '这项操作的照片在手机上已找不到，无法上传：请放弃这项操作，重新拍摄后再提交',
}

/**
 * Sends one action: its photos first (each upload kept through `onUploaded` as soon as it is done), then the
 * event with its request id. Reads the case again when the server answers CONFLICT, to show what changed.
 */
export async function sendAction(
  item: QueuedAction,
  transport: Transport,
  onUploaded: (path: string, fileId: string) => void,
): Promise<SendOutcome> {
  const uploaded = new Map<string, string>()
  for (const photo of item.photos) {
    if (photo.fileId) {
      uploaded.set(photo.path, photo.fileId)
      continue
    }
    const local = await transport.openPhoto(photo.path)
    if (!local) return { kind: 'refused', error: PHOTO_GONE }
    const res = await transport.upload(local)
    if (!res.ok) {
      return res.error.code === 'NETWORK'
        ? { kind: 'network' }
        : { kind: 'refused', error: { code: res.error.code, message: `照片未能上传：${res.error.message}` } }
    }
    uploaded.set(photo.path, res.data.fileId)
    onUploaded(photo.path, res.data.fileId)
  }
  if (item.expectedVersion === null) throw new Error('an action waiting for another one cannot be sent')
  const res = await transport.act({
    caseId: item.caseId,
    expectedVersion: item.expectedVersion,
    event: withUploadedPhotos(item.event, uploaded),
    clientRequestId: item.id,
  })
  if (res.ok) return { kind: 'applied', detail: res.data }
  if (res.error.code === 'NETWORK') return { kind: 'network' }
  if (res.error.code !== 'CONFLICT') return { kind: 'refused', error: res.error }
  const now = await transport.getCase(item.caseId)
  if (!now.ok)
    return now.error.code === 'NETWORK' ? { kind: 'network' } : { kind: 'refused', error: now.error }
  return { kind: 'conflict', current: caseNow(now.data, item.seen) }
}

/** The queue after an outcome of the background sync (applied, backed off, or kept for the officer). */
function settle(queue: Queue, item: QueuedAction, outcome: SendOutcome, now: Date): Queue {
  switch (outcome.kind) {
    case 'applied':
      return applied(queue, item.id, outcome.detail.version)
    case 'network':
      return networkFailed(queue, now)
    case 'conflict':
      return conflicted(queue, item.id, outcome.current)
    case 'refused':
      return refused(queue, item.id, outcome.error)
  }
}

/** Where the queue is kept (the runner: the device's storage; tests: memory). Reads and writes are immediate. */
export interface QueueStore {
  load(): Queue
  save(queue: Queue): void
}

/**
 * Sends what waits, in order, until the queue is empty, blocked on the officer, or the network fails. Every change
 * is written as it happens (an upload, an answer), so a closed app loses nothing and repeats nothing it need not.
 */
export async function drain(
  store: QueueStore,
  transport: Transport,
  now: () => Date,
  onApplied: (item: QueuedAction, detail: StaffCaseDetail) => void = () => undefined,
): Promise<void> {
  for (;;) {
    const queue = store.load()
    if (!maySend(queue, now())) return
    const item = nextToSend(queue)
    if (!item) return
    const outcome = await sendAction(item, transport, (path, fileId) =>
      store.save(photoUploaded(store.load(), item.id, path, fileId)),
    )
    store.save(settle(store.load(), item, outcome, now()))
    if (outcome.kind === 'applied') onApplied(item, outcome.detail)
    if (outcome.kind === 'network') return
  }
}
