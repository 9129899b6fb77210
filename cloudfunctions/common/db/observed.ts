// A DocStore that reports every call it passes on — for counting the calls an action makes (each one is a
// network round trip in the cloud) and for checking the plan of every query the functions really run.
// It changes nothing: same results, same errors, same transactions.
import type { DocStore, Filter, FindOptions, Tx } from '../ports'

type DocStoreOp = 'get' | 'find' | 'count' | 'insert' | 'update' | 'remove' | 'transaction'

export interface DocStoreCall {
  op: DocStoreOp
  /** Inside a transaction (by-id reads and writes); the transaction itself is one call. */
  inTransaction: boolean
  collection: string | null
  /** The options of a `find`. */
  options?: FindOptions
  /** The filter of a `count`. */
  filter?: Filter
}

const OPS: ReadonlySet<string> = new Set<DocStoreOp>([
  'get',
  'find',
  'count',
  'insert',
  'update',
  'remove',
  'transaction',
])

function observedTx(tx: Tx, report: (call: DocStoreCall) => void): Tx {
  const call = (op: DocStoreOp, collection: string) => report({ op, inTransaction: true, collection })
  return {
    get: (collection, id) => (call('get', collection), tx.get(collection, id)),
    insert: (collection, doc) => (call('insert', collection), tx.insert(collection, doc)),
    update: (collection, id, patch, version) => (
      call('update', collection),
      tx.update(collection, id, patch, version)
    ),
    remove: (collection, id) => (call('remove', collection), tx.remove(collection, id)),
  }
}

/**
 * `store` with every DocStore call reported to `report` before it runs, and to `settled` (with its duration in
 * ms) when it has answered or failed. Other members (an adapter's own methods, such as SQLite's `queryPlan`)
 * pass through untouched, so the result has the adapter's type.
 */
export function observeDocStore<S extends DocStore>(
  store: S,
  report: (call: DocStoreCall) => void,
  settled?: (call: DocStoreCall, ms: number) => void,
): S {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver)
      if (typeof property !== 'string' || typeof value !== 'function') return value
      const method = value as (...args: unknown[]) => unknown
      if (!OPS.has(property)) return method.bind(target)
      const op = property as DocStoreOp
      return (...args: unknown[]) => {
        const call: DocStoreCall = { op, inTransaction: false, collection: null }
        if (op === 'transaction') {
          const work = args[0] as (tx: Tx) => Promise<unknown>
          args = [(tx: Tx) => work(observedTx(tx, report))]
        } else call.collection = args[0] as string
        if (op === 'find') call.options = args[1] as FindOptions
        if (op === 'count') call.filter = args[1] as Filter | undefined
        report(call)
        // Started before the call: an embedded store does its work synchronously inside it.
        const started = performance.now()
        const result = method.apply(target, args) as Promise<unknown>
        if (!settled) return result
        const done = () => settled(call, performance.now() - started)
        return result.then(
          (value) => (done(), value),
          (error: unknown) => {
            done()
            throw error
          },
        )
      }
    },
  })
}
