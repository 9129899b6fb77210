// The queue of staff actions kept on the device (miniprogram/src/services/offline-queue.ts), against a server that
// applies a request id once (as cloudfunctions/common/act-once.ts does) and a network that fails in both ways a
// phone meets: the request never arrives, or it arrives and the answer is lost. Actions go in the order they were
// taken, each is applied exactly once, actions on one case carry the versions their predecessors produced, and an
// action whose case changed meanwhile waits for the officer with both sides — never dropped, never overwritten.
import type { ApiResult } from '../../shared/contracts/result'
import type { StaffCaseDetail } from '../../shared/contracts/staff'
import {
  applied,
  backoffMs,
  discard,
  drain,
  emptyQueue,
  enqueue,
  maySend,
  networkBack,
  nextToSend,
  PHOTO_REF,
  reapply,
  type NewAction,
  type Queue,
  type QueueStore,
  type Transport,
} from '../../miniprogram/src/services/offline-queue'

const NOW = new Date('2026-11-23T23:00:00+08:00')

type Failure = 'request' | 'response'

/** A server holding cases by version, applying each request id once, and a network that fails on demand. */
class FakeServer {
  versions = new Map<string, number>()
  entries = new Map<string, Array<{ type: string; id: string; by: string }>>()
  /** Request ids applied: a replay answers the case as it is. */
  done = new Set<string>()
  failures: Failure[] = []
  uploads: string[] = []
  calls = 0

  constructor(cases: Record<string, number>) {
    for (const [id, version] of Object.entries(cases)) {
      this.versions.set(id, version)
      this.entries.set(id, [])
    }
  }

  detail(caseId: string): StaffCaseDetail {
    return {
      caseId,
      version: this.versions.get(caseId)!,
      statusLabel: `状态${this.versions.get(caseId)}`,
      timeline: this.entries.get(caseId)!.map((e) => ({
        at: NOW.toISOString(),
        kind: e.type,
        label: e.type,
        tone: 'step',
        actor: { name: e.by, post: '承办人员' },
      })),
    } as unknown as StaffCaseDetail
  }

  /** Someone else acts on the case (a conflict for anything based on the version before). */
  otherActs(caseId: string, type: string) {
    this.versions.set(caseId, this.versions.get(caseId)! + 1)
    this.entries.get(caseId)!.push({ type, id: `other-${type}`, by: '李娜' })
  }

  private network<T>(work: () => ApiResult<T>): ApiResult<T> {
    this.calls++
    const failure = this.failures.shift()
    if (failure === 'request') return { ok: false, error: { code: 'NETWORK', message: '网络不给力' } }
    const result = work()
    return failure === 'response' ? { ok: false, error: { code: 'NETWORK', message: '网络不给力' } } : result
  }

  transport(missingPhotos: string[] = []): Transport {
    return {
      openPhoto: async (path) => (missingPhotos.includes(path) ? null : `blob:${path}`),
      upload: async (path) =>
        this.network(() => {
          this.uploads.push(path)
          return { ok: true, data: { fileId: `local://uploads/${path.slice('blob:'.length)}.jpg` } }
        }),
      act: async (input) =>
        this.network((): ApiResult<StaffCaseDetail> => {
          if (this.done.has(input.clientRequestId)) return { ok: true, data: this.detail(input.caseId) }
          if (input.expectedVersion !== this.versions.get(input.caseId)) {
            return { ok: false, error: { code: 'CONFLICT', message: '案件刚被其他人更新过，请刷新后再操作' } }
          }
          if (JSON.stringify(input.event).includes(PHOTO_REF)) {
            return { ok: false, error: { code: 'NOT_FOUND', message: '没有找到上传的照片' } }
          }
          this.done.add(input.clientRequestId)
          this.versions.set(input.caseId, input.expectedVersion + 1)
          this.entries
            .get(input.caseId)!
            .push({ type: input.event.type, id: input.clientRequestId, by: '王磊' })
          return { ok: true, data: this.detail(input.caseId) }
        }),
      getCase: async (caseId) => this.network(() => ({ ok: true, data: this.detail(caseId) })),
    }
  }
}

function memoryStore(queue: Queue = emptyQueue()): QueueStore & { queue: Queue } {
  const store = {
    queue,
    load: () => store.queue,
    save: (next: Queue) => {
      store.queue = next
    },
  }
  return store
}

let n = 0
function action(
  caseId: string,
  type: string,
  version: number,
  event: Record<string, unknown> = {},
): NewAction {
  n++
  return {
    id: `req-${String(n).padStart(4, '0')}`,
    caseId,
    refNo: `JZ-${caseId}`,
    label: type,
    lines: [],
    event: { type, ...event },
    seen: { version, statusLabel: `状态${version}`, entries: 0 },
  }
}

