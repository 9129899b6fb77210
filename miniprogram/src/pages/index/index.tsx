import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { CATEGORIES, CATEGORY_KEYS } from '@shared/vocabulary/categories'
import PersonaPicker from '../../components/persona-picker'
import Glyph, { CATEGORY_GLYPHS } from '../../components/glyph'
import { hasDraft } from '../../services/draft'
import { isLocalMode } from '../../platform/identity'
import './index.scss'

export default function Home() {
  const [draftWaiting, setDraftWaiting] = useState(false)
  useDidShow(() => setDraftWaiting(hasDraft()))

  const startReport = (category?: string) =>
    Taro.navigateTo({ url: category ? `/pages/report/index?category=${category}` : '/pages/report/index' })

  return (
    <View className="page home">
      <PersonaPicker onChange={() => setDraftWaiting(hasDraft())} />
      <View className="home__hero">
        <Text className="home__title">绿哨 · 生态环境问题反映</Text>
        <Text className="home__subtitle">
          噪声扰民、异味废气、污水偷排、乱倒垃圾……拍照定位，一分钟提交，全程可查。
        </Text>
        <Button className="btn home__cta" onClick={() => startReport()} data-testid="start-report">
          {draftWaiting ? '继续填写未提交的反映' : '我要反映'}
        </Button>
      </View>
      <View className="card">
        <Text className="card-title">常见问题</Text>
        <View className="home__categories">
          {CATEGORY_KEYS.map((key) => (
            <View key={key} className="home__category" onClick={() => startReport(key)}>
              <Glyph char={CATEGORY_GLYPHS[key]} tone={key} />
              <Text className="home__category-label">{CATEGORIES[key].short}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className="card home__links">
        <View
          className="home__link"
          onClick={() => void Taro.navigateTo({ url: '/pages/lookup/index' })}
          data-testid="open-lookup"
        >
          <Text className="home__link-title">查询匿名反映</Text>
          <Text className="muted">凭查询码查看办理进度和答复</Text>
        </View>
        <View
          className="home__link"
          onClick={() => void Taro.navigateTo({ url: '/disclosure/index' })}
          data-testid="open-disclosure"
        >
          <Text className="home__link-title">信息公开</Text>
          <Text className="muted">每月办理情况、典型案例、反映途径和有奖举报</Text>
        </View>
        <View className="home__link" onClick={() => void Taro.navigateTo({ url: '/pages/notice/index' })}>
          <Text className="home__link-title">举报须知与保密说明</Text>
          <Text className="muted">如何办理、怎样保密、不满意怎么办</Text>
        </View>
        {isLocalMode && (
          <View
            className="home__link"
            onClick={() => void Taro.navigateTo({ url: '/pages/outbox/index' })}
            data-testid="open-outbox"
          >
            <Text className="home__link-title">通知箱（本地演示）</Text>
            <Text className="muted">查看当前身份收到的微信通知</Text>
          </View>
        )}
      </View>
      <View className="card">
        <Text className="card-title">我们的承诺</Text>
        <Text className="hint">· 有报必接，件件有回音：受理与否都会告诉您理由。</Text>
        <Text className="hint">· 按法定时限办理，办理进度和答复随时可查；不满意可申请复查、复核。</Text>
        <Text className="hint">· 严格为反映人保密，个人信息不会透露给被反映方。</Text>
        <Text className="hint">· 紧急污染事件请直接拨打 12369 环保举报热线。</Text>
      </View>
    </View>
  )
}
