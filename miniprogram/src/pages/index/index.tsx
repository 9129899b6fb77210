import { View, Text } from '@tarojs/components'

export default function Index() {
  return (
    <View className="index">
      <Text>绿哨</Text>
    </View>
  )
}
