// The photos of a case, to look at (the citizen's case view, the staff case page, photos held for review):
// thumbnails that open the full picture; a photo without a link says why instead.
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import './index.scss'

export interface ShownPhoto {
  fileId: string
  url: string | null
  /** Said in place of a photo that has no link (still being checked, no longer available). */
  note?: string
}

export default function CasePhotos({ photos }: { photos: readonly ShownPhoto[] }) {
  if (photos.length === 0) return null
  const urls = photos.flatMap((p) => (p.url ? [p.url] : []))
  return (
    <View className="case-photos" data-testid="case-photos">
      {photos.map((p) =>
        p.url ? (
          <Image
            key={p.fileId}
            className="case-photos__photo"
            src={p.url}
            mode="aspectFill"
            onClick={() => void Taro.previewImage({ urls, current: p.url! })}
          />
        ) : (
          <View key={p.fileId} className="case-photos__photo case-photos__missing">
            <Text>{p.note ?? '照片不可用'}</Text>
          </View>
        ),
      )}
    </View>
  )
}
