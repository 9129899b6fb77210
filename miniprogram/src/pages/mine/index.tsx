// 我的反映: every case the citizen reported or follows — status, the next date the bureau owes something
// by, unread news (badge) and what is asked of them. Pull down to refresh; more load at the bottom.
import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { CATEGORIES } from '@shared/vocabulary/categories'
import { REQUEST_TYPES } from '@shared/vocabulary/request-types'
import { formatShanghai } from '@shared/time'
import StateView from '../../components/state-view'
import PersonaPicker from '../../components/persona-picker'
import Glyph, { CATEGORY_GLYPHS } from '../../components/glyph'
import { useMyCases } from '../../hooks/use-my-cases'
import { hasDraft } from '../../services/draft'
import { isLocalMode } from '../../platform/identity'
import './index.scss'

export default function MyReports() {
  const { items, next, load, more, refresh, reset, loadMore } = useMyCases()
  const [draftWaiting, setDraftWaiting] = useState(false)

  useDidShow(() => {
    setDraftWaiting(hasDraft())
    void refresh()
  })
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void loadMore())

  const open = (caseId: string) => void Taro.navigateTo({ url: `/pages/case/index?id=${caseId}` })

  return (
    <View className="page mine">
      <PersonaPicker
        onChange={() => {
          setDraftWaiting(hasDraft())
          void reset()
        }}
      />
      {draftWaiting && (
        <View
          className="banner warn mine__draft"
          onClick={() => void Taro.navigateTo({ url: '/pages/report/index' })}
          data-testid="draft-waiting"
        >
          <Text>您有一条还没提交的反映，点此继续填写</Text>
        </View>
      )}
      {load.status === 'loading' && <StateView kind="loading" text="正在加载我的反映…" />}
      {load.status === 'error' && items.length === 0 && (
        <StateView kind="error" text={load.message} onRetry={() => void refresh()} />
      )}
      {load.status === 'error' && items.length > 0 && (
        <Text className="banner error" onClick={() => void refresh()}>
          刷新失败：{load.message}（点此重试）
        </Text>
      )}
      {load.status === 'ready' && items.length === 0 && (
        <StateView
          kind="empty"
          text="您还没有反映过问题。发现噪声、异味、污水、乱倒垃圾等问题，拍照定位一分钟就能提交。"
          action={{ label: '我要反映', onClick: () => void Taro.navigateTo({ url: '/pages/report/index' }) }}
        />
      )}
      {items.map((c) => (
        <View
          key={c.caseId}
          className="list-item mine__item"
          data-testid="my-case"
          onClick={() => open(c.caseId)}
        >
          <View className="row">
            <Text className="ref-no">{c.refNo}</Text>
            <View className="mine__status">
              {c.unread > 0 && (
                <Text className="badge" data-testid="unread" aria-label={`${c.unread} 条新消息`}>
                  {c.unread}
                </Text>
              )}
              <Text className={`tag ${c.statusOpen ? '' : 'closed'}`}>{c.statusLabel}</Text>
            </View>
          </View>
          <View className="mine__title">
            <Glyph char={CATEGORY_GLYPHS[c.category]} tone={c.category} size="sm" />
            <Text className="mine__title-text">
              {REQUEST_TYPES[c.requestType]} · {CATEGORIES[c.category].label}
            </Text>
            {c.relation === 'follower' && <Text className="tag">关注</Text>}
          </View>
          <Text className="hint">{c.address}</Text>
          {c.actionNeeded && (
            <Text className="tag warn mine__needed" data-testid="action-needed">
              {c.actionNeeded}
            </Text>
          )}
          {c.nextDue && (
            <Text className="hint" data-testid="next-due">
              {c.nextDue.label}：{c.nextDue.date} 前
            </Text>
          )}
          <View className="row">
            <Text className="muted">{formatShanghai(c.createdAt)} 反映</Text>
            <Text className="muted">{c.unitName ?? ''}</Text>
          </View>
        </View>
      ))}
      {more.loading && <StateView kind="loading" text="正在加载更多…" />}
      {more.error && <StateView kind="error" text={more.error} onRetry={() => void loadMore()} />}
      {load.status === 'ready' && next && !more.loading && !more.error && (
        <Button
          className="btn secondary small mine__more"
          onClick={() => void loadMore()}
          data-testid="load-more"
        >
          加载更多
        </Button>
      )}
      {load.status === 'ready' && items.length > 0 && !next && (
        <Text className="muted mine__end">没有更多了</Text>
      )}
      {isLocalMode && (
        <Text
          className="link mine__outbox"
          onClick={() => void Taro.navigateTo({ url: '/pages/outbox/index' })}
        >
          本地演示：查看通知箱
        </Text>
      )}
    </View>
  )
}
