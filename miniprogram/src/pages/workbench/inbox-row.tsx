// One row of a workbench list: what the case is, who holds it now (unit and named officer), what it waits for,
// and how near its next due date is (已逾期 / 今日到期 / 3个工作日内到期, on the working-day calendar).
import { Text, View } from '@tarojs/components'
import type { InboxItem } from '@shared/contracts/staff'
import { CONTENT_HELD_TAG } from '@shared/cases/held-content'
import { DUE_BADGES } from '@shared/cases/todo-lists'
import { durationText } from '@shared/cases/response-time'
import { formatShanghai } from '@shared/time'
import { CATEGORIES } from '@shared/vocabulary/categories'
import { REQUEST_TYPES } from '@shared/vocabulary/request-types'

export default function InboxRow({ item: c, onOpen }: { item: InboxItem; onOpen: (caseId: string) => void }) {
  const response = c.responseTime
  return (
    <View
      className="list-item"
      data-testid="inbox-item"
      data-case={c.caseId}
      onClick={() => onOpen(c.caseId)}
    >
      <View className="row">
        <Text className="ref-no">{c.refNo}</Text>
        <Text className="tag">{c.statusLabel}</Text>
      </View>
      <View>
        {c.urgent && <Text className="tag warn">紧急</Text>}
        {c.important && <Text className="tag warn">重要</Text>}
        {c.escalated && <Text className="tag warn">提级办理</Text>}
        {c.supervised && <Text className="tag warn">督办</Text>}
        {c.leaderCase && <Text className="tag warn">领导包案</Text>}
        {c.contentHeld && <Text className="tag warn">{CONTENT_HELD_TAG}</Text>}
        {c.nextDue && (
          <Text
            className={`tag ${c.dueBadge ? 'warn' : ''}`}
            data-testid="due-badge"
            data-badge={c.dueBadge ?? ''}
          >
            {c.nextDue.label} {c.dueBadge ? DUE_BADGES[c.dueBadge] : ''} {c.nextDue.date}
          </Text>
        )}
      </View>
      <Text className="card-title">
        {REQUEST_TYPES[c.requestType]} · {CATEGORIES[c.category].label}
      </Text>
      <Text className="hint">{c.descriptionExcerpt}</Text>
      <Text className="hint">{c.address}</Text>
      <Text className="hint" data-testid="holder">
        在办：{c.unitName} · {c.officerName ?? '未指定承办人'}
      </Text>
      {c.waitsFor && (
        <Text className="hint" data-testid="waits-for">
          待办：{c.waitsFor}
        </Text>
      )}
      {response && (
        <Text className="hint" data-testid="response-time">
          {response.minutes === null ? '尚未到达现场' : `到场用时 ${durationText(response.minutes)}`}
        </Text>
      )}
      <View className="row">
        <Text className="muted">{formatShanghai(c.createdAt)}</Text>
        <Text className="muted">
          {c.reporter.mode === 'anonymous' ? '匿名' : `${c.reporter.name ?? ''} ${c.reporter.phone ?? ''}`}
        </Text>
      </View>
    </View>
  )
}
