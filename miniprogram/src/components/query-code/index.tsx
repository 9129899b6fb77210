// The anonymous query code, shown once after filing: large, spaced for reading aloud, with 复制.
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import './index.scss'

export default function QueryCode({ code }: { code: string }) {
  return (
    <View className="query-code" data-testid="query-code-card">
      <Text className="query-code__title">您的匿名查询码</Text>
      <Text className="query-code__value" data-testid="query-code" selectable userSelect>
        {code}
      </Text>
      <Text className="hint">
        查询码只显示这一次，请截图或复制保存。凭它可在首页「查询匿名反映」中查看办理进度和答复；它也已和您的微信绑定，可在「我的反映」中查看。
      </Text>
      <Button
        className="btn small query-code__copy"
        onClick={() => void Taro.setClipboardData({ data: code })}
        data-testid="copy-code"
      >
        复制查询码
      </Button>
    </View>
  )
}
