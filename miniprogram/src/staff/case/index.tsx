import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'

// The case-handling page of the staff subpackage (workflow actions arrive with the workbench issue).
export default function StaffCase() {
  const { params } = useRouter()
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">案件 {params.id}</Text>
      </View>
    </View>
  )
}
