// A date or a month picked on the phone's wheel, never typed: the staff forms' deadlines (督办期限, 整改期限),
// the dates of a reception or a payout, a statistics period or a spot check's month, and the catalogue forms'
// date fields. The value is `YYYY-MM-DD` (a month: `YYYY-MM`), '' when none is picked; the wheel then starts on
// the phone's today. The touch target is an input-sized row of at least 44 px.
import { Picker, Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  value: string
  onChange: (value: string) => void
  /** A month (`YYYY-MM`) instead of a day. */
  month?: boolean
  /** Shown while nothing is picked. */
  placeholder?: string
  /** The earliest and latest choice (`YYYY-MM-DD`, or `YYYY-MM` for a month). */
  start?: string
  end?: string
  /** An optional answer: 清除 takes the choice back. */
  onClear?: () => void
  testId?: string
}

export default function DatePicker({
  value,
  onChange,
  month,
  placeholder,
  start,
  end,
  onClear,
  testId,
}: Props) {
  return (
    <View className="date-picker" data-testid={testId} data-value={value}>
      <Picker
        mode="date"
        fields={month ? 'month' : 'day'}
        value={value}
        start={start}
        end={end}
        onChange={(e) => onChange(String(e.detail.value))}
      >
        <View className={`input date-picker__value ${value ? '' : 'date-picker__value--empty'}`}>
          {value || placeholder || (month ? '请选择月份' : '请选择日期')}
        </View>
      </Picker>
      {onClear && value && (
        <Text className="link date-picker__clear" onClick={onClear}>
          清除
        </Text>
      )}
    </View>
  )
}
