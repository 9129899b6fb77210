// 通知箱 (local mode only): the subscribe messages WeChat would have pushed to the current persona, as the
// local notifier records them. Tapping one opens the page the message points to.
import { useCallback, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatShanghai } from '@shared/time'
import StateView from '../../components/state-view'
import PersonaPicker from '../../components/persona-picker'
import { useLatestWins } from '../../hooks/use-answer'
import type { OutboxMessage } from '../../platform/dev'
import { SUBSCRIBE_TEMPLATES } from '@shared/vocabulary/subscribe-templates'
import { listOutbox } from '../../services/notifications'
import './index.scss'

type Load =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: OutboxMessage[] }

export default function OutboxPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' })

  // After a persona switch, only the new persona's messages may show.
  const begin = useLatestWins()
  const refresh = useCallback(async () => {
    const ticket = begin()
    const res = await listOutbox()
    if (!ticket.isLatest()) return
    if (res.ok) setLoad({ status: 'ready', items: res.data.items })
    else setLoad({ status: 'error', message: res.error.message })
  }, [begin])

  useDidShow(() => void refresh())
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()))

  return (
    <View className="page outbox">
      <PersonaPicker
        onChange={() => {
          setLoad({ status: 'loading' })
          void refresh()
        }}
      />
      <Text className="hint outbox__intro">
        在微信中，这些消息会以「服务通知」推送给用户（需用户订阅）。本地演示把它们记录在这里。
      </Text>
      {load.status === 'loading' && <StateView kind="loading" text="正在加载通知…" />}
      {load.status === 'error' && (
        <StateView kind="error" text={load.message} onRetry={() => void refresh()} />
      )}
      {load.status === 'ready' && load.items.length === 0 && <StateView kind="empty" text="还没有收到通知" />}
      {load.status === 'ready' &&
        load.items.map((m, i) => (
          <View
            key={`${m.createdAt}-${i}`}
            className="list-item"
            data-testid="outbox-item"
            onClick={() => m.page && void Taro.navigateTo({ url: `/${m.page}` })}
          >
            <View className="row">
              <Text className="outbox__template">
                {SUBSCRIBE_TEMPLATES[m.template as keyof typeof SUBSCRIBE_TEMPLATES] ?? m.template}
              </Text>
              <Text className="muted">{formatShanghai(m.createdAt, 'MM-DD HH:mm')}</Text>
            </View>
            <Text className="outbox__text">{m.data.thing2 ?? ''}</Text>
            <View className="row">
              <Text className="ref-no">{m.data.character_string1 ?? ''}</Text>
              {m.data.phrase3 && <Text className="tag">{m.data.phrase3}</Text>}
            </View>
            {m.data.time4 && <Text className="muted">{m.data.time4}</Text>}
          </View>
        ))}
    </View>
  )
}
