// A post: roles × units, chosen from what the administrator may grant (adminScope).
import { Text, View } from '@tarojs/components'
import type { AdminScope } from '@shared/contracts/staff-admin'
import type { StaffRole } from '@shared/vocabulary/units'

const toggle = <T,>(list: readonly T[], item: T): T[] =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item]

export default function PostFields({
  scope,
  roles,
  unitIds,
  onChange,
}: {
  scope: AdminScope
  roles: StaffRole[]
  unitIds: string[]
  onChange: (post: { roles: StaffRole[]; unitIds: string[] }) => void
}) {
  return (
    <>
      <View className="field">
        <Text className="label">岗位</Text>
        <View className="chips">
          {scope.roles.map((r) => (
            <View
              key={r.role}
              className={`chip ${roles.includes(r.role) ? 'active' : ''}`}
              data-role={r.role}
              onClick={() => onChange({ roles: toggle(roles, r.role), unitIds })}
            >
              {r.label}
            </View>
          ))}
        </View>
        <Text className="hint">奖励管理员、系统管理员没有办案职责，看不到案件。</Text>
      </View>
      <View className="field">
        <Text className="label">单位</Text>
        <View className="chips">
          {scope.units.map((u) => (
            <View
              key={u.id}
              className={`chip ${unitIds.includes(u.id) ? 'active' : ''}`}
              data-unit={u.id}
              onClick={() => onChange({ roles, unitIds: toggle(unitIds, u.id) })}
            >
              {u.name}
            </View>
          ))}
        </View>
      </View>
    </>
  )
}
