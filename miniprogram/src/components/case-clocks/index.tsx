// 办理时限: each legal deadline of the case with its date, its state and the rule it comes from — on the citizen's
// case and on the staff case page alike.
import { Text, View } from '@tarojs/components'
import { CLOCK_STATE_LABELS, type CaseClockView } from '@shared/contracts/cases'
import { citeForCitizens, citeForStaff } from '@shared/policy/sources'
import './index.scss'

/** Citizens read a rule by the document's name; staff also by the seed label they work with (S0, S2 …). */
const CITE = { citizen: citeForCitizens, staff: citeForStaff }

export default function CaseClocks({
  clocks,
  reader = 'citizen',
}: {
  clocks: CaseClockView[]
  reader?: keyof typeof CITE
}) {
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
          <Text className="muted">依据：{CITE[reader](c.basis)}</Text>
        </View>
      ))}
    </View>
  )
}
