// An answer is only ever shown next to the inputs it answers. A view that asks the server something its
// inputs can outrun (a preview while the citizen moves the pin, a list while the filter changes, a case
// while an action returns) keeps the inputs each answer was for, and shows it only while they are still the
// current ones: otherwise it is loading. Answers that arrive out of order are never shown.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiResult } from '@shared/contracts/result'

export type AnswerState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; message: string }

interface Settled<T> {
  key: string
  attempt: number
  result: ApiResult<T>
}

/**
 * What to show for `key` given the last settled answer: the answer only if it was for this very key (and
 * this retry), else loading. Pure, so the rule can be read (and tested) apart from React.
 */
export function answerFor<T>(
  key: string | null,
  attempt: number,
  settled: Settled<T> | null,
): AnswerState<T> {
  if (key === null) return { status: 'idle' }
  if (!settled || settled.key !== key || settled.attempt !== attempt) return { status: 'loading' }
  return settled.result.ok
    ? { status: 'ready', data: settled.result.data }
    : { status: 'error', message: settled.result.error.message }
}

/**
 * Asks `ask(key)` whenever `key` changes (after `debounceMs` of quiet), and answers with the state for the
 * current key only. `key === null` means "nothing to ask yet" (idle). `retry()` asks the same key again.
 */
export function useAnswer<T>(
  key: string | null,
  ask: (key: string) => Promise<ApiResult<T>>,
  { debounceMs = 0 }: { debounceMs?: number } = {},
) {
  const [settled, setSettled] = useState<Settled<T> | null>(null)
  const [attempt, setAttempt] = useState(0)
  const askNow = useRef(ask)
  askNow.current = ask

  useEffect(() => {
    if (key === null) return
    let current = true
    const timer = setTimeout(async () => {
      const result = await askNow.current(key)
      if (current) setSettled({ key, attempt, result })
    }, debounceMs)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [key, attempt, debounceMs])

  return {
    state: answerFor(key, attempt, settled),
    /** The key the state on screen answers (null while loading or idle). */
    answeredKey: settled && settled.key === key && settled.attempt === attempt ? key : null,
    retry: useCallback(() => setAttempt((n) => n + 1), []),
  }
}

/**
 * For views refreshed by several overlapping requests (a load on show, the fresh view an action returns, a
 * refresh after a conflict): each request takes a ticket when it starts, and its answer is applied only if no
 * later-started request has been applied already. A slow load started before an action can therefore never
 * overwrite the view the action returned.
 */
export function useLatestWins() {
  const issued = useRef(0)
  const applied = useRef(0)
  return useCallback(() => {
    const ticket = ++issued.current
    return {
      /** True (and marks this ticket applied) if nothing newer is on screen. */
      apply(): boolean {
        if (ticket < applied.current) return false
        applied.current = ticket
        return true
      },
      /** True while no later request has been started. */
      isLatest: () => ticket === issued.current,
    }
  }, [])
}
