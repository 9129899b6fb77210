// 办理时限: each legal deadline of the case with its date and the rule it comes from.
import { Text, View } from '@tarojs/components'
import { CLOCK_STATE_LABELS, type CaseClockView } from '@shared/contracts/cases'
import { citeForCitizens } from '@shared/policy/sources'
import './index.scss'

export default function CaseClocks({ clocks }: { clocks: CaseClockView[] }) {
  if (clocks.length === 0) return null
  return (
    <View className="case-clocks" data-testid="clocks">
      {clocks.map((c) => (
        <View key={c.clock} className="case-clocks__item">
          <View className="row">
            <Text className="case-clocks__label">{c.label}</Text>
            <Text className={`tag ${c.overdue ? 'warn' : c.state === 'completed' ? 'closed' : ''}`}>
              {CLOCK_STATE_LABELS[c.overdue ? 'overdue' : c.state]}
            </Text>
          </View>
          {c.due && (
            <Text className="hint">
              {c.due} 前{c.provisional ? '（节假日安排未公布，可能顺延）' : ''}
            </Text>
          )}
          <Text className="muted">依据：{citeForCitizens(c.basis)}</Text>
        </View>
      ))}
    </View>
  )
}
