// A case as the citizen sees it: status and next due date, the reply, what they may do now (children),
// the progress timeline, the legal deadlines, and what they reported.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { CaseDetailForReporter, CaseTimelineEntry } from '@shared/contracts/cases'
import { CATEGORIES } from '@shared/vocabulary/categories'
import { REQUEST_TYPES } from '@shared/vocabulary/request-types'
import { formatShanghai } from '@shared/time'
import Glyph, { CATEGORY_GLYPHS } from '../glyph'
import CaseTimeline from '../case-timeline'
import CaseClocks from '../case-clocks'
import CasePhotos from '../case-photos'
import StarRating, { STAR_WORDS } from '../star-rating'
import './index.scss'

function latestReply(timeline: CaseTimelineEntry[]): CaseTimelineEntry | null {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const t = timeline[i]!
    if (t.kind === 'send-reply' && t.sections && t.sections.length > 0) return t
  }
  return null
}

export default function CaseView({
  detail,
  children,
}: {
  detail: CaseDetailForReporter
  children?: ReactNode
}) {
  const reply = latestReply(detail.timeline)
  // The latest reply is shown in full on top; its timeline entry points there.
  const timeline = detail.timeline.map((t) =>
    t === reply ? { ...t, sections: undefined, detail: '答复内容见上方「答复意见」。' } : t,
  )
  const mine = detail.relation === 'reporter'

  return (
    <View className="case-view">
      <View className="card">
        <View className="row">
          <Text className="ref-no" data-testid="ref-no">
            {detail.refNo}
          </Text>
          <Text className={`tag ${detail.statusOpen ? '' : 'closed'}`} data-testid="status">
            {detail.statusLabel}
          </Text>
        </View>
        <View className="case-view__title">
          <Glyph char={CATEGORY_GLYPHS[detail.category]} tone={detail.category} size="sm" />
          <Text className="card-title case-view__title-text">
            {REQUEST_TYPES[detail.requestType]} · {CATEGORIES[detail.category].label}
          </Text>
        </View>
        {detail.actions.unfollow && <Text className="tag">我关注的问题 · {detail.followers} 人关注</Text>}
        {detail.nextDue && (
          <Text className="hint" data-testid="next-due">
            {detail.nextDue.label}：{detail.nextDue.date} 前
          </Text>
        )}
        <Text className="hint">办理单位：{detail.unitName ?? '待确定'}</Text>
        {detail.actionNeeded && <Text className="banner warn case-view__needed">{detail.actionNeeded}</Text>}
        {detail.contentNotice && (
          <Text className="banner warn case-view__needed" data-testid="content-notice">
            {detail.contentNotice}
          </Text>
        )}
      </View>

      {reply && (
        <View className="card case-view__reply" data-testid="reply">
          <Text className="card-title">答复意见</Text>
          <Text className="muted">{formatShanghai(reply.at)} 答复</Text>
          {reply.sections!.map((s) => (
            <View key={s.title} className="case-view__section">
              <Text className="case-view__section-title">{s.title}</Text>
              <Text className="case-view__section-body">{s.body}</Text>
            </View>
          ))}
        </View>
      )}

      {detail.rating && (
        <View className="card" data-testid="rating">
          <Text className="card-title">您的评价</Text>
          <StarRating value={detail.rating.stars} readOnly />
          <Text className="hint">
            {STAR_WORDS[detail.rating.stars]}
            {detail.rating.comment ? `：${detail.rating.comment}` : ''}
          </Text>
        </View>
      )}

      {children}

      <View className="card">
        <Text className="card-title">办理进度</Text>
        <CaseTimeline entries={timeline} />
      </View>

      {detail.clocks.length > 0 && (
        <View className="card">
          <Text className="card-title">办理时限</Text>
          <CaseClocks clocks={detail.clocks} />
        </View>
      )}

      <View className="card">
        <Text className="card-title">{mine ? '反映内容' : '问题情况'}</Text>
        <Text className="case-view__description">{detail.description}</Text>
        <CasePhotos photos={detail.photos.filter((p) => p.url)} />
        <Text className="hint">地点：{detail.location.address}</Text>
        {detail.occurredAt && <Text className="hint">发生时间：{formatShanghai(detail.occurredAt)}</Text>}
        {detail.reportedEntity && <Text className="hint">被反映单位：{detail.reportedEntity}</Text>}
        <Text className="hint">反映时间：{formatShanghai(detail.createdAt)}</Text>
        {mine && (
          <Text className="hint">
            反映方式：{detail.reporterMode === 'anonymous' ? '匿名' : '实名（个人信息已加密保护）'}
          </Text>
        )}
      </View>
    </View>
  )
}
