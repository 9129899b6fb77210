// A time of day picked on the phone's wheel, never typed: the time half of a date and time — a report's time of
// occurrence, when a call or letter was received, the catalogue forms' instants — drawn beside a DatePicker and
// like it: an input-sized row of at least 44 px. The value is `HH:mm`, '' when none is picked.
import { Picker, View } from '@tarojs/components'
import './index.scss'

interface Props {
  value: string
  onChange: (value: string) => void
  /** Shown while nothing is picked. */
  placeholder?: string
  /** Where the wheel starts while nothing is picked (`HH:mm`): the phone's wheel otherwise starts at 00:00. */
  initial?: string
  testId?: string
}

export default function TimePicker({ value, onChange, placeholder, initial, testId }: Props) {
  return (
    <View className="time-picker" data-testid={testId} data-value={value}>
      <Picker mode="time" value={value || initial || ''} onChange={(e) => onChange(String(e.detail.value))}>
        <View className={`input time-picker__value ${value ? '' : 'time-picker__value--empty'}`}>
          {value || placeholder || '请选择时间'}
        </View>
      </Picker>
    </View>
  )
}
