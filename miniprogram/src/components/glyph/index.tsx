// Icons for categories and request types: one character on a coloured tile. Drawn with text and CSS only
// (no image, icon font or emoji), so it looks the same in WeChat and in every browser.
import { Text } from '@tarojs/components'
import type { CategoryKey } from '@shared/vocabulary/categories'
import type { RequestTypeKey } from '@shared/vocabulary/request-types'
import './index.scss'

export const CATEGORY_GLYPHS: Record<CategoryKey, string> = {
  air: '气',
  water: '水',
  noise: '声',
  'solid-waste': '废',
  'hazardous-waste': '危',
  radiation: '辐',
  ecology: '林',
  other: '其',
}

export const REQUEST_TYPE_GLYPHS: Record<RequestTypeKey, string> = {
  consult: '问',
  help: '助',
  complaint: '诉',
  report: '举',
  opinion: '意',
  suggestion: '议',
}

export default function Glyph({
  char,
  tone,
  size = 'md',
}: {
  char: string
  tone: string
  size?: 'sm' | 'md'
}) {
  return (
    <Text className={`glyph glyph--${tone} glyph--${size}`} aria-hidden>
      {char}
    </Text>
  )
}
