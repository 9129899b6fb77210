// Checkpoints a SQLite database in WAL mode from a worker thread, so that the connection serving requests
// does not. A commit in WAL mode appends its pages to the -wal file; a checkpoint copies them back into the
// database file and syncs it to disk. By default SQLite runs a checkpoint inside the commit that finds the WAL
// past 1,000 pages, so one request in ~10 paid for copying and syncing everyone's pages: measured on the
// benchmark's 100k store, p95 of a submit 18.7 ms with inline checkpoints, 6.6 ms without (p50 3.1 ms either
// way), 218 submits/s against 279/s. The worker opens its own connection to the file and runs PASSIVE
// checkpoints, which never block a writer or a reader, on the machine's other core.
//
// The request connection keeps a checkpoint of its own past `INLINE_CHECKPOINT_PAGES`, in case the worker falls
// behind or stops: then the WAL grows to that size and SQLite checkpoints inline as before, never without bound.
//
// While commits come in, the worker's rounds follow each other `busyIntervalMs` apart; once a round finds nothing
// new, they go back to `intervalMs`. A PASSIVE round copies the pages committed before it started, so under a
// steady stream of commits the WAL is never wholly copied and cannot start over: it grew to
// INLINE_CHECKPOINT_PAGES and the request connection checkpointed there, syncing the database file with what the
// worker had not copied yet — ~90 ms on this project's machines, once every ~220 submits. With 50 ms between
// rounds that was 17% of the wall time of the benchmark's submits at 1M (2.1 s in 5,000); with 2 ms, ~1% (95 ms),
// and 447 submits/s instead of 407 (same code, same store, one process).
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** Pages in the WAL past which the request connection checkpoints itself (16k pages of 4 KB: 64 MB). */
export const INLINE_CHECKPOINT_PAGES = 16_000

// Worker states, in a shared Int32Array, so that stop() can answer synchronously (the store's close() is).
const IDLE = 0 // has not opened its connection yet
const OPEN = 1 // holds a connection to the file
const CLOSED = 2 // closed it, or was stopped before opening one

// Plain CommonJS, evaluated by the worker: no TypeScript loader is needed in the thread.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const state = new Int32Array(workerData.state)
let db = null
let timer = null
// Reported once until a round succeeds or fails otherwise: a file that stays unreadable is not logged 20 times a second.
let lastError = null
// The WAL's size and the frames copied after the last round: a round that finds them unchanged found no commits.
let lastSeen = ''
function round() {
  timer = null
  try {
    // Opens on the first round: a store closed before then never has a second connection.
    if (!db) {
      if (Atomics.compareExchange(state, 0, ${IDLE}, ${OPEN}) === ${CLOSED}) return
      db = new Database(workerData.file, { fileMustExist: true })
      // A round that finds another checkpoint running (another process's) skips instead of waiting.
      db.pragma('busy_timeout = 0')
    }
    const [result] = db.pragma('wal_checkpoint(PASSIVE)')
    lastError = null
    const seen = result.log + '/' + result.checkpointed
    const busy = seen !== lastSeen
    lastSeen = seen
    timer = setTimeout(round, busy ? workerData.busyIntervalMs : workerData.intervalMs)
    return
  } catch (error) {
    const message = String((error && error.message) || error)
    if (message !== lastError) parentPort.postMessage({ error: message })
    lastError = message
  }
  timer = setTimeout(round, workerData.intervalMs)
}
parentPort.on('message', (message) => {
  if (message !== 'stop') return
  if (timer) clearTimeout(timer)
  try {
    if (db) db.close()
  } finally {
    Atomics.store(state, 0, ${CLOSED})
    Atomics.notify(state, 0)
    parentPort.close()
  }
})
timer = setTimeout(round, workerData.intervalMs)
`

export interface Checkpointer {
  /** Stops the worker; returns once it has closed its connection (at most after the round it is in). */
  stop(): void
}

export interface CheckpointerOptions {
  /** Pause after a round that found no new commits (default 50 ms). */
  intervalMs?: number
  /** Pause after a round that found new commits (default 2 ms: see the top of this file). */
  busyIntervalMs?: number
  /** A round that failed (the request connection goes on; past the inline threshold SQLite checkpoints there). */
  onError?: (message: string) => void
}

export function startCheckpointer(file: string, options: CheckpointerOptions = {}): Checkpointer {
  const shared = new SharedArrayBuffer(4)
  const state = new Int32Array(shared)
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      // The driver this module would load, however the process resolves modules.
      driver: createRequire(__filename).resolve('better-sqlite3'),
      file,
      intervalMs: options.intervalMs ?? 50,
      busyIntervalMs: options.busyIntervalMs ?? 2,
      state: shared,
    },
  })
  worker.on('message', (message: { error?: string }) => {
    if (message.error) options.onError?.(message.error)
  })
  // A worker that fails to start leaves the inline checkpoint in charge.
  worker.on('error', (error) => options.onError?.(String(error)))
  // One that has gone (failed, say) holds no connection: stop() has nothing to wait for.
  worker.on('exit', () => Atomics.store(state, 0, CLOSED))
  // Never keeps a process alive (after the listeners: adding one refs the worker's port again).
  worker.unref()
  return {
    stop() {
      // Not opened yet: it never will. Open: ask it to close, and wait (bounded) until it has.
      if (Atomics.compareExchange(state, 0, IDLE, CLOSED) !== IDLE) {
        worker.postMessage('stop')
        Atomics.wait(state, 0, OPEN, 5000)
      }
      void worker.terminate()
    },
  }
}
