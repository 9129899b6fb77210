// Photos being attached: preview, upload progress, size after compression, retry and remove.
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { PhotoSlot } from '../../hooks/use-photo-uploads'
import './index.scss'

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

export default function PhotoGrid({
  slots,
  canAdd,
  choosing,
  onAdd,
  onRetry,
  onRemove,
  max,
  addLabel = '拍照/相册',
}: {
  slots: PhotoSlot[]
  canAdd: boolean
  choosing: boolean
  onAdd: () => void
  onRetry: (key: string) => void
  onRemove: (key: string) => void
  max: number
  /** What the add tile says (photos taken on site: the camera only). */
  addLabel?: string
}) {
  const previews = slots.flatMap((s) => (s.previewUrl ? [s.previewUrl] : []))
  return (
    <View className="photo-grid">
      {slots.map((s) => (
        <View
          key={s.key}
          className="photo-grid__item"
          data-testid="photo-slot"
          data-status={s.status}
          data-name={s.name ?? ''}
        >
          {s.status === 'refused' ? (
            <View className="photo-grid__img photo-grid__placeholder" />
          ) : s.previewUrl ? (
            <Image
              className="photo-grid__img"
              src={s.previewUrl}
              mode="aspectFill"
              onClick={() => void Taro.previewImage({ urls: previews, current: s.previewUrl! })}
            />
          ) : (
            <View className="photo-grid__img photo-grid__placeholder">
              <Text>预览加载中</Text>
            </View>
          )}
          {(s.status === 'waiting' || s.status === 'uploading') && (
            <View className="photo-grid__bar">
              <View className="photo-grid__bar-fill" style={{ width: `${s.progress}%` }} />
              <Text className="photo-grid__caption">
                {s.status === 'waiting' ? '等待上传' : `上传中 ${s.progress}%`}
              </Text>
            </View>
          )}
          {s.status === 'uploaded' && (
            <Text className="photo-grid__caption photo-grid__caption--done">
              已上传{s.size ? ` · ${formatBytes(s.size)}` : ''}
            </Text>
          )}
          {s.status === 'failed' && (
            <View className="photo-grid__error" onClick={() => onRetry(s.key)}>
              <Text>{s.error ?? '上传失败'}</Text>
              <Text className="photo-grid__retry">点此重试</Text>
            </View>
          )}
          {(s.status === 'rejected' || s.status === 'refused') && (
            <View className="photo-grid__error" role="alert">
              <Text>{s.error}</Text>
            </View>
          )}
          <View
            className="photo-grid__remove"
            onClick={(e) => {
              e.stopPropagation()
              onRemove(s.key)
            }}
            aria-label={s.status === 'refused' ? '知道了，移除' : '删除这张照片'}
          >
            ×
          </View>
        </View>
      ))}
      {canAdd && (
        <View
          className="photo-grid__item photo-grid__add"
          onClick={choosing ? undefined : onAdd}
          data-testid="add-photo"
        >
          <Text className="photo-grid__plus">＋</Text>
          <Text>{choosing ? '正在处理…' : addLabel}</Text>
          <Text className="photo-grid__count">
            {slots.filter((s) => s.status !== 'refused').length}/{max}
          </Text>
        </View>
      )}
    </View>
  )
}
