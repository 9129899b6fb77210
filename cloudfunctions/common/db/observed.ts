// A DocStore that reports every call it passes on — for counting the calls an action makes (each one is a
// network round trip in the cloud) and for checking the plan of every query the functions really run.
// It changes nothing: same results, same errors, same transactions.
import type { DocStore, Filter, FindOptions, Tx } from '../ports'

export type DocStoreOp = 'get' | 'find' | 'count' | 'insert' | 'update' | 'remove' | 'transaction'

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
 * `store` with every DocStore call reported to `report` before it runs. Other members (an adapter's own
 * methods, such as SQLite's `queryPlan`) pass through untouched, so the result has the adapter's type.
 */
export function observeDocStore<S extends DocStore>(store: S, report: (call: DocStoreCall) => void): S {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver)
      if (typeof property !== 'string' || typeof value !== 'function') return value
      const method = value as (...args: unknown[]) => unknown
      if (!OPS.has(property)) return method.bind(target)
      const op = property as DocStoreOp
      if (op === 'transaction') {
        return (work: (tx: Tx) => Promise<unknown>) => {
          report({ op, inTransaction: false, collection: null })
          return target.transaction((tx) => work(observedTx(tx, report)))
        }
      }
      return (...args: unknown[]) => {
        const collection = args[0] as string
        const call: DocStoreCall = { op, inTransaction: false, collection }
        if (op === 'find') call.options = args[1] as FindOptions
        if (op === 'count') call.filter = args[1] as Filter | undefined
        report(call)
        return method.apply(target, args)
      }
    },
  })
}
