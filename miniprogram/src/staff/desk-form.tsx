// The small forms of the supervisor's and the leader's desks (督办, 审核, 重新办理, 回访, 预警处置, 抽查, 接访): a
// form's state with its last error (`useDeskForm`), and the three rows every such form is made of — a labelled
// text box, a labelled row of chips, and the error above the button that sends it.
import { useState, type ReactNode } from 'react'
import { Button, Text, Textarea } from '@tarojs/components'
import type { ApiResult } from '@shared/contracts/result'
import ChipPicker, { type ChipOption } from '../components/chip-picker'

/** One form's fields, its last error and whether it is being sent. */
export function useDeskForm<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof T>(key: K, value: T[K]) => setValues((v) => ({ ...v, [key]: value }))
  /** Sends the form once at a time (the button is held meanwhile); `done` gets the answer, an error stays shown. */
  const submit = async <D,>(send: () => Promise<ApiResult<D>>, done: (data: D) => void) => {
    if (busy) return
    setBusy(true)
    setError(null)
    const result = await send()
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    done(result.data)
  }
  /** A field's value and its setter, for a row's `value` and `onChange`. */
  const field = <K extends keyof T>(key: K) => ({ value: values[key], onChange: (v: T[K]) => set(key, v) })
  return { values, set, field, error, busy, submit }
}

export function DeskText(props: {
  label: string
  testId?: string
  value: string
  onChange: (value: string) => void
  maxlength?: number
}) {
  return (
    <>
      <Text className="label">{props.label}</Text>
      <Textarea
        className="textarea"
        data-testid={props.testId}
        value={props.value}
        maxlength={props.maxlength}
        onInput={(e) => props.onChange(e.detail.value)}
      />
    </>
  )
}

export function DeskChoice<V extends string | boolean>(props: {
  label: string
  testId?: string
  options: ReadonlyArray<ChipOption<V>>
  value: V | null
  onChange: (value: V) => void
  onClear?: () => void
}) {
  return (
    <>
      <Text className="label">{props.label}</Text>
      <ChipPicker
        label={props.label}
        options={props.options}
        value={props.value}
        onChange={props.onChange}
        onClear={props.onClear}
        testId={props.testId}
      />
    </>
  )
}

/** The form's last error, and the button that sends it (held while it is being sent). */
export function DeskSubmit(props: {
  form: { error: string | null; busy: boolean }
  testId?: string
  small?: boolean
  onClick: () => void
  children: ReactNode
}) {
  return (
    <>
      {props.form.error && <Text className="error-text">{props.form.error}</Text>}
      <Button
        className={props.small ? 'btn small' : 'btn'}
        data-testid={props.testId}
        disabled={props.form.busy}
        loading={props.form.busy}
        onClick={props.onClick}
      >
        {props.children}
      </Button>
    </>
  )
}
