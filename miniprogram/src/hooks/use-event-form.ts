// A workflow form as a staff member fills it in: its fields from the event catalogue, its values kept on the
// device as they are typed (services/event-drafts) and restored after a reload, a redrafted reply starting from
// the one sent back, a message next to each field — from the event's own schema before sending, and from the
// server's `error.fields` after — and the submit. The draft goes once the event is accepted.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useDidHide, useUnload } from '@tarojs/taro'
import type { StaffCaseDetail } from '@shared/contracts/staff'
import type { CaseEventInput, CaseEventType } from '@shared/workflow/events'
import {
  blankValues,
  checkEvent,
  formFieldsOf,
  photosNotReady,
  previousDraft,
  serverFieldErrors,
  type FieldErrors,
  type FormValue,
  type FormValues,
} from '../forms/event-forms'
import { clearEventDraft, loadEventDraft, saveEventDraft } from '../services/event-drafts'
import type { ActOutcome } from './use-staff-case'

const SAVE_DELAY_MS = 400

/** Where the values on the form came from, when not from a blank form. */
export type FormOrigin =
  { kind: 'restored'; savedAt: string } | { kind: 'previous'; at: string; sentBack: string | null } | null

/** Values a form starts from, from the case: what the person would otherwise copy by hand. */
const STARTING_VALUES: Partial<Record<CaseEventType, (detail: StaffCaseDetail) => FormValues>> = {
  // The reply's 救济渠道 from this case's policy.
  'draft-reply': (detail) => ({ 'reply.remedies': detail.replyRemedies }),
  // S0 第七条(一): the on-site record starts from the report — the reported party and the address, to correct.
  'record-site-visit': (detail) => ({
    'record.reportedEntity': detail.reportedEntity ?? '',
    'record.address': detail.location.address,
  }),
  // S0 第七条(二): the party responsible for the rectification is, most often, the one reported.
  'order-rectification': (detail) => ({ responsibleParty: detail.reportedEntity ?? '' }),
}

function startingValues(type: CaseEventType, detail: StaffCaseDetail): FormValues {
  return STARTING_VALUES[type]?.(detail) ?? {}
}

interface Start {
  values: FormValues
  origin: FormOrigin
}

/** The form as it opens (`start`), and as it would without a draft kept on the device (`fresh`). */
function initialForm(caseId: string, type: CaseEventType, detail: StaffCaseDetail) {
  const blank = blankValues(type, new Date())
  const previous = previousDraft(type, detail.timeline)
  const fresh: Start = previous
    ? {
        values: { ...blank, ...previous.values },
        origin: { kind: 'previous', at: previous.at, sentBack: previous.sentBack },
      }
    : { values: { ...blank, ...startingValues(type, detail) }, origin: null }
  const stored = loadEventDraft(caseId, type)
  const start: Start = stored
    ? { values: { ...blank, ...stored.values }, origin: { kind: 'restored', savedAt: stored.savedAt } }
    : fresh
  return { start, fresh }
}

export function useEventForm(options: {
  caseId: string
  type: CaseEventType
  detail: StaffCaseDetail
  act: (event: CaseEventInput) => Promise<ActOutcome>
}) {
  const { caseId, type, detail, act } = options
  const fields = useMemo(() => formFieldsOf(type), [type])
  const [initial] = useState(() => initialForm(caseId, type, detail))
  const [values, setValues] = useState<FormValues>(initial.start.values)
  const [origin, setOrigin] = useState<FormOrigin>(initial.start.origin)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState(false)
  const [savedAt, setSavedAt] = useState<string | null>(null)
  const [saveFailed, setSaveFailed] = useState(false)
  // Only what the person changed is a draft: a form merely opened (its defaults) is not kept.
  const dirty = useRef(false)
  const finished = useRef(false)
  const latest = useRef(values)
  latest.current = values

  const persist = useCallback(
    (v: FormValues) => {
      if (!dirty.current || finished.current) return
      const now = new Date()
      const ok = saveEventDraft(caseId, type, v, now)
      setSaveFailed(!ok)
      if (ok) setSavedAt(now.toISOString())
    },
    [caseId, type],
  )
  useEffect(() => {
    const timer = setTimeout(() => persist(values), SAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [values, persist])
  // Leaving the page or the app: write now, not after the delay.
  useDidHide(() => persist(latest.current))
  useUnload(() => persist(latest.current))

  /** Sets a field (or updates it from its current value); its message goes. */
  const set = useCallback((key: string, next: FormValue | ((current: FormValue) => FormValue)) => {
    dirty.current = true
    setValues((v) => ({ ...v, [key]: typeof next === 'function' ? next(v[key] ?? null) : next }))
    setErrors((e) => {
      const stale = Object.keys(e).filter((k) => k === key || k.startsWith(`${key}.`))
      if (stale.length === 0) return e
      const rest = Object.fromEntries(Object.entries(e).filter(([k]) => !stale.includes(k)))
      if (Object.keys(rest).length === 0) setFormError('')
      return rest
    })
  }, [])

  /** 清空重填: the draft goes; the form starts again as it would without one. */
  const discard = useCallback(() => {
    clearEventDraft(caseId, type)
    dirty.current = false
    setValues(initial.fresh.values)
    setOrigin(initial.fresh.origin)
    setErrors({})
    setFormError('')
    setSavedAt(null)
  }, [caseId, type, initial])

  /** Checks and sends the event; true once the server has accepted it. */
  const submit = useCallback(async (): Promise<boolean> => {
    if (busy) return false
    setFormError('')
    const uploading = photosNotReady(type, values)
    if (uploading.length > 0) {
      setErrors(
        Object.fromEntries(
          uploading.map((k) => [k, '照片还没有全部上传成功：请等上传完成，或重试、删除未成功的照片']),
        ),
      )
      return false
    }
    const checked = checkEvent(type, values)
    if (!checked.ok) {
      setErrors(checked.errors)
      setFormError(checked.errors._ ?? '还有内容没有填好，请按红字提示修改')
      return false
    }
    setErrors({})
    setBusy(true)
    const outcome = await act(checked.event as CaseEventInput)
    setBusy(false)
    if (outcome.ok) {
      finished.current = true
      clearEventDraft(caseId, type)
      return true
    }
    const server = serverFieldErrors(outcome.error)
    setErrors(server.fields)
    setFormError(
      Object.keys(server.fields).length > 0 && !server.other
        ? '还有内容不符合要求，请按红字提示修改'
        : outcome.error.message,
    )
    return false
  }, [busy, type, values, act, caseId])

  return {
    fields,
    values,
    set,
    errors,
    formError,
    busy,
    submit,
    discard,
    origin,
    savedAt,
    saveFailed,
  }
}
