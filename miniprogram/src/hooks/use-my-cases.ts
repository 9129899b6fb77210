// 我的反映: the citizen's cases (reported and followed), newest first, a page at a time.
import { useCallback, useRef, useState } from 'react'
import type { CaseSummary } from '@shared/contracts/cases'
import { listMyCases } from '../services/cases'

export type ListLoad = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' }

export function useMyCases() {
  const [items, setItems] = useState<CaseSummary[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [load, setLoad] = useState<ListLoad>({ status: 'loading' })
  const [more, setMore] = useState<{ loading: boolean; error: string }>({ loading: false, error: '' })
  const loadingMore = useRef(false)

  const refresh = useCallback(async () => {
    const res = await listMyCases()
    if (!res.ok) {
      // Keep what is on screen when a refresh fails; say so.
      setLoad({ status: 'error', message: res.error.message })
      return
    }
    setItems(res.data.items)
    setNext(res.data.next)
    setMore({ loading: false, error: '' })
    setLoad({ status: 'ready' })
  }, [])

  const loadMore = useCallback(async () => {
    if (!next || loadingMore.current) return
    loadingMore.current = true
    setMore({ loading: true, error: '' })
    const res = await listMyCases(next)
    loadingMore.current = false
    if (!res.ok) {
      setMore({ loading: false, error: res.error.message })
      return
    }
    setItems((list) => [...list, ...res.data.items.filter((c) => !list.some((x) => x.caseId === c.caseId))])
    setNext(res.data.next)
    setMore({ loading: false, error: '' })
  }, [next])

  return { items, next, load, more, refresh, loadMore }
}
