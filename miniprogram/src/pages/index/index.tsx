import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { CATEGORIES, CATEGORY_KEYS } from '@shared/contracts/categories'
import PersonaPicker from '../../components/persona-picker'
import './index.scss'

export default function Home() {
  const startReport = (category?: string) =>
    Taro.navigateTo({ url: category ? `/pages/report/index?category=${category}` : '/pages/report/index' })

  return (
    <View className="page home">
      <PersonaPicker />
      <View className="home__hero">
        <Text className="home__title">绿哨 · 生态环境问题反映</Text>
        <Text className="home__subtitle">
          噪声扰民、异味废气、污水偷排、乱倒垃圾……拍照定位，一分钟提交，全程可查。
        </Text>
        <Button className="btn home__cta" onClick={() => startReport()} data-testid="start-report">
          我要反映
        </Button>
      </View>
      <View className="card">
        <Text className="card-title">常见问题</Text>
        <View className="chips">
          {CATEGORY_KEYS.map((key) => (
            <View key={key} className="chip" onClick={() => startReport(key)}>
              {CATEGORIES[key].short}
            </View>
          ))}
        </View>
      </View>
      <View className="card">
        <Text className="card-title">我们的承诺</Text>
        <Text className="hint">· 有报必接，件件有回音：受理与否都会告诉您理由。</Text>
        <Text className="hint">· 按法定时限办理，办理进度和答复随时可查。</Text>
        <Text className="hint">· 严格为举报人保密，个人信息不会透露给被举报方。</Text>
      </View>
    </View>
  )
}
