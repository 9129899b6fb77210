// A transition's subscribe messages go out together, a few at a time (common/notifications.ts): in the cloud each
// is a call to WeChat between two writes of its record, and one after the other they were a dozen round trips of
// a submit's time. A message that fails is logged; the others still go, and the action still succeeds. After a
// report is filed, a repeat action it sets off runs beside its notices, not after them; the reads a transition's
// notices need (followers, staff) start together.
import type { FindOptions, Logger, Notifier, SubscribeMessage } from '../../cloudfunctions/common/ports'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { startHarness, type Harness } from '../support/local-harness'
import { reportInput } from '../support/reports'

jest.setTimeout(60_000)

let h: Harness
let warnings: Array<{ message: string; fields?: Record<string, unknown> }>
beforeEach(async () => {
  warnings = []
  const log: Logger = {
    info: () => undefined,
    warn: (message, fields) => void warnings.push({ message, fields }),
    error: () => undefined,
  }
  h = await startHarness({ log })
})
afterEach(async () => {
  await h.close()
})

/** The harness's notifier, each send held a moment (a network call), counting how many are under way. */
function slowNotifier(fail?: (m: SubscribeMessage) => boolean) {
  const inner = h.runtime.notifier
  const seen = { running: 0, most: 0, sent: [] as SubscribeMessage[] }
  const notifier: Notifier = {
    async send(message) {
      seen.running++
      seen.most = Math.max(seen.most, seen.running)
      try {
        await new Promise((resolve) => setTimeout(resolve, 20))
        if (fail?.(message)) throw new Error('WeChat did not answer')
        seen.sent.push(message)
        return await inner.send(message)
      } finally {
        seen.running--
      }
    },
  }
  h.runtime.notifier = notifier
  return seen
}

const outbox = async (caseId: string) =>
  (await h.runtime.db.find<{ page: string }>(COLLECTIONS.outbox, { limit: 100 })).items.filter((m) =>
    m.page.endsWith(`id=${caseId}`),
  )

test('a filed report’s messages are sent together, at most four at a time, each once', async () => {
  const seen = slowNotifier()
  const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')
  expect(seen.sent.length).toBeGreaterThanOrEqual(2)
  expect(seen.most).toBeGreaterThanOrEqual(2)
  expect(seen.most).toBeLessThanOrEqual(4)
  expect(await outbox(caseId)).toHaveLength(seen.sent.length)
  // The reporter is told it was registered; intake staff that a new case is waiting.
  expect(seen.sent.map((m) => m.to)).toContain('dev-citizen')
  expect(seen.sent.some((m) => m.page.startsWith('staff/case/index'))).toBe(true)
  expect(warnings).toEqual([])
})

test('a message that fails is logged; the others go and the report is filed', async () => {
  const seen = slowNotifier((m) => m.to === 'dev-citizen')
  const { caseId } = await h.ok<{ caseId: string }>('cases', 'submitReport', reportInput(), 'dev-citizen')
  expect(seen.sent.length).toBeGreaterThanOrEqual(1)
  expect(seen.sent.every((m) => m.to !== 'dev-citizen')).toBe(true)
  expect(await outbox(caseId)).toHaveLength(seen.sent.length)
  expect(warnings).toEqual([
    {
      message: 'notification failed',
      fields: { caseId, effect: 'notify-reporter', error: 'Error: WeChat did not answer' },
    },
  ])
  await h.ok('cases', 'getMine', { caseId }, 'dev-citizen')
})

/** Reports naming the same enterprise on successive days, by different reporters: the third escalates (S0 第十一条). */
const fileOnEntity = (i: number) =>
  h.ok<{ caseId: string }>(
    'cases',
    'submitReport',
    reportInput({
      requestType: 'report',
      category: 'air',
      source: 'industrial',
      description: '化工厂每天傍晚排放刺鼻气味，周边居民多次反映仍未解决。',
      reportedEntity: '恒通化工有限公司',
    }),
    `repeat-reporter-${i}`,
  )

async function twoDaysOfReports() {
  for (let i = 0; i < 2; i++) {
    await fileOnEntity(i)
    h.clock.advance(86_400_000)
  }
}

test('a repeat action does not wait for the filed report’s own notices (S0 第十一条: the third report escalates)', async () => {
  const events: Array<{ at: number; kind: 'start' | 'end'; notice: string }> = []
  const inner = h.runtime.notifier
  h.runtime.notifier = {
    async send(message) {
      const notice = message.dedupeKey.split(':')[2]!
      events.push({ at: performance.now(), kind: 'start', notice })
      await new Promise((resolve) => setTimeout(resolve, 20))
      events.push({ at: performance.now(), kind: 'end', notice })
      return inner.send(message)
    },
  }
  await twoDaysOfReports()
  events.length = 0
  await fileOnEntity(2)
  const escalated = events.find((e) => e.kind === 'start' && e.notice === 'escalated')
  expect(escalated).toBeDefined()
  const registration = events.filter((e) => e.kind === 'end' && ['registered', 'new-case'].includes(e.notice))
  expect(registration.length).toBeGreaterThanOrEqual(2)
  // The escalation's notices started while the registration's were still on their way.
  expect(escalated!.at).toBeLessThan(Math.max(...registration.map((e) => e.at)))
})

test('the escalation’s notices read the case’s followers and the staff together', async () => {
  await twoDaysOfReports()
  // Every query takes a moment (a round trip); which are under way at once is recorded.
  const base = h.runtime.db
  const running = new Set<string>()
  const together: string[][] = []
  h.runtime.db = new Proxy(base, {
    get(target, key, receiver) {
      if (key !== 'find') return Reflect.get(target, key, receiver) as unknown
      return async (collection: string, options: FindOptions) => {
        running.add(collection)
        together.push([...running].sort())
        await new Promise((resolve) => setTimeout(resolve, 10))
        try {
          return await target.find(collection, options)
        } finally {
          running.delete(collection)
        }
      }
    },
  })
  await fileOnEntity(2)
  h.runtime.db = base
  expect(together).toContainEqual(['follows', 'staff'])
})

test('a member holding two roles an escalation notifies is told once (not refused by the message record)', async () => {
  await twoDaysOfReports()
  const seen = slowNotifier()
  await fileOnEntity(2)
  const escalated = seen.sent.filter((m) => m.dedupeKey.split(':')[2] === 'escalated')
  // The dispatchers and the leaders and supervisors are told of the escalation (two effects); the development
  // supervisor is both a dispatcher and a supervisor.
  expect(escalated.map((m) => m.to)).toContain('dev-supervisor')
  const keys = seen.sent.map((m) => m.dedupeKey)
  expect(new Set(keys).size).toBe(keys.length)
})
