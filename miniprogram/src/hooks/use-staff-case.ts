// One case as staff work it: loaded when the page shows, with the deployment's units (for assigning and
// transferring), and replaced by the fresh view every action returns — the page never edits the status itself.
// A load and an action can overlap: whichever was started later wins, so a slow load never replaces the view an
// action has just returned. An action refused because someone else changed the case meanwhile (CONFLICT)
// reloads the case and says so; what was typed stays in the form.
import { useCallback, useState } from 'react'
import type { ApiError, ApiResult } from '@shared/contracts/result'
import type { StaffCaseDetail, UnitOption } from '@shared/contracts/staff'
import type { CaseEventInput } from '@shared/workflow/events'
import { actOnCase, clearHeldContent, getStaffCase, listUnits } from '../services/staff'
import { useLatestWins } from './use-answer'

export type ActOutcome = { ok: true } | { ok: false; error: ApiError }

const CONFLICT_MESSAGE = '案件刚被其他人更新过，已刷新为最新情况，请确认后再操作'

export function useStaffCase(caseId: string) {
  const [detail, setDetail] = useState<StaffCaseDetail | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [units, setUnits] = useState<UnitOption[] | null>(null)
  const [unitsError, setUnitsError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const begin = useLatestWins()

  const load = useCallback(async () => {
    const ticket = begin()
    const res = await getStaffCase(caseId)
    if (!ticket.apply()) return
    if (res.ok) {
      setDetail(res.data)
      setLoadError(null)
    } else setLoadError(res.error)
  }, [caseId, begin])

  const loadUnits = useCallback(async () => {
    const res = await listUnits()
    if (res.ok) {
      setUnits(res.data)
      setUnitsError(null)
    } else setUnitsError(`单位列表加载失败：${res.error.message}`)
  }, [])

  /** Sends a request that answers the case's fresh view (an event, clearing held content). */
  const run = useCallback(
    async (call: (version: number) => Promise<ApiResult<StaffCaseDetail>>): Promise<ActOutcome> => {
      if (!detail) return { ok: false, error: { code: 'NOT_FOUND', message: '案件尚未加载' } }
      setBusy(true)
      const ticket = begin()
      const res = await call(detail.version)
      setBusy(false)
      if (res.ok) {
        if (ticket.apply()) setDetail(res.data)
        return { ok: true }
      }
      if (res.error.code === 'CONFLICT') {
        void load()
        return { ok: false, error: { ...res.error, message: CONFLICT_MESSAGE } }
      }
      return { ok: false, error: res.error }
    },
    [detail, begin, load],
  )

  const act = useCallback(
    (event: CaseEventInput) => run((expectedVersion) => actOnCase({ caseId, expectedVersion, event })),
    [run, caseId],
  )

  const clearHeld = useCallback(
    (holdId: string) => run((expectedVersion) => clearHeldContent({ caseId, expectedVersion, holdId })),
    [run, caseId],
  )

  return { detail, loadError, load, units, unitsError, loadUnits, busy, act, clearHeld }
}
