// Submitting the draft: checked on the device with the server's own schema first, then sent with automatic
// retries (services/cases). On failure the draft — and its clientRequestId — stay, and 重新提交 sends the
// same request again: whatever happened to the first one, there is never a second case.
import { useCallback, useState } from 'react'
import { submitReportInput, type SubmitReportResult } from '@shared/contracts/cases'
import type { ApiError } from '@shared/contracts/result'
import { submitReport } from '../services/cases'
import type { ReportDraft } from '../services/draft'

export type SubmitState =
  | { phase: 'idle' }
  | { phase: 'submitting'; attempt: number }
  | { phase: 'failed'; error: ApiError; attempts: number }

export type FieldErrors = Record<string, string>

/** What the server's schema receives, built from the draft. */
function submitPayloadOf(d: ReportDraft): unknown {
  return {
    clientRequestId: d.clientRequestId,
    requestType: d.requestType,
    category: d.category ?? undefined,
    source: d.source ?? undefined,
    description: d.description,
    photos: d.photos.flatMap((p) => (p.fileId ? [p.fileId] : [])),
    location: d.position
      ? { lat: d.position.lat, lng: d.position.lng, coordSystem: d.position.coordSystem, address: d.address }
      : undefined,
    occurredAt: d.occurredAt ?? undefined,
    reportedEntity: d.reportedEntity.trim() || undefined,
    reporter:
      d.reporterMode === 'anonymous'
        ? { mode: 'anonymous' }
        : { mode: 'real-name', name: d.name, phone: d.phone },
    consent: d.consent,
  }
}

export function useSubmitReport(onFiled: (result: SubmitReportResult) => void) {
  const [state, setState] = useState<SubmitState>({ phase: 'idle' })
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState('')

  const submit = useCallback(
    async (draft: ReportDraft, photos: { pending: number; failed: number }) => {
      setFormError('')
      if (photos.pending > 0) {
        setFormError('照片还在上传，请等上传完成后再提交')
        return
      }
      if (photos.failed > 0) {
        setFormError('有照片没有上传成功或未通过检查：请点照片重试，或删除后再提交')
        return
      }
      const checked = submitReportInput.safeParse(submitPayloadOf(draft))
      if (!checked.success) {
        const fields: FieldErrors = {}
        for (const issue of checked.error.issues) fields[issue.path.map(String).join('.')] ??= issue.message
        setFieldErrors(fields)
        setFormError('还有内容没有填好，请按红字提示修改')
        return
      }
      setFieldErrors({})
      setState({ phase: 'submitting', attempt: 1 })
      const res = await submitReport(checked.data, (attempt) => setState({ phase: 'submitting', attempt }))
      if (res.ok) {
        setState({ phase: 'idle' })
        onFiled(res.data)
        return
      }
      setFieldErrors(res.error.fields ?? {})
      setState({ phase: 'failed', error: res.error, attempts: res.attempts })
    },
    [onFiled],
  )

  /** The citizen changed these fields: their messages (and sub-fields') go. */
  const clearErrors = useCallback((names: string[]) => {
    setFieldErrors((errors) => {
      const keys = Object.keys(errors)
      const stale = keys.filter((k) => names.some((n) => k === n || k.startsWith(`${n}.`)))
      if (stale.length === 0) return errors
      const next = Object.fromEntries(Object.entries(errors).filter(([k]) => !stale.includes(k)))
      if (Object.keys(next).length === 0) setFormError('')
      return next
    })
  }, [])

  return { state, fieldErrors, formError, submit, clearErrors }
}

/** What to tell the citizen when the submit failed: what happened and what to do. */
export function submitFailureText(error: ApiError, attempts: number): string {
  switch (error.code) {
    case 'NETWORK':
      return `网络不给力，${attempts > 1 ? `已自动重试 ${attempts - 1} 次仍未成功。` : ''}您填写的内容都已保存在手机上，请到信号好的地方点「重新提交」，不会重复提交。`
    case 'CONTENT_REJECTED':
      return `${error.message}（见红字提示的位置）`
    case 'VALIDATION_FAILED':
      return `${error.message}，请按红字提示修改后重新提交`
    case 'RATE_LIMITED':
      return error.message
    case 'UNAUTHENTICATED':
      return '无法确认您的身份，请退出小程序后重新进入再提交'
    case 'INTERNAL':
      return '服务暂时出了问题，您填写的内容已保存，请稍后点「重新提交」，不会重复提交'
    default:
      return error.message
  }
}
