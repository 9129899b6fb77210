// Staff actions taken without a network: kept on the device (storage, per user) with their photos kept as files
// (platform/photo-store), sent in the order they were taken when the network returns (network status, and retries
// that back off), each applied once (its clientRequestId). A conflict or a refusal is kept for the officer to
// decide. The rules are services/offline-queue.ts; this runs them. Also the last view of each case the officer
// opened, so a case can be read and worked on where there is no network.
import type { ApiError } from '@shared/contracts/result'
import type { StaffCaseDetail } from '@shared/contracts/staff'
import { uploadImage } from '../platform/cloud'
import { isOnline, onNetworkChange } from '../platform/network'
import { discardKeptPhoto, openKeptPhoto } from '../platform/photo-store'
import { readStored, userKey, writeStored } from '../platform/storage'
import { newRequestId } from './draft'
import * as Q from './offline-queue'
import { actOnCase, getStaffCase } from './staff'

const QUEUE_KEY = 'gw.offlineQueue'
const CACHE_KEY = 'gw.staffCaseCache'
const CACHED_CASES = 20

function load(): Q.Queue {
  const stored = readStored<Q.Queue>(userKey(QUEUE_KEY))
  return stored && stored.version === 1 && Array.isArray(stored.items) ? stored : Q.emptyQueue()
}

export interface QueueEvent {
  /** An action of this case was applied (the case as the server answered it). */
  applied?: StaffCaseDetail
}
const listeners = new Set<(event: QueueEvent) => void>()

/** Called whenever the queue changes, or an action it held is applied. */
export function subscribeQueue(listener: (event: QueueEvent) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const notify = (event: QueueEvent = {}) => listeners.forEach((l) => l(event))

/** Read, change, write at once (no await in between: the queue is never written from a stale copy). */
function update(change: (queue: Q.Queue) => Q.Queue): Q.Queue {
  const next = change(load())
  writeStored(userKey(QUEUE_KEY), next)
  notify()
  return next
}

export const queuedActions = (): Q.QueuedAction[] => load().items

/** One send at a time: an action the officer just took and the background sync never race for the same item. */
let chain: Promise<unknown> = Promise.resolve()
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const run = chain.then(work, work)
  chain = run.catch(() => undefined)
  return run
}

const transport: Q.Transport = {
  openPhoto: openKeptPhoto,
  // No retry of its own: the queue retries, with its back-off.
  upload: (path) => uploadImage(path),
  act: (input) => actOnCase({ ...input, event: input.event as never }),
  getCase: getStaffCase,
}

const keepUpload = (id: string) => (path: string, fileId: string) =>
  void update((q) => Q.photoUploaded(q, id, path, fileId))

function whenApplied(item: Q.QueuedAction, detail: StaffCaseDetail) {
  for (const photo of item.photos) void discardKeptPhoto(photo.path)
  cacheCase(detail)
  notify({ applied: detail })
}

export type SubmitOutcome =
  | { kind: 'sent'; detail: StaffCaseDetail }
  /** Kept on the device: sent when the network returns. */
  | { kind: 'queued' }
  /** The server said no (a conflict, a field to correct): nothing is kept, the form shows why. */
  | { kind: 'refused'; error: ApiError }

/**
 * An action the officer takes: kept on the device first, then sent at once when it can be — an answer comes back
 * to the form (the fresh case, or why not). Without a network, or behind an action still waiting on the same
 * case, it stays queued.
 */
export function submitAction(action: Omit<Q.NewAction, 'id'>): Promise<SubmitOutcome> {
  return exclusive(async () => {
    const id = newRequestId()
    const queue = update((q) => Q.enqueue(q, { ...action, id }, new Date()))
    const item = queue.items.find((i) => i.id === id)!
    if (item.after !== null || !(await isOnline())) {
      schedule()
      return { kind: 'queued' as const }
    }
    const outcome = await Q.sendAction(item, transport, keepUpload(id))
    switch (outcome.kind) {
      case 'applied':
        update((q) => Q.applied(q, id, outcome.detail.version))
        whenApplied(item, outcome.detail)
        // The network is there: what an earlier failure left waiting goes now (after this, in turn).
        if (Q.nextToSend(load())) void syncNow()
        return { kind: 'sent' as const, detail: outcome.detail }
      case 'network':
        update((q) => Q.networkFailed(q, new Date()))
        schedule()
        return { kind: 'queued' as const }
      case 'conflict':
        update((q) => Q.discard(q, id))
        return {
          kind: 'refused' as const,
          error: { code: 'CONFLICT' as const, message: '案件刚被其他人更新过，请刷新后再操作' },
        }
      case 'refused':
        update((q) => Q.discard(q, id))
        return { kind: 'refused' as const, error: outcome.error as ApiError }
    }
  })
}

const store: Q.QueueStore = { load, save: (queue) => void update(() => queue) }

/** Sends what is waiting, in order, until the queue is empty, blocked on the officer, or the network fails. */
function syncNow(): Promise<void> {
  return exclusive(async () => {
    await Q.drain(store, transport, () => new Date(), whenApplied)
    schedule()
  })
}

let timer: ReturnType<typeof setTimeout> | null = null
/** The next try after a network failure (the retry time the queue backs off to). */
function schedule() {
  if (timer) clearTimeout(timer)
  timer = null
  const queue = load()
  if (!Q.nextToSend(queue) || queue.retryAt === null) return
  timer = setTimeout(() => void syncNow(), Math.max(0, Date.parse(queue.retryAt) - Date.now()))
}

/** 立即同步: try now, whatever the back-off says (the officer sees the network is back). */
export function retryNow(): Promise<void> {
  update(Q.networkBack)
  return syncNow()
}

/** The officer applies a conflicting action again on the case as it is now. */
export function reapplyAction(id: string): Promise<void> {
  const item = load().items.find((i) => i.id === id)
  if (!item?.current) return Promise.resolve()
  update((q) => Q.reapply(q, id, item.current!.version))
  return syncNow()
}

/** The officer discards an action they took (its kept photos go); the next one on its case moves up. */
export function discardAction(id: string): Promise<void> {
  const item = load().items.find((i) => i.id === id)
  if (!item) return Promise.resolve()
  update((q) => Q.discard(q, id))
  for (const photo of item.photos) void discardKeptPhoto(photo.path)
  return syncNow()
}

let started = false
/** From app launch: sends what an earlier session left, and again whenever the network comes back. */
export function startOfflineSync(): void {
  if (started) return
  started = true
  onNetworkChange((online) => {
    if (online) void retryNow()
  })
  void syncNow()
}

interface CachedCase {
  detail: StaffCaseDetail
  savedAt: string
}

/** Keeps the latest view of a case on the device (the last CACHED_CASES cases opened). */
export function cacheCase(detail: StaffCaseDetail): void {
  const all = readStored<Record<string, CachedCase>>(userKey(CACHE_KEY)) ?? {}
  const kept = Object.entries({ ...all, [detail.caseId]: { detail, savedAt: new Date().toISOString() } })
    .sort(([, a], [, b]) => b.savedAt.localeCompare(a.savedAt))
    .slice(0, CACHED_CASES)
  writeStored(userKey(CACHE_KEY), Object.fromEntries(kept))
}

/** The case as the device last saw it, for working without a network. */
export function cachedCase(caseId: string): CachedCase | null {
  return readStored<Record<string, CachedCase>>(userKey(CACHE_KEY))?.[caseId] ?? null
}
