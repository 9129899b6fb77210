// A row of chips to pick one value, or several: 待办 / 全部 on the workbench, 实名 / 匿名 and the pollution source on
// the report form, the demo personas, the workflow steps a staff member may take, and a staff form's choices,
// 是 / 否 and units. Each chip is a touch target of at least 44 px and says whether it is picked.
import { View } from '@tarojs/components'

export interface ChipOption<V extends string | boolean> {
  value: V
  label: string
  testId?: string
}

interface Common<V extends string | boolean> {
  options: ReadonlyArray<ChipOption<V>>
  /** What the row asks (read out by screen readers). */
  label?: string
  testId?: string
  /** The data attribute carrying each chip's value (`data-value` unless told otherwise). */
  attr?: string
}

type Props<V extends string | boolean> = Common<V> &
  (
    | {
        multiple?: false
        value: V | null
        onChange: (value: V) => void
        /** Tapping the picked chip again clears the choice (optional answers). */
        onClear?: () => void
      }
    | { multiple: true; value: readonly V[]; onChange: (value: V[]) => void }
  )

export default function ChipPicker<V extends string | boolean>(props: Props<V>) {
  const picked = (v: V) => (props.multiple ? props.value.includes(v) : props.value === v)
  const tap = (v: V) => {
    if (props.multiple) {
      props.onChange(picked(v) ? props.value.filter((x) => x !== v) : [...props.value, v])
    } else if (picked(v)) {
      props.onClear?.()
    } else props.onChange(v)
  }
  return (
    <View
      className="chips chip-picker"
      role={props.multiple ? 'group' : 'radiogroup'}
      aria-label={props.label}
      data-testid={props.testId}
    >
      {props.options.map((o) => (
        <View
          key={String(o.value)}
          className={`chip ${picked(o.value) ? 'active' : ''}`}
          role={props.multiple ? 'checkbox' : 'radio'}
          aria-checked={picked(o.value)}
          data-testid={o.testId}
          {...{ [`data-${props.attr ?? 'value'}`]: String(o.value) }}
          onClick={() => tap(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  )
}
