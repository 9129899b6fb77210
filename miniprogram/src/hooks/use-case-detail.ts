// One of the citizen's cases: loaded when the page shows, marked read once seen, and replaced by the fresh
// view every action returns (the page never edits the status itself).
import { useCallback, useState } from 'react'
import type { CaseDetailForReporter } from '@shared/contracts/cases'
import type { ApiError, ApiResult } from '@shared/contracts/result'
import { getMyCase, markRead } from '../services/cases'

export type CaseActionKey = 'supply' | 'rate' | 'accept' | 'review' | 'reReview' | 'follow' | 'unfollow'

export function useCaseDetail(caseId: string) {
  const [detail, setDetail] = useState<CaseDetailForReporter | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState<CaseActionKey | null>(null)
  const [actionErrors, setActionErrors] = useState<Partial<Record<CaseActionKey, ApiError>>>({})

  const load = useCallback(async () => {
    setLoadError(null)
    const res = await getMyCase(caseId)
    if (!res.ok) {
      setLoadError(res.error)
      return
    }
    setDetail(res.data)
    if (res.data.unread > 0) {
      const read = await markRead(caseId)
      if (read.ok) setDetail((d) => (d ? { ...d, unread: 0 } : d))
    }
  }, [caseId])

  /** Runs an action; on success the case view it returns replaces the one on screen. */
  const run = useCallback(
    async (key: CaseActionKey, call: () => Promise<ApiResult<CaseDetailForReporter | unknown>>) => {
      setBusy(key)
      setActionErrors((e) => ({ ...e, [key]: undefined }))
      const res = await call()
      setBusy(null)
      if (!res.ok) {
        setActionErrors((e) => ({ ...e, [key]: res.error }))
        return false
      }
      if (res.data && typeof res.data === 'object' && 'caseId' in res.data) {
        setDetail(res.data as CaseDetailForReporter)
      }
      return true
    },
    [],
  )

  return { detail, loadError, load, run, busy, actionErrors }
}
