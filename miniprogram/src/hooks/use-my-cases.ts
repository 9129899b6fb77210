// 我的反映: the citizen's cases (reported and followed), newest first, a page at a time.
import { useCallback, useRef, useState } from 'react'
import type { CaseSummary } from '@shared/contracts/cases'
import { listMyCases } from '../services/cases'
import { useLatestWins } from './use-answer'

export type ListLoad = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' }

export function useMyCases() {
  const [items, setItems] = useState<CaseSummary[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [load, setLoad] = useState<ListLoad>({ status: 'loading' })
  const [more, setMore] = useState<{ loading: boolean; error: string }>({ loading: false, error: '' })
  const loadingMore = useRef(false)
  // Only the latest refresh fills the list (after a persona switch, the previous account's answer is dropped),
  // and a page of "more" is added only to the list it continues.
  const begin = useLatestWins()
  const generation = useRef<object | null>(null)

  const refresh = useCallback(async () => {
    const ticket = begin()
    generation.current = ticket
    const res = await listMyCases()
    if (!ticket.isLatest()) return
    if (!res.ok) {
      // Keep what is on screen when a refresh fails; say so.
      setLoad({ status: 'error', message: res.error.message })
      return
    }
    setItems(res.data.items)
    setNext(res.data.next)
    setMore({ loading: false, error: '' })
    setLoad({ status: 'ready' })
  }, [begin])

  const loadMore = useCallback(async () => {
    if (!next || loadingMore.current) return
    loadingMore.current = true
    setMore({ loading: true, error: '' })
    const continues = generation.current
    const res = await listMyCases(next)
    loadingMore.current = false
    if (continues !== generation.current) return setMore({ loading: false, error: '' })
    if (!res.ok) {
      setMore({ loading: false, error: res.error.message })
      return
    }
    setItems((list) => [...list, ...res.data.items.filter((c) => !list.some((x) => x.caseId === c.caseId))])
    setNext(res.data.next)
    setMore({ loading: false, error: '' })
  }, [next])

  /** Another account (persona switch): nothing of the previous one stays on screen while the new list loads. */
  const reset = useCallback(() => {
    setItems([])
    setNext(null)
    setLoad({ status: 'loading' })
    return refresh()
  }, [refresh])

  return { items, next, load, more, refresh, reset, loadMore }
}
