// The filters of a list: state, category, request type, county, and the flags (重要, 紧急, 提级办理, 督办, 逾期).
// Each is a condition of the list's one query on the server; changing one starts the list again.
import { Text, View } from '@tarojs/components'
import type { InboxFilters } from '@shared/contracts/staff'
import { CASE_STATE_KEYS, stateLabel, type CaseStateKey } from '@shared/workflow/states'
import { CATEGORIES, CATEGORY_KEYS, type CategoryKey } from '@shared/vocabulary/categories'
import { REQUEST_TYPE_KEYS, REQUEST_TYPES, type RequestTypeKey } from '@shared/vocabulary/request-types'
import ChipPicker from '../../components/chip-picker'

const FLAGS = [
  { value: 'important', label: '重要' },
  { value: 'urgent', label: '紧急' },
  { value: 'escalated', label: '提级办理' },
  { value: 'supervised', label: '督办' },
  { value: 'overdue', label: '已逾期' },
] as const
type Flag = (typeof FLAGS)[number]['value']

export default function Filters({
  value,
  onChange,
  counties,
}: {
  value: InboxFilters
  onChange: (next: InboxFilters) => void
  counties: Array<{ code: string; name: string }>
}) {
  const set = (patch: Partial<InboxFilters>) => onChange({ ...value, ...patch })
  const flags = FLAGS.filter((f) => value[f.value]).map((f) => f.value)
  return (
    <View className="card workbench__filters" data-testid="filters">
      <Text className="label">状态</Text>
      <ChipPicker
        label="状态"
        testId="filter-status"
        options={CASE_STATE_KEYS.map((k) => ({ value: k, label: stateLabel(k) }))}
        value={(value.status as CaseStateKey | undefined) ?? null}
        onChange={(status) => set({ status })}
        onClear={() => set({ status: undefined })}
      />
      <Text className="label">类别</Text>
      <ChipPicker
        label="类别"
        testId="filter-category"
        options={CATEGORY_KEYS.map((k) => ({ value: k, label: CATEGORIES[k].label }))}
        value={value.category ?? null}
        onChange={(category: CategoryKey) => set({ category })}
        onClear={() => set({ category: undefined })}
      />
      <Text className="label">诉求类型</Text>
      <ChipPicker
        label="诉求类型"
        testId="filter-request-type"
        options={REQUEST_TYPE_KEYS.map((k) => ({ value: k, label: REQUEST_TYPES[k] }))}
        value={value.requestType ?? null}
        onChange={(requestType: RequestTypeKey) => set({ requestType })}
        onClear={() => set({ requestType: undefined })}
      />
      {counties.length > 0 && (
        <>
          <Text className="label">区县</Text>
          <ChipPicker
            label="区县"
            testId="filter-county"
            options={counties.map((c) => ({ value: c.code, label: c.name }))}
            value={value.regionCode ?? null}
            onChange={(regionCode) => set({ regionCode })}
            onClear={() => set({ regionCode: undefined })}
          />
        </>
      )}
      <Text className="label">标记</Text>
      <ChipPicker
        multiple
        label="标记"
        testId="filter-flags"
        options={FLAGS.map((f) => ({ value: f.value, label: f.label }))}
        value={flags}
        onChange={(picked: Flag[]) =>
          set(Object.fromEntries(FLAGS.map((f) => [f.value, picked.includes(f.value) ? true : undefined])))
        }
      />
    </View>
  )
}