const later = (ms: number) => new Date(NOW.getTime() + ms)

describe('order and versions', () => {
  test('actions go in the order taken; each on one case carries the version the one before it gave', async () => {
    const server = new FakeServer({ a: 3, b: 7 })
    const store = memoryStore()
    for (const a of [
      action('a', 'check-in', 3),
      action('b', 'check-in', 7),
      action('a', 'record-measurement', 3),
      action('a', 'add-site-photos', 3),
    ])
      store.save(enqueue(store.load(), a, NOW))
    // Only the first of each case can go; the others wait for it.
    expect(store.queue.items.map((i) => [i.event.type, i.expectedVersion, i.after !== null])).toEqual([
      ['check-in', 3, false],
      ['check-in', 7, false],
      ['record-measurement', null, true],
      ['add-site-photos', null, true],
    ])
    await drain(store, server.transport(), () => NOW)
    expect(store.queue.items).toEqual([])
    expect(server.entries.get('a')!.map((e) => e.type)).toEqual([
      'check-in',
      'record-measurement',
      'add-site-photos',
    ])
    expect(server.versions.get('a')).toBe(6)
    expect(server.versions.get('b')).toBe(8)
  })

  test('applied: the next action of the case takes the version it gave', () => {
    let q = enqueue(emptyQueue(), action('a', 'check-in', 3), NOW)
    q = enqueue(q, action('a', 'record-measurement', 3), NOW)
    const [first, second] = q.items
    q = applied(q, first!.id, 4)
    expect(q.items).toEqual([expect.objectContaining({ id: second!.id, after: null, expectedVersion: 4 })])
  })
})

describe('exactly once', () => {
  test('an answer lost on the way back: the same request id is sent again and is not applied twice', async () => {
    const server = new FakeServer({ a: 3 })
    const store = memoryStore(enqueue(emptyQueue(), action('a', 'check-in', 3), NOW))
    const id = store.queue.items[0]!.id
    server.failures = ['response']
    await drain(store, server.transport(), () => NOW)
    // Applied on the server, but the device heard nothing: still queued, backing off.
    expect(server.entries.get('a')).toHaveLength(1)
    expect(store.queue.items.map((i) => i.id)).toEqual([id])
    expect(store.queue.retryAt).toBe(later(backoffMs(1)).toISOString())
    await drain(store, server.transport(), () => later(backoffMs(1)))
    expect(store.queue.items).toEqual([])
    expect(server.entries.get('a')!.map((e) => e.id)).toEqual([id])
  })

  test('a request that never arrived is sent again, once it may be', async () => {
    const server = new FakeServer({ a: 3 })
    const store = memoryStore(enqueue(emptyQueue(), action('a', 'check-in', 3), NOW))
    server.failures = ['request', 'request']
    await drain(store, server.transport(), () => NOW)
    expect(maySend(store.queue, NOW)).toBe(false)
    // Backing off: not before the retry time…
    await drain(store, server.transport(), () => later(500))
    expect(server.calls).toBe(1)
    await drain(store, server.transport(), () => later(backoffMs(1)))
    expect(store.queue.failures).toBe(2)
    expect(store.queue.retryAt).toBe(later(backoffMs(1) + backoffMs(2)).toISOString())
    // …or as soon as the network is back.
    store.save(networkBack(store.load()))
    await drain(store, server.transport(), () => later(backoffMs(1)))
    expect(store.queue.items).toEqual([])
    expect(server.entries.get('a')).toHaveLength(1)
  })

  test('back-off doubles from 1 s up to a minute', () => {
    expect([1, 2, 3, 4, 7, 20].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000])
  })

  test('photos first, each uploaded once even when the action is retried; the event names the uploads', async () => {
    const server = new FakeServer({ a: 3 })
    const photos = [
      { fileId: `${PHOTO_REF}idb:p1`, stamp: { takenAt: NOW.toISOString(), position: null, drawn: true } },
      { fileId: `${PHOTO_REF}idb:p2`, stamp: { takenAt: NOW.toISOString(), position: null, drawn: true } },
    ]
    const store = memoryStore(enqueue(emptyQueue(), action('a', 'add-site-photos', 3, { photos }), NOW))
    expect(store.queue.items[0]!.photos).toEqual([
      { path: 'idb:p1', fileId: null },
      { path: 'idb:p2', fileId: null },
    ])
    // The first photo goes, the second's upload is lost: the first is not uploaded again.
    server.failures = [undefined as unknown as Failure, 'request']
    await drain(store, server.transport(), () => NOW)
    expect(store.queue.items[0]!.photos[0]!.fileId).toBe('local://uploads/idb:p1.jpg')
    await drain(store, server.transport(), () => later(60_000))
    expect(server.uploads).toEqual(['blob:idb:p1', 'blob:idb:p2'])
    expect(server.entries.get('a')).toHaveLength(1)
    expect(store.queue.items).toEqual([])
  })

  test('a photo no longer on the device: the action is kept with the reason, not sent without it', async () => {
    const server = new FakeServer({ a: 3 })
    const photos = [
      { fileId: `${PHOTO_REF}idb:gone`, stamp: { takenAt: NOW.toISOString(), position: null, drawn: true } },
    ]
    const store = memoryStore(enqueue(emptyQueue(), action('a', 'add-site-photos', 3, { photos }), NOW))
    await drain(store, server.transport(['idb:gone']), () => NOW)
    expect(store.queue.items).toEqual([
      expect.objectContaining({
        state: 'refused',
        error: expect.objectContaining({ code: 'PHOTO_MISSING' }),
      }),
    ])
    expect(server.entries.get('a')).toEqual([])
  })
})

