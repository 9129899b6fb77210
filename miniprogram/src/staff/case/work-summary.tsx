// Who holds the case now and what it waits for: the lead unit and the officer it names, the units sharing it
// (S2 第十六条), the instructions and the date set on assignment, and — for an urgent case — how long it took
// from the report to the first check-in on site (S2 第十二条).
import { Text, View } from '@tarojs/components'
import type { StaffCaseDetail } from '@shared/contracts/staff'
import { durationText } from '@shared/cases/response-time'
import { formatShanghai } from '@shared/time'

export default function WorkSummary({ detail }: { detail: StaffCaseDetail }) {
  const assignment = detail.assignment
  const others = assignment?.units.filter((u) => !u.lead) ?? []
  const response = detail.responseTime
  return (
    <View className="staff-case__work" data-testid="work-summary">
      <Text className="hint" data-testid="holder">
        在办：{detail.unitName} · 承办人：{detail.officerName ?? '未指定'}
      </Text>
      {others.length > 0 && <Text className="hint">协办单位：{others.map((u) => u.name).join('、')}</Text>}
      {assignment?.instructions && <Text className="hint">交办意见：{assignment.instructions}</Text>}
      {assignment && <Text className="hint">办理时限：{assignment.dueDate ?? '法定办结期限'}</Text>}
      {detail.waitsFor && (
        <Text className="hint" data-testid="waits-for">
          待办：{detail.waitsFor}
        </Text>
      )}
      {response && (
        <Text className="hint" data-testid="response-time">
          {response.minutes === null
            ? `尚未到达现场（${formatShanghai(response.receivedAt, 'MM-DD HH:mm')} 收到）`
            : `到场用时 ${durationText(response.minutes)}（${formatShanghai(response.receivedAt, 'MM-DD HH:mm')} 收到，${formatShanghai(response.checkedInAt!, 'MM-DD HH:mm')} 到场）`}
        </Text>
      )}
    </View>
  )
}
