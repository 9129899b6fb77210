// The report form's state, restored from and saved to the device as it is typed (see services/draft).
import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useUnload } from '@tarojs/taro'
import type { CategoryKey } from '@shared/vocabulary/categories'
import { formatShanghai } from '@shared/time'
import {
  clearDraft,
  emptyDraft,
  isDraftBlank,
  loadDraft,
  saveDraft,
  type DraftPhoto,
  type ReportDraft,
} from '../services/draft'

const SAVE_DELAY_MS = 400

export function useReportDraft(presetCategory?: CategoryKey) {
  const [start] = useState(() => {
    const stored = loadDraft()
    const restored = stored !== null && !isDraftBlank(stored)
    const draft = stored ?? emptyDraft()
    return { restored, draft: { ...draft, category: draft.category ?? presetCategory ?? null } }
  })
  const [draft, setDraft] = useState<ReportDraft>(start.draft)
  const [restored, setRestored] = useState(start.restored)
  const [savedAt, setSavedAt] = useState<string | null>(start.restored ? start.draft.savedAt : null)
  const [saveFailed, setSaveFailed] = useState(false)
  const latest = useRef(draft)
  latest.current = draft
  const finished = useRef(false)

  const persist = useCallback((d: ReportDraft) => {
    if (finished.current) return
    if (isDraftBlank(d)) {
      // Nothing to restore, but the request id is kept: a submit already tried with it may have been filed.
      saveDraft({ ...d, savedAt: null })
      return
    }
    const at = formatShanghai(new Date(), 'HH:mm')
    const ok = saveDraft({ ...d, savedAt: at })
    setSaveFailed(!ok)
    if (ok) setSavedAt(at)
  }, [])

  useEffect(() => {
    const timer = setTimeout(() => persist(draft), SAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [draft, persist])
  // Leaving the page or the app: write now, not after the delay.
  useDidHide(() => persist(latest.current))
  useUnload(() => persist(latest.current))

  const update = useCallback((patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch })), [])
  const setPhotos = useCallback(
    (fn: (list: DraftPhoto[]) => DraftPhoto[]) => setDraft((d) => ({ ...d, photos: fn(d.photos) })),
    [],
  )

  /** 清空重填: a new, empty draft (with a new request id: nothing was filed from the old one). */
  const discard = useCallback(() => {
    clearDraft(latest.current)
    setDraft(emptyDraft())
    setRestored(false)
    setSavedAt(null)
  }, [])

  /** The report was filed: drop the draft and stop saving. */
  const finish = useCallback(() => {
    finished.current = true
    clearDraft(latest.current)
  }, [])

  return { draft, update, setPhotos, restored, savedAt, saveFailed, discard, finish }
}