describe('a case changed meanwhile', () => {
  test('the action waits with both sides; what comes after it on that case waits too; other cases go on', async () => {
    const server = new FakeServer({ a: 3, b: 7 })
    const store = memoryStore()
    store.save(enqueue(store.load(), action('a', 'check-in', 3), NOW))
    store.save(enqueue(store.load(), action('a', 'record-measurement', 3), NOW))
    store.save(enqueue(store.load(), action('b', 'check-in', 7), NOW))
    server.otherActs('a', 'supervise')
    await drain(store, server.transport(), () => NOW)
    const [conflict, behind] = store.queue.items
    expect(conflict).toMatchObject({
      state: 'conflict',
      seen: { version: 3 },
      current: { version: 4, newEntries: [{ label: 'supervise', by: '李娜（承办人员）' }] },
    })
    expect(behind).toMatchObject({ state: 'waiting', after: conflict!.id })
    expect(server.entries.get('a')!.map((e) => e.type)).toEqual(['supervise'])
    expect(server.entries.get('b')!.map((e) => e.type)).toEqual(['check-in'])
    expect(nextToSend(store.queue)).toBeNull()

    // The officer re-applies it on the case as it is now: it goes, then the one behind it.
    store.save(reapply(store.load(), conflict!.id, conflict!.current!.version))
    await drain(store, server.transport(), () => NOW)
    expect(store.queue.items).toEqual([])
    expect(server.entries.get('a')!.map((e) => e.type)).toEqual([
      'supervise',
      'check-in',
      'record-measurement',
    ])
  })

  test('discarded: it never reaches the server, and the next one on the case takes its place', async () => {
    const server = new FakeServer({ a: 3 })
    const store = memoryStore()
    store.save(enqueue(store.load(), action('a', 'check-in', 3), NOW))
    store.save(enqueue(store.load(), action('a', 'record-measurement', 3), NOW))
    const [first, second] = store.queue.items
    store.save(discard(store.load(), first!.id))
    expect(store.queue.items).toEqual([
      expect.objectContaining({ id: second!.id, after: null, expectedVersion: 3 }),
    ])
    await drain(store, server.transport(), () => NOW)
    expect(server.entries.get('a')!.map((e) => e.type)).toEqual(['record-measurement'])
  })

  test('refused for another reason: kept with the server’s message until the officer discards it', async () => {
    const server = new FakeServer({ a: 3 })
    const store = memoryStore(enqueue(emptyQueue(), action('a', 'check-in', 3), NOW))
    const transport = server.transport()
    transport.act = async () => ({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', message: '「已答复」状态下不能现场签到' },
    })
    await drain(store, transport, () => NOW)
    expect(store.queue.items).toEqual([
      expect.objectContaining({
        state: 'refused',
        error: expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
      }),
    ])
  })
})

test('the queue survives a restart: it is plain JSON, sent from where it stopped', async () => {
  const server = new FakeServer({ a: 3 })
  const store = memoryStore()
  store.save(enqueue(store.load(), action('a', 'check-in', 3), NOW))
  store.save(enqueue(store.load(), action('a', 'record-measurement', 3), NOW))
  server.failures = ['response']
  await drain(store, server.transport(), () => NOW)
  // The app closes: what is stored is all there is.
  const restarted = memoryStore(JSON.parse(JSON.stringify(store.queue)) as Queue)
  await drain(restarted, server.transport(), () => later(60_000))
  expect(restarted.queue.items).toEqual([])
  expect(server.entries.get('a')!.map((e) => e.type)).toEqual(['check-in', 'record-measurement'])
})
