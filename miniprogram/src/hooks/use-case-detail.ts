// One of the citizen's cases: loaded when the page shows, marked read once seen, and replaced by the fresh
// view every action returns (the page never edits the status itself).
import { useCallback, useState } from 'react'
import type { CaseDetailForReporter } from '@shared/contracts/cases'
import type { ApiError, ApiResult } from '@shared/contracts/result'
import { getMyCase, markRead } from '../services/cases'
import { useLatestWins } from './use-answer'

export type CaseActionKey = 'supply' | 'rate' | 'accept' | 'review' | 'reReview' | 'follow' | 'unfollow'

export function useCaseDetail(caseId: string) {
  const [detail, setDetail] = useState<CaseDetailForReporter | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState<CaseActionKey | null>(null)
  const [actionErrors, setActionErrors] = useState<Partial<Record<CaseActionKey, ApiError>>>({})

  // A load (on show) and an action can overlap: whichever was started later wins, so a slow load never
  // replaces the view an action has just returned.
  const begin = useLatestWins()

  const load = useCallback(async () => {
    setLoadError(null)
    const ticket = begin()
    const res = await getMyCase(caseId)
    if (!ticket.apply()) return
    if (!res.ok) {
      setLoadError(res.error)
      return
    }
    setDetail(res.data)
    if (res.data.unread > 0) {
      const read = await markRead(caseId)
      if (read.ok) setDetail((d) => (d ? { ...d, unread: 0 } : d))
    }
  }, [caseId, begin])

  /** Runs an action; on success the case view it returns replaces the one on screen. */
  const run = useCallback(
    async (key: CaseActionKey, call: () => Promise<ApiResult<CaseDetailForReporter | unknown>>) => {
      setBusy(key)
      setActionErrors((e) => ({ ...e, [key]: undefined }))
      const ticket = begin()
      const res = await call()
      setBusy(null)
      if (!res.ok) {
        setActionErrors((e) => ({ ...e, [key]: res.error }))
        return false
      }
      if (res.data && typeof res.data === 'object' && 'caseId' in res.data && ticket.apply()) {
        setDetail(res.data as CaseDetailForReporter)
      }
      return true
    },
    [begin],
  )

  return { detail, loadError, load, run, busy, actionErrors }
}
