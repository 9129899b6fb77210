// 1–5 stars, drawn with the ★ character (in every CJK font), each star a 44px touch target.
import { Text, View } from '@tarojs/components'
import './index.scss'

export const STAR_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意']

export default function StarRating({
  value,
  onChange,
  readOnly = false,
}: {
  value: number
  onChange?: (stars: number) => void
  readOnly?: boolean
}) {
  return (
    <View className="star-rating" role="radiogroup" aria-label="评分">
      {[1, 2, 3, 4, 5].map((n) => (
        <View
          key={n}
          className={`star-rating__star ${n <= value ? 'on' : ''} ${readOnly ? 'read-only' : ''}`}
          onClick={readOnly ? undefined : () => onChange?.(n)}
          role="radio"
          aria-checked={n === value}
          aria-label={`${n} 星`}
          data-testid={`star-${n}`}
        >
          ★
        </View>
      ))}
      {value > 0 && <Text className="star-rating__word">{STAR_WORDS[value]}</Text>}
    </View>
  )
}
