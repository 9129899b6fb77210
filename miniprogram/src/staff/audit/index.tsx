// 查阅与导出记录: every reveal of a reporter's contact and every export of case data in my units, newest first —
// who, when, which case, why (reporter identity is confidential: S0 第十三条). For supervisors.
import { useCallback, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { DisclosureEntry } from '@shared/contracts/staff'
import { formatShanghai } from '@shared/time'
import StateView from '../../components/state-view'
import { listDisclosures } from '../../services/staff'

export default function Audit() {
  const [items, setItems] = useState<DisclosureEntry[] | null>(null)
  const [next, setNext] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    const res = await listDisclosures()
    Taro.stopPullDownRefresh()
    if (!res.ok) return setError(res.error.message)
    setError(null)
    setItems(res.data.items)
    setNext(res.data.next)
  }, [])
  useDidShow(() => void load())
  usePullDownRefresh(() => void load())
  useReachBottom(async () => {
    if (!next) return
    const res = await listDisclosures(next)
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none' })
    setItems((list) => [...(list ?? []), ...res.data.items])
    setNext(res.data.next)
  })

  if (error) return <StateView kind="error" text={error} onRetry={() => void load()} />
  if (!items) return <StateView kind="loading" />
  return (
    <View className="page">
      {items.length === 0 && <StateView kind="empty" text="暂无查阅或导出记录" />}
      {items.map((e) => (
        <View key={e.auditId} className="list-item" data-testid="disclosure">
          <View className="row">
            <Text className="card-title">{e.actionLabel}</Text>
            <Text className="muted">{formatShanghai(e.at)}</Text>
          </View>
          <Text className="hint">
            {e.staffName} · {e.unitName}
          </Text>
          <Text className="hint">{e.subject}</Text>
          {e.reason && <Text className="hint">理由：{e.reason}</Text>}
        </View>
      ))}
    </View>
  )
}
