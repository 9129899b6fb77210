// Shown when WeChat holds a privacy API (album, camera, map) until the user agrees to the privacy guide
// (onNeedPrivacyAuthorization). Pages that use such APIs render it once; H5 never triggers it.
import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { onPrivacyRequest, openPrivacyContract, PRIVACY_AGREE_BUTTON_ID } from '../../platform/privacy'
import Sheet from '../sheet'

export default function PrivacyPrompt() {
  const [decide, setDecide] = useState<((agreed: boolean) => void) | null>(null)

  useEffect(() => onPrivacyRequest((d) => setDecide(() => d)), [])

  const close = (agreed: boolean) => {
    decide?.(agreed)
    setDecide(null)
  }

  return (
    <Sheet open={decide !== null} title="个人信息保护提示" onClose={() => close(false)}>
      <Text className="hint">
        反映问题时需要使用相机、相册或位置：照片和位置只用于办理您反映的问题，按《绿哨隐私保护指引》保护，不会用于其他用途。
      </Text>
      <Text className="link" onClick={openPrivacyContract}>
        查看《绿哨隐私保护指引》
      </Text>
      <View className="stack">
        <Button
          className="btn"
          id={PRIVACY_AGREE_BUTTON_ID}
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={() => close(true)}
        >
          同意并继续
        </Button>
        <Button className="btn secondary" onClick={() => close(false)}>
          不同意
        </Button>
      </View>
    </Sheet>
  )
}
