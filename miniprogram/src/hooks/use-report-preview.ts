// 提交前确认: once the place and category are known, ask the backend who will handle the report, by when it
// must be answered, whether it is urgent and which open cases nearby look like the same problem.
import { useEffect, useRef, useState } from 'react'
import type { ReportPreview } from '@shared/contracts/cases'
import { previewReport, type PreviewInput } from '../services/cases'
import type { ReportDraft } from '../services/draft'

export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: ReportPreview }
  | { status: 'error'; message: string }

const DEBOUNCE_MS = 600

export function useReportPreview(draft: ReportDraft) {
  const [state, setState] = useState<PreviewState>({ status: 'idle' })
  const [attempt, setAttempt] = useState(0)
  const address = useRef(draft.address)
  address.current = draft.address

  // Only what changes the answer: the address text does not (routing goes by the coordinates).
  const { category, position, requestType, source, occurredAt } = draft
  const entity = draft.reportedEntity.trim()
  const key =
    category && position
      ? JSON.stringify([
          category,
          position.lat,
          position.lng,
          position.coordSystem,
          requestType,
          source,
          entity,
          occurredAt,
        ])
      : null

  useEffect(() => {
    if (!key) {
      setState({ status: 'idle' })
      return
    }
    const [cat, lat, lng, coordSystem, type, src, reportedEntity, at] = JSON.parse(key) as [
      PreviewInput['category'],
      number,
      number,
      'gcj02' | 'wgs84',
      PreviewInput['requestType'],
      PreviewInput['source'] | null,
      string,
      string | null,
    ]
    setState({ status: 'loading' })
    let current = true
    const timer = setTimeout(async () => {
      const res = await previewReport({
        category: cat,
        location: { lat, lng, coordSystem, address: address.current.trim() || '（地址待填写）' },
        requestType: type,
        source: src ?? undefined,
        reportedEntity: reportedEntity || undefined,
        occurredAt: at ?? undefined,
      })
      if (!current) return
      setState(res.ok ? { status: 'ready', data: res.data } : { status: 'error', message: res.error.message })
    }, DEBOUNCE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [key, attempt])

  return { state, retry: () => setAttempt((n) => n + 1) }
}
