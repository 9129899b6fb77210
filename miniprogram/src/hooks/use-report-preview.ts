// 提交前确认: once the place and category are known, ask the backend who will handle the report, by when it
// must be answered, whether it is urgent and which open cases nearby look like the same problem. The answer
// is shown only for the inputs it was asked for: while the citizen moves the pin, it is loading.
import { useRef } from 'react'
import type { ReportPreview } from '@shared/contracts/cases'
import { previewReport, type PreviewInput } from '../services/cases'
import type { ReportDraft } from '../services/draft'
import { useAnswer, type AnswerState } from './use-answer'

export type PreviewState = AnswerState<ReportPreview>

const DEBOUNCE_MS = 600

type PreviewKey = [
  PreviewInput['category'],
  number,
  number,
  'gcj02' | 'wgs84',
  PreviewInput['requestType'],
  PreviewInput['source'] | null,
  string,
  string | null,
]

/** Only what changes the answer: the address text does not (routing goes by the coordinates). */
function previewKey(draft: ReportDraft): string | null {
  const { category, position, requestType, source, occurredAt } = draft
  if (!category || !position) return null
  const key: PreviewKey = [
    category,
    position.lat,
    position.lng,
    position.coordSystem,
    requestType,
    source,
    draft.reportedEntity.trim(),
    occurredAt,
  ]
  return JSON.stringify(key)
}

export function useReportPreview(draft: ReportDraft) {
  const address = useRef(draft.address)
  address.current = draft.address
  const { state, retry } = useAnswer(
    previewKey(draft),
    (key) => {
      const [category, lat, lng, coordSystem, requestType, source, reportedEntity, occurredAt] = JSON.parse(
        key,
      ) as PreviewKey
      return previewReport({
        category,
        location: { lat, lng, coordSystem, address: address.current.trim() || '（地址待填写）' },
        requestType,
        source: source ?? undefined,
        reportedEntity: reportedEntity || undefined,
        occurredAt: occurredAt ?? undefined,
      })
    },
    { debounceMs: DEBOUNCE_MS },
  )
  /** The position the answer on screen is for, as the form shows it (`lat, lng` to 5 places). */
  const answeredPosition =
    state.status === 'ready' && draft.position
      ? `${draft.position.lat.toFixed(5)}, ${draft.position.lng.toFixed(5)}`
      : null
  return { state, retry, answeredPosition }
}
