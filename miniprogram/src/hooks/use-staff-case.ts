// One case as staff work it: loaded when the page shows, with the deployment's units (for assigning and
// transferring), and replaced by the fresh view every action returns — the page never edits the status itself.
// A load and an action can overlap: whichever was started later wins, so a slow load never replaces the view an
// action has just returned. An action refused because someone else changed the case meanwhile (CONFLICT)
// reloads the case and says so; what was typed stays in the form. Without a network the case is read from the
// device (the last view saved) and actions are kept on the device, sent in order when the network returns
// (services/offline): an action applied there, later, brings the fresh view.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError, ApiResult } from '@shared/contracts/result'
import type { StaffCaseDetail, UnitOption } from '@shared/contracts/staff'
import { describeFields } from '@shared/workflow/catalogue/describe'
import { CASE_EVENT_LABELS, EVENT_CATALOGUE, type CaseEventInput } from '@shared/workflow/events'
import { clearHeldContent, getStaffCase, listUnits } from '../services/staff'
import { cacheCase, cachedCase, submitAction, subscribeQueue } from '../services/offline'
import { snapshotOf } from '../services/offline-queue'
import { useLatestWins } from './use-answer'

export type ActOutcome = { ok: true } | { ok: false; error: ApiError }

const CONFLICT_MESSAGE = '案件刚被其他人更新过，已刷新为最新情况，请确认后再操作'

export function useStaffCase(caseId: string) {
  const [detail, setDetail] = useState<StaffCaseDetail | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  /** When the view shown was saved on the device (no network), else null. */
  const [offlineSince, setOfflineSince] = useState<string | null>(null)
  const [units, setUnits] = useState<UnitOption[] | null>(null)
  const [unitsError, setUnitsError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const begin = useLatestWins()
  // Whether the last action was kept on the device rather than applied (the page says so).
  const queued = useRef(false)

  const show = useCallback((fresh: StaffCaseDetail) => {
    setDetail(fresh)
    setOfflineSince(null)
    cacheCase(fresh)
  }, [])

  const load = useCallback(async () => {
    const ticket = begin()
    const res = await getStaffCase(caseId)
    if (!ticket.apply()) return
    if (res.ok) {
      show(res.data)
      setLoadError(null)
      return
    }
    setLoadError(res.error)
    const saved = res.error.code === 'NETWORK' ? cachedCase(caseId) : null
    if (saved) {
      setDetail((shown) => shown ?? saved.detail)
      setOfflineSince((since) => since ?? saved.savedAt)
    }
  }, [caseId, begin, show])

  // An action kept on the device and applied later (the network came back) brings the fresh view.
  useEffect(
    () =>
      subscribeQueue(({ applied }) => {
        if (applied?.caseId === caseId && begin().apply()) show(applied)
      }),
    [caseId, begin, show],
  )

  const loadUnits = useCallback(async () => {
    const res = await listUnits()
    if (res.ok) {
      setUnits(res.data)
      setUnitsError(null)
    } else setUnitsError(`单位列表加载失败：${res.error.message}`)
  }, [])

  /** Sends a request that answers the case's fresh view (clearing held content). */
  const run = useCallback(
    async (call: (version: number) => Promise<ApiResult<StaffCaseDetail>>): Promise<ActOutcome> => {
      if (!detail) return { ok: false, error: { code: 'NOT_FOUND', message: '案件尚未加载' } }
      setBusy(true)
      const ticket = begin()
      const res = await call(detail.version)
      setBusy(false)
      if (res.ok) {
        if (ticket.apply()) show(res.data)
        return { ok: true }
      }
      if (res.error.code === 'CONFLICT') {
        void load()
        return { ok: false, error: { ...res.error, message: CONFLICT_MESSAGE } }
      }
      return { ok: false, error: res.error }
    },
    [detail, begin, load, show],
  )

  /** A workflow event: sent now, or kept on the device until the network returns (each applied once). */
  const act = useCallback(
    async (event: CaseEventInput): Promise<ActOutcome> => {
      if (!detail) return { ok: false, error: { code: 'NOT_FOUND', message: '案件尚未加载' } }
      const unitName = (id: string) => units?.find((u) => u.id === id)?.name ?? id
      const described = describeFields(
        EVENT_CATALOGUE[event.type].fields,
        event as unknown as Record<string, unknown>,
        { unitName },
      )
      setBusy(true)
      const ticket = begin()
      const outcome = await submitAction({
        caseId,
        refNo: detail.refNo,
        label: CASE_EVENT_LABELS[event.type],
        lines: [...described.lines, ...described.sections.map((s) => ({ label: s.title, value: s.body }))],
        event: event as unknown as { type: string } & Record<string, unknown>,
        seen: snapshotOf(detail),
      })
      setBusy(false)
      queued.current = outcome.kind === 'queued'
      if (outcome.kind === 'sent') {
        if (ticket.apply()) show(outcome.detail)
        return { ok: true }
      }
      if (outcome.kind === 'queued') return { ok: true }
      if (outcome.error.code === 'CONFLICT') {
        void load()
        return { ok: false, error: { ...outcome.error, message: CONFLICT_MESSAGE } }
      }
      return { ok: false, error: outcome.error }
    },
    [detail, units, begin, caseId, load, show],
  )

  const clearHeld = useCallback(
    (holdId: string) => run((expectedVersion) => clearHeldContent({ caseId, expectedVersion, holdId })),
    [run, caseId],
  )

  /** Whether the last action went to the device's queue instead of the server. */
  const lastActQueued = useCallback(() => queued.current, [])

  return {
    detail,
    loadError,
    offlineSince,
    load,
    units,
    unitsError,
    loadUnits,
    busy,
    act,
    clearHeld,
    lastActQueued,
  }
}
