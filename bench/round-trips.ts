// The cloud's shape, locally: a DocStore and a Notifier whose every round trip waits `ms` before the real call.
// In CloudBase every DocStore call is an HTTP round trip — a read inside a transaction too, and its commit —
// while a transaction's writes are staged until the commit; a subscribe message is a WeChat call between two
// writes of its record (cloudbase/notifier.ts). The submit's wall time over these shows how many round trips
// stand one after the other in it, which the local store's microseconds hide.
import type { DocStore, Notifier, Tx } from '../cloudfunctions/common/ports'

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function withRoundTrips(db: DocStore, ms: number): DocStore {
  return {
    get: async (collection, id) => (await pause(ms), db.get(collection, id)),
    find: async (collection, options) => (await pause(ms), db.find(collection, options)),
    count: async (collection, filter) => (await pause(ms), db.count(collection, filter)),
    insert: async (collection, doc) => (await pause(ms), db.insert(collection, doc)),
    update: async (collection, id, patch, version) => (
      await pause(ms),
      db.update(collection, id, patch, version)
    ),
    remove: async (collection, id) => (await pause(ms), db.remove(collection, id)),
    async transaction(work) {
      const result = await db.transaction((tx) =>
        work({
          ...tx,
          get: async (collection, id) => (await pause(ms), tx.get(collection, id)),
        } satisfies Tx),
      )
      await pause(ms) // the commit
      return result
    },
  }
}

/** A message: its record claimed, the WeChat call, its outcome written. */
export function notifierWithRoundTrips(notifier: Notifier, ms: number): Notifier {
  return { send: async (message) => (await pause(3 * ms), notifier.send(message)) }
}
