// A bottom sheet over the page (explanations, choices). Closes on the mask or 关闭.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

export default function Sheet({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean
  title: string
  onClose: () => void
  children: ReactNode
}) {
  if (!open) return null
  return (
    <View className="sheet" catchMove>
      <View className="sheet__mask" onClick={onClose} />
      <View className="sheet__panel" role="dialog" aria-label={title}>
        <View className="sheet__head">
          <Text className="sheet__title">{title}</Text>
          <Text className="sheet__close" onClick={onClose}>
            关闭
          </Text>
        </View>
        <View className="sheet__body">{children}</View>
      </View>
    </View>
  )
}
